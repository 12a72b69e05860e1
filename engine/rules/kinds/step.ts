/** 每少增加100个机位扣3分, the target taken from the sentence it refers to (扩增机考机位400个). */
import { dec, max0 } from '../decimal';
import { clauses, isAspiration, NUM, residueHasDigits } from '../prose';
import type { RuleKindModule } from '../types';
import { fail } from '../types';
import { readNumber, steps } from './shared';

const PER = new RegExp(
  `每少(?:增加|新增|完成|扩增)?${NUM}\\s*(个|次|项|人|家|所|台|张)?([\\u4e00-\\u9fff]{1,6}?)扣${NUM}分`,
);

export const step: RuleKindModule<'step'> = {
  kind: 'step',
  parse(text) {
    const per = PER.exec(text);
    // "每少0个…" has no step size: dividing by it would give NaN/∞, so the text is not read as a rule.
    if (!per || dec(per[1]!).isZero()) return null;
    const unit = per[2] ?? '';
    const noun = per[3]!;
    // The target: "<noun>400个" or "400个<noun>" in a clause that is not an aspiration.
    let target: string | null = null;
    let targetText = '';
    for (const c of clauses(text)) {
      if (c.includes(per[0]) || isAspiration(c)) continue;
      const m = new RegExp(`${noun}${NUM}\\s*${unit}|${NUM}\\s*${unit}${noun}`).exec(c);
      if (m) {
        target = m[1] ?? m[2] ?? null;
        targetText = m[0];
        break;
      }
    }
    if (residueHasDigits(text, targetText ? [per[0], targetText] : [per[0]])) return null;
    return { kind: 'step', noun, target, step: per[1]!, deduct: per[4]!, unit, cap: null };
  },
  evaluate(rule, { actual, points, target, settings }) {
    const r = readNumber(actual, false, rule.noun);
    if (!r.ok) return r.outcome;
    const goal = target ?? (rule.target === null ? null : dec(rule.target));
    if (goal === null)
      return fail(
        'ARGUMENT',
        `规则未写明${rule.noun}的目标数，请提供目标值`,
        `The rule names no target for ${rule.noun}: give a target value`,
      );
    const shortfall = max0(goal.minus(r.value));
    const deduction = steps(shortfall, dec(rule.step), settings).mul(rule.deduct);
    return { ok: true, score: max0(points.minus(deduction)) };
  },
  render(rule, lang) {
    return lang === 'zh'
      ? `${rule.noun}达到目标${rule.target === null ? '（目标值）' : rule.target + rule.unit}得满分；每少${rule.step}${rule.unit}扣${rule.deduct}分，扣完为止`
      : `Full points at the target of ${rule.target ?? '(target value)'} ${rule.noun}; minus ${rule.deduct} per ${rule.step} short, down to 0`;
  },
};
