/** Helpers shared by rule kinds: comparisons, percent readings, partial steps. */
import { dec, type Dec } from '../decimal';
import { readActual, type Reading } from '../actual';
import type { Comparator, Condition, Outcome } from '../types';
import { fail } from '../types';
import type { ScoringSettings } from '../settings';

export function compare(a: Dec, op: Comparator, b: Dec): boolean {
  switch (op) {
    case '>=':
      return a.gte(b);
    case '>':
      return a.gt(b);
    case '<=':
      return a.lte(b);
    case '<':
      return a.lt(b);
    default:
      return a.eq(b);
  }
}

export const OP_TEXT: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** Shows a condition value: "0.8" with unit % → "80%". */
export function showValue(value: string, unit: string): string {
  if (unit === '%') return `${dec(value).mul(100).toString()}%`;
  return `${value}${unit}`;
}

export function showCondition(c: Condition): string {
  return `${c.metric}${OP_TEXT[c.op]}${showValue(c.value, c.unit)}`;
}

/**
 * A number for a condition. Percent conditions need fractions: 0.8 or "80%"; a bare 80 against
 * "≥80%" is ambiguous and reported, never guessed.
 */
export function numberFor(
  r: Reading,
  percent: boolean,
  what: string,
): { ok: true; value: Dec } | { ok: false; outcome: Outcome } {
  if (r.kind === 'missing')
    return {
      ok: false,
      outcome: fail('ACTUAL_MISSING', `缺少${what}的实际值`, `No actual value for ${what}`),
    };
  if (r.kind !== 'number')
    return {
      ok: false,
      outcome: fail(
        'ACTUAL_INVALID',
        `实际值「${String(r.value)}」不是数字`,
        `Actual value "${String(r.value)}" is not a number`,
      ),
    };
  if (percent && !r.percentText && r.value.gt(1))
    return {
      ok: false,
      outcome: fail(
        'ACTUAL_AMBIGUOUS',
        `实际值 ${r.value.toString()} 不明确：目标是百分比，请填写 ${r.value.toString()}% 或 ${r.value.div(100).toString()}`,
        `Actual ${r.value.toString()} is ambiguous against a percent target: enter ${r.value.toString()}% or ${r.value.div(100).toString()}`,
      ),
    };
  return { ok: true, value: r.value };
}

export function readNumber(actual: Parameters<typeof readActual>[0], percent: boolean, what: string) {
  return numberFor(readActual(actual), percent, what);
}

/** Whole or fractional steps of a shortfall, as the partial-step setting says. */
export function steps(shortfall: Dec, step: Dec, settings: ScoringSettings): Dec {
  const s = shortfall.div(step);
  if (settings.partial === 'floor') return s.floor();
  if (settings.partial === 'ceil') return s.ceil();
  return s;
}
