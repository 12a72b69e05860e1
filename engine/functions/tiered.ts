/** PERF.TIERED: marginal tiers (超额累进). */
import { marginal } from '../rules';
import { out, readArguments, valueError, type Arg, type ArgSource, type FnResult } from './args';
import { defineFunction, type ParamSpec } from './spec';

/** PERF.TIERED(amount, thresholds, rates): marginal brackets, e.g. (90, {67.7,75,83.3}, {9%,11%,13%}) → 2.441. */
function tiered(
  args: readonly (Arg | undefined)[],
  sources?: readonly (ArgSource | undefined)[],
): FnResult<number> {
  const read = readArguments(PARAMS, args, sources);
  if (!read.ok) return read;
  const [amount, t, r] = read.value;
  if (t.length === 0 || t.length !== r.length)
    return valueError(
      `起点（${t.length}个）与比例（${r.length}个）数量应相同`,
      `thresholds and rates must have the same count`,
    );
  for (let i = 1; i < t.length; i++)
    if (!t[i]!.gt(t[i - 1]!)) return valueError('起点应从小到大排列', 'Thresholds must increase');
  if (r.some((x) => x.gt(1) || x.isNeg()))
    return valueError('比例应为百分数（如 9% 或 0.09）', 'Rates must be fractions such as 9% or 0.09');
  const brackets = t.map((from, i) => ({ from, to: t[i + 1] ?? null, rate: r[i]! }));
  return out(marginal(amount, brackets), null);
}

export function perfTiered(amount: Arg, thresholds: Arg, rates: Arg): FnResult<number> {
  return tiered([amount, thresholds, rates]);
}

const PARAMS = [
  {
    name: 'amount',
    zh: '完成额',
    label: '金额',
    shape: 'value',
    read: 'number',
    description: {
      en: 'Amount achieved (完成额), in the unit of the thresholds, e.g. 万元.',
      zh: '实际完成额，单位与起点相同（如万元）。',
    },
  },
  {
    name: 'thresholds',
    zh: '起点',
    shape: 'range',
    read: 'numbers',
    description: {
      en: 'Lower bound of each bracket, increasing (a range or an array such as {67.7,75,83.3}); the last bracket has no upper bound.',
      zh: '各档的起点，从小到大（单元格区域或数组，如 {67.7,75,83.3}）；最后一档没有上限。',
    },
  },
  {
    name: 'rates',
    zh: '比例',
    shape: 'range',
    read: 'numbers',
    description: {
      en: 'Rate of each bracket, 9% or 0.09 (a range or an array), as many as thresholds.',
      zh: '各档的提取比例，9% 或 0.09（单元格区域或数组），个数与起点相同。',
    },
  },
] as const satisfies readonly ParamSpec[];

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'TIERED',
  zh: '超额累进',
  summary: '分档累进计提',
  description: {
    en: 'Marginal tiers (超额累进): each rate applies to the part of the amount inside its bracket; 90 with brackets from 67.7, 75, 83.3 at 9%, 11%, 13% gives 2.441.',
    zh: '超额累进计提：每档比例只用于落在该档内的部分。如完成 90，起点 67.7、75、83.3，比例 9%、11%、13%，得 2.441。',
  },
  params: PARAMS,
  result: { type: 'number' },
  call: tiered,
  // The help page's section for the function, below its generated heading (addin/help/).
  help: {
    about: `
      <p>超额累进计提：每档比例只用于落在该档内的那部分完成额，各档相加。</p>
`,
    more: `
      <p>
        示例（“完成67.7—75万之间提取9%、75—83.3万之间提取11%、83.3万以上提取13%”）：<code
          >=PERF.超额累进(90, {67.7,75,83.3}, {0.09,0.11,0.13})</code
        >
        返回 2.441；完成 80 时返回 1.207；低于 67.7 时为 0。文件中的公式 (a−67.7)×9%+(a−75)×2%+(a−83.3)×2%
        只有每项小于 0 时按 0 计才正确，本函数按档计算。
      </p>
      <p lang="en">
        Marginal brackets: 90 with thresholds {67.7,75,83.3} and rates {0.09,0.11,0.13} gives 2.441; 80 gives
        1.207.
      </p>
`,
  },
});
