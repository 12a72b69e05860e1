/** HIDDEN_ROW / HIDDEN_COLUMN: hidden rows or columns inside a table hide items from reviewers. */
import { cellAddress, columnLetter } from '../address';
import type { Check, FindingDraft } from './types';

export const hidden: Check = {
  id: 'hidden',
  description: { zh: '表格中有隐藏的行或列', en: 'Hidden rows or columns inside a table' },
  codes: {
    HIDDEN_ROW: {
      severity: 'warning',
      zh: (d) => `第${d.row}行被隐藏${d.name ? `（指标「${d.name}」）` : ''}，审核时容易漏看`,
      en: (d) => `Row ${d.row} is hidden${d.name ? ` (item "${d.name}")` : ''}; reviewers may miss it`,
      next: {
        zh: () => '取消隐藏此行（右键行号 → 取消隐藏）并核对；不需要的行请删除',
        en: () =>
          'unhide the row (right-click its number → Unhide) and check it; delete it if it is not needed',
      },
    },
    HIDDEN_COLUMN: {
      severity: 'warning',
      zh: (d) => `${d.column}列被隐藏，审核时容易漏看`,
      en: (d) => `Column ${d.column} is hidden; reviewers may miss it`,
      next: {
        zh: () => '取消隐藏此列（右键列标 → 取消隐藏）并核对',
        en: () => 'unhide the column (right-click its letter → Unhide) and check it',
      },
    },
  },
  run({ tables, view }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      if (view.hiddenRows.size === 0 && view.hiddenColumnCount === 0) continue;
      const itemCol = t.cols.item!;
      const byRow = new Map(t.items.map((i) => [i.row, i.item.name]));
      for (const r of view.hiddenRows) {
        if (r < t.headerTop || r > t.bottom) continue;
        out.push({
          code: 'HIDDEN_ROW',
          cell: cellAddress(r, itemCol),
          data: { row: r + 1, name: byRow.get(r) ?? null },
        });
      }
      for (let c = t.left; c <= t.right; c++)
        if (view.isColumnHidden(c))
          out.push({
            code: 'HIDDEN_COLUMN',
            cell: cellAddress(t.headerTop, c),
            data: { column: columnLetter(c) },
          });
    }
    return out.sort((a, b) => Number(a.data.row ?? 0) - Number(b.data.row ?? 0));
  },
};
