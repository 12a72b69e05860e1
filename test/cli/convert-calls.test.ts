/**
 * PERF calls found in a formula's text (engine/native/calls.ts) in every spelling a workbook holds
 * them, and a formula with several or nested calls converted call by call (cli/convert/plan.ts).
 */
import { describe, expect, it } from 'vitest';
import { nativeFormula } from '../../cli/convert/plan';
import { literalValue, perfCalls, referenceOf } from '../../engine/native/calls';
import { makeSheet, toCellValue } from '../../engine/grid';

describe('perfCalls', () => {
  it.each([
    ['=PERF.SCORE(A1,B1,5)', 'PERF.SCORE', 'SCORE', ['A1', 'B1', '5']],
    ['=_xldudf_PERF_SCORE(A1,B1,5)', '_xldudf_PERF_SCORE', 'SCORE', ['A1', 'B1', '5']],
    ['=[1]!_xldudf_PERF_BAND(G3)', '[1]!_xldudf_PERF_BAND', 'BAND', ['G3']],
    ['=_xludf.PERF.RULE(D3)', '_xludf.PERF.RULE', 'RULE', ['D3']],
    [
      '=perf.score( A1 , "a,b)" , 5 ,, "decimals=2")',
      'perf.score',
      'SCORE',
      ['A1', '"a,b)"', '5', '', '"decimals=2"'],
    ],
    [
      "=PERF.SCORE('考核 表'!F3,'it''s'!D3,SUM(E3:E4))",
      'PERF.SCORE',
      'SCORE',
      ["'考核 表'!F3", "'it''s'!D3", 'SUM(E3:E4)'],
    ],
  ])('%s', (formula, name, id, args) => {
    const calls = perfCalls(formula);
    expect(calls.map((c) => ({ name: c.name, id: c.id, args: c.args }))).toEqual([{ name, id, args }]);
    expect(formula.slice(calls[0]!.start, calls[0]!.end)).toBe(formula.slice(1));
  });

  it('nested and repeated calls are all found; text in quotes and look-alike names are not calls', () => {
    const f = '=IF(A1="PERF.SCORE(x)",MYPERF.SCORE(1),PERF.BAND(PERF.SCORE(A2,B2,5)))';
    expect(perfCalls(f).map((c) => f.slice(c.start, c.end))).toEqual([
      'PERF.BAND(PERF.SCORE(A2,B2,5))',
      'PERF.SCORE(A2,B2,5)',
    ]);
    expect(perfCalls('=PERF.SCORE(A1,B1')).toEqual([]);
  });

  it('literals and references', () => {
    expect([
      literalValue('5'),
      literalValue('-0.5'),
      literalValue('80%'),
      literalValue('"a""b"'),
      literalValue('true'),
    ]).toEqual([5, -0.5, 0.8, 'a"b', true]);
    expect(literalValue('A1')).toBeUndefined();
    expect(referenceOf("'考核 表'!$F$3")).toEqual({ sheet: '考核 表', from: 'F3', to: null });
    expect(referenceOf('$K$3:$K$5')).toEqual({ sheet: null, from: 'K3', to: 'K5' });
    expect(referenceOf('SUM(A1)')).toBeNull();
  });
});

describe('nativeFormula', () => {
  const sheet = makeSheet(
    'S',
    [
      ['完成情况', '规则', '分值'],
      [0.85, '执行率≥80%', 10],
    ].map((r) => r.map((v) => ({ value: toCellValue(v) }))),
  );
  const wb = { sheets: [sheet] };

  it('a call inside a larger formula is replaced in place, in parentheses', () => {
    const alone = nativeFormula('=PERF.SCORE(A2,B2,C2)', 'S', wb);
    const inside = nativeFormula('=ROUND(_xldudf_PERF_SCORE(A2,B2,C2),1)+1', 'S', wb);
    expect(alone.ok && inside.ok).toBe(true);
    if (!alone.ok || !inside.ok) return;
    expect(inside.formula).toBe(`=ROUND((${alone.formula.slice(1)}),1)+1`);
    expect(alone.formula).not.toMatch(/PERF/);
  });

  it('a call whose argument is not a cell or a number after the inner conversion: the reason names it', () => {
    const r = nativeFormula('=PERF.BAND(PERF.SCORE(A2,B2,C2))', 'S', wb);
    expect(r.ok).toBe(false);
    // The inner PERF.SCORE is now a native formula (an IF of texts and numbers), not arithmetic of
    // cells: the reason names the inner call and what to do, not the long formula it became.
    if (!r.ok)
      expect(r.reason).toBe(
        'PERF.BAND：参数中的 PERF.SCORE 不能直接作为参数转换，请把它放在一个单元格中再引用该单元格',
      );
  });

  it('a rule the engine cannot read: not converted, with the reason', () => {
    const r = nativeFormula('=PERF.SCORE(A2,"按季度考核12次",C2)', 'S', wb);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toBe('PERF.SCORE：规则无法识别：含有无法识别的数字或条件：「按季度考核12次」');
  });
});
