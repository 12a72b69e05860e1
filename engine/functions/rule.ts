/** PERF.RULE: how a rule text is understood, as a short canonical sentence. */
import { parseRule, renderRule } from '../rules';
import { naError, ok, scalar, valueError, type Arg, type FnResult } from './args';
import { defineFunction } from './spec';

/** PERF.RULE(rule): how the rule text was understood, as a short canonical sentence. */
export function perfRule(rule: Arg, lang: 'zh' | 'en' = 'zh'): FnResult<string> {
  const text = scalar(rule);
  if (typeof text !== 'string' || text.trim() === '')
    return valueError('规则应为文字', 'The rule must be text');
  const parsed = parseRule(text);
  if (!parsed.ok) return naError(`无法识别：${parsed.reason}`, `Not understood: ${parsed.reason}`);
  const flags = [
    parsed.veto ? (lang === 'zh' ? '（一票否决）' : ' (veto)') : '',
    parsed.vetoExcellence ? (lang === 'zh' ? '（一票否优）' : ' (veto of excellence)') : '',
  ].join('');
  return ok(renderRule(parsed.rule, lang) + flags);
}

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'RULE',
  zh: '规则解读',
  summary: '显示规则文字被理解成什么',
  description: {
    en: 'How a rule text is understood: a short canonical Chinese sentence, or #N/A when it cannot be read (score by hand).',
    zh: '显示一段规则文字被理解成什么：一句规范的中文；无法识别时返回 #N/A（需人工评分）。',
  },
  params: [
    {
      name: 'rule',
      zh: '规则',
      shape: 'value',
      description: {
        en: 'Text of a target or scoring-method cell.',
        zh: '目标值或计分办法单元格的文字。',
      },
    },
  ],
  result: { type: 'string' },
  call: (a) => perfRule(a[0]!),
  // The help page's section for the function, below its generated heading (addin/help/).
  help: `
      <p>
        显示一段规则文字被理解成什么（一句规范的中文），用来核对
        <code>PERF.指标得分</code>
        是否按原意计分。定性指标显示“定性指标，需人工评分”；含有无法识别的数字或条件时返回 <code>#N/A</code>。
      </p>
      <table>
        <tr>
          <th>参数</th>
          <th>说明</th>
        </tr>
        <tr>
          <td>规则 (rule)</td>
          <td>目标值或计分办法单元格的文字。</td>
        </tr>
      </table>
      <p>示例：<code>=PERF.规则解读("执行率≥80%")</code> 返回 <code>执行率≥80%得满分，否则不得分</code>。</p>
      <p lang="en">
        How a rule text is understood, as a short canonical sentence; #N/A when it cannot be read.
      </p>
`,
});
