/**
 * Defined names in the recalc, when a name is spelled like a column (K, ABC): Excel reads a bare
 * K in a formula as the name K (a column is only ever K:K), so the recalc must too. It used to
 * read such a name as a cell with no row, i.e. empty: a silent wrong number.
 * Expected values worked by hand from the cells below.
 */
import { describe, expect, it } from 'vitest';
import { recalcWorkbook } from '../../cli/recalc.js';
import { makeSheet, type Cell } from '../../engine/grid.js';

const f = (formula: string): Cell => ({ formula, value: { kind: 'empty' } });
const n = (value: number): Cell => ({ value: { kind: 'number', value } });
const RULE = '执行率≥80%';

describe('defined names spelled like a column', () => {
  // A1 actual 90% (meets ≥80%: full points); B1 = 4 and B2 = 6; K1 = 100 (column K).
  // Names: K → B1, ABC → B1:B2, KK → B3 (a PERF cell: 2).
  const rows: (Cell | null)[][] = [
    [n(0.9), n(4), f(`=PERF.SCORE(A1,"${RULE}",K)`), null, null, null, null, null, null, null, n(100)],
    [null, n(6), f(`=K*2+PERF.SCORE(A1,"${RULE}",1)`)],
    [null, f(`=PERF.SCORE(A1,"${RULE}",2)`), f(`=SUM(ABC)+PERF.SCORE(A1,"${RULE}",1)`)],
    [null, null, f(`=SUM(K:K)+PERF.SCORE(A1,"${RULE}",1)`)],
    [null, null, f(`=PERF.SCORE(A1,"${RULE}",XY)`)],
    [null, null, f('=KK*10')],
    [null, null, f(`=PERF.SCORE(A1,"${RULE}",k)`)],
  ];
  const out = recalcWorkbook({
    workbook: { sheets: [makeSheet('S', rows)] },
    names: [
      { name: 'K', ranges: ['S!$B$1'] },
      { name: 'ABC', ranges: ['S!$B$1:$B$2'] },
      { name: 'KK', ranges: ['S!$B$3'] },
    ],
  });
  const v = new Map(out.cells.map((c) => [c.cell, c.value]));

  it('reads a bare K as the name K, in a PERF argument and in arithmetic', () => {
    expect(v.get('C1')).toBe(4); // points K = B1 = 4, 90% ≥ 80%: full points
    expect(v.get('C2')).toBe(9); // K*2 = 8, plus 1
    expect(v.get('C7')).toBe(4); // names are case-insensitive: k is K
  });

  it('reads a range name ABC as its range', () => {
    expect(v.get('C3')).toBe(11); // SUM(B1:B2) = 10, plus 1
  });

  it('still reads K:K as the whole column K', () => {
    expect(v.get('C4')).toBe(101); // column K holds 100, plus 1
  });

  it('gives #NAME? naming a bare column-like name that is not defined, not an empty value', () => {
    expect(v.get('C5')).toMatchObject({ error: '#NAME?' });
    expect((v.get('C5') as { message: string }).message).toContain('XY');
  });

  it('follows a name spelled like a column to the formula cell it names', () => {
    expect(v.get('C6')).toBe(20); // KK = B3 = PERF.SCORE(…, 2) = 2, times 10
  });
});
