/** PERF.PROGRESS: the progress score (进步分) against last year. */
import { D } from '../rules/decimal';
import { nfkc } from '../text';
import { ok, readArguments, valueError, type Arg, type ArgSource, type FnResult } from './args';
import { defineFunction, type ParamSpec } from './spec';

/**
 * PERF.PROGRESS(actual, last, target, points, [direction]): w × clamp((A − last)/(T − last), 0, 1).
 * The formula is the same for "+" and "−"; the direction checks the target lies the right way.
 */
function progress(
  args: readonly (Arg | undefined)[],
  sources?: readonly (ArgSource | undefined)[],
): FnResult<number> {
  const read = readArguments(PARAMS, args, sources);
  if (!read.ok) return read;
  const [A, L, T, w, direction] = read.value;
  if (T.eq(L))
    return valueError('目标值等于上年值，无法计算进步分', 'Target equals last year: progress is undefined');
  if (direction !== null) {
    const d = nfkc(direction).trim(); // also U+2212 and full-width minus
    if (d !== '+' && d !== '-') return valueError('方向应为 + 或 −', 'Direction must be + or −');
    if ((d === '+' && T.lt(L)) || (d === '-' && T.gt(L)))
      return valueError(
        `方向为${d}，但目标值与上年值的关系相反`,
        `Direction ${d} but the target lies the other way from last year`,
      );
  }
  const share = A.minus(L).div(T.minus(L));
  return ok(w.mul(D.max(0, D.min(1, share))).toNumber());
}

export function perfProgress(
  actual: Arg,
  last: Arg,
  target: Arg,
  points: Arg,
  direction?: Arg,
): FnResult<number> {
  return progress([actual, last, target, points, direction]);
}

const PARAMS = [
  {
    name: 'actual',
    zh: '实际值',
    shape: 'value',
    read: 'number',
    description: {
      en: "This year's actual value.",
      zh: '本年度实际完成值。',
    },
  },
  {
    name: 'last',
    zh: '上年值',
    shape: 'value',
    read: 'number',
    description: {
      en: "Last year's value (上年值), in the same unit.",
      zh: '上一年完成情况，单位与实际值相同。',
    },
  },
  {
    name: 'target',
    zh: '目标值',
    shape: 'value',
    read: 'number',
    description: {
      en: "Target value (目标值), in the same unit; it must differ from last year's.",
      zh: '目标值（标准值），单位与实际值相同，不能等于上年值。',
    },
  },
  {
    name: 'points',
    zh: '分值',
    shape: 'value',
    read: 'number',
    nonNegative: true,
    description: {
      en: 'Points (分值) of the progress item, e.g. 10.',
      zh: '进步情况一项的分值，如 10。',
    },
  },
  {
    name: 'direction',
    zh: '方向',
    shape: 'value',
    read: 'text?',
    description: {
      en: '"+" when higher is better, "-" when lower is better: checked against target and last year; empty means not checked.',
      zh: '可选。“+”表示越高越好，“-”表示越低越好，用于核对目标值与上年值的方向；空表示不核对。',
    },
  },
] as const satisfies readonly ParamSpec[];

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'PROGRESS',
  zh: '进步得分',
  summary: '与上年相比的进步分',
  description: {
    en: 'Progress score (进步分): points × (actual − last year) / (target − last year), kept between 0 and points.',
    zh: '进步分：分值 ×（实际值 − 上年值）÷（目标值 − 上年值），限制在 0 到分值之间。',
  },
  params: PARAMS,
  result: { type: 'number' },
  call: progress,
  // The help page's section for the function, below its generated heading (addin/help/).
  help: {
    about: `
      <p>
        进步分 = 分值 ×（实际值 − 上年值）÷（目标值 − 上年值），限制在 0
        到分值之间。越低越好的指标同样适用（目标值低于上年值）。
      </p>
`,
    more: `
      <p>
        示例：<code>=PERF.进步得分(90%, 80%, 100%, 10)</code> 返回 5；<code
          >=PERF.进步得分(5, 8, 4, 10, "-")</code
        >
        返回 7.5；实际值不如上年时得 0。
      </p>
      <p lang="en">Progress score: points × (actual − last)/(target − last), kept within 0 and points.</p>
`,
  },
});
