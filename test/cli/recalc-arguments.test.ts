/**
 * Argument errors of the PERF functions in the recalc: every function reads its arguments through
 * the one reader (engine/functions/args.ts), and its messages name the argument and, for an
 * argument read from a cell or range, that cell (the recalc knows it; Excel does not tell a custom
 * function). Expected messages written by hand from the cells below.
 */
import { describe, expect, it } from 'vitest';
import { recalcWorkbook } from '../../cli/recalc.js';
import { makeSheet, type Cell } from '../../engine/grid.js';

const f = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
const n = (value: number): Cell => ({ value: { kind: 'number', value } });
const t = (value: string): Cell => ({ value: { kind: 'text', value } });
const RULE = '执行率≥80%';

function recalc(rows: (Cell | null)[][], lang: 'zh' | 'en' = 'zh') {
  const out = recalcWorkbook({
    workbook: {
      sheets: [makeSheet('S', rows), makeSheet('数据', [[t('优')]]), makeSheet('my data', [[t('x')]])],
    },
    names: [{ name: 'Points', ranges: ['S!$B$5'] }],
    lang,
  });
  return new Map(out.cells.map((c) => [c.cell, c.value]));
}

describe('PERF argument messages name the argument and its cell', () => {
  // A: formulas; B: single inputs; D:E: ranges for PERF.ALLOCATE.
  const rows: (Cell | null)[][] = [
    [f(`=PERF.SCORE(0.9,"${RULE}",B1)`), t('abc'), null, n(1), n(3)],
    [f('=PERF.PROGRESS(0.9,B2,1,10)'), null, null, t('x'), n(5)],
    [f('=PERF.ALLOCATE(D1:D3,E1:E3,100)'), null, null, n(2), n(4)],
    [f('=PERF.ALLOCATE(D3:D4,E3:E4,100)'), null, null, n(1), n(-1)],
    [f(`=PERF.SCORE(0.9,"${RULE}",Points)`), n(-2)],
    [f('=PERF.BAND(数据!A1)')],
    [f("=PERF.BAND('my data'!A1)")],
    [f('=PERF.SCORE(0.9,B8,5)')],
    [f('=PERF.BAND(85,90)')],
    [f('=PERF.EFFICACY(85,60,100,0)')],
    [f(`=PERF.SCORE(0.9,"${RULE}","abc")`)],
  ];
  const v = recalc(rows);

  it('a cell that is not a number: the parameter, the cell and what it holds', () => {
    expect(v.get('A1')).toEqual({ error: '#VALUE!', message: '分值（B1）「abc」不是数字' });
  });

  it('an empty cell where a number is required: #N/A naming the parameter and the cell', () => {
    expect(v.get('A2')).toEqual({ error: '#N/A', message: '缺少上年值（B2）' });
  });

  it('one cell of a range: the cell itself, not the range', () => {
    expect(v.get('A3')).toEqual({ error: '#VALUE!', message: '系数（D2）「x」不是数字' });
    expect(v.get('A4')).toEqual({ error: '#VALUE!', message: '人数（E4）不能为负数' });
  });

  it('a defined name: the cell it names', () => {
    expect(v.get('A5')).toEqual({ error: '#VALUE!', message: '分值（B5）不能为负数' });
  });

  it('a cell of another sheet: with the sheet, quoted only when Excel would', () => {
    expect(v.get('A6')).toEqual({ error: '#VALUE!', message: '得分（数据!A1）「优」不是数字' });
    expect(v.get('A7')).toEqual({ error: '#VALUE!', message: "得分（'my data'!A1）「x」不是数字" });
  });

  it('an empty rule cell', () => {
    expect(v.get('A8')).toEqual({ error: '#VALUE!', message: '规则（B8）应为文字，单元格是空的' });
  });

  it('a literal: the parameter only', () => {
    expect(v.get('A9')).toEqual({ error: '#VALUE!', message: '等次方案应为文字，不是数字 90' });
    expect(v.get('A11')).toEqual({ error: '#VALUE!', message: '分值「abc」不是数字' });
  });

  it('an optional number of 0 is "not given", as Excel passes an empty cell on some builds', () => {
    // 功效系数 with points not given: 60 + 40 × (85 − 60)/(100 − 60) = 85.
    expect(v.get('A10')).toBe(85);
  });

  it('in English: the English parameter name and the cell', () => {
    const en = recalc(rows, 'en');
    expect(en.get('A1')).toEqual({ error: '#VALUE!', message: 'Points (B1) "abc" is not a number' });
    expect(en.get('A2')).toEqual({ error: '#N/A', message: 'Last (B2) is missing' });
  });
});
