/** NUMBER_AS_TEXT: numbers typed as text in number columns ("10分", "１０", "25%"). */
import { cellAddress } from '../address';
import { NUMERIC_ROLES } from '../headers';
import type { ColumnRole } from '../model';
import { numberFromText } from '../text';
import type { Check, FindingDraft } from './types';

export const numberAsText: Check = {
  id: 'number-as-text',
  description: { zh: '数字以文本形式保存', en: 'Numbers stored as text' },
  codes: {
    NUMBER_AS_TEXT: {
      severity: 'warning',
      zh: (d) => `「${d.text}」是文本形式的数字，已按 ${d.value} 读取；请改为数值以便公式计算`,
      en: (d) =>
        `"${d.text}" is a number stored as text, read as ${d.value}; make it a number so formulas can use it`,
    },
  },
  run({ tables, view }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      const roles = Object.keys(t.cols).filter((r) => NUMERIC_ROLES.has(r as ColumnRole)) as ColumnRole[];
      // Quotas (核定任务数) are numbers too.
      if (t.table.layout === 'quotas' && t.cols.target !== undefined) roles.push('target');
      for (const role of roles) {
        const col = t.cols[role]!;
        for (const rec of t.items) {
          if (view.isMergeSlave(rec.row, col)) continue;
          const v = view.raw(rec.row, col)?.value;
          if (v?.kind !== 'text') continue;
          const n = numberFromText(v.value);
          if (!n) continue;
          const shown = n.percent ? `${+(n.value * 100).toFixed(6)}%` : String(n.value);
          out.push({
            code: 'NUMBER_AS_TEXT',
            cell: cellAddress(rec.row, col),
            data: { text: v.value, value: shown, number: n.value, percent: n.percent, role },
          });
        }
      }
    }
    return out;
  },
};
