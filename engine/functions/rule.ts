/** PERF.RULE: how a rule text is understood, as a short canonical sentence. */
import { parseRule, renderRule } from '../rules';
import { naError, ok, readArguments, type Arg, type ArgSource, type FnResult } from './args';
import { defineFunction, type ParamSpec } from './spec';

/** PERF.RULE(rule): how the rule text was understood, as a short canonical sentence. */
function explain(
  args: readonly (Arg | undefined)[],
  sources?: readonly (ArgSource | undefined)[],
  lang: 'zh' | 'en' = 'zh',
): FnResult<string> {
  const read = readArguments(PARAMS, args, sources);
  if (!read.ok) return read;
  const [text] = read.value;
  const parsed = parseRule(text);
  if (!parsed.ok) return naError(`无法识别：${parsed.reason}`, `Not understood: ${parsed.reason}`);
  const flags = [
    parsed.veto ? (lang === 'zh' ? '（一票否决）' : ' (veto)') : '',
    parsed.vetoExcellence ? (lang === 'zh' ? '（一票否优）' : ' (veto of excellence)') : '',
  ].join('');
  return ok(renderRule(parsed.rule, lang) + flags);
}

export function perfRule(rule: Arg, lang: 'zh' | 'en' = 'zh'): FnResult<string> {
  return explain([rule], undefined, lang);
}

const PARAMS = [
  {
    name: 'rule',
    zh: '规则',
    shape: 'value',
    read: 'text',
    description: {
      en: 'Text of a target or scoring-method cell.',
      zh: '目标值或计分办法单元格的文字。',
    },
  },
] as const satisfies readonly ParamSpec[];

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'RULE',
  zh: '规则解读',
  summary: '显示规则文字被理解成什么',
  description: {
    en: 'How a rule text is understood: a short canonical Chinese sentence, or #N/A when it cannot be read (score by hand).',
    zh: '显示一段规则文字被理解成什么：一句规范的中文；无法识别时返回 #N/A（需人工评分）。',
  },
  params: PARAMS,
  result: { type: 'string' },
  call: (args, sources) => explain(args, sources),
  // The help page's section for the function, below its generated heading (addin/help/).
  help: {
    about: `
      <p>
        显示一段规则文字被理解成什么（一句规范的中文），用来核对
        <code>PERF.指标得分</code>
        是否按原意计分。定性指标显示“定性指标，需人工评分”；含有无法识别的数字或条件时返回 <code>#N/A</code>。
      </p>
`,
    more: `
      <p>示例：<code>=PERF.规则解读("执行率≥80%")</code> 返回 <code>执行率≥80%得满分，否则不得分</code>。</p>
      <p lang="en">
        How a rule text is understood, as a short canonical sentence; #N/A when it cannot be read.
      </p>
`,
  },
});
