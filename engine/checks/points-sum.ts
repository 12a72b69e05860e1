/** POINTS_SUM_MISMATCH: declared group / table points (or 100%) ≠ the sum of the children. */
import { showPoints, type Check, type FindingDraft } from './types';

/**
 * Exact equality of two point totals, as decimals. Both are numbers, and a number reads as the
 * decimal it prints as (decimal.js takes a number by its shortest repr): distinct doubles print
 * distinctly, so two totals are the same decimal exactly when they are the same number (0 and -0
 * included, NaN never). What samePoints (engine/points.ts) gave, without two Decimals per group.
 */
function samePoints(a: number, b: number): boolean {
  return a === b;
}

export const pointsSum: Check = {
  id: 'points-sum',
  description: { zh: '申报分值与下级分值之和是否一致', en: 'Declared points equal the sum of their parts' },
  codes: {
    POINTS_SUM_MISMATCH: {
      severity: 'error',
      zh: (d) => `「${d.label}」申报${d.declaredText}，下级合计${d.sumText}，相差${d.diffText}`,
      en: (d) =>
        `"${d.label}" declares ${d.declaredText} but its parts add up to ${d.sumText} (difference ${d.diffText})`,
      next: {
        zh: () => '对照考核文件改正申报分值或下级指标的分值（也可能漏填了分值），使两者相等',
        en: () =>
          'correct the declared points or the points of the parts against the assessment document (one may be blank) so that they agree',
      },
    },
  },
  run({ tables }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      const pct = t.table.pointsUnit === 'percent';
      const draft = (label: string, cell: string, declared: number, sum: number): FindingDraft => ({
        code: 'POINTS_SUM_MISMATCH',
        cell,
        data: {
          label,
          declared,
          sum,
          declaredText: showPoints(declared, pct) + (pct ? '' : '分'),
          sumText: showPoints(sum, pct) + (pct ? '' : '分'),
          diffText: showPoints(Math.abs(sum - declared), pct) + (pct ? '' : '分'),
        },
      });
      for (const g of t.table.groups) {
        // Groups scored as a whole (L5: items carry no points) have nothing to add up.
        if (g.declared === null || g.scoredAsWhole) continue;
        if (!samePoints(g.declared, g.sum))
          out.push(draft(g.label.replace(/\s+/g, ''), g.cell, g.declared, g.sum));
      }
      const { declaredTotal, declaredTotalCell } = t.table;
      // A total taken from the single top group was already compared above.
      if (declaredTotal !== null && declaredTotalCell && t.declaredTotalSource !== 'group') {
        const hasParts =
          t.table.items.some((i) => i.points !== null) || t.table.groups.some((g) => g.declared !== null);
        if (hasParts && !samePoints(declaredTotal, t.table.sum)) {
          const label =
            t.declaredTotalSource === 'title' || t.declaredTotalSource === 'section'
              ? ((t.declaredTotalSource === 'title' ? t.table.title : t.table.section) ?? '合计')
              : t.declaredTotalSource === 'totalsRow'
                ? '合计'
                : pct
                  ? '权重合计'
                  : '总分';
          out.push(draft(label, declaredTotalCell, declaredTotal, t.table.sum));
        }
      }
    }
    return out;
  },
};
