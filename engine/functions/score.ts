/** PERF.SCORE: the score of one item by the rule text of its target or method cell. */
import { evaluateRule, parseRule } from '../rules';
import type { Dec } from '../rules/decimal';
import { compliance } from '../rules/item-rule';
import type { ParsedRule } from '../rules/types';
import {
  naError,
  out,
  readArguments,
  valueError,
  type Arg,
  type ArgSource,
  type FnResult,
  type ReadAs,
} from './args';
import { defineFunction, type ParamSpec } from './spec';

/** A rule text that could be read. */
type ReadRule = Extract<ParsedRule, { ok: true }>;

/** The score of a rule that has been read, or why there is none (this function and the rank deduction's). */
export function scoreByRule(
  parsed: ReadRule,
  actual: ReadAs['actual'],
  points: Dec,
  target: Dec | null,
  options: ReadAs['options'],
): FnResult<number> {
  const outcome = evaluateRule(parsed.rule, { actual, points, target, settings: options.settings });
  if (!outcome.ok)
    return outcome.code === 'ACTUAL_MISSING' || outcome.code === 'MANUAL'
      ? naError(outcome.message, outcome.messageEn)
      : valueError(outcome.message, outcome.messageEn);
  return out(outcome.score, options.roundTo);
}

/** A rule text read, or the error a cell shows when it cannot be. */
export function ruleOf(text: string): FnResult<ReadRule> {
  const parsed = parseRule(text);
  return parsed.ok
    ? { ok: true, value: parsed }
    : valueError(
        `无法识别的规则：${parsed.reason}，请人工评分`,
        `Rule not understood (${parsed.reason}); score by hand`,
      );
}

/**
 * PERF.SCORE(actual, rule, points, [target], [options]): the score of one item by the rule text
 * of its target or method cell, e.g. =PERF.SCORE(F6, D6, E6). `actual` may be a range when the
 * rule has several conditions.
 */
function score(
  args: readonly (Arg | undefined)[],
  sources?: readonly (ArgSource | undefined)[],
): FnResult<number> {
  const read = readArguments(PARAMS, args, sources);
  if (!read.ok) return read;
  const [actual, text, points, target, options] = read.value;
  // With a target, 符合标准 / 不达标准 in the text speak of it (engine/rules/item-rule.ts).
  const parsed = ruleOf(target === null ? text : compliance(text, target.toNumber()));
  if (!parsed.ok) return parsed;
  return scoreByRule(parsed.value, actual, points, target, options);
}

export function perfScore(
  actual: Arg,
  rule: Arg,
  points: Arg,
  target?: Arg,
  options?: Arg,
): FnResult<number> {
  return score([actual, rule, points, target, options]);
}

