/**
 * 转换为通用公式 and the write plan (engine/native/convert.ts): PERF calls in every spelling a
 * workbook holds and calls inside other calls' arguments become native formulas, computed here by
 * HyperFormula with values worked by hand; a call that cannot be converted says why.
 */
import { describe, expect, it } from 'vitest';
import { convertFormula, type PerfScalar } from '../../engine/native';
import { evaluateRows, type HfCell } from './hf';

// A1 actual, B1 rule, C1 points.
const cells: Record<string, PerfScalar> = { A1: '85%', B1: '满意率90%以上，每低一个百分点扣1分', C1: 10 };
const valueOf = (ref: string): PerfScalar | undefined => cells[ref];
/** The formula's value beside the cells above. */
function value(formula: string): HfCell | undefined {
  return evaluateRows([[cells.A1!, cells.B1!, cells.C1!, formula]])[0]![3];
}

describe('convertFormula', () => {
  it('converts the spellings Excel saves without the add-in', () => {
    // 90% − 85% = 5 points below: 10 − 5×1 = 5.
    for (const f of [
      '=PERF.SCORE(A1,B1,C1)',
      '=PERF.指标得分(A1,B1,C1)',
      '=_xldudf_PERF_SCORE(A1,B1,C1)',
      '=_xludf.PERF.SCORE(A1,B1,C1)',
      '=[1]!_xldudf_PERF_SCORE(A1,B1,C1)',
      '=PERF.SCORE($A$1,$B$1,$C$1)',
    ]) {
      const r = convertFormula(f, valueOf);
      expect(r.ok, f).toBe(true);
      if (!r.ok) continue;
      expect(r.converted, f).toBe(1);
      expect(r.formula, f).not.toMatch(/PERF/i);
      expect(value(r.formula), f).toBe(5);
    }
  });

  it('converts a call inside another call and calls beside each other', () => {
    // PERF.BAND reads its score twice: a whole score formula there is refused, with what to do.
    const band = convertFormula('=PERF.BAND(PERF.SCORE(A1,B1,C1))', valueOf);
    expect(band).toEqual({
      ok: false,
      reasons: ['PERF.BAND：参数中的 PERF.SCORE 不能直接作为参数转换，请把它放在一个单元格中再引用该单元格'],
    });
    // A score in a cell: 5 is below 60 on the default scheme (90 优秀, 80 良好, 60 合格, else 不合格).
    const banded = convertFormula('=PERF.BAND(C1/2)', valueOf);
    expect(banded.ok && banded.converted).toBe(1);
    if (banded.ok) expect(value(banded.formula)).toBe('不合格');
    // 5 + 5 = 10; ROUND around a call keeps its own arguments.
    const sum = convertFormula('=ROUND(PERF.SCORE(A1,B1,C1),1)+_xldudf_PERF_SCORE(A1,B1,C1)', valueOf);
    expect(sum.ok && sum.converted).toBe(2);
    if (sum.ok) expect(value(sum.formula)).toBe(10);
  });

  it('says why a call cannot be converted, naming it, and leaves strings alone', () => {
    const r = convertFormula('=PERF.SCORE(A1,D9,C1)', valueOf);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons[0]).toMatch(/^PERF\.SCORE/);
    const s = convertFormula('="PERF.SCORE(A1,B1,C1)"&A1', valueOf);
    expect(s).toEqual({ ok: true, formula: '="PERF.SCORE(A1,B1,C1)"&A1', converted: 0 });
  });
});
