/**
 * Entered scores and deductions against the item's points: SCORE_OUT_OF_RANGE (score below 0
 * or above the points), DEDUCTION_EXCEEDS (deduction above the points; the item then scores 0).
 */
import { cellAddress } from '../address';
import { numberFromText } from '../text';
import { showPoints, type Check, type FindingDraft } from './types';

function readNumber(v: number | string | null): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return numberFromText(v)?.value ?? null;
  return null;
}

export const enteredValues: Check = {
  id: 'entered-values',
  description: { zh: '得分、扣分超出分值', en: 'Scores and deductions outside the points' },
  codes: {
    SCORE_OUT_OF_RANGE: {
      severity: 'error',
      zh: (d) => `指标「${d.name}」得分${d.score}超出 0～${d.points} 分的范围`,
      en: (d) => `Score ${d.score} of item "${d.name}" is outside 0–${d.points}`,
    },
    DEDUCTION_EXCEEDS: {
      severity: 'error',
      zh: (d) => `指标「${d.name}」扣分${d.deduction}超过其分值${d.points}分，该项按0分计`,
      en: (d) =>
        `Deduction ${d.deduction} of item "${d.name}" exceeds its ${d.points} points; the item scores 0`,
    },
  },
  run({ tables }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      if (t.table.pointsUnit === 'percent') continue;
      for (const rec of t.items) {
        const it = rec.item;
        if (it.points === null || it.deductionOnly) continue;
        // Numbers compared as numbers: a Decimal made from a number is its shortest decimal
        // (what String() prints), and that order is the numbers' own order (a larger decimal
        // never reads as a smaller number), so Decimal's gt said the same, one Decimal per item
        // slower (test/engine/entered-values.test.ts compares both on close pairs).
        const score = readNumber(it.enteredScore);
        if (score !== null && t.cols.score !== undefined && (score < 0 || score > it.points))
          out.push({
            code: 'SCORE_OUT_OF_RANGE',
            cell: cellAddress(rec.row, t.cols.score),
            data: { name: it.name, score, points: showPoints(it.points) },
          });
        const deduction = readNumber(it.deduction);
        if (deduction !== null && t.cols.deduction !== undefined && deduction > it.points)
          out.push({
            code: 'DEDUCTION_EXCEEDS',
            cell: cellAddress(rec.row, t.cols.deduction),
            data: { name: it.name, deduction, points: showPoints(it.points) },
          });
      }
    }
    return out;
  },
};
