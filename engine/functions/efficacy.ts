/** PERF.EFFICACY: the efficacy coefficient score (功效系数法). */
import { D } from '../rules/decimal';
import { out, readArguments, valueError, type Arg, type ArgSource, type FnResult } from './args';
import { defineFunction, type ParamSpec } from './spec';

/**
 * PERF.EFFICACY(actual, worst, best, [points], [options]): 功效系数法
 * (60 + 40 × (A − 不允许值)/(满意值 − 不允许值)) × w/100. Options in the scoring options' text: clamp=false lets the
 * actual count beyond worst and best, decimals=n rounds.
 */
function efficacy(
  args: readonly (Arg | undefined)[],
  sources?: readonly (ArgSource | undefined)[],
): FnResult<number> {
  const read = readArguments(PARAMS, args, sources);
  if (!read.ok) return read;
  const [A, lo, hi, w, s] = read.value;
  if (lo.eq(hi)) return valueError('满意值与不允许值相同，无法计算', 'Best equals worst');
  let share = A.minus(lo).div(hi.minus(lo));
  if (s.settings.efficacyClamp) share = D.max(0, D.min(1, share));
  return out(new D(60).plus(share.mul(40)).mul(w).div(100), s.roundTo);
}

export function perfEfficacy(
  actual: Arg,
  worst: Arg,
  best: Arg,
  points?: Arg,
  options?: Arg,
): FnResult<number> {
  return efficacy([actual, worst, best, points, options]);
}

const PARAMS = [
  {
    name: 'actual',
    zh: '实际值',
    shape: 'value',
    read: 'number',
    description: {
      en: 'Actual value.',
      zh: '实际完成值。',
    },
  },
  {
    name: 'worst',
    zh: '不允许值',
    shape: 'value',
    read: 'number',
    description: {
      en: 'Not-allowed value (不允许值), in the unit of actual: scores 60% of the points.',
      zh: '不允许值，单位与实际值相同：得分值的 60%。',
    },
  },
  {
    name: 'best',
    zh: '满意值',
    shape: 'value',
    read: 'number',
    description: {
      en: 'Satisfactory value (满意值), in the unit of actual: scores full points.',
      zh: '满意值，单位与实际值相同：得满分。',
    },
  },
  {
    name: 'points',
    zh: '分值',
    shape: 'value',
    read: 'number?',
    nonNegative: true,
    default: '100',
    description: {
      en: 'Points (分值) of the item; empty or 0 means 100, i.e. the coefficient score itself (60 to 100).',
      zh: '可选。该项指标的分值；空或 0 表示 100，即功效系数本身（60 到 100）。',
    },
  },
  {
    name: 'options',
    zh: '选项',
    shape: 'value',
    read: 'options',
    description: {
      en: 'Settings as text: "clamp=false" lets the actual count beyond worst and best (below 60% or above full points); "decimals=2" rounds.',
      zh: '可选。设置文字：“clamp=false”表示实际值超出不允许值或满意值时照算（可低于 60% 或高于满分）；“decimals=2”四舍五入位数。',
    },
  },
] as const satisfies readonly ParamSpec[];

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'EFFICACY',
  zh: '功效系数得分',
  summary: '功效系数法',
  description: {
    en: 'Efficacy coefficient score (功效系数法): (60 + 40 × (actual − worst) / (best − worst)) × points / 100, the actual kept between worst and best.',
    zh: '功效系数法：（60 + 40 ×（实际值 − 不允许值）÷（满意值 − 不允许值））× 分值 ÷ 100，实际值限制在不允许值与满意值之间。',
  },
  params: PARAMS,
  result: { type: 'number' },
  call: efficacy,
  // The help page's section for the function, below its generated heading (addin/help/).
  help: {
    about: `
      <p>
        功效系数法：（60 + 40 ×（实际值 − 不允许值）÷（满意值 − 不允许值））× 分值 ÷
        100。实际值低于不允许值按不允许值计，高于满意值按满意值计。
      </p>
`,
    more: `
      <p>
        示例：<code>=PERF.功效系数得分(85, 60, 100, 10)</code> 返回 8.5；<code
          >=PERF.功效系数得分(100, 60, 100)</code
        >
        返回 100；<code>=PERF.功效系数得分(110, 60, 100, 10, "clamp=false")</code> 返回 11。
      </p>
      <p lang="en">Efficacy coefficient: (60 + 40 × (actual − worst)/(best − worst)) × points/100.</p>
`,
  },
});
