/** DIRECTION_INVALID: 方向 must be + or − (正向/负向 accepted). */
import { cellAddress } from '../address';
import { nfkc } from '../text';
import type { Check, FindingDraft } from './types';

const VALID = new Set(['+', '-', '正向', '负向', '逆向', '正', '负']);

export const direction: Check = {
  id: 'direction',
  description: { zh: '指标方向应为 + 或 −', en: 'Direction must be + or −' },
  codes: {
    DIRECTION_INVALID: {
      severity: 'error',
      zh: (d) =>
        d.text
          ? `指标「${d.name}」的方向「${d.text}」无效，应为 + 或 −`
          : `指标「${d.name}」未填写方向（+ 或 −）`,
      en: (d) =>
        d.text
          ? `Direction "${d.text}" of item "${d.name}" is not + or −`
          : `Item "${d.name}" has no direction (+ or −)`,
    },
  },
  run({ tables, view }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      const col = t.cols.direction;
      if (col === undefined) continue;
      for (const rec of t.items) {
        const raw = view.text(rec.row, col).trim();
        if (VALID.has(nfkc(raw).replace(/\s+/g, ''))) continue;
        out.push({
          code: 'DIRECTION_INVALID',
          cell: cellAddress(rec.row, col),
          data: { name: rec.item.name, text: raw },
        });
      }
    }
    return out;
  },
};
