/** 满意率80%以上，每低一个百分点扣1分，直至10分扣尽. */
import { dec, dmin, max0 } from '../decimal';
import { NUM, residueHasDigits, smallNumber } from '../prose';
import type { RuleKindModule } from '../types';
import { readNumber, showCondition, steps } from './shared';
import { conditionsIn } from './threshold';

const PER = new RegExp(
  `每(?:低|少|下降|降低|减少)([一二两三四五六七八九十]|\\d+(?:\\.\\d+)?)个?百分点(?:的)?扣(?:除)?${NUM}分`,
);
const CAP = new RegExp(`(?:直至|直到|最多扣|最高扣)?${NUM}分(?:扣尽|扣完)|扣完为止|扣尽为止`);

export const linear: RuleKindModule<'linear'> = {
  kind: 'linear',
  parse(text) {
    const per = PER.exec(text);
    if (!per) return null;
    const before = text.slice(0, per.index);
    const cond = conditionsIn(
      before
        .split(/[，,。；;]/)
        .filter((s) => /\d/.test(s))
        .pop() ?? '',
    ).conditions.find((c) => c.unit === '%');
    if (!cond) return null;
    const cap = CAP.exec(text.slice(per.index + per[0].length));
    const matched = [per[0], before, ...(cap ? [cap[0]] : [])];
    if (residueHasDigits(text, matched)) return null;
    const stepPp = smallNumber(per[1]!) ?? Number(per[1]);
    if (!(stepPp > 0)) return null; // "每低0个百分点": no step size (would divide by zero)
    return {
      kind: 'linear',
      condition: cond,
      step: dec(stepPp).div(100).toString(),
      deduct: per[2]!,
      cap: cap && cap[1] ? cap[1] : null,
    };
  },
  evaluate(rule, { actual, points, target, settings }) {
    const r = readNumber(actual, true, rule.condition.metric);
    if (!r.ok) return r.outcome;
    const bound = target ?? dec(rule.condition.value);
    const shortfall = max0(bound.minus(r.value));
    const deduction = steps(shortfall, dec(rule.step), settings).mul(rule.deduct);
    const cap = rule.cap ? dmin(dec(rule.cap), points) : points;
    return { ok: true, score: max0(points.minus(dmin(deduction, cap))) };
  },
  render(rule, lang) {
    const pp = dec(rule.step).mul(100).toString();
    const cap = rule.cap ? `，最多扣${rule.cap}分` : '，扣完为止';
    return lang === 'zh'
      ? `${showCondition(rule.condition)}得满分；每低${pp}个百分点扣${rule.deduct}分${cap}`
      : `Full points at ${showCondition(rule.condition)}; minus ${rule.deduct} per ${pp} percentage point(s) below${rule.cap ? `, at most ${rule.cap}` : ', down to 0'}`;
  },
};
