/** POINTS_MISSING: an item without points where the table (or its siblings) give points. */
import type { Check, FindingDraft } from './types';

export const pointsMissing: Check = {
  id: 'points-missing',
  description: { zh: '指标缺少分值', en: 'Items without points' },
  codes: {
    POINTS_MISSING: {
      severity: 'error',
      zh: (d) => `指标「${d.name}」没有分值`,
      en: (d) => `Item "${d.name}" has no points`,
    },
  },
  run({ tables }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      if (t.pointsSource === 'none') continue;
      const groupOf = new Map(t.table.groups.map((g) => [g.path.join('\u0001'), g]));
      for (const rec of t.items) {
        const it = rec.item;
        // A pure 一票否决 item has no points by design.
        if (it.points !== null || it.deductionOnly || rec.pointsShared || it.veto) continue;
        if (rec.pointsCell?.status === 'error' || rec.pointsCell?.status === 'invalid') continue; // reported as such
        // Items of a group scored as a whole (L5) are not missing anything.
        let scoredAsWhole = false;
        for (let d = it.path.length; d > 0 && !scoredAsWhole; d--)
          scoredAsWhole = groupOf.get(it.path.slice(0, d).join('\u0001'))?.scoredAsWhole ?? false;
        if (scoredAsWhole) continue;
        if (t.pointsSource === 'label') {
          const siblingsHave = t.items.some(
            (o) =>
              o !== rec && o.item.points !== null && o.item.path.join('\u0001') === it.path.join('\u0001'),
          );
          if (!siblingsHave) continue;
        }
        const cell = t.cols.points !== undefined ? `${it.pointsCell ?? it.cell}` : it.cell;
        out.push({
          code: 'POINTS_MISSING',
          cell: it.pointsCell ?? cell,
          data: { name: it.name, row: it.row },
        });
      }
    }
    return out;
  },
};
