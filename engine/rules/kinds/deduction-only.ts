/** （实行扣分制）…10分扣完为止: no points of its own; the entered deduction comes off the table total. */
import { D, dec } from '../decimal';
import { NUM } from '../prose';
import type { RuleKindModule } from '../types';
import { fail } from '../types';
import { readNumber } from './shared';

const CAP = new RegExp(`${NUM}分扣完为止|最多扣${NUM}分`);

export const deductionOnly: RuleKindModule<'deductionOnly'> = {
  kind: 'deductionOnly',
  parse(text) {
    if (!/扣分制/.test(text)) return null;
    const cap = CAP.exec(text);
    return { kind: 'deductionOnly', cap: cap ? (cap[1] ?? cap[2] ?? null) : null };
  },
  /** The score is the negative deduction (capped), to be taken off the total. */
  evaluate(rule, { actual }) {
    const r = readNumber(actual, false, '扣分');
    if (!r.ok) return r.outcome;
    if (r.value.isNeg()) return fail('ACTUAL_INVALID', '扣分不能为负数', 'A deduction cannot be negative');
    const d = rule.cap ? D.min(r.value, dec(rule.cap)) : r.value;
    return { ok: true, score: d.neg() };
  },
  render(rule, lang) {
    return lang === 'zh'
      ? `实行扣分制：从总分中扣除${rule.cap ? `，最多扣${rule.cap}分` : ''}`
      : `Deduction only: taken off the total${rule.cap ? `, at most ${rule.cap}` : ''}`;
  },
};