const PARAMS = [
  {
    name: 'actual',
    zh: '实际值',
    shape: 'valueOrRange',
    read: 'actual',
    description: {
      en: 'Actual value (完成情况): a number, a percent (80% arrives as 0.8) or text such as "76.5%" or "满意"; a range, in the rule\'s order, when the rule has several conditions. Older Excel builds pass an empty cell as 0.',
      zh: '完成情况：数字、百分比（80% 即 0.8）或“76.5%”“满意”等文字；规则有多个条件时选多个单元格（按规则中的顺序），或在一个单元格中写“96%,97%,72%,90%”。旧版 Excel 把空单元格当作 0。',
    },
  },
  {
    name: 'rule',
    zh: '规则',
    shape: 'value',
    read: 'text',
    description: {
      en: 'Text of the target or scoring-method cell, e.g. "满意率80%以上，每低一个百分点扣1分".',
      zh: '目标值或计分办法单元格的文字，如“满意率80%以上，每低一个百分点扣1分”。',
    },
  },
  {
    name: 'points',
    zh: '分值',
    shape: 'value',
    read: 'number',
    nonNegative: true,
    description: {
      en: 'Points (分值) of the item: the most it can score.',
      zh: '该项指标的分值，即最高得分。',
    },
  },
  {
    name: 'target',
    zh: '目标值',
    shape: 'value',
    read: 'number?',
    description: {
      en: "Target value replacing the number in the rule text, e.g. 90% or 400; empty or 0 means the rule's own number.",
      zh: '可选。代替规则文字中的目标数字，如 90% 或 400；空或 0 表示用规则自带的数字。',
    },
  },
  {
    name: 'options',
    zh: '选项',
    shape: 'value',
    read: 'options',
    description: {
      en: 'Settings as text, e.g. "partial=floor;cap=1.2;decimals=2" (partial=proportional|floor|ceil, cap=ratio cap, thresholds=split|all; Chinese names too: 小数位数, 不足一档=按比例|向下取整|向上取整, 比例封顶, 多项达标=分项|全部).',
      zh: '可选。设置文字，用分号分隔，如“不足一档=向下取整;比例封顶=1.2;小数位数=2”：不足一档=按比例|向下取整|向上取整，不足一个百分点（一步）时按比例（默认）、舍去或进一计扣分；比例封顶 完成比例上限（默认 1）；多项达标=分项|全部，多个条件时每项得分值的 1/n（默认）或全部达到才得分；小数位数 四舍五入位数。英文名 partial、cap、thresholds、decimals 也可。',
    },
  },
] as const satisfies readonly ParamSpec[];

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'SCORE',
  zh: '指标得分',
  summary: '按规则文字计算一项指标的得分',
  description: {
    en: 'Score of one indicator item by the rule written in its target or method cell, e.g. =PERF.SCORE(F6, D6, E6).',
    zh: '按目标值或计分办法单元格中的文字规则，计算一项指标的得分，如 =PERF.指标得分(F6, D6, E6)。',
  },
  params: PARAMS,
  result: { type: 'number' },
  call: score,
  // The help page's section for the function, below its generated heading (addin/help/).
  help: {
    about: `
      <p>
        按目标值或计分办法单元格中的文字规则计算一项指标的得分，如
        <code>=PERF.指标得分(F6, D6, E6)</code
        >。能识别达标（≥、以上、不低于、超过、不足……）、多个达标条件、按百分点扣分、按步长扣分、按次数扣分（扣完为止）、按等级给分、完成比例、超额累进等规则；定性指标返回
        <code>#N/A</code>（需人工评分）。
      </p>
`,
    more: `
      <table>
        <tr>
          <th>公式</th>
          <th>结果</th>
        </tr>
        <tr>
          <td>
            <code
              >=PERF.指标得分(76.5%, "保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽。", 10)</code
            >
          </td>
          <td>6.5（少 3.5 个百分点，按比例扣 3.5 分）</td>
        </tr>
        <tr>
          <td>
            <code
              >=PERF.指标得分(76.5%, "保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽。", 10, ,
              "partial=floor")</code
            >
          </td>
          <td>7（只扣整百分点）</td>
        </tr>
        <tr>
          <td><code>=PERF.指标得分(80%, "执行率≥80%", 5)</code></td>
          <td>5；实际值 79% 时为 0</td>
        </tr>
        <tr>
          <td><code>=PERF.指标得分(80, "执行率≥80%", 5)</code></td>
          <td><code>#VALUE!</code>：80 不明确，请填写 80% 或 0.8</td>
        </tr>
        <tr>
          <td>
            <code
              >=PERF.指标得分(F6:F9,
              "药具发放公众满意度≥95%，药具发放服务对象满意度≥95%。免费药具发放率≥70%，避孕药具使用有效率≥95%。",
              5)</code
            >，F6:F9 为 96%、97%、72%、90%
          </td>
          <td>3.75（四项达到三项，每项 1.25 分）；选项 <code>"thresholds=all"</code> 时为 0</td>
        </tr>
        <tr>
          <td><code>=PERF.指标得分(300, "每少增加100个机位扣3分", 10, 400)</code></td>
          <td>7（目标 400 个，少 100 个扣 3 分）</td>
        </tr>
        <tr>
          <td><code>=PERF.指标得分(3, "每例扣0.5分，扣完为止", 2)</code></td>
          <td>0.5</td>
        </tr>
        <tr>
          <td><code>=PERF.指标得分("一般满意", "满意得2分，一般满意得1.6分，不满意不得分", 2)</code></td>
          <td>1.6</td>
        </tr>
        <tr>
          <td><code>=PERF.指标得分(90, "按完成比例计分", 90, 100)</code></td>
          <td>81（完成 90%）；实际值 120 时为 90，选项 <code>"cap=1.2"</code> 时为 108</td>
        </tr>
      </table>
      <p lang="en">
        Score of one indicator item by the rule text of its target or method cell. <code>actual</code> may be
        a range when the rule has several conditions; <code>target</code> replaces the rule's own number
        (empty or 0: not given); <code>options</code> such as <code>"partial=floor;cap=1.2;decimals=2"</code>.
      </p>
`,
  },
});
