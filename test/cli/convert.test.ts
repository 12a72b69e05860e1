/**
 * `perf-check convert --to native|values` and `perf-check score --formulas native|perf|none`:
 * the PERF formulas of a workbook (also as Excel saves them without the add-in, _xldudf_PERF_…)
 * become native formulas or values in a copy written by the surgical writer; what cannot be
 * converted stays, named with the reason. The copies are checked part by part and cell by cell,
 * and LibreOffice, made to recalculate on load, gives the values the engine gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { loadPackage } from '../../xlsx/load';
import { patchPackage } from '../../xlsx/write';
import { expectSofficeWhenRequired, recalcFiles, soffice } from '../native/lo';
import { workbookParts, zipParts } from '../xlsx/package-builder';
import { changedParts, expectOnlyCells, partText, sheetOf } from '../xlsx/parts';
import { captureIo, makeTempDir } from './helpers';

const PRODUCERS = join(__dirname, '..', 'fixtures', 'producers');
const XLDUDF = join(PRODUCERS, 'handmade-xldudf.xlsx');
const EXCEL = join(PRODUCERS, 'handmade-excel.xlsx');
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'perf-formulas.xlsx');
/** make.py's table, scored by hand: ≥80% on 85% → 10, ≥90% on 95% → 10, ≥95% on 90% → 0, ≥85% on 88% → 15. */
const SCORES = [10, 10, 0, 15];

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = makeTempDir('perf-convert-');
});
afterAll(() => tmp.cleanup());

async function run(argv: string[]) {
  const cap = captureIo();
  const code = await main(argv, cap.io);
  return { code, out: cap.out(), err: cap.err() };
}

interface JsonDoc {
  files: {
    converted: { sheet: string; cell: string; formula: string; to: string | null; value: unknown }[];
    unconverted: { sheet: string; cell: string; formula: string; reason: string }[];
    written: string | null;
  }[];
}

/** Functions a native formula may use: Excel 2010+, WPS and LibreOffice all have them. */
const NEWER =
  /\b(LET|LAMBDA|XLOOKUP|XMATCH|IFS|SWITCH|FILTER|SEQUENCE|TEXTJOIN|CONCAT|MAXIFS|MINIFS)\s*\(|_xlfn|_xludf|_xldudf|PERF/i;

/** Copies converted by the tests, recalculated by LibreOffice at the end: file → cells to compare. */
const forLibreOffice: { file: string; expect: Map<string, number | string> }[] = [];

/** The values `recalc` (the engine) gives the PERF cells of a file. */
async function engineValues(file: string): Promise<Map<string, unknown>> {
  const r = await run(['recalc', '--json', file]);
  const doc = JSON.parse(r.out) as { files: { cells: { cell: string; value: unknown }[] }[] };
  return new Map(doc.files[0]!.cells.map((c) => [c.cell, c.value]));
}

/**
 * The copy with every cached result of the listed cells set to 999: LibreOffice can only show
 * the right values by calculating the formulas.
 */
function withWrongCache(file: string, sheet: string, cells: string[]): string {
  const pkg = loadPackage(new Uint8Array(readFileSync(file))).pkg;
  const edits = cells.map((a) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { sheet, row: Number(m[2]) - 1, col, value: 999, cachedOnly: true };
  });
  const out = file.replace(/\.xlsx$/, '-stale.xlsx');
  writeFileSync(out, patchPackage(pkg, edits));
  return out;
}

