/** 执行率≥80%; 满意率95%以上; 达到90%以上; 不少于3次 — one or several conditions. */
import { D, dec } from '../decimal';
import { actualParts, readActual } from '../actual';
import { clauses, isAspiration, NUM, stripNoise } from '../prose';
import type { Comparator, Condition, RuleKindModule } from '../types';
import { fail } from '../types';
import { compare, numberFor, showCondition } from './shared';

const PRE: Record<string, Comparator> = {
  '≥': '>=',
  '≤': '<=',
  '>': '>',
  '<': '<',
  '=': '=',
  不低于: '>=',
  不少于: '>=',
  至少: '>=',
  达到: '>=',
  达: '>=',
  大于等于: '>=',
  不超过: '<=',
  不高于: '<=',
  不多于: '<=',
  小于等于: '<=',
  超过: '>',
  高于: '>',
  多于: '>',
  大于: '>',
  低于: '<',
  不足: '<',
  不满: '<',
  少于: '<',
  小于: '<',
};
const POST: Record<string, Comparator> = { 以上: '>=', 及以上: '>=', 以下: '<=', 及以下: '<=' };
const UNIT = '(%|个|次|项|人|天|家|所|例|期|篇|分钟|小时|万元|万|元)?';
const COND = new RegExp(
  `([^≥≤><=\\d%]{0,24}?)(大于等于|小于等于|不低于|不少于|至少|达到|不超过|不高于|不多于|超过|高于|多于|大于|低于|不足|不满|少于|小于|达|[≥≤><=])?\\s*${NUM}\\s*${UNIT}\\s*(及以上|及以下|以上|以下)?`,
  'g',
);
/** Wording of other rule kinds: a text with these is not a plain threshold. */
const OTHER_KIND = /扣|不得分|得\s*\d|不发生|未发生|提取|排序|排名|一票否决/;

/** Conditions in one clause, and whether every number in it was part of one. */
export function conditionsIn(clause: string): { conditions: Condition[]; covered: boolean } {
  const text = stripNoise(clause);
  const conditions: Condition[] = [];
  let rest = text;
  for (const m of text.matchAll(COND)) {
    const metricRaw = (m[1] ?? '').trim();
    const pre = m[2];
    const value = m[3]!;
    const unit = m[4] ?? '';
    const post = m[5];
    let op: Comparator | undefined = pre ? PRE[pre] : undefined;
    if (post) op = pre && PRE[pre] !== '>=' ? op : POST[post];
    // "对接率100%": a rate with a percent and no comparator means "reach it".
    if (!op && unit === '%' && /率$/.test(metricRaw)) op = '>=';
    if (!op) continue;
    const metric = metricRaw
      .replace(/《》|“”|""/g, '')
      .split(/[、，,的]/)
      .pop()!
      .replace(/^(?:确保|实现|保持|全市|全年|年度)/, '')
      .trim();
    conditions.push({ metric, op, value: unit === '%' ? dec(value).div(100).toString() : value, unit });
    rest = rest.replace(m[0], ' ');
  }
  return { conditions, covered: !/\d/.test(rest) };
}

export const threshold: RuleKindModule<'threshold'> = {
  kind: 'threshold',
  parse(text) {
    if (OTHER_KIND.test(text)) return null;
    const all: Condition[] = [];
    for (const c of clauses(text)) {
      if (isAspiration(c)) continue;
      const { conditions, covered } = conditionsIn(c);
      if (!covered) return null;
      all.push(...conditions);
    }
    return all.length > 0 ? { kind: 'threshold', conditions: all } : null;
  },
  evaluate(rule, { actual, points, target, settings }) {
    const n = rule.conditions.length;
    // Count first, read only the n values used: a cell listing 50,000 numbers stays cheap.
    const parts = actualParts(actual);
    if (parts.length !== n && !(n === 1 && parts.length >= 1))
      return fail(
        'ACTUAL_INVALID',
        `此规则有${n}个条件，需要${n}个实际值（按顺序，用逗号分隔或选择${n}个单元格），实际给了${parts.length}个`,
        `This rule has ${n} conditions and needs ${n} actual values in order; got ${parts.length}`,
      );
    const readings = parts.slice(0, n).map((x) => readActual(x));
    let met = 0;
    for (let i = 0; i < n; i++) {
      const c = rule.conditions[i]!;
      const bound = n === 1 && target ? target : dec(c.value);
      const r = numberFor(readings[i]!, c.unit === '%', c.metric || `第${i + 1}个条件`);
      if (!r.ok) return r.outcome;
      if (compare(r.value, c.op, bound)) met++;
    }
    if (settings.thresholds === 'all') return { ok: true, score: met === n ? points : new D(0) };
    return { ok: true, score: points.mul(met).div(n) };
  },
  render(rule, lang) {
    const cs = rule.conditions.map(showCondition);
    if (cs.length === 1)
      return lang === 'zh' ? `${cs[0]}得满分，否则不得分` : `Full points if ${cs[0]}, else 0`;
    return lang === 'zh'
      ? `${cs.length}项条件（${cs.join('；')}），每满足一项得分值的1/${cs.length}`
      : `${cs.length} conditions (${cs.join('; ')}), each worth 1/${cs.length} of the points`;
  },
};
