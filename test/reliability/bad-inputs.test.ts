/**
 * The corpus of broken and hostile inputs (test/fixtures/bad/, made by
 * scripts/make-bad-fixtures.ts, outcomes in expected.json), run through the compiled CLI as a user
 * runs it. Each answers with exit 2 and one line naming the problem in Chinese and English, or with
 * findings (exit 0/1); never a stack trace. The 1,000,000-row sheet runs under a 192 MB heap limit:
 * bounded memory, or the test fails.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBadFixtures, type BadFixture } from '../../scripts/make-bad-fixtures';
import { makeTempDir } from '../cli/helpers';
import { ensureBuilt } from '../helpers/built';

const root = resolve(__dirname, '../..');
const dir = join(root, 'test/fixtures/bad');
const manifest = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as BadFixture[];
const HEAP_MB = 192;

function perfCheck(args: string[]) {
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, join(root, 'bin/perf-check.js'), ...args],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    },
  );
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr, ms: performance.now() - t };
}

beforeAll(() => ensureBuilt(), 120_000);

describe('bad-input corpus', () => {
  it('covers every kind of bad input the issue lists', () => {
    expect(manifest.map((f) => f.file).sort()).toEqual(
      [
        'blank-sheet.xlsx',
        'circular-perf.xlsx',
        'csv-renamed.xlsx',
        'errors-everywhere.xlsx',
        'headers-only.xlsx',
        'million-rows-sparse.xlsx',
        'no-sheets.xlsx',
        'no-table.xlsx',
        'not-a-zip.xlsx',
        'old-format.xls',
        'password.xlsx',
        'truncated.xlsx',
        'zip-bomb.xlsx',
      ].sort(),
    );
  });

  it.each(manifest.map((f) => [f.file, f] as const))('%s', (file, f) => {
    // Findings come as JSON (checked below); refusals as the one human line.
    const r = perfCheck(f.exit === 2 ? [f.command, file] : [f.command, '--json', file]);
    expect(r.signal, `${file} killed (memory?)`).toBeNull();
    expect(r.err).not.toMatch(/\n\s+at |Error:|node:internal/); // no stack trace, ever
    expect(r.code).toBe(f.exit);
    if (f.exit === 2) {
      expect(r.out).toBe('');
      expect(r.err).toBe(`perf-check: 无法读取 ${file}：${f.message}\n`);
      return;
    }
    expect(r.err).toBe('');
    const json = r;
    const doc = JSON.parse(json.out) as {
      files: { findings?: { code: string }[]; cells?: { value?: unknown; error?: string }[] }[];
    };
    const got =
      f.command === 'recalc'
        ? new Set(JSON.stringify(doc).match(/#[A-Z0-9/!?]+/g) ?? [])
        : new Set(doc.files[0]!.findings!.map((x) => x.code));
    for (const c of f.codes ?? []) expect(got).toContain(c);
    if (f.codes?.length === 0 && f.command !== 'recalc') expect(got.size).toBe(0);
    if (file === 'million-rows-sparse.xlsx') {
      // Bounded memory (the heap limit above) and time, and only its table is read and scored.
      const tables = (doc.files[0] as unknown as { tables: { range: string; total: number | null }[] })
        .tables;
      expect(tables.map((t) => [t.range, t.total])).toEqual([['A2:H5', 11.5]]);
      expect(r.ms).toBeLessThan(30_000);
    }
  });

  it('the committed corpus is what the generator makes (byte for byte)', async () => {
    const tmp = makeTempDir();
    try {
      const list = await buildBadFixtures(tmp.dir);
      expect(list).toEqual(manifest);
      const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');
      for (const f of list) expect(sha(join(tmp.dir, f.file)), f.file).toBe(sha(join(dir, f.file)));
    } finally {
      tmp.cleanup();
    }
  }, 60_000);
});
