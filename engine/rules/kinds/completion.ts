/** 未完成网站建设不得分: full points when the task is done, else 0. */
import { D } from '../decimal';
import { readActual, readDone } from '../actual';
import { residueHasDigits } from '../prose';
import type { RuleKindModule } from '../types';
import { fail } from '../types';

const TASK = /未(?:按时)?(?:完成|实现|建成)([^，,。；;]{1,30}?)(?:的|者)?(?:，|,)?(?:不得分|不计分|得0分)/;

export const completion: RuleKindModule<'completion'> = {
  kind: 'completion',
  parse(text) {
    const m = TASK.exec(text);
    if (!m) return null;
    if (residueHasDigits(text, [])) return null;
    return { kind: 'completion', task: m[1]!.trim() };
  },
  evaluate(rule, { actual, points }) {
    const r = readActual(actual);
    if (r.kind === 'missing')
      return fail(
        'ACTUAL_MISSING',
        `请填写是否完成「${rule.task}」（完成/未完成）`,
        `Enter whether "${rule.task}" was done (完成/未完成)`,
      );
    const done = readDone(r);
    if (done === null)
      return fail(
        'ACTUAL_INVALID',
        '无法判断是否完成，请填写 完成/未完成',
        'Cannot tell whether it was done: enter 完成/未完成',
      );
    return { ok: true, score: done ? points : new D(0) };
  },
  render(rule, lang) {
    return lang === 'zh'
      ? `完成「${rule.task}」得满分，未完成不得分`
      : `Full points when "${rule.task}" is done, else 0`;
  },
};
