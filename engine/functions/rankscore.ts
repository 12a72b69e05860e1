/** PERF.RANKSCORE: points after a rank deduction (排序扣分). */
import { DEFAULT_SETTINGS } from '../rules/settings';
import { readArguments, valueError, type Arg, type ArgSource, type FnResult } from './args';
import { ruleOf, scoreByRule } from './score';
import { defineFunction, type ParamSpec } from './spec';

/** PERF.RANKSCORE(rank, rule, points): points after a rank deduction ("排序前5位不扣分，第6位扣0.25分…"). */
function rankScore(
  args: readonly (Arg | undefined)[],
  sources?: readonly (ArgSource | undefined)[],
): FnResult<number> {
  const read = readArguments(PARAMS, args, sources);
  if (!read.ok) return read;
  const [rank, text, points] = read.value;
  const parsed = ruleOf(text);
  if (!parsed.ok || !parsed.value.rule.clauses.some((c) => c.kind === 'rank'))
    return valueError('不是排序扣分规则（应含“前N位不扣分，第M位扣X分”）', 'Not a rank-deduction rule');
  return scoreByRule(parsed.value, rank, points, null, { settings: DEFAULT_SETTINGS, roundTo: null });
}

export function perfRankScore(rank: Arg, rule: Arg, points: Arg): FnResult<number> {
  return rankScore([rank, rule, points]);
}

const PARAMS = [
  {
    name: 'rank',
    zh: '名次',
    shape: 'value',
    read: 'actual',
    description: {
      en: 'Rank (名次): a whole number, 1 for first.',
      zh: '排序名次，正整数，第一名为 1。',
    },
  },
  {
    name: 'rule',
    zh: '规则',
    shape: 'value',
    read: 'text',
    description: {
      en: 'Text of the rank-deduction rule.',
      zh: '排序扣分规则的文字。',
    },
  },
  {
    name: 'points',
    zh: '分值',
    shape: 'value',
    read: 'number',
    nonNegative: true,
    description: {
      en: 'Points (分值) of the item: the score of a rank without deduction.',
      zh: '该项指标的分值，即不扣分名次的得分。',
    },
  },
] as const satisfies readonly ParamSpec[];

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'RANKSCORE',
  zh: '排序得分',
  summary: '排序扣分',
  description: {
    en: 'Points left after a rank deduction (排序扣分), e.g. rule "排序前5位不扣分，第6位扣0.25分，随后排序每后移一位加扣0.25分".',
    zh: '按排序扣分规则计算得分，如“排序前5位不扣分，第6位扣0.25分，随后排序每后移一位加扣0.25分”。',
  },
  params: PARAMS,
  result: { type: 'number' },
  call: rankScore,
  // The help page's section for the function, below its generated heading (addin/help/).
  help: {
    about: `
      <p>
        按排序扣分规则计算得分，扣完为止。规则可以逐位列出扣分，也可以写“前N位不扣分，第M位扣X分，随后每后移一位加扣Y分”。
      </p>
`,
    more: `
      <p>
        示例：规则“排序前5位不扣分，第6位扣0.25分，随后排序每后移一位加扣0.25分，评议分数扣完为止。”、分值
        2.5：第 6 名得 2.25，第 8 名得 1.75，第 20 名得 0。规则只列到第 6 位而名次是第 7 位时返回
        <code>#N/A</code>（不推测）。
      </p>
      <p lang="en">Points after a rank deduction rule, never below 0.</p>
`,
  },
});
