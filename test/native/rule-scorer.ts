/** A rule's native formula over A1 (actual) and B1 (points), for tests of hand-worked values. */
import { expect } from 'vitest';
import { compileRuleText, type NativeOptions } from '../../engine/native';
import { DEFAULT_SETTINGS } from '../../engine/rules';
import { evaluateRows } from './hf';
import { evaluateOurs } from './ours';

/**
 * The formula's value for one actual in HyperFormula; our own recalc (perf-check recalc) must give
 * the same, checked on every call.
 */
export function ruleScorer(
  rule: string,
  points: number,
  options: NativeOptions = {},
): (a: string) => unknown {
  const f = compileRuleText(rule, { actual: 'A1', points: 'B1' }, DEFAULT_SETTINGS, options);
  if (!f.ok) throw new Error(f.reason);
  return (a) => {
    const hf = evaluateRows([[a, points, f.formula]])[0]![2];
    expect(evaluateOurs(f.formula, { A1: a, B1: points }), a).toEqual(hf);
    return hf;
  };
}
