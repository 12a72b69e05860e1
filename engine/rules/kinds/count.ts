/** 未完成1项扣5分; 每例扣0.5分…扣完为止; 少于规定数1个的扣0.5分. */
import { dec, dmin, max0 } from '../decimal';
import { clauses, NUM, residueHasDigits } from '../prose';
import type { RuleKindModule } from '../types';
import { fail } from '../types';
import { readNumber } from './shared';

const PER = new RegExp(
  `(?:未完成|每(?:发现)?|少于规定数|缺|少)(\\d+|一)?\\s*(项|例|次|个|起|人|件|处|篇|条)(?:的)?(?:问题)?(?:的)?扣${NUM}分`,
);
const CAP = new RegExp(`${NUM}分扣完为止|最多扣${NUM}分|扣完为止|扣尽为止`);

export const count: RuleKindModule<'count'> = {
  kind: 'count',
  parse(text) {
    // "分别每例扣2分、1分和0.5分" needs a count per category: not one rule.
    if (/分别/.test(text)) return null;
    const per = PER.exec(text);
    if (!per) return null;
    const cap = CAP.exec(text);
    // "…扣5分，年内因违反…受到行政处罚以上处理，该项目不得分": keep the whole condition.
    const after = /^[，,；;]?([^。；;]*?(?:不得分|得0分))/.exec(text.slice(per.index + per[0].length));
    const zero = after?.[1] ?? clauses(text).find((c) => /不得分|得0分/.test(c) && !c.includes(per[0]));
    const matched = [per[0], ...(cap ? [cap[0]] : [])];
    if (residueHasDigits(text, matched)) return null;
    const n = per[1] === undefined || per[1] === '一' ? '1' : per[1];
    if (dec(n).isZero()) return null; // "未完成0项扣5分": no count to divide by
    return {
      kind: 'count',
      per: n,
      deduct: per[3]!,
      unit: per[2]!,
      cap: cap ? (cap[1] ?? cap[2] ?? null) : null,
      zeroIf: zero ?? null,
    };
  },
  evaluate(rule, { actual, points }) {
    const r = readNumber(actual, false, `${rule.unit}数`);
    if (!r.ok) return r.outcome;
    if (r.value.isNeg() || !r.value.isInteger())
      return fail(
        'ACTUAL_INVALID',
        `次数/项数应为非负整数，实际为 ${r.value.toString()}`,
        `The count must be a whole number ≥ 0, got ${r.value.toString()}`,
      );
    const deduction = r.value.div(rule.per).floor().mul(rule.deduct);
    const cap = rule.cap ? dmin(dec(rule.cap), points) : points;
    const out = { ok: true as const, score: max0(points.minus(dmin(deduction, cap))) };
    return rule.zeroIf ? { ...out, note: `另有不得分条件：${rule.zeroIf}（请人工确认）` } : out;
  },
  render(rule, lang) {
    const per = rule.per === '1' ? '' : rule.per;
    const cap = rule.cap ? `，最多扣${rule.cap}分` : '，扣完为止';
    const zero = rule.zeroIf ? `；另：${rule.zeroIf}（需人工确认）` : '';
    return lang === 'zh'
      ? `每${per}${rule.unit}扣${rule.deduct}分${cap}${zero}`
      : `Minus ${rule.deduct} per ${rule.per} ${rule.unit}${rule.cap ? `, at most ${rule.cap}` : ', down to 0'}${rule.zeroIf ? `; also: ${rule.zeroIf} (check by hand)` : ''}`;
  },
};
