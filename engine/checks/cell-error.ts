/** CELL_ERROR: error values (#DIV/0!, #REF!…) in used cells; errors inside a table are errors. */
import { cellAddress } from '../address';
import type { Check, FindingDraft } from './types';

export const cellError: Check = {
  id: 'cell-error',
  description: { zh: '单元格错误值', en: 'Error values in cells' },
  codes: {
    CELL_ERROR: {
      severity: 'error',
      zh: (d) => `单元格显示错误值 ${d.error}${d.formula ? `（公式 ${d.formula}）` : ''}`,
      en: (d) => `Cell shows the error ${d.error}${d.formula ? ` (formula ${d.formula})` : ''}`,
    },
  },
  run({ view }) {
    const out: FindingDraft[] = [];
    for (let r = 0; r < view.rowCount; r++) {
      // Every cell of the sheet is looked at: read them in place rather than through filledCells.
      for (let col = 0; col < view.colCount; col++) {
        const value = view.raw(r, col)?.value;
        if (value?.kind !== 'error' || view.isMergeSlave(r, col)) continue;
        out.push({
          code: 'CELL_ERROR',
          cell: cellAddress(r, col),
          data: { error: value.value, formula: view.raw(r, col)?.formula ?? null },
        });
      }
    }
    return out;
  },
};
