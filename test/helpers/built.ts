/**
 * Builds dist/ when it is missing or older than the sources, so the reliability suites run the
 * compiled CLI exactly as a user does (`npm test` builds first anyway).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const compiled = join(root, 'dist/cli/main.js');
  const bundled = join(root, 'dist/bundle/main.cjs');
  const sources = Math.max(...['cli', 'engine', 'xlsx'].map((d) => newestSource(join(root, d))));
  const fresh = (f: string): boolean => existsSync(f) && statSync(f).mtimeMs >= sources;
  if (fresh(compiled) && fresh(bundled)) return;
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch {
    // type errors still emit JavaScript; the assertions tell whether it runs
  }
  // bin/perf-check.js runs the bundle when there is one: it must not be older than the sources.
  execFileSync(process.execPath, [join(root, 'scripts/bundle-cli.mjs')], { cwd: root, stdio: 'pipe' });
}
