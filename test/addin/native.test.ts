/**
 * 转换为通用公式 (issue 13): the PERF formulas of the selection (office-addin-mock objects of
 * ExcelApi 1.1) or of the workbook (the in-memory Excel, which holds the adapter to Office.js's
 * load-and-sync rules) become native formulas, written in place; the rest are listed with the
 * reason. The written formulas are evaluated by HyperFormula; the scores are worked out by hand.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { convertToNative, type AdapterEnv, type ExcelContext } from '../../addin/excel';
import { MEMORY_ENV, MemoryExcel } from '../../addin/excel/memory-excel';
import { parseCellAddress } from '../../engine/address';
import { evaluateRows } from '../native/hf';

const LINEAR = '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽';
const THRESHOLD = '执行率≥80%';

/** ExcelApi 1.1 only: no enableEvents, no suspended calculation (the mock throws on a member it lacks). */
const env11: AdapterEnv = { platform: 'desktop', isSetSupported: (n, v) => n === 'ExcelApi' && v === '1.1' };

const VALUES = [
  ['完成情况', '规则', '分值', '得分'],
  [0.765, LINEAR, 10, 6.5],
  [0.9, THRESHOLD, 5, 5],
  [0.7, null, 5, 0],
  [null, null, null, '#N/A'],
];
const FORMULAS = [
  ['完成情况', '规则', '分值', '得分'],
  [0.765, LINEAR, 10, '=PERF.SCORE(A2,B2,C2)'],
  [0.9, THRESHOLD, 5, '=ROUND(PERF.SCORE(A3,B3,C3),1)'],
  [0.7, null, 5, "=PERF.SCORE(A4,'规则 表'!A1,C4)"],
  [null, null, null, '=PERF.FORCED(D2:D4)'],
];

function mock(selection: string) {
  const written: Record<string, unknown> = {};
  const sheet = (name: string, address: string, formulas: unknown[][], values: unknown[][]) => ({
    name,
    used: { address: `'${name}'!${address}`, formulas, values },
    getUsedRange: function () {
      return this.used;
    },
    getRange: function (a: string) {
      const cell = { formulas: [['']] as unknown[][] };
      Object.defineProperty(written, `${name}!${a}`, { get: () => cell.formulas[0]![0], enumerable: true });
      return cell;
    },
  });
  const data = {
    context: {
      workbook: {
        worksheets: {
          main: sheet('考核表', 'A1:D5', FORMULAS, VALUES),
          rules: sheet('规则 表', 'A1', [[THRESHOLD]], [[THRESHOLD]]),
          getItem: function (name: string) {
            return name === '考核表' ? this.main : this.rules;
          },
        },
        selected: { address: selection },
        getSelectedRange: function () {
          return this.selected;
        },
      },
    },
  };
  const m = new OfficeMockObject(data) as unknown as { context: ExcelContext };
  return { context: m.context, written };
}

/** A converted formula's value in HyperFormula with the row moved to row 1 (A actual, C points). */
function score(formula: string, row: number, actual: number, points: number): unknown {
  const f = formula.replace(new RegExp(`([AC])${row}(?!\\d)`, 'g'), '$11');
  return evaluateRows([[actual, null, points, f]])[0]![3];
}

