/**
 * One production build of the add-in shared by every test file that needs it (the manifest
 * checks, the browser tests), cached by a hash of its inputs in the system temp directory. Test
 * files run in parallel workers: the first takes a lock and builds, the others wait for it.
 * In harness/ because the benchmark uses it too, and bench/ does not import test code (lint).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Configuration, Stats, StatsCompilation } from 'webpack';

export const ROOT = join(__dirname, '..');
export const DEPLOY_HOST = 'https://oa.example.gov.cn/perf/';
const INPUTS = [
  'harness/build.ts',
  'addin',
  'taskpane',
  'engine',
  'xlsx',
  'assets',
  'examples',
  'manifest.xml',
  'webpack.config.js',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.addin.json',
];

function files(p: string): string[] {
  const full = join(ROOT, p);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [p];
  return readdirSync(full)
    .sort()
    .flatMap((f) => files(join(p, f)));
}

function inputHash(): string {
  const h = createHash('sha1');
  for (const f of INPUTS.flatMap(files)) {
    h.update(f);
    h.update(readFileSync(join(ROOT, f)));
  }
  return h.digest('hex').slice(0, 16);
}

export interface Build {
  dir: string;
  /** Errors and warnings of the build, as webpack reports them. */
  stats: Pick<StatsCompilation, 'errors' | 'warnings'> & { modules: string[] };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runWebpack(outDir: string): Promise<Stats> {
  const requireCjs = createRequire(__filename);
  const webpack = requireCjs('webpack') as typeof import('webpack');
  const makeConfig = requireCjs(join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<Configuration>;
  const config = await makeConfig(
    { ADDIN_HOST: DEPLOY_HOST, outputPath: outDir, quiet: true },
    { mode: 'production' },
  );
  return new Promise<Stats>((done, fail) =>
    webpack(config, (err, result) => (err || !result ? fail(err ?? new Error('no stats')) : done(result))),
  );
}

/** The production build of the current sources (built now, or by an earlier test file). */
export async function productionBuild(): Promise<Build> {
  const base = join(tmpdir(), `perf-addin-build-${inputHash()}`);
  const done = join(base, '.stats.json');
  const lock = `${base}.lock`;
  for (let waited = 0; !existsSync(done); waited += 500) {
    try {
      mkdirSync(lock);
    } catch {
      if (waited > 600_000) throw new Error(`build lock ${lock} held for 10 minutes`);
      await sleep(500);
      continue;
    }
    try {
      if (existsSync(done)) break;
      const tmp = `${base}.tmp-${process.pid}`;
      rmSync(tmp, { recursive: true, force: true });
      const stats = await runWebpack(tmp);
      const info = stats.toJson({
        all: false,
        errors: true,
        warnings: true,
        modules: true,
        nestedModules: true,
      });
      const modules = (info.modules ?? []).flatMap((m) => [
        m.name ?? '',
        ...(m.modules ?? []).map((n) => n.name ?? ''),
      ]);
      writeFileSync(
        join(tmp, '.stats.json'),
        JSON.stringify({ errors: info.errors ?? [], warnings: info.warnings ?? [], modules }),
      );
      rmSync(base, { recursive: true, force: true });
      renameSync(tmp, base);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return { dir: base, stats: JSON.parse(readFileSync(done, 'utf8')) as Build['stats'] };
}

/** Every file of a build, as paths relative to its directory with forward slashes. */
export function builtFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
  return walk(dir).map((f) => relative(dir, f).split('\\').join('/'));
}
