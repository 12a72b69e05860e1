/** CELL_ERROR: error values (#DIV/0!, #REF!…) in used cells; errors inside a table are errors. */
import { cellAddress } from '../address';
import type { Check, FindingDraft } from './types';

/** What each error value usually means, for the next step. */
const ERROR_CAUSE: Record<string, { zh: string; en: string }> = {
  '#DIV/0!': { zh: '除数为 0 或为空', en: 'a division by zero or by an empty cell' },
  '#REF!': { zh: '公式引用的单元格已被删除', en: 'the formula refers to cells that were deleted' },
  '#NAME?': {
    zh: '函数名无法识别（没有加载项时 PERF 函数也显示此错误）',
    en: 'a function name is not known (PERF functions show this without the add-in)',
  },
  '#VALUE!': {
    zh: '参数的类型不对（如文字参与计算）',
    en: 'an argument of the wrong type (text in arithmetic)',
  },
  '#N/A': { zh: '查找的值不存在', en: 'a looked-up value is not there' },
  '#NUM!': { zh: '数值无效或超出范围', en: 'a number that is invalid or out of range' },
  '#NULL!': { zh: '区域引用没有交集', en: 'ranges that do not intersect' },
};

export const cellError: Check = {
  id: 'cell-error',
  description: { zh: '单元格错误值', en: 'Error values in cells' },
  codes: {
    CELL_ERROR: {
      severity: 'error',
      zh: (d) => `单元格显示错误值 ${d.error}${d.formula ? `（公式 ${d.formula}）` : ''}`,
      en: (d) => `Cell shows the error ${d.error}${d.formula ? ` (formula ${d.formula})` : ''}`,
      next: {
        zh: (d) =>
          `${ERROR_CAUSE[String(d.error)]?.zh ?? '公式或输入有误'}：请改正${d.formula ? '公式' : '此单元格'}，错误值消失后再提交`,
        en: (d) =>
          `${ERROR_CAUSE[String(d.error)]?.en ?? 'the formula or the entry is wrong'}: correct the ${d.formula ? 'formula' : 'cell'} before you send the table`,
      },
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