describe('convertToNative', () => {
  it('the selection (office-addin-mock, ExcelApi 1.1): its PERF formulas only, a rule on another sheet read there', async () => {
    const { context, written } = mock("'考核表'!D3:D5");
    const r = await convertToNative(context, 'selection', env11);
    expect(r.converted.map((c) => c.cell)).toEqual(['D3', 'D4']);
    expect(r.unconverted).toEqual([
      expect.objectContaining({ sheet: '考核表', cell: 'D5', formula: '=PERF.FORCED(D2:D4)' }),
    ]);
    expect(r.unconverted[0]!.reason).toMatch(/^PERF\.FORCED[ ：]/);
    // Selection, the sheet's used range, the sheet the rule of D4 is on, the write.
    expect(r.syncs).toBe(4);
    expect(Object.keys(written).sort()).toEqual(['考核表!D3', '考核表!D4']);
    for (const c of r.converted) {
      expect(written[`${c.sheet}!${c.cell}`]).toBe(c.to);
      expect(c.to).not.toMatch(/PERF/i);
    }
    // ROUND(…,1) around the call stays; 90% meets 执行率≥80% on 5 points: 5.
    expect(r.converted[0]!.to).toMatch(/^=ROUND\(\(.*\),1\)$/);
    expect(score(r.converted[0]!.to, 3, 0.9, 5)).toBe(5);
    // The rule in '规则 表'!A1 (执行率≥80%): 70% misses it, 0; 85% meets it, 5.
    expect(score(r.converted[1]!.to, 4, 0.7, 5)).toBe(0);
    expect(score(r.converted[1]!.to, 4, 0.85, 5)).toBe(5);
  });

  it('nothing to convert in the selection: no write', async () => {
    const { context, written } = mock("'考核表'!A1:C5");
    const r = await convertToNative(context, 'selection', env11);
    expect(r).toEqual({ converted: [], unconverted: [], syncs: 2 });
    expect(Object.keys(written)).toEqual([]);
  });

  it('the workbook (in-memory Excel): every sheet, events off while writing', async () => {
    const excel = new MemoryExcel({
      sheets: [
        {
          name: '考核表',
          rows: VALUES,
          formulas: {
            D2: FORMULAS[1]![3] as string,
            D3: FORMULAS[2]![3] as string,
            D5: FORMULAS[4]![3] as string,
          },
        },
        // As Excel saves custom functions opened without the add-in, and two calls in one formula.
        {
          name: '其他',
          rows: [[0.5, THRESHOLD, 4, 0, 0]],
          formulas: {
            D1: '=_xldudf_PERF_SCORE(A1,B1,C1)',
            E1: '=[1]!_xldudf_PERF_SCORE(A1,B1,C1)+PERF.SCORE(A1,B1,C1)',
          },
        },
      ],
    });
    const r = await convertToNative(excel.context, 'workbook', MEMORY_ENV);
    expect(r.converted.map((c) => `${c.sheet}!${c.cell}`)).toEqual([
      '考核表!D2',
      '考核表!D3',
      '其他!D1',
      '其他!E1',
    ]);
    expect(r.unconverted.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['考核表!D5']);
    for (const c of r.converted) {
      const sheet = excel.sheets.find((s) => s.name === c.sheet)!;
      const at = parseCellAddress(c.cell)!;
      expect(sheet.cell(at.row, at.col)?.formula).toBe(c.to);
    }
    expect(excel.sheets[0]!.cell(4, 3)?.formula).toBe('=PERF.FORCED(D2:D4)');
    // 76.5% against 80%以上 每低一个百分点扣1分 on 10 points: 3.5 off, 6.5.
    expect(score(r.converted[0]!.to, 2, 0.765, 10)).toBe(6.5);
    // 50% misses 执行率≥80% on 4 points: 0; 90% meets it: 4, and twice in E1: 8.
    expect(score(r.converted[2]!.to, 1, 0.5, 4)).toBe(0);
    expect(score(r.converted[2]!.to, 1, 0.9, 4)).toBe(4);
    expect(score(r.converted[3]!.to, 1, 0.9, 4)).toBe(8);
    expect(r.converted[3]!.to).not.toMatch(/PERF|xldudf|\[1\]/i);
    const formulas = excel.writes.filter((w) => w.property === 'formulas');
    expect(formulas.map((w) => `${w.sheet}!${w.address}`)).toEqual([
      '考核表!D2',
      '考核表!D3',
      '其他!D1',
      '其他!E1',
    ]);
    expect(formulas.every((w) => !w.eventsEnabled && w.calculationSuspended)).toBe(true);
  });
});
