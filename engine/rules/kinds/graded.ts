/** 满意得2分，一般满意得1.6分，不满意不得分: a label → points, matching the whole label. */
import { dec, dmin } from '../decimal';
import { readActual } from '../actual';
import { NUM, residueHasDigits } from '../prose';
import type { RuleKindModule } from '../types';
import { fail } from '../types';

const GRADE = new RegExp(`([^，,；;。:：()（）]{1,8}?)(?:的)?(?:得${NUM}分|不得分|得0分)`, 'g');

export const graded: RuleKindModule<'graded'> = {
  kind: 'graded',
  parse(text) {
    const grades: { label: string; points: string }[] = [];
    const matched: string[] = [];
    for (const m of text.matchAll(GRADE)) {
      const label = (m[1] ?? '').trim().replace(/^(?:评为|为|结果为)/, '');
      if (!label || /\d/.test(label) || /扣|未完成|每/.test(label)) return null;
      grades.push({ label, points: m[2] ?? '0' });
      matched.push(m[0]);
    }
    if (grades.length < 2 || new Set(grades.map((g) => g.label)).size !== grades.length) return null;
    if (residueHasDigits(text, matched)) return null;
    return { kind: 'graded', grades };
  },
  evaluate(rule, { actual, points }) {
    const r = readActual(actual);
    if (r.kind === 'missing') return fail('ACTUAL_MISSING', '缺少评价等级', 'No grade given');
    const label = String(r.value).normalize('NFKC').trim();
    // The whole label must match: "一般满意" is not "满意".
    const g = rule.grades.find((x) => x.label === label);
    if (!g) {
      const options = rule.grades.map((x) => x.label).join('/');
      return fail(
        'ACTUAL_INVALID',
        `「${label}」不是可选等级（${options}）`,
        `"${label}" is not one of the grades (${options})`,
      );
    }
    return { ok: true, score: dmin(dec(g.points), points) };
  },
  render(rule, lang) {
    return lang === 'zh'
      ? rule.grades.map((g) => `${g.label}得${g.points}分`).join('；')
      : rule.grades.map((g) => `${g.label}: ${g.points}`).join('; ');
  },
};
