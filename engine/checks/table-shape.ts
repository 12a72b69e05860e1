/** TABLE_EMPTY (a header without items) and NO_TABLE (a sheet with content but no table). */
import { cellAddress } from '../address';
import type { Check, FindingDraft } from './types';

export const tableShape: Check = {
  id: 'table-shape',
  description: { zh: '未识别到表格或表格为空', en: 'No table found, or a table without items' },
  codes: {
    TABLE_EMPTY: {
      severity: 'info',
      zh: () => '表头下没有任何指标行（空白模板？）',
      en: () => 'The header has no item rows below it (a blank template?)',
    },
    NO_TABLE: {
      severity: 'info',
      zh: () => '此工作表有内容，但没有识别到指标表（未找到含“指标/项目”等列的表头）',
      en: () =>
        'This sheet has content but no indicator table (no header with item/points columns was found)',
    },
  },
  run({ tables, view }) {
    const out: FindingDraft[] = [];
    for (const t of tables)
      if (t.items.length === 0)
        out.push({ code: 'TABLE_EMPTY', cell: cellAddress(t.headerTop, t.cols.item!), data: {} });
    if (tables.length === 0) {
      for (let r = 0; r < view.rowCount; r++) {
        if (!view.filledCells(r).next().done) {
          out.push({ code: 'NO_TABLE', cell: null, data: {} });
          break;
        }
      }
    }
    return out;
  },
};
