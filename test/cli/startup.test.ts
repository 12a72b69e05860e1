/**
 * What the CLI bundle (dist/bundle/, scripts/bundle-cli.mjs) carries and how it starts (issue 12:
 * start-up time; README, Performance). Builds dist/ first when it is stale.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/built';
import { captureIo, makeTempDir } from './helpers.js';
import { main as mainFromSources } from '../../cli/main';
import { writeJson } from '../../cli/report';

const root = resolve(__dirname, '../..');
const bundleDir = join(root, 'dist/bundle');
const main = join(bundleDir, 'main.cjs');
const codeCache = join(root, 'bin/code-cache.js');

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  ensureBuilt();
  tmp = makeTempDir();
}, 120_000);
afterAll(() => tmp.cleanup());

/** Loads a bundle in a fresh node (no V8 flags, as bin/perf-check.js runs) and says whether its cache was used. */
function cacheUsed(file: string): boolean {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `process.stdout.write(String(require(${JSON.stringify(codeCache)}).loadBundle(process.argv[1]).cacheUsed))`,
      file,
    ],
    { encoding: 'utf8' },
  );
  return out === 'true';
}

describe('the CLI bundle', () => {
  it("carries zod's English messages and none of its other locales", () => {
    const texts = readdirSync(bundleDir)
      .filter((f) => f.endsWith('.cjs'))
      .map((f) => readFileSync(join(bundleDir, f), 'utf8'));
    // English is what every message of ours is checked against; German stands for the ~40
    // locales that re-exporting zod's whole namespace used to pull in (engine/zod.ts).
    expect(texts.some((t) => t.includes('Invalid input: expected'))).toBe(true);
    expect(texts.filter((t) => t.includes('Ungültige Eingabe') || t.includes('erwartet'))).toEqual([]);
  });

  it('leaves the .xls reader, the formula libraries and fflate out of main.cjs (read only when needed)', () => {
    const text = readFileSync(main, 'utf8');
    expect(text).toContain('require("./vendor-sheetjs.cjs")');
    expect(text).toContain('require("./vendor-formula-parser.cjs")');
    expect(text).toContain('require("./vendor-formulajs.cjs")');
    // SheetJS names itself in its code; only its own file should hold it.
    expect(text).not.toMatch(/SheetJS/);
    // fflate (built tables at load) only when a workbook is written: the CLI inflates with zlib.
    expect(text).toContain('require("./vendor-fflate.cjs")');
    expect(text).not.toContain('invalid block type');
  });

  it('compares texts without ICU collation, whose data costs a small check a sixth of its start-up', () => {
    // localeCompare and Intl.Collator load ICU's collation tables on first use (~75 M instructions).
    const text = readFileSync(main, 'utf8');
    expect(text).not.toContain('localeCompare');
    expect(text).not.toContain('Collator');
  });

  it('is all ASCII, so that it is read byte for byte into a one-byte string (bin/code-cache.js)', () => {
    for (const f of ['main.cjs', 'check-worker.cjs']) {
      const bytes = readFileSync(join(bundleDir, f));
      expect(bytes.findIndex((b) => b >= 0x80)).toBe(-1);
    }
  });

  it('starts from the code cache made by the build', () => {
    expect(readdirSync(bundleDir).filter((f) => /^main\.cjs\.[0-9a-f]{8,16}\.cache$/.test(f))).toHaveLength(
      1,
    );
    expect(cacheUsed(main)).toBe(true);
  });

  it('compiles a changed bundle from its source, even one of the same length as the cached one', () => {
    // V8 itself checks a cache against the source's length only: a stale cache must not be found.
    const dir = join(tmp.dir, 'changed');
    mkdirSync(dir);
    const source = readFileSync(main, 'utf8');
    const changed = source.replace('`Invalid input: expected', '`Invalid input! expected');
    expect(changed.length).toBe(source.length);
    expect(changed).not.toBe(source);
    const stale = readdirSync(bundleDir).find((f) => f.endsWith('.cache'))!;
    writeFileSync(join(dir, 'main.cjs'), changed);
    copyFileSync(join(bundleDir, stale), join(dir, stale));
    expect(cacheUsed(join(dir, 'main.cjs'))).toBe(false);
    // …and the copy with the unchanged source does use that same cache file.
    copyFileSync(main, join(dir, 'main.cjs'));
    expect(cacheUsed(join(dir, 'main.cjs'))).toBe(true);
  });

  it('prints the same with and without its cache', () => {
    // A copy of the launcher and the bundle without the cache file, as after a Node upgrade.
    const copy = join(tmp.dir, 'nocache');
    cpSync(join(root, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(bundleDir, join(copy, 'dist/bundle'), { recursive: true });
    for (const f of readdirSync(join(copy, 'dist/bundle')))
      if (f.endsWith('.cache')) rmSync(join(copy, 'dist/bundle', f));
    const files = ['zaozhuang-2022-tasks-mistakes.xlsx', 'wenzhou-2024-evaluation.xlsx'].map((f) =>
      join(root, 'examples', f),
    );
    const run = (bin: string, args: string[]) =>
      spawnSync(process.execPath, [bin, ...args, ...files], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    for (const args of [
      ['validate', '--json'],
      ['score', '--lang', 'en'],
    ]) {
      const cached = run(join(root, 'bin/perf-check.js'), args);
      const compiled = run(join(copy, 'bin/perf-check.js'), args);
      expect(cached.stdout.length).toBeGreaterThan(1000);
      expect(compiled.stdout).toBe(cached.stdout);
      expect(compiled.stderr).toBe(cached.stderr);
      expect(compiled.status).toBe(cached.status);
    }
  });
});

describe('every command from the bundle, where schemas and libraries load on first use', () => {
  const example = (f: string) => join(root, 'examples', f);
  /** The bundle as a user runs it, and main() of the sources, in this process: stdout, stderr, exit. */
  const bundled = (args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, 'bin/perf-check.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { out: r.stdout, err: r.stderr, code: r.status };
  };
  const fromSources = async (args: string[]) => {
    const c = captureIo({ env: { NO_COLOR: '1', PERF_CHECK_WORKERS: '1' } });
    const code = await mainFromSources(args, c.io);
    return { out: c.out(), err: c.err(), code };
  };

  it.each([
    ['validate --json', ['validate', '--json', example('zaozhuang-2022-tasks-mistakes.xlsx')]],
    ['score --lang en', ['score', '--lang', 'en', example('wenzhou-2024-evaluation.xlsx')]],
    ['recalc --json', ['recalc', '--json', example('perf-formulas.xlsx')]],
    [
      'review --json',
      [
        'review',
        '--json',
        '--template',
        example('zaozhuang-2022-tasks.xlsx'),
        example('zaozhuang-2022-tasks.xlsx'),
      ],
    ],
    // zod builds the options schema when --options is first read: the same refusal, word for word.
    [
      'score with a bad option value',
      ['score', '--options', 'decimals=99', example('zaozhuang-2022-tasks.xlsx')],
    ],
    ['score with an unknown option', ['score', '--options', 'speed=2', example('zaozhuang-2022-tasks.xlsx')]],
  ])('%s prints what the sources print', async (_, args) => {
    const b = bundled(args);
    expect(b.out.length + b.err.length).toBeGreaterThan(0);
    expect(b).toEqual(await fromSources(args));
  });

  it('refuses a bad --options value with the message zod gives', () => {
    const r = bundled(['score', '--options', 'decimals=99', example('zaozhuang-2022-tasks.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^perf-check: --options 有误：选项值无效：decimals \(invalid option value: Too big/,
    );
  });

  it('convert and score --out write the same workbook as the sources', async () => {
    for (const args of [
      ['convert', '--to', 'native', '--json'],
      ['score', '--formulas', 'native'],
    ]) {
      const a = join(tmp.dir, `${args[0]}-bundle.xlsx`);
      const b = join(tmp.dir, `${args[0]}-sources.xlsx`);
      const input = example(args[0] === 'convert' ? 'perf-formulas.xlsx' : 'wenzhou-2024-evaluation.xlsx');
      const r1 = bundled([...args, '--out', a, input]);
      const r2 = await fromSources([...args, '--out', b, input]);
      expect(r1.code).toBe(r2.code);
      expect(r1.out.split(a).join('OUT')).toBe(r2.out.split(b).join('OUT'));
      const partsA = unzipSync(readFileSync(a));
      const partsB = unzipSync(readFileSync(b));
      expect(Object.keys(partsA)).toEqual(Object.keys(partsB));
      for (const k of Object.keys(partsA))
        expect(Buffer.from(partsA[k]!).equals(Buffer.from(partsB[k]!))).toBe(true);
    }
  });

  it('reads sheet XML with a comment in it (saxes, loaded on first use) as the sources do', async () => {
    // A comment sends the sheet past the reader's own scanner to saxes (xlsx/xml.ts).
    const parts = unzipSync(readFileSync(example('zaozhuang-2022-tasks.xlsx')));
    const sheet = Object.keys(parts).find((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k))!;
    const xml = Buffer.from(parts[sheet]!).toString('utf8');
    parts[sheet] = strToU8(xml.replace('<sheetData>', '<!-- 填报说明 --><sheetData>'));
    expect(Buffer.from(parts[sheet]!).toString('utf8')).toContain('<!-- 填报说明 -->');
    const file = join(tmp.dir, 'commented.xlsx');
    writeFileSync(file, zipSync(parts));
    const b = bundled(['validate', '--json', file]);
    expect(b.err).toBe('');
    expect(JSON.parse(b.out).files[0].tables[0].items.length).toBeGreaterThan(40);
    expect(b).toEqual(await fromSources(['validate', '--json', file]));
  });
});

describe('writeJson', () => {
  it('writes the document and its newline as two chunks (no 4 MB joined string to copy), indented at a terminal', () => {
    const doc = { files: [{ file: 'a.xlsx', tables: [], findings: [] }], 名称: '考核' };
    const chunks: string[] = [];
    writeJson({ write: (c: string) => chunks.push(c) }, doc);
    expect(chunks).toEqual([JSON.stringify(doc), '\n']);
    const tty: string[] = [];
    writeJson({ write: (c: string) => tty.push(c), isTTY: true }, doc);
    expect(tty).toEqual([JSON.stringify(doc, null, 2), '\n']);
  });
});
