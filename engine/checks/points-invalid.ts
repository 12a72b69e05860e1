/** POINTS_INVALID: a points cell that is not a number (nor the veto / 扣分制 forms). */
import { cellAddress } from '../address';
import type { Check, FindingDraft } from './types';

export const pointsInvalid: Check = {
  id: 'points-invalid',
  description: { zh: '分值不是数字', en: 'Points that are not numbers' },
  codes: {
    POINTS_INVALID: {
      severity: 'error',
      zh: (d) => `指标「${d.name}」的分值「${d.text}」不是有效数字`,
      en: (d) => `Points "${d.text}" of item "${d.name}" are not a valid number`,
    },
  },
  run({ tables }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      const col = t.cols.points;
      if (col === undefined) continue;
      for (const rec of t.items) {
        if (rec.pointsCell?.status !== 'invalid') continue;
        out.push({
          code: 'POINTS_INVALID',
          cell: cellAddress(rec.row, col),
          data: { name: rec.item.name, text: rec.pointsCell.text },
        });
      }
      // A percent weight above 100% cannot be right either.
      if (t.table.pointsUnit === 'percent')
        for (const rec of t.items)
          if (rec.item.points !== null && rec.item.points > 1)
            out.push({
              code: 'POINTS_INVALID',
              cell: cellAddress(rec.row, col),
              data: { name: rec.item.name, text: `${+(rec.item.points * 100).toFixed(6)}%` },
            });
    }
    return out;
  },
};
