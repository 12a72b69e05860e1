/**
 * Marginal brackets (超额累进): 67.7–75万 提取9%，75–83.3万 11%，83.3万以上 13%. Each rate applies
 * only to the part of the amount inside its bracket: A = 90 → 2.441; A = 80 → 1.207.
 */
import { D, dec, type Dec } from '../decimal';
import { NUM, residueHasDigits } from '../prose';
import type { RuleKindModule } from '../types';
import { readNumber } from './shared';

// (?<!\\d): a bracket starts at the start of a number. Without it a long run of digits was tried
// from every position inside it (quadratic: 2,000 zeros took 23 ms).
const RANGE = new RegExp(
  `(?<!\\d)${NUM}\\s*(万元|万|元)?\\s*-\\s*${NUM}\\s*(万元|万|元)?\\s*(?:之间)?\\s*(?:的部分)?\\s*(?:提取|按|计提)?\\s*${NUM}\\s*%`,
  'g',
);
const OPEN = new RegExp(
  `(?<!\\d)${NUM}\\s*(万元|万|元)?\\s*以上\\s*(?:的部分)?\\s*(?:提取|按|计提)?\\s*${NUM}\\s*%`,
  'g',
);

export interface Bracket {
  from: Dec;
  to: Dec | null;
  rate: Dec;
}

/** Σ rate × (part of amount inside the bracket). */
export function marginal(amount: Dec, brackets: readonly Bracket[]): Dec {
  let total = new D(0);
  for (const b of brackets) {
    const top = b.to === null ? amount : D.min(amount, b.to);
    const part = top.minus(b.from);
    if (part.gt(0)) total = total.plus(part.mul(b.rate));
  }
  return total;
}

export const tiers: RuleKindModule<'tiers'> = {
  kind: 'tiers',
  parse(text) {
    const ranges = [...text.matchAll(RANGE)];
    const open = [...text.matchAll(OPEN)];
    if (ranges.length + open.length < 2) return null;
    if (
      residueHasDigits(
        text,
        [...ranges, ...open].map((m) => m[0]),
      )
    )
      return null;
    const unit = ranges[0]?.[2] ?? ranges[0]?.[4] ?? open[0]?.[2] ?? '';
    const brackets = [
      ...ranges.map((m) => ({ from: m[1]!, to: m[3]!, rate: dec(m[5]!).div(100).toString() })),
      ...open.map((m) => ({ from: m[1]!, to: null, rate: dec(m[3]!).div(100).toString() })),
    ].sort((a, b) => dec(a.from).cmp(dec(b.from)));
    return { kind: 'tiers', brackets, unit };
  },
  evaluate(rule, { actual }) {
    const r = readNumber(actual, false, '金额');
    if (!r.ok) return r.outcome;
    const brackets = rule.brackets.map((b) => ({
      from: dec(b.from),
      to: b.to === null ? null : dec(b.to),
      rate: dec(b.rate),
    }));
    return { ok: true, score: marginal(r.value, brackets) };
  },
  render(rule, lang) {
    const pct = (r: string): string => `${dec(r).mul(100).toString()}%`;
    const parts = rule.brackets.map((b) =>
      b.to === null
        ? lang === 'zh'
          ? `${b.from}${rule.unit}以上部分按${pct(b.rate)}`
          : `above ${b.from}: ${pct(b.rate)}`
        : lang === 'zh'
          ? `${b.from}至${b.to}${rule.unit}部分按${pct(b.rate)}`
          : `${b.from}–${b.to}: ${pct(b.rate)}`,
    );
    return lang === 'zh' ? `超额累进：${parts.join('，')}` : `Marginal brackets: ${parts.join(', ')}`;
  },
};
