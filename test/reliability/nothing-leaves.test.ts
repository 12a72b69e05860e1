/**
 * Let nothing out: the lint rules that keep code from evaluating strings, injecting HTML or
 * logging cell content are in force (checked by linting small snippets with the project's own
 * config); `npm audit` is wired into CI; and the CLI writes no file but the --out it was given
 * (run under Node's permission model, which refuses every other write).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../cli/helpers';
import { ensureBuilt } from '../helpers/built';

const root = resolve(__dirname, '../..');

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [r] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (r?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint rules keep strings from running and cell text from becoming HTML or logs', () => {
  it.each([
    ['engine/x.ts', 'export const f = (s: string): unknown => eval(s);\n', 'no-eval'],
    ['cli/x.ts', 'export const f = (s: string): unknown => new Function(s);\n', 'no-new-func'],
    ['xlsx/x.ts', "export const f = (): unknown => setTimeout('alert(1)', 0);\n", 'no-implied-eval'],
    ['engine/x.ts', 'export const f = (name: string): void => console.log(name);\n', 'no-console'],
    ['xlsx/x.ts', 'export const f = (name: string): void => console.error(name);\n', 'no-console'],
    ['cli/x.ts', 'export const f = (name: string): void => console.warn(name);\n', 'no-console'],
    [
      'taskpane/x.tsx',
      'export const C = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;\n',
      'no-restricted-syntax',
    ],
    [
      'taskpane/x.ts',
      'export const f = (e: HTMLElement, t: string): void => { e.innerHTML = t; };\n',
      'no-restricted-syntax',
    ],
    [
      'addin/x.ts',
      "export const f = (e: HTMLElement, t: string): void => e.insertAdjacentHTML('beforeend', t);\n",
      'no-restricted-syntax',
    ],
  ])('%s: %s is refused (%s)', async (file, code, rule) => {
    expect(await ruleIds(code, file)).toContain(rule);
  });

  it('text rendered as text passes', async () => {
    expect(
      await ruleIds(
        'export const f = (e: HTMLElement, t: string): void => { e.textContent = t; };\n',
        'taskpane/x.ts',
      ),
    ).toEqual([]);
  });
});

describe('CI checks the production dependencies with npm audit', () => {
  const ci = readFileSync(join(root, '.ci/run'), 'utf8');
  // The audit step of .ci/run, run against a fake npm that answers as the registry would.
  const step = /^audit_out=[\s\S]*?^fi$/m.exec(ci)?.[0] ?? '';

  function audit(output: string, status: number) {
    const tmp = makeTempDir('perf-audit-');
    try {
      const fake = join(tmp.dir, 'npm');
      writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' '${output}'\nexit ${status}\n`, { mode: 0o755 });
      const r = spawnSync('bash', ['-c', step], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${tmp.dir}:${process.env.PATH ?? ''}` },
      });
      return { code: r.status, out: r.stdout + r.stderr };
    } finally {
      tmp.cleanup();
    }
  }

  it('.ci/run installs LibreOffice when absent and audits the production dependencies', () => {
    expect(ci).toMatch(/apt_install libreoffice-calc|apt-get install[^\n]*libreoffice-calc/);
    expect(step).toContain('npm audit --omit=dev --audit-level=high');
  });

  it('passes a clean audit, fails on high/critical advisories, goes on when the registry is unreachable', () => {
    expect(audit('found 0 vulnerabilities', 0)).toMatchObject({ code: 0 });
    const bad = audit('1 high severity vulnerability', 1);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('npm audit: high or critical advisories in production dependencies');
    const offline = audit('npm error code ENOTFOUND', 1);
    expect(offline.code).toBe(0);
    expect(offline.out).toContain("the registry's audit endpoint is unreachable; skipped");
    expect(audit('npm error audit endpoint returned an error', 1).code).toBe(0);
  });
});

describe('the CLI writes nothing but the --out it is given', () => {
  let tmp: { dir: string; cleanup: () => void };
  beforeAll(() => {
    ensureBuilt();
  }, 120_000);

  /** perf-check under Node's permission model: reads anywhere, writes only where allowed. */
  function sandboxed(args: string[], writable: string | null) {
    const perms = ['--experimental-permission', '--allow-fs-read=*', '--allow-worker'];
    if (writable) perms.push(`--allow-fs-write=${writable}`);
    const r = spawnSync(process.execPath, [...perms, join(root, 'bin/perf-check.js'), ...args], {
      cwd: tmp.dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', NODE_NO_WARNINGS: '1' },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('validate and score read a workbook with 责任人 names and write no file at all', () => {
    tmp = makeTempDir('perf-sandbox-');
    try {
      const file = join(root, 'examples/sanming-2023-responsibility.xlsx');
      for (const cmd of ['validate', 'score']) {
        const r = sandboxed([cmd, '--json', file], null);
        expect(r.err).toBe('');
        expect([0, 1]).toContain(r.code);
        expect(JSON.parse(r.out)).toHaveProperty('files');
      }
      expect(readdirSync(tmp.dir)).toEqual([]);
    } finally {
      tmp.cleanup();
    }
  });

  it('score --out writes only its output, and says so clearly when it may not', () => {
    tmp = makeTempDir('perf-sandbox-');
    try {
      const file = join(root, 'examples/wenzhou-2024-evaluation.xlsx');
      const out = join(tmp.dir, 'out', '已评分.xlsx');
      const denied = sandboxed(['score', '--out', join(tmp.dir, '已评分.xlsx'), file], join(tmp.dir, 'out'));
      expect(denied.code).toBe(2);
      expect(denied.err).toMatch(/^perf-check: 无法写出 .*已评分\.xlsx（ERR_ACCESS_DENIED）/);
      spawnSync('mkdir', [join(tmp.dir, 'out')]);
      const ok = sandboxed(['score', '--out', out, file], join(tmp.dir, 'out'));
      expect(ok.err).toBe('');
      expect(ok.code).toBe(0);
      expect(readdirSync(join(tmp.dir, 'out'))).toEqual(['已评分.xlsx']);
      expect(readdirSync(tmp.dir)).toEqual(['out']);
    } finally {
      tmp.cleanup();
    }
  });
});