describe('convert --to native', () => {
  it('_xldudf_ formulas shared down a column: native formulas, the same values; only those cells; calcChain dropped', async () => {
    const out = join(tmp.dir, 'xldudf-native.xlsx');
    const r = await run(['convert', '--to', 'native', '--out', out, XLDUDF]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('已转换为通用公式：4 个公式；未转换：0 个');
    expect(r.out).toContain(`已写出 ${out}`);
    // The sheet, workbook.xml (calculate on load), and calcChain gone with its relationship and override.
    expect(changedParts(XLDUDF, out, ['xl/calcChain.xml'])).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(partText(out, 'xl/workbook.xml')).toBe(
      partText(XLDUDF, 'xl/workbook.xml').replace(
        '<calcPr calcId="191029"/>',
        '<calcPr calcId="191029" fullCalcOnLoad="1"/>',
      ),
    );
    expect(partText(out, '[Content_Types].xml')).not.toContain('calcChain');
    expect(partText(out, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    const before = sheetOf(XLDUDF, '考核表');
    const after = sheetOf(out, '考核表');
    const cells = [2, 3, 4, 5].map((r) => [r, 6] as const);
    expectOnlyCells(before, after, cells);
    cells.forEach(([r, c], i) => {
      const cell = after.rows[r]![c]!;
      expect(cell.value).toEqual({ kind: 'number', value: SCORES[i] });
      expect(cell.formula).toMatch(/^=IF\(/);
      expect(cell.formula).not.toMatch(NEWER);
      // Each cell reads its own row.
      expect(cell.formula).toContain(`F${r + 1}`);
      expect(cell.formula).not.toContain(`F${r + 2}`);
    });
    // The total beside them keeps its formula.
    expect(after.rows[6]![6]).toEqual(before.rows[6]![6]);
    forLibreOffice.push({
      file: withWrongCache(out, '考核表', ['G3', 'G4', 'G5', 'G6', 'G7']),
      expect: new Map([
        ['G3', 10],
        ['G4', 10],
        ['G5', 0],
        ['G6', 15],
        ['G7', 35],
      ]),
    });
  });

  it('a formula that cannot be converted stays, named with the reason; exit 1; the others are converted', async () => {
    const out = join(tmp.dir, 'perf-native.xlsx');
    const r = await run(['convert', '--to', 'native', '--json', '--out', out, EXAMPLE]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/PERF函数!G27 等 6 个公式未能转换，保留原公式（.*PERF\.FORCED/);
    const doc = JSON.parse(r.out) as JsonDoc;
    const f = doc.files[0]!;
    expect(f.written).toBe(out);
    // FORCED and ALLOCATE rank or share out a whole group: no single-cell formula does that.
    expect(f.unconverted.map((u) => `${u.cell} ${/^=PERF\.\w+/.exec(u.formula)?.[0]}`)).toEqual([
      'G27 =PERF.FORCED',
      'G28 =PERF.FORCED',
      'G29 =PERF.FORCED',
      'G30 =PERF.FORCED',
      'G31 =PERF.FORCED',
      'G35 =PERF.ALLOCATE',
    ]);
    for (const u of f.unconverted) expect(u.reason).toMatch(/通用公式不支持/);
    const before = sheetOf(EXAMPLE, 'PERF函数');
    const after = sheetOf(out, 'PERF函数');
    const at = (a: string): [number, number] => [Number(a.slice(1)) - 1, 6];
    // The converted cells have native formulas; the others (FORCED, ALLOCATE) are as they were.
    expectOnlyCells(
      before,
      after,
      f.converted.map((c) => at(c.cell)),
    );
    for (const c of f.converted) {
      const [row, col] = at(c.cell);
      expect(after.rows[row]![col]!.formula).toBe(c.to);
      expect(c.to).not.toMatch(NEWER);
    }
    expect(after.rows[26]![6]!.formula).toBe('=PERF.FORCED(C27,$C$27:$C$31)');
    // What LibreOffice must show: the engine's numbers, and text where the engine has none.
    const engine = await engineValues(EXAMPLE);
    const want = new Map<string, number | string>();
    for (const c of f.converted) {
      const v = engine.get(c.cell);
      want.set(c.cell, typeof v === 'number' ? v : typeof v === 'string' ? v : 'text');
    }
    expect(want.size).toBe(18);
    forLibreOffice.push({
      file: withWrongCache(
        out,
        'PERF函数',
        f.converted.map((c) => c.cell),
      ),
      expect: want,
    });
  });

  it('without --out: the report only, nothing written', async () => {
    const r = await run(['convert', '--to', 'native', XLDUDF]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('考核表!G3  =_xldudf_PERF_SCORE(F3,D3,E3)  →  =IF(');
    expect(r.out).toContain('（未指定 --out，没有写出文件）');
  });

  it('a workbook without PERF formulas: says so, exit 0, the copy identical part by part', async () => {
    const out = join(tmp.dir, 'none.xlsx');
    const r = await run(['convert', '--to', 'native', '--out', out, EXCEL]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('没有使用 PERF 函数的公式');
    expect(changedParts(EXCEL, out)).toEqual([]);
  });
});

describe('convert --to values', () => {
  it('the PERF cells become their values; the SUM beside them stays; calcChain dropped, no recalculation asked', async () => {
    const out = join(tmp.dir, 'xldudf-values.xlsx');
    const r = await run(['convert', '--to', 'values', '--out', out, XLDUDF]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已转换为数值：4 个公式');
    expect(changedParts(XLDUDF, out, ['xl/calcChain.xml'])).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
    const before = sheetOf(XLDUDF, '考核表');
    const after = sheetOf(out, '考核表');
    const cells = [2, 3, 4, 5].map((r) => [r, 6] as const);
    expectOnlyCells(before, after, cells);
    expect(cells.map(([r, c]) => after.rows[r]![c])).toEqual(
      SCORES.map((value) => ({ value: { kind: 'number', value } })),
    );
    // The shared formula's master is gone: no cell refers to it any more.
    expect(partText(out, 'xl/worksheets/sheet1.xml')).not.toContain('si="0"');
  });

  it('a PERF cell whose result is an error stays a formula, with the error as the reason', async () => {
    const out = join(tmp.dir, 'perf-values.xlsx');
    const r = await run(['convert', '--to', 'values', '--json', '--out', out, EXAMPLE]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as JsonDoc;
    expect(doc.files[0]!.unconverted).toEqual([
      {
        sheet: 'PERF函数',
        cell: 'G23',
        formula: '=PERF.SCORE(C23,D23,E23)',
        // The argument reader names the points cell (E23: −5 points).
        reason: '结果是错误值 #VALUE!：分值（E23）不能为负数',
      },
    ]);
    const after = sheetOf(out, 'PERF函数');
    // G3: 76.5% against "80%以上，每低一个百分点扣1分" on 10 points → 6.5, now a value.
    expect(after.rows[2]![6]).toEqual({ value: { kind: 'number', value: 6.5 } });
    expect(after.rows[22]![6]!.formula).toBe('=PERF.SCORE(C23,D23,E23)');
  });
});

describe('recalc reads _xldudf_ names as PERF calls', () => {
  it('the hand-made workbook saved without the add-in recalculates to the scores', async () => {
    const v = await engineValues(XLDUDF);
    expect(['G3', 'G4', 'G5', 'G6', 'G7'].map((c) => v.get(c))).toEqual([...SCORES, 35]);
  });

  it('in lower case, and linked to an external book ([1]!) as Excel sometimes saves them; convert too', async () => {
    const body =
      '<sheetData><row r="1"><c r="A1"><v>0.85</v></c><c r="B1" t="inlineStr"><is><t>执行率≥80%</t></is></c>' +
      '<c r="C1"><f>[1]!_xldudf_PERF_SCORE(A1,B1,5)</f><v>0</v></c><c r="D1"><f>_xldudf_perf_score(A1,B1,5)</f><v>0</v></c>' +
      '<c r="E1" t="str"><f>"[1]!_xldudf_PERF_SCORE("&amp;B1</f><v></v></c></row></sheetData>';
    const file = join(tmp.dir, 'linked.xlsx');
    writeFileSync(file, zipParts(workbookParts([{ name: 'S', body }])));
    // 85% against ≥80% on 5 points: 5. The text in quotes is no call.
    const v = await engineValues(file);
    expect([v.get('C1'), v.get('D1'), v.has('E1')]).toEqual([5, 5, false]);
    const r = await run(['convert', '--to', 'native', '--json', file]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as JsonDoc).files[0]!.converted.map((c) => c.cell)).toEqual(['C1', 'D1']);
  });
});

describe('score --formulas', () => {
  it('perf: PERF.SCORE formulas with the scores as cached results', async () => {
    const out = join(tmp.dir, 'score-perf.xlsx');
    const r = await run(['score', '--formulas', 'perf', '--out', out, EXCEL]);
    expect(r.code, r.err).toBe(0);
    const after = sheetOf(out, '考核表');
    expect([2, 3, 4, 5].map((r) => after.rows[r]![8])).toEqual(
      SCORES.map((value, i) => ({
        value: { kind: 'number', value },
        formula: `=PERF.SCORE(F${i + 3},D${i + 3},E${i + 3},,"decimals=2")`,
      })),
    );
  });

  it('native: the same cells as converting the perf copy; LibreOffice calculates the scores', async () => {
    const perf = join(tmp.dir, 'score-perf2.xlsx');
    const native = join(tmp.dir, 'score-native.xlsx');
    const converted = join(tmp.dir, 'score-perf2-native.xlsx');
    expect((await run(['score', '--formulas', 'perf', '--out', perf, EXCEL])).code).toBe(0);
    const r = await run(['score', '--formulas', 'native', '--out', native, EXCEL]);
    expect(r.code, r.err).toBe(0);
    expect((await run(['convert', '--to', 'native', '--out', converted, perf])).code).toBe(0);
    const a = sheetOf(native, '考核表');
    expect(a).toEqual(sheetOf(converted, '考核表'));
    for (const r of [2, 3, 4, 5]) expect(a.rows[r]![8]!.formula).not.toMatch(NEWER);
    // Formulas written: calcChain dropped, calculation on load; the other parts as score --out writes them.
    expect(changedParts(EXCEL, native, ['xl/calcChain.xml'])).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    forLibreOffice.push({
      file: withWrongCache(native, '考核表', ['I3', 'I4', 'I5', 'I6']),
      expect: new Map(SCORES.map((v, i) => [`I${i + 3}`, v])),
    });
  });

  it('none (the default) writes values; --formulas needs --out and is for score only', async () => {
    expect((await run(['score', '--formulas', 'native', EXCEL])).err).toContain(
      '--formulas 只与 --out 一起使用',
    );
    expect((await run(['recalc', '--formulas', 'perf', '--out', 'x.xlsx', EXCEL])).err).toContain(
      '--formulas 只用于 score',
    );
    const bad = await run(['score', '--formulas', 'excel', '--out', 'x.xlsx', EXCEL]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--formulas 只能是 native、perf 或 none');
  });
});

describe('usage', () => {
  it.each([
    [['convert', XLDUDF], 'convert 需要 --to native 或 --to values'],
    [['convert', '--to', 'pdf', XLDUDF], '--to 只能是 native 或 values'],
    [['score', '--to', 'native', XLDUDF], '--to 只用于 convert'],
    [['convert', '--to', 'native'], '没有给出要转换的文件'],
    [['convert', '--to', 'native', '--out', 'a.xlsx', XLDUDF, EXCEL], '使用 --out 时只能给出一个文件'],
  ])('%j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('an unreadable file: exit 2, one line naming it; --json has an error entry', async () => {
    const missing = join(tmp.dir, 'missing.xlsx');
    let r = await run(['convert', '--to', 'native', missing]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^perf-check: 无法读取 .*missing\.xlsx：文件不存在/);
    r = await run(['convert', '--to', 'native', '--json', missing]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      to: 'native',
      files: [
        {
          file: missing,
          error: {
            kind: 'not-found',
            message: expect.stringContaining('文件不存在'),
            messageEn: expect.any(String),
          },
        },
      ],
    });
  });
});

describe('LibreOffice, recalculating on load, gives the engine values', () => {
  it('finds soffice when required', expectSofficeWhenRequired);

  it.skipIf(!soffice)(
    'in every converted cell (numbers equal, text where the engine has no number)',
    () => {
      expect(forLibreOffice.length).toBe(3);
      const sheets = recalcFiles(
        join(tmp.dir, 'lo'),
        forLibreOffice.map((x) => x.file),
      );
      for (const [i, { file, expect: want }] of forLibreOffice.entries()) {
        const rows = sheets[i]!;
        for (const [cell, v] of want) {
          const col = cell.charCodeAt(0) - 65;
          const got = rows[Number(cell.slice(1)) - 1]?.[col] ?? '';
          if (typeof v === 'number') expect(Number(got), `${file} ${cell}: ${got}`).toBeCloseTo(v, 9);
          else if (v === 'text')
            expect(Number.isNaN(Number(got)) && got !== '', `${file} ${cell}: ${got}`).toBe(true);
          else expect(got, `${file} ${cell}`).toBe(v);
        }
      }
    },
    300_000,
  );
});
