/** DUPLICATE_ITEM: the same item name twice under the same group of one table. */
import { cachedMatchKey } from '../text';
import { repeatsItemKeys } from './template';
import type { Check, FindingDraft } from './types';

function samePath(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true; // items of one group share their path (recognition/hierarchy.ts)
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const duplicateItem: Check = {
  id: 'duplicate-item',
  description: { zh: '同一分组内指标名称重复', en: 'Item names repeated within a group' },
  codes: {
    DUPLICATE_ITEM: {
      severity: 'warning',
      zh: (d) => `指标「${d.name}」与第${d.firstRow}行重复`,
      en: (d) => `Item "${d.name}" repeats row ${d.firstRow}`,
      next: {
        zh: (d) => `两行是同一指标时删除其中一行；是不同指标时改名加以区分（对照第${d.firstRow}行）`,
        en: (d) =>
          `delete one row if both are the same item, or rename one so the two can be told apart (see row ${d.firstRow})`,
      },
    },
  },
  run({ tables, template }) {
    const out: FindingDraft[] = [];
    for (let ti = 0; ti < tables.length; ti++) {
      const t = tables[ti]!;
      // In a review the template check keys every item by group path and name (computed here
      // first, then reused): a table without a repeated key has no duplicate, and its names need
      // no maps of their own. Elsewhere the keys would be computed for this alone.
      if (template && !repeatsItemKeys(t, template.tables[ti])) continue;
      // Group path → item name key → first row.
      const seen = new Map<string, Map<string, number>>();
      // Neighbouring items usually share their path: look it up once per run of equal paths.
      let lastPath: readonly string[] | null = null;
      let inGroup = new Map<string, number>();
      for (const it of t.table.items) {
        if (it.name === '') continue;
        if (lastPath === null || !samePath(it.path, lastPath)) {
          const pathKey = it.path.join('\u0001');
          let g = seen.get(pathKey);
          if (!g) seen.set(pathKey, (g = new Map()));
          inGroup = g;
        }
        lastPath = it.path;
        const key = cachedMatchKey(it.name);
        const first = inGroup.get(key);
        if (first === undefined) inGroup.set(key, it.row);
        else out.push({ code: 'DUPLICATE_ITEM', cell: it.cell, data: { name: it.name, firstRow: first } });
      }
    }
    return out;
  },
};
