/** 全年不发生生产安全事故…: full points unless the event occurred (a veto item then fails the unit). */
import { D } from '../decimal';
import { readActual, readOccurred } from '../actual';
import { residueHasDigits } from '../prose';
import type { RuleKindModule } from '../types';
import { fail } from '../types';

const EVENT = /(?:全年|年内|年度内|考核期内)?(?:不发生|未发生|杜绝)([^，,。；;]{2,40})/;

export const occurrence: RuleKindModule<'occurrence'> = {
  kind: 'occurrence',
  parse(text) {
    const m = EVENT.exec(text);
    if (!m) return null;
    if (residueHasDigits(text, [])) return null;
    return { kind: 'occurrence', event: m[1]!.trim() };
  },
  evaluate(rule, { actual, points }) {
    const r = readActual(actual);
    if (r.kind === 'missing')
      return fail(
        'ACTUAL_MISSING',
        `请填写是否发生「${rule.event}」（发生/未发生）`,
        `Enter whether "${rule.event}" occurred (发生/未发生)`,
      );
    const occurred = readOccurred(r);
    if (occurred === null)
      return fail(
        'ACTUAL_INVALID',
        `「${String(r.kind === 'number' ? r.value.toString() : r.value)}」无法判断是否发生，请填写 发生/未发生 或次数`,
        `Cannot tell whether it occurred: enter 发生/未发生 or a count`,
      );
    return occurred
      ? { ok: true, score: new D(0), triggered: true }
      : { ok: true, score: points, triggered: false };
  },
  render(rule, lang) {
    return lang === 'zh'
      ? `未发生「${rule.event}」得满分，发生则不得分`
      : `Full points unless "${rule.event}" occurred`;
  },
};
