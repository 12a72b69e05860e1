/**
 * A table's total and band as native formulas, as engine/scoring.ts computes them: the total adds
 * the (rounded) item scores, 扣分制 items' deductions come off it, never below 0; while any item
 * has no number (a hand score, a missing actual) the total is a text, never a partial sum. The
 * band (等次) is read on the total scaled to 100 by the declared total.
 */
import { str } from './expr';
import { bandFormula } from './perf';
import { vetoTests, type VetoItem } from './veto';
import type { NativeResult } from './compile';

export interface TotalInput {
  /** The cells of the items' scores (one cell or a range each, e.g. "F3:F12"). */
  items: readonly string[];
  /** How many item cells there are (each must hold a number for a total). */
  count: number;
  /** The cells of 扣分制 deductions (positive numbers, blank = none), or none. */
  deductions?: readonly string[];
  /** Deductions are capped each (扣完为止 at their points): the cap per cell, same order. */
  deductionCaps?: readonly (number | null)[];
  totals?: 'roundItems' | 'roundOnce';
}

export function compileTotal(t: TotalInput): NativeResult {
  if (t.totals === 'roundOnce')
    return { ok: false, reason: '“合计一次取整”需要各项未取整的得分，通用公式只用各项得分单元格' };
  if (t.items.length === 0) return { ok: false, reason: '没有指标得分单元格' };
  const sum = `SUM(${t.items.join(',')})`;
  const ded = (t.deductions ?? []).map((d, i) => {
    const cap = t.deductionCaps?.[i];
    return cap === null || cap === undefined ? `N(${d})` : `MIN(N(${d}),${cap})`;
  });
  const gross = ded.length === 0 ? sum : `${sum}-(${ded.join('+')})`;
  return {
    ok: true,
    formula: `=IF(COUNT(${t.items.join(',')})<${t.count},${str('有指标未评分')},MAX(0,${gross}))`,
  };
}

export interface BandInput {
  /** The total's cell. */
  total: string;
  /** What the total is out of (the declared total; 100 when it already is a percent scale). */
  outOf: number;
  /** The band scheme, highest first: "90:优秀,80:良好,60:合格,0:不合格". */
  scheme?: string | null;
  /** The table's 一票否决 / 一票否优 items (./veto.ts), and the decimals their scores round to. */
  vetoItems?: readonly VetoItem[];
  decimals?: number;
}

export function compileBand(b: BandInput): NativeResult {
  if (!(b.outOf > 0)) return { ok: false, reason: '满分应大于0' };
  const items = b.vetoItems ?? [];
  const tests = items.length > 0 ? vetoTests(items, b.decimals ?? 2) : null;
  if (tests && !tests.ok) return tests;
  return bandFormula(
    b.total,
    b.scheme ?? null,
    b.outOf === 100 ? '' : `*100/${b.outOf}`,
    tests?.vetoes ?? null,
  );
}
