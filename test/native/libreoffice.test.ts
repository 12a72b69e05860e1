/**
 * Native formulas recalculated by LibreOffice (issue 13): for every readable rule of the corpus
 * (each check's actual) and every rule-scored item of the example workbooks, the formula is
 * written beside its actual and points, LibreOffice recalculates the workbook headless (a profile
 * that forces recalculation on load, CSV out with raw values), and each cell is compared with the
 * engine: the same number, or a text where the engine has no number. Skipped when soffice is not
 * installed, except with PERF_REQUIRE_LIBREOFFICE=1 (.ci/run), where it must run.
 *
 * Three figures are ratcheted: programs compiled, cells that agree, and cells where the formula
 * says it cannot read the actual (需人工评分) although the engine has a number. Programs the
 * compiler refuses are listed with the reason; a new clause kind in the rule language shows up as
 * a refusal here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusCases, exampleCases, formulaFor, type NativeCase, type Unconvertible } from './cases';
import { recalcInLibreOffice, soffice, type CellIn } from './lo';

/** Figures at the last measurement: raise them as the compiler grows (never lower). */
const CORPUS_COMPILED_AT_LEAST = 237;
const CORPUS_UNCONVERTIBLE_AT_MOST = 0;
const AGREE_AT_LEAST = 388;
const UNREAD_AT_MOST = 164;

interface Compared {
  c: NativeCase;
  got: string;
  verdict: 'agree' | 'wrong' | 'number-for-text' | 'unread';
}

let dir: string;
let compared: Compared[] = [];
let corpus: { readable: number; unconvertible: Unconvertible[] };
let examples: { items: number; unconvertible: Unconvertible[] };

function compare(c: NativeCase, got: string): Compared['verdict'] {
  const n = got.trim() !== '' && Number.isFinite(Number(got)) ? Number(got) : null;
  if (c.engine === null) return n === null ? 'agree' : 'number-for-text';
  if (n === null) return 'unread';
  return Math.abs(n - c.engine) < 1e-9 ? 'agree' : 'wrong';
}

describe('native formulas in LibreOffice', () => {
  it('finds soffice when required', () => {
    if (process.env.PERF_REQUIRE_LIBREOFFICE === '1')
      expect(soffice, 'soffice or libreoffice on PATH').toBeDefined();
  });

  beforeAll(async () => {
    const c = corpusCases();
    const e = await exampleCases();
    corpus = c;
    examples = e;
    if (!soffice) return;
    dir = mkdtempSync(join(tmpdir(), 'perf-native-'));
    const all = [...c.cases, ...e.cases];
    const rows: CellIn[][] = all.map((k, i) => {
      const f = formulaFor(k, i + 1);
      if (!f.ok) throw new Error(`${k.id}: ${f.reason}`);
      return [k.actual, k.points, k.target, { formula: f.formula }];
    });
    const csv = await recalcInLibreOffice(dir, rows);
    compared = all.map((k, i) => {
      const got = csv[i]?.[3] ?? '';
      return { c: k, got, verdict: compare(k, got) };
    });
  }, 300_000);

  afterAll(() => {
    // NATIVE_REPORT=1 prints the figures the ratchets above hold, and what is left.
    if (process.env.NATIVE_REPORT === '1') {
      const by = (v: Compared['verdict']): number => compared.filter((x) => x.verdict === v).length;
      console.log(
        JSON.stringify(
          {
            corpusReadable: corpus.readable,
            corpusCompiled: corpus.readable - corpus.unconvertible.length,
            exampleItems: examples.items,
            cells: compared.length,
            agree: by('agree'),
            unread: by('unread'),
            wrong: by('wrong') + by('number-for-text'),
            unconvertible: [...corpus.unconvertible, ...examples.unconvertible],
          },
          null,
          1,
        ),
      );
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('compiles the readable corpus rules, refusing the rest with a reason', () => {
    const compiled = corpus.readable - corpus.unconvertible.length;
    expect(compiled).toBeGreaterThanOrEqual(CORPUS_COMPILED_AT_LEAST);
    expect(corpus.unconvertible.length).toBeLessThanOrEqual(CORPUS_UNCONVERTIBLE_AT_MOST);
    for (const u of corpus.unconvertible) expect(u.reason).toMatch(/\S/);
  });

  it.skipIf(!soffice)('never gives a different number, nor a number where the engine has none', () => {
    const bad = compared
      .filter((x) => x.verdict === 'wrong' || x.verdict === 'number-for-text')
      .map(
        (x) => `${x.c.id} ${JSON.stringify(x.c.actual)}: engine ${String(x.c.engine)}, LibreOffice ${x.got}`,
      );
    expect(bad).toEqual([]);
  });

  it.skipIf(!soffice)('agrees on the corpus and the example items', () => {
    const agree = compared.filter((x) => x.verdict === 'agree').length;
    const unread = compared.filter((x) => x.verdict === 'unread');
    expect(agree).toBeGreaterThanOrEqual(AGREE_AT_LEAST);
    expect(unread.length).toBeLessThanOrEqual(UNREAD_AT_MOST);
    // What the formula shows where it cannot read the actual: a text, never a blank cell.
    for (const u of unread) expect(u.got).toMatch(/需人工评分|缺少|无效|歧义|目标值/);
    // Every example item the compiler takes is checked.
    expect(compared.filter((x) => x.c.mode === 'item').length).toBe(
      examples.items - examples.unconvertible.length,
    );
  });
});
