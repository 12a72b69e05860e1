/** DUPLICATE_ITEM: the same item name twice under the same group of one table. */
import { matchKey } from '../text';
import type { Check, FindingDraft } from './types';

export const duplicateItem: Check = {
  id: 'duplicate-item',
  description: { zh: '同一分组内指标名称重复', en: 'Item names repeated within a group' },
  codes: {
    DUPLICATE_ITEM: {
      severity: 'warning',
      zh: (d) => `指标「${d.name}」与第${d.firstRow}行重复`,
      en: (d) => `Item "${d.name}" repeats row ${d.firstRow}`,
    },
  },
  run({ tables }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      const seen = new Map<string, number>();
      for (const it of t.table.items) {
        if (it.name === '') continue;
        const key = `${it.path.join('\u0001')}\u0002${matchKey(it.name)}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, it.row);
        else out.push({ code: 'DUPLICATE_ITEM', cell: it.cell, data: { name: it.name, firstRow: first } });
      }
    }
    return out;
  },
};
