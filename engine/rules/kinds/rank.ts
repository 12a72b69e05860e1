/**
 * Rank deduction, both forms of the 温州 standard: an explicit table (排序前两位不扣分，第3位扣0.2分，
 * 第4位扣0.3分…) or free ranks + first deduction + step (前5位不扣分，第6位扣0.25分，随后排序每后移
 * 一位加扣0.25分). Ranks past an explicit table are not guessed.
 */
import { D, dec } from '../decimal';
import { NUM, residueHasDigits, smallNumber } from '../prose';
import type { RuleKindModule } from '../types';
import { fail } from '../types';
import { readNumber } from './shared';

const FREE = /前([一二两三四五六七八九十]|\d+)(?:位|名)不扣分/;
const ENTRY = new RegExp(`第(\\d+)(?:位|名)扣${NUM}分`, 'g');
const STEP = new RegExp(`每(?:后移|下降|后退)一(?:位|名)(?:加扣|扣|增扣)${NUM}分`);

export const rank: RuleKindModule<'rank'> = {
  kind: 'rank',
  parse(text) {
    const free = FREE.exec(text);
    if (!free) return null;
    const table = [...text.matchAll(ENTRY)].map((m) => ({ rank: Number(m[1]), deduct: m[2]! }));
    const step = STEP.exec(text);
    if (table.length === 0) return null;
    const matched = [free[0], ...[...text.matchAll(ENTRY)].map((m) => m[0]), ...(step ? [step[0]] : [])];
    if (residueHasDigits(text, matched)) return null;
    return { kind: 'rank', free: smallNumber(free[1]!) ?? 0, table, step: step ? step[1]! : null };
  },
  evaluate(rule, { actual, points }) {
    const r = readNumber(actual, false, '名次');
    if (!r.ok) return r.outcome;
    if (!r.value.isInteger() || r.value.lt(1))
      return fail(
        'ACTUAL_INVALID',
        `名次应为正整数，实际为 ${r.value.toString()}`,
        `The rank must be a whole number ≥ 1, got ${r.value.toString()}`,
      );
    const n = r.value.toNumber();
    if (n <= rule.free) return { ok: true, score: points };
    const exact = rule.table.find((e) => e.rank === n);
    let deduction;
    if (exact) deduction = dec(exact.deduct);
    else {
      const last = rule.table[rule.table.length - 1]!;
      if (rule.step && n > last.rank) deduction = dec(last.deduct).plus(dec(rule.step).mul(n - last.rank));
      else
        return fail(
          'MANUAL',
          `第${n}名不在扣分表中（表中列到第${last.rank}名），请人工评分`,
          `Rank ${n} is not in the deduction table (it lists up to ${last.rank}); score by hand`,
        );
    }
    return { ok: true, score: D.max(0, points.minus(deduction)) };
  },
  render(rule, lang) {
    const entries = rule.table.map((e) =>
      lang === 'zh' ? `第${e.rank}名扣${e.deduct}分` : `rank ${e.rank}: −${e.deduct}`,
    );
    const step = rule.step
      ? lang === 'zh'
        ? `，此后每后移一名加扣${rule.step}分`
        : `, then −${rule.step} more per rank`
      : '';
    return lang === 'zh'
      ? `前${rule.free}名不扣分；${entries.join('；')}${step}，扣完为止`
      : `Top ${rule.free} keep full points; ${entries.join('; ')}${step}, down to 0`;
  },
};
