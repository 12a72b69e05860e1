/**
 * `perf-check recalc`: the PERF formulas of a workbook and what depends on them, recalculated
 * by the formula engine (fast-formula-parser + formulajs + engine/functions.ts).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { recalcWorkbook, usesPerf, type RecalcValue } from '../../cli/recalc.js';
import { readWorkbookFile } from '../../cli/xlsx.js';
import { makeSheet, type Cell } from '../../engine/grid.js';
import {
  PERF_ALLOCATION,
  PERF_FORCED_ROWS,
  PERF_FORMULA_ROWS,
  PERF_SHEET,
  perfFormulaSheets,
  workbookBuffer,
} from '../../scripts/make-examples.js';
import { captureIo, cellAt, makeTempDir } from './helpers.js';

const EXAMPLE = join(__dirname, '../../examples/perf-formulas.xlsx');
const LINEAR = '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽';

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = makeTempDir('perf-recalc-');
});
afterAll(() => tmp.cleanup());

async function run(argv: string[]) {
  const cap = captureIo();
  const code = await main(argv, cap.io);
  return { code, out: cap.out(), err: cap.err() };
}

interface JsonCell {
  sheet: string;
  cell: string;
  formula: string;
  value: RecalcValue;
  spillFrom?: string;
}

async function recalcJson(file: string): Promise<{ code: number; cells: JsonCell[]; err: string }> {
  const r = await run(['recalc', '--json', file]);
  const doc = JSON.parse(r.out) as { files: { file: string; cells: JsonCell[] }[] };
  expect(doc.files).toHaveLength(1);
  expect(doc.files[0]!.file).toBe(file);
  return { code: r.code, cells: doc.files[0]!.cells, err: r.err };
}

const byCell = (cells: JsonCell[]) => new Map(cells.map((c) => [`${c.sheet}!${c.cell}`, c]));

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A workbook written with ExcelJS: cells by address, formulas as { formula, result? }. */
async function writeBook(
  file: string,
  sheets: Record<string, Record<string, ExcelJS.CellValue>>,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cells] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
  }
  const path = join(tmp.dir, file);
  writeFileSync(path, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

function oneLine(text: string): string {
  const lines = text.split('\n');
  expect(lines).toHaveLength(2);
  expect(text).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

// ---------------------------------------------------------------------------------------------

describe('examples/perf-formulas.xlsx', () => {
  it('recalculates every PERF cell to the expected value beside it', async () => {
    const sheet = (await readWorkbookFile(EXAMPLE)).sheets.find((s) => s.name === PERF_SHEET)!;
    const expectedAt = (row: number) => cellAt(sheet, `H${row}`)?.value;
    // Before: the formulas carry no cached results.
    expect(cellAt(sheet, 'G13')?.value).toEqual({ kind: 'empty' });

    const { code, cells, err } = await recalcJson(EXAMPLE);
    expect(err).toBe('');
    expect(code).toBe(1); // the deliberately bad call
    const got = byCell(cells);

    const rows = [
      ...PERF_FORMULA_ROWS.map((r) => r.row),
      ...PERF_FORCED_ROWS.map((r) => r.row),
      ...PERF_ALLOCATION.rows.map((r) => r.row),
      PERF_ALLOCATION.poolRow,
    ];
    for (const row of rows) {
      const c = got.get(`${PERF_SHEET}!G${row}`);
      expect(c, `G${row}`).toBeDefined();
      const expected = expectedAt(row);
      if (!expected || expected.kind === 'empty') {
        // PERF.RULE: the canonical sentence, no fixed expectation
        expect(typeof c!.value).toBe('string');
        expect(String(c!.value)).toContain('80%');
      } else if (expected.kind === 'text' && expected.value.startsWith('#')) {
        expect(c!.value, `G${row}`).toMatchObject({ error: expected.value });
      } else {
        expect(c!.value, `G${row}`).toBe(expected.value);
      }
    }
    expect(cells).toHaveLength(rows.length);
  });

  it('gives the values docs/domain.md gives, in the documented JSON shape and order', async () => {
    const { cells } = await recalcJson(EXAMPLE);
    expect(cells[0]).toEqual({
      sheet: PERF_SHEET,
      cell: 'G3',
      formula: '=PERF.SCORE(C3,D3,E3)',
      value: 6.5,
    });
    const got = byCell(cells);
    const v = (a: string) => got.get(`${PERF_SHEET}!${a}`)?.value;
    expect(v('G18')).toBe(2.441); // PERF.TIERED(90, …)
    expect(v('G19')).toBe(1.207); // PERF.TIERED(80, …)
    expect(v('G13')).toBe(38.05); // =SUM over PERF.SCORE cells
    expect(v('G14')).toBe(63.42); // =ROUND(…)
    expect(v('G15')).toBe('合格'); // PERF.BAND of the ROUND
    expect(v('G17')).toBe('达标'); // =IF(…)
    // The points argument is E23 (=PERF.SCORE(C23,D23,E23)): the message names it and its cell.
    expect(v('G23')).toEqual({ error: '#VALUE!', message: '分值（E23）不能为负数' });
    // PERF.ALLOCATE spills a column; the SUM under it reads the spilled cells.
    expect(cells.filter((c) => c.spillFrom === 'G35').map((c) => [c.cell, c.value])).toEqual([
      ['G36', 28571.43],
      ['G37', 19480.52],
      ['G38', 12987.01],
    ]);
    expect(v('G39')).toBe(100000);
    // Sheet, then row, then column.
    const rows = cells.map((c) => Number(c.cell.slice(1)));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    for (const c of cells)
      expect(Object.keys(c).sort()).toEqual(
        c.spillFrom
          ? ['cell', 'formula', 'sheet', 'spillFrom', 'value']
          : ['cell', 'formula', 'sheet', 'value'],
      );
  });

  it('updates the dependent SUM, ROUND and IF when an input changes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE);
    wb.getWorksheet(PERF_SHEET)!.getCell('C3').value = 0.72; // 8 points short: 2
    wb.getWorksheet(PERF_SHEET)!.getCell('C12').value = 20; // 20/50 × 10 = 4
    const file = join(tmp.dir, 'changed.xlsx');
    await wb.xlsx.writeFile(file);
    const got = byCell((await recalcJson(file)).cells);
    const v = (a: string) => got.get(`${PERF_SHEET}!${a}`)?.value;
    expect(v('G3')).toBe(2);
    expect(v('G12')).toBe(4);
    expect(v('G13')).toBe(28.55); // 38.05 − 4.5 − 5
    expect(v('G14')).toBe(47.58); // 28.55 / 60 × 100
    expect(v('G15')).toBe('不合格');
    expect(v('G17')).toBe('未达标');
    expect(v('G22')).toBe(got.get(`${PERF_SHEET}!G22`)?.value); // unchanged text
  });

  it('prints a readable Chinese table', async () => {
    const r = await run(['recalc', EXAMPLE]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain('工作表「PERF函数」');
    expect(r.out).toMatch(/单元格\s+公式\s+结果/);
    expect(r.out).toMatch(/G3\s+=PERF\.SCORE\(C3,D3,E3\)\s+6\.5\n/);
    expect(r.out).toMatch(/G23\s+=PERF\.SCORE\(C23,D23,E23\)\s+#VALUE! 分值（E23）不能为负数\n/);
    expect(r.out).toMatch(/G36\s+（G35 溢出）\s+28571\.43\n/);
    expect(r.out).toContain('PERF 函数 24 个，出错 1 个');
  });

  it('is the file scripts/make-examples.ts writes (byte for byte)', async () => {
    const built = await workbookBuffer(perfFormulaSheets());
    expect(createHash('sha256').update(built).digest('hex')).toBe(sha(EXAMPLE));
  });

  it('says so, exit 0, for a workbook without PERF formulas', async () => {
    const r = await run(['recalc', join(__dirname, '../../examples/zaozhuang-2022-tasks-mistakes.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('没有使用 PERF 函数的公式');
    const j = await recalcJson(join(__dirname, '../../examples/zaozhuang-2022-tasks-mistakes.xlsx'));
    expect(j.cells).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('--out', () => {
  it('writes a copy with the new cached results; formulas, styles, merges and sheets kept; input untouched', async () => {
    const input = join(tmp.dir, 'in.xlsx');
    copyFileSync(EXAMPLE, input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const other = wb.addWorksheet('汇总');
    other.getCell('A1').value = '得分合计';
    other.getCell('B1').value = { formula: "'PERF函数'!G13*2" };
    await wb.xlsx.writeFile(input);
    const before = sha(input);

    const out = join(tmp.dir, 'out.xlsx');
    const r = await run(['recalc', '--out', out, input]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`已写出 ${out}`);
    expect(r.out).toMatch(/汇总[\s\S]*B1\s+='PERF函数'!G13\*2\s+76\.1/);
    expect(sha(input)).toBe(before);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const back = await readWorkbookFile(out);
    const s = back.sheets.find((x) => x.name === PERF_SHEET)!;
    expect(cellAt(s, 'G3')).toMatchObject({
      formula: '=PERF.SCORE(C3,D3,E3)',
      value: { kind: 'number', value: 6.5 },
    });
    expect(cellAt(s, 'G13')).toMatchObject({
      formula: '=SUM(G3:G12)',
      value: { kind: 'number', value: 38.05 },
    });
    expect(cellAt(s, 'G15')?.value).toEqual({ kind: 'text', value: '合格' });
    expect(cellAt(s, 'G23')?.value).toEqual({ kind: 'error', value: '#VALUE!' });
    expect(cellAt(s, 'G37')?.value).toEqual({ kind: 'number', value: 19480.52 });
    expect(cellAt(s, 'C3')).toMatchObject({ value: { kind: 'number', value: 0.765 }, numberFormat: '0.0%' });
    expect(s.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 8 });
    const summary = back.sheets.find((x) => x.name === '汇总')!;
    expect(cellAt(summary, 'B1')?.value).toEqual({ kind: 'number', value: 76.1 });

    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(out);
    const g35 = excel.getWorksheet(PERF_SHEET)!.getCell('G35');
    expect(g35.value).toMatchObject({ shareType: 'array', ref: 'G35:G38', result: 38961.04 });
    expect(g35.font).toMatchObject({ name: '宋体' });

    // A recalculated output recalculates to the same values.
    const again = await recalcJson(out);
    const first = await recalcJson(input);
    expect(again.cells.map((c) => c.value)).toEqual(first.cells.map((c) => c.value));
  });

  it('refuses to overwrite an existing file unless --force, and never the input', async () => {
    const input = join(tmp.dir, 'in2.xlsx');
    copyFileSync(EXAMPLE, input);
    const out = join(tmp.dir, 'exists.xlsx');
    writeFileSync(out, 'keep me');
    let r = await run(['recalc', '--out', out, input]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(oneLine(r.err)).toBe(
      `perf-check: 输出文件 ${out} 已存在，加 --force 才会覆盖 (${out} already exists; use --force to overwrite it)`,
    );
    expect(readFileSync(out, 'utf8')).toBe('keep me');

    r = await run(['recalc', '--force', '--out', out, input]);
    expect(r.code).toBe(1);
    expect((await readWorkbookFile(out)).sheets[0]!.name).toBe(PERF_SHEET);

    const before = sha(input);
    r = await run(['recalc', '--force', '--out', input, input]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain('就是输入文件');
    expect(sha(input)).toBe(before);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fills a column of shared formulas in the form Excel stores custom functions (_xldudf_)', async () => {
    const input = await writeBook('shared.xlsx', {
      表: {
        A1: 0.9,
        A2: 0.7,
        A3: 0.85,
        B1: '执行率≥80%',
        B2: '执行率≥80%',
        B3: '执行率≥80%',
        C1: {
          formula: '_xldudf_PERF_SCORE(A1,B1,5)',
          result: 0,
          shareType: 'shared',
          ref: 'C1:C3',
        } as ExcelJS.CellValue,
        C2: { sharedFormula: 'C1', result: 0 },
        C3: { sharedFormula: 'C1', result: 0 },
        C4: { formula: 'SUM(C1:C3)', result: 0 },
      },
    });
    const out = join(tmp.dir, 'shared-out.xlsx');
    const r = await run(['recalc', '--json', '--out', out, input]);
    expect(r.code).toBe(0);
    const cells = (JSON.parse(r.out) as { files: { cells: JsonCell[] }[] }).files[0]!.cells;
    expect(cells.map((c) => [c.cell, c.formula, c.value])).toEqual([
      ['C1', '=_xldudf_PERF_SCORE(A1,B1,5)', 5],
      ['C2', '=_xldudf_PERF_SCORE(A2,B2,5)', 0],
      ['C3', '=_xldudf_PERF_SCORE(A3,B3,5)', 5],
      ['C4', '=SUM(C1:C3)', 10],
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet('表')!;
    expect(ws.getCell('C1').value).toMatchObject({ shareType: 'shared', ref: 'C1:C3', result: 5 });
    expect(ws.getCell('C3').value).toMatchObject({ sharedFormula: 'C1', result: 5 });
    expect(ws.getCell('C4').result).toBe(10);
  });

  it('reports an unwritable destination in one line', async () => {
    const r = await run(['recalc', '--out', join(tmp.dir, 'no-such-dir', 'o.xlsx'), EXAMPLE]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/^perf-check: 无法写出 .*o\.xlsx（ENOENT）/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('usage and unreadable input', () => {
  it.each([
    [['recalc'], '没有给出要重算的文件'],
    [['recalc', '--out', 'x.csv', 'a.xlsx'], '--out 应为 .xlsx 文件'],
    [['recalc', '--out', 'x.xlsx', 'a.xlsx', 'b.xlsx'], '只能给出一个文件'],
    [['recalc', '--force', 'a.xlsx'], '--force 只与 --out 一起使用'],
    [['recalc', '--sheet', 'S', 'a.xlsx'], 'recalc 不支持 --sheet'],
    [['validate', '--out', 'x.xlsx', 'a.xlsx'], '--out 和 --force 只用于 score、recalc 和 convert'],
  ])('%j: exit 2, one line', async (argv, text) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(oneLine(r.err)).toContain(text);
  });

  it('an unreadable file: exit 2, one line; --json has an error entry', async () => {
    const bad = join(tmp.dir, 'bad.xlsx');
    writeFileSync(bad, 'a,b\n1,2\n');
    let r = await run(['recalc', bad]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain(`无法读取 ${bad}：不是有效的 .xlsx 文件`);
    r = await run(['recalc', '--json', bad]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      files: [
        { file: bad, error: { kind: 'text', message: expect.any(String), messageEn: expect.any(String) } },
      ],
    });
  });

  it('the help lists recalc and its options', async () => {
    const r = await run(['--help']);
    expect(r.out).toContain('perf-check recalc');
    expect(r.out).toContain('--out');
    expect(r.out).toContain('--force');
  });
});

// ---------------------------------------------------------------------------------------------

describe('the dependency graph', () => {
  it('reports a circular reference through a PERF function as #CIRC! with its path, exit 1', async () => {
    const file = await writeBook('circ.xlsx', {
      S: {
        A2: '执行率≥80%',
        B2: { formula: 'PERF.SCORE(C2,A2,5)' },
        C2: { formula: 'B2/10+0.9' },
        D2: { formula: 'B2+1' },
        E2: { formula: 'PERF.SCORE(0.9,A2,5)' },
      },
    });
    const started = Date.now();
    const { code, cells } = await recalcJson(file);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(code).toBe(1);
    const got = byCell(cells);
    expect(got.get('S!B2')?.value).toEqual({ error: '#CIRC!', message: '循环引用：B2 → C2 → B2' });
    expect(got.get('S!C2')?.value).toEqual({ error: '#CIRC!', message: '循环引用：C2 → B2 → C2' });
    expect(got.get('S!D2')?.value).toEqual({ error: '#CIRC!', message: 'B2 出错：循环引用：B2 → C2 → B2' });
    expect(got.get('S!E2')?.value).toBe(5); // outside the cycle
  });

  it('finds self-references and cycles across sheets', () => {
    const f = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
    const out = recalcWorkbook({
      workbook: {
        sheets: [
          makeSheet('A', [[f('=PERF.BAND(B1)'), f('=汇总!A1+1')]]),
          makeSheet('汇总', [[f('=A!A1&""')], [f('=PERF.SCORE(0.9,"执行率≥80%",5)+A2')]]),
        ],
      },
    });
    const v = new Map(out.cells.map((c) => [`${c.sheet}!${c.cell}`, c.value]));
    expect(v.get('A!A1')).toEqual({ error: '#CIRC!', message: '循环引用：A1 → B1 → 汇总!A1 → A1' });
    expect(v.get('汇总!A2')).toEqual({ error: '#CIRC!', message: '循环引用：A2 → A2' });
  });

  it('recalculates dependents only, reuses cached upstream values, calculates upstream without one', () => {
    const n = (v: number): Cell => ({ value: { kind: 'number', value: v } });
    const cached = (formula: string, v: number): Cell => ({ formula, value: { kind: 'number', value: v } });
    const empty = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
    const out = recalcWorkbook({
      workbook: {
        sheets: [
          makeSheet('S', [
            // A1: a function the engine lacks, with a cached result: reused as it is
            [cached('=CUBEVALUE("x")', 0.765), n(0.9), empty('=B1*1'), cached('=NOPE()', 3)],
            [empty(`=PERF.SCORE(A1,"${LINEAR}",10)`), empty(`=PERF.SCORE(C1,"${LINEAR}",10)`)],
            [cached('=A2+B2', 0), cached('=D1*2', 6)],
          ]),
        ],
      },
    });
    expect(out.cells.map((c) => [c.cell, c.value])).toEqual([
      ['A2', 6.5],
      ['B2', 10],
      ['A3', 16.5],
    ]);
    // C1 had no cached value: calculated (and stored by --out), not reported.
    expect(out.writes.map((w) => w.cell)).toEqual(['C1', 'A2', 'B2', 'A3']);
  });

  it('propagates errors through aggregates as Excel does, with the origin in the message', () => {
    const f = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
    const out = recalcWorkbook({
      workbook: {
        sheets: [
          makeSheet('S', [
            [f('=PERF.SCORE(0.9,"执行率≥80%",-1)'), f('=PERF.SCORE(0.9,"执行率≥80%",5)')],
            [f('=SUM(A1:B1)'), f('=IFERROR(A1,0)+B1'), f('=MAX(A1:B1)'), f('=SUM(B1)')],
          ]),
        ],
      },
      lang: 'en',
    });
    const v = new Map(out.cells.map((c) => [c.cell, c.value]));
    expect(v.get('A2')).toEqual({ error: '#VALUE!', message: 'error in A1: Points cannot be negative' });
    expect(v.get('B2')).toBe(5);
    expect(v.get('C2')).toMatchObject({ error: '#VALUE!' });
    expect(v.get('D2')).toBe(5);
  });

  it('reads the spellings Excel stores custom functions in', () => {
    const f = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
    const t = (s: string): Cell => ({ value: { kind: 'text', value: s } });
    const forms = [
      '=PERF.SCORE(A1,B1,10)',
      '=perf.score(A1,B1,10)',
      '=_xldudf_PERF_SCORE(A1,B1,10)',
      '=_xludf.PERF.SCORE(A1,B1,10)',
      '=_xll.PERF.SCORE(A1,B1,10)',
    ];
    const out = recalcWorkbook({
      workbook: {
        sheets: [
          makeSheet('S', [
            [{ value: { kind: 'number', value: 0.765 } }, t(LINEAR)],
            forms.map(f),
            [f('=PERF.NOPE(1)'), f('="PERF.SCORE("&1')],
          ]),
        ],
      },
    });
    expect(out.cells.slice(0, forms.length).map((c) => c.value)).toEqual(forms.map(() => 6.5));
    expect(out.cells[forms.length]).toMatchObject({
      cell: 'A3',
      perf: true,
      value: { error: '#NAME?', message: expect.stringContaining('没有 PERF 函数 PERF.NOPE') },
    });
    expect(out.cells).toHaveLength(forms.length + 1); // B3 only mentions PERF in a string
    expect(usesPerf('="PERF.SCORE("&A1')).toBe(false);
    expect(usesPerf('=ROUND(_xldudf_PERF_TIERED(A1,B1:B3,C1:C3),2)')).toBe(true);
  });

  it('maps every PERF error to #VALUE! or #N/A with the engine message', () => {
    const f = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
    const out = recalcWorkbook({
      workbook: {
        sheets: [
          makeSheet('S', [
            [f('=PERF.SCORE(,"执行率≥80%",5)'), f('=PERF.BAND(10,"90:优秀")'), f('=PERF.TIERED(1,2)')],
            [f('=PERF.SCORE(1,"这不是规则",5)'), f('=PERF.ALLOCATE(1,1,0.001)'), f('=PERF.RULE(1)')],
          ]),
        ],
      },
    });
    const v = new Map(out.cells.map((c) => [c.cell, c.value]));
    expect(v.get('A1')).toMatchObject({ error: '#N/A' });
    expect(v.get('B1')).toMatchObject({ error: '#N/A', message: expect.stringContaining('低于最低等次') });
    expect(v.get('C1')).toEqual({ error: '#VALUE!', message: 'PERF.TIERED 需要 3 个参数，给了 2 个' });
    // a rule the reader leaves to a person: #N/A or #VALUE!, with the engine's message
    expect(v.get('A2')).toMatchObject({ message: expect.stringContaining('人工评分') });
    expect(['#N/A', '#VALUE!']).toContain((v.get('A2') as { error: string }).error);
    expect(v.get('B2')).toEqual({ error: '#VALUE!', message: '总额应精确到分' });
    expect(v.get('C2')).toMatchObject({ error: '#VALUE!' });
  });

  it('rounds as Excel does (15 significant digits, half away from zero)', () => {
    const f = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
    const out = recalcWorkbook({
      workbook: {
        sheets: [
          makeSheet('S', [
            [
              f('=PERF.SCORE(0.9,"执行率≥80%",5)'),
              f('=ROUND(21.9/0.2,0)+A1*0'),
              f('=ROUND(-2.5,0)+A1*0'),
              f('=ROUND(A1*0.2345,2)'),
              f('=A1*0.1+0.2'),
              f('=ROUNDUP(A1/3,1)'),
              f('=ROUNDDOWN(-A1/3,1)'),
              f('=ROUND(1234.5+A1,-2)'),
            ],
          ]),
        ],
      },
    });
    expect(out.cells.map((c) => c.value)).toEqual([5, 110, -3, 1.17, 0.7, 1.7, -1.6, 1200]);
  });

  it('fills the functions fast-formula-parser lacks, with Excel semantics', () => {
    const f = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
    const n = (v: number): Cell => ({ value: { kind: 'number', value: v } });
    const out = recalcWorkbook({
      workbook: {
        sheets: [
          makeSheet('S', [
            [f('=PERF.SCORE(0.9,"执行率≥80%",5)'), n(1), n(5), n(3), n(4)],
            [
              f('=RANK(A1,B1:E1)'),
              f('=RANK.EQ(A1+1,B1:E1)'),
              f('=MAX(A1,B1:E1)+MIN(A1,B1:E1)'),
              f('=MATCH(A1,B1:E1,0)'),
              f('=CHOOSE(3,B1,C1,A1)'),
              f('=VALUE("80%")*A1'),
              f('=VALUE("abc")+A1'),
              f('=OFFSET(A1,0,1)+A1'),
            ],
          ]),
        ],
      },
    });
    expect(out.cells.slice(1).map((c) => c.value)).toEqual([
      1,
      { error: '#N/A', message: '值不可用' },
      6,
      2,
      5,
      4,
      { error: '#VALUE!', message: '参数或值的类型不对' },
      { error: '#NAME?', message: '公式引擎不支持函数 OFFSET，无法重算' },
    ]);
  });

  it('recalculates and reports a formula whose references cannot be read, never leaving it stale', () => {
    // =SUM(A1 cannot be parsed: before, its dependencies were silently dropped and its cached 7 kept.
    const out = recalcWorkbook({
      workbook: {
        sheets: [
          makeSheet('S', [
            [
              { formula: '=PERF.SCORE(0.9,"执行率≥80%",5)', value: { kind: 'empty' } },
              { formula: '=SUM(A1', value: { kind: 'number', value: 7 } },
            ],
          ]),
        ],
      },
    });
    const b1 = out.cells.find((c) => c.cell === 'B1');
    expect(b1?.perf).toBe(false);
    expect(b1?.value).toMatchObject({ error: '#VALUE!' });
    expect((b1?.value as { message: string }).message).toMatch(/^公式无法解析/);
  });

  it('says why a defined name it cannot use gives #NAME?', () => {
    const f = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
    const out = recalcWorkbook({
      workbook: {
        sheets: [
          makeSheet('S', [[f('=PERF.SCORE(SUM(TwoAreas),"执行率≥80%",5)'), f('=PERF.BAND(BadName)')]]),
        ],
      },
      names: [
        { name: 'TwoAreas', ranges: ['S!$C$1', 'S!$D$1'] },
        { name: 'BadName', ranges: ['#REF!'] },
      ],
    });
    const v = new Map(out.cells.map((c) => [c.cell, c.value]));
    expect(v.get('A1')).toEqual({
      error: '#NAME?',
      message: '名称 TwoAreas 指向多个区域，重算不支持这样的名称',
    });
    expect(v.get('B1')).toEqual({ error: '#NAME?', message: '名称 BadName 的引用无法读取，无法重算' });
  });
});

// ---------------------------------------------------------------------------------------------

describe('plain Excel formulas downstream of a PERF cell agree with HyperFormula (GPL, dev only)', () => {
  // A1 is PERF.SCORE(…) = 6.5 here and the constant 6.5 in HyperFormula; B1:B4 are data.
  const data: (number | string)[] = [3, 7.25, 9, 4];
  const formulas = [
    '=A1*2-B1',
    '=ROUND(A1/3,2)',
    '=IF(A1>6,"达标","未达标")',
    '=SUM(A1,B1:B4)',
    '=AVERAGE(A1,B1:B4)',
    '=MAX(A1,B1:B4)',
    '=MIN(A1,B1:B4)',
    '=A1&"分"',
    '=INT(A1*1.5)',
    '=MOD(A1*10,4)',
    '=ABS(-A1)',
    '=COUNTIF(B1:B4,">"&A1)',
    '=SUMIF(B1:B4,"<"&A1)',
    '=MATCH(9,B1:B4,0)+A1',
    '=AND(A1>5,A1<7)',
    '=OR(A1>7,B1>2)',
    '=SUMPRODUCT(B1:B4,B1:B4)+A1',
    '=LARGE(B1:B4,2)+A1',
    '=MEDIAN(A1,B1:B4)',
    '=ROUNDUP(A1/7,1)',
    '=A1/0',
    '=IFERROR(A1/0,-1)',
    '=LEN(A1&"")',
    '=A1>=6.5',
    '=POWER(A1,2)',
    '=SQRT(A1*A1)',
    '=STDEV(A1,B1:B4)',
    '=PERCENTILE(B1:B4,0.5)+A1',
    '=CHOOSE(2,B1,A1)',
    '=VALUE("12.5")+A1',
    '=COUNTA(B1:B4)+A1',
    '=SUMIFS(B1:B4,B1:B4,">"&A1)',
    '=ROUNDDOWN(A1*1.23,1)',
  ];

  it('gives the same values', () => {
    const sheet: (number | string | null)[][] = [
      [6.5, data[0]!, ...formulas],
      ...data.slice(1).map((d) => [null, d]),
    ];
    const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3' });
    const expected = formulas.map((_, i) => {
      const v = hf.getCellValue({ sheet: 0, col: 2 + i, row: 0 });
      return v instanceof DetailedCellError ? { error: v.value } : v;
    });
    hf.destroy();

    const num = (v: number | string): Cell =>
      typeof v === 'number' ? { value: { kind: 'number', value: v } } : { value: { kind: 'text', value: v } };
    const f = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
    const rows: (Cell | null)[][] = [
      [f(`=PERF.SCORE(0.765,"${LINEAR}",10)`), num(data[0]!), ...formulas.map(f)],
      ...data.slice(1).map((d) => [null, num(d)]),
    ];
    const out = recalcWorkbook({ workbook: { sheets: [makeSheet('Sheet1', rows)] } });
    const got = out.cells
      .slice(1)
      .map((c) => (typeof c.value === 'object' ? { error: c.value.error } : c.value));
    expect(out.cells[0]!.value).toBe(6.5);
    // HyperFormula rounds results to 10 decimal places (its precisionRounding): compare numbers so.
    expect(got).toHaveLength(expected.length);
    got.forEach((g, i) => {
      const e = expected[i];
      if (typeof g === 'number' && typeof e === 'number') expect(g, formulas[i]).toBeCloseTo(e, 9);
      else expect(g, formulas[i]).toEqual(e);
    });
  });
});

describe('the function table', () => {
  it('names the function and its failure when a formulajs function throws (not a bare #VALUE!)', async () => {
    const { fromFormulajs } = await import('../../cli/recalc/functions.js');
    const fn = fromFormulajs('MEDIAN', () => {
      throw new TypeError('x.map is not a function');
    });
    const r = fn({ value: 1, isArray: false }) as { error: string; details: { zh: string; en: string } };
    expect(r.error).toBe('#VALUE!');
    expect(r.details.zh).toBe('MEDIAN 计算出错：x.map is not a function');
    expect(r.details.en).toBe('MEDIAN failed: x.map is not a function');
  });
});
