/**
 * Blank cells in columns every item must fill: OWNER_MISSING (责任科室), PERSON_MISSING (责任人),
 * STANDARD_MISSING (标准值), TARGET_MISSING (年度目标, or 计分办法/评价方法 when there is no
 * target column), NAME_MISSING (the item name itself). Merged cells count as filled.
 */
import { cellAddress } from '../address';
import type { ColumnRole, FindingCode } from '../model';
import type { Check, FindingDraft } from './types';

const label = (d: Record<string, unknown>): string =>
  d.name ? `「${String(d.name)}」` : `第${String(d.row)}行`;
const labelEn = (d: Record<string, unknown>): string =>
  d.name ? `"${String(d.name)}"` : `row ${String(d.row)}`;

export const requiredText: Check = {
  id: 'required-text',
  description: { zh: '必填列为空', en: 'Required columns left blank' },
  codes: {
    OWNER_MISSING: {
      severity: 'error',
      zh: (d) => `指标${label(d)}未填写${d.header}`,
      en: (d) => `Item ${labelEn(d)} has no responsible department (${d.header})`,
    },
    PERSON_MISSING: {
      severity: 'error',
      zh: (d) => `指标${label(d)}未填写${d.header}`,
      en: (d) => `Item ${labelEn(d)} has no responsible person (${d.header})`,
    },
    STANDARD_MISSING: {
      severity: 'error',
      zh: (d) => `指标${label(d)}未填写${d.header}`,
      en: (d) => `Item ${labelEn(d)} has no standard value (${d.header})`,
    },
    TARGET_MISSING: {
      severity: 'error',
      zh: (d) => `指标${label(d)}未填写${d.header}`,
      en: (d) => `Item ${labelEn(d)} has no target or scoring method (${d.header})`,
    },
    NAME_MISSING: {
      severity: 'error',
      zh: (d) => `第${d.row}行有内容但没有指标名称（${d.header}）`,
      en: (d) => `Row ${d.row} has entries but no item name (${d.header})`,
    },
  },
  run({ tables, view }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      const wanted: [ColumnRole, FindingCode][] = [
        ['owner', 'OWNER_MISSING'],
        ['person', 'PERSON_MISSING'],
        ['standard', 'STANDARD_MISSING'],
        ['item', 'NAME_MISSING'],
      ];
      if (t.cols.target !== undefined) wanted.push(['target', 'TARGET_MISSING']);
      else if (t.cols.method !== undefined && t.table.layout !== 'evaluation')
        wanted.push(['method', 'TARGET_MISSING']);
      for (const [role, code] of wanted) {
        const col = t.cols[role];
        if (col === undefined) continue;
        for (const rec of t.items) {
          if (!view.isEmpty(rec.row, col)) continue;
          out.push({
            code,
            cell: cellAddress(rec.row, col),
            data: { name: rec.item.name || null, row: rec.item.row, header: t.table.headers[role] ?? role },
          });
        }
      }
    }
    return out;
  },
};
