/** 完成比例: w × min(A/T, cap); b/c，b>c时按1计算 caps at 1; lower-is-better uses T/A. */
import { D, dec } from '../decimal';
import { NUM, residueHasDigits } from '../prose';
import type { RuleKindModule } from '../types';
import { fail } from '../types';
import { readNumber } from './shared';

const RATIO =
  /完成比例|完成率计分|按完成比例|按比例计分|([a-zA-Z\u4e00-\u9fff]{1,6})\/([a-zA-Z\u4e00-\u9fff]{1,6})/;
const CAP = new RegExp(`(?:>|大于|超过).{0,6}?时?按${NUM}计算?|最高(?:按)?${NUM}(?:倍|计)`);

export const ratio: RuleKindModule<'ratio'> = {
  kind: 'ratio',
  parse(text) {
    const m = RATIO.exec(text);
    if (!m) return null;
    const cap = CAP.exec(text);
    if (residueHasDigits(text, [m[0], ...(cap ? [cap[0]] : [])])) return null;
    return {
      kind: 'ratio',
      cap: cap ? (cap[1] ?? cap[2] ?? null) : null,
      lowerIsBetter: /越低越好|越少越好|逆向|负向/.test(text),
    };
  },
  evaluate(rule, { actual, points, target, settings }) {
    if (!target) return fail('ARGUMENT', '完成比例需要目标值', 'A completion ratio needs a target value');
    const r = readNumber(actual, false, '完成值');
    if (!r.ok) return r.outcome;
    if (target.isZero() || (rule.lowerIsBetter && r.value.isZero()))
      return fail(
        'ACTUAL_INVALID',
        '目标值或实际值为0，无法计算比例',
        'Target or actual is 0: the ratio cannot be computed',
      );
    const ratioValue = rule.lowerIsBetter ? target.div(r.value) : r.value.div(target);
    const cap = rule.cap ? dec(rule.cap) : dec(settings.ratioCap);
    return { ok: true, score: points.mul(D.max(0, D.min(ratioValue, cap))) };
  },
  render(rule, lang) {
    const cap = rule.cap ?? '上限（默认1）';
    const f = rule.lowerIsBetter ? '目标/实际' : '实际/目标';
    return lang === 'zh'
      ? `得分＝分值×min(${f}, ${cap})`
      : `score = points × min(${rule.lowerIsBetter ? 'target/actual' : 'actual/target'}, ${rule.cap ?? 'cap (default 1)'})`;
  },
};
