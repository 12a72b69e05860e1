/** VALUE_MISSING: allocation inputs (系数, 人数, 核定任务数) left blank (L8). */
import { cellAddress } from '../address';
import type { ColumnRole } from '../model';
import type { Check, FindingDraft } from './types';

export const requiredValues: Check = {
  id: 'required-values',
  description: { zh: '分配参数为空', en: 'Allocation inputs left blank' },
  codes: {
    VALUE_MISSING: {
      severity: 'error',
      zh: (d) => `「${d.name}」未填写${d.header}`,
      en: (d) => `"${d.name}" has no ${d.header}`,
    },
  },
  run({ tables, view }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      const roles: ColumnRole[] = ['coefficient', 'headcount'];
      for (const role of roles) {
        const col = t.cols[role];
        if (col === undefined) continue;
        for (const rec of t.items)
          if (view.isEmpty(rec.row, col))
            out.push({
              code: 'VALUE_MISSING',
              cell: cellAddress(rec.row, col),
              data: { name: rec.item.name, header: t.table.headers[role] ?? role },
            });
      }
    }
    return out;
  },
};
