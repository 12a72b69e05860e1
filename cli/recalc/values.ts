/** Values between the grid, the parser and the report: cell values in, shown values out. */
import type { CellValue } from '../../engine/grid.js';
import type { Lang } from '../report.js';
import {
  formulaError,
  isFormulaError,
  type ErrorDetails,
  type FormulaErrorT,
  type PValue,
} from './parser.js';
import type { ErrorValue } from './types.js';

const ERROR_TEXT: Record<string, [string, string]> = {
  '#DIV/0!': ['除数为零', 'division by zero'],
  '#VALUE!': ['参数或值的类型不对', 'wrong type of argument or value'],
  '#REF!': ['引用无效', 'invalid reference'],
  '#NAME?': ['无法识别的函数或名称', 'unknown function or name'],
  '#NUM!': ['数字无效或超出范围', 'invalid or out-of-range number'],
  '#N/A': ['值不可用', 'value not available'],
  '#NULL!': ['区域没有交集', 'the ranges do not intersect'],
  '#SPILL!': ['溢出区域不是空的', 'the spill range is not empty'],
  '#CALC!': ['计算出错', 'calculation error'],
};

export function errorValue(err: FormulaErrorT, here: string, lang: Lang): ErrorValue {
  const d = err.details as Partial<ErrorDetails> | undefined;
  const code = err.error === '#ERROR!' ? '#VALUE!' : err.error;
  if (d && typeof d.zh === 'string' && typeof d.en === 'string') {
    const text = lang === 'en' ? d.en : d.zh;
    if (!d.origin || d.origin === here) return { error: code, message: text };
    return {
      error: code,
      message: lang === 'en' ? `error in ${d.origin}: ${text}` : `${d.origin} 出错：${text}`,
    };
  }
  const [zh, en] = ERROR_TEXT[code] ?? [`错误值 ${code}`, `error value ${code}`];
  return { error: code, message: lang === 'en' ? en : zh };
}

export function fromCellValue(v: CellValue): PValue {
  switch (v.kind) {
    case 'empty':
      return null;
    case 'number':
    case 'text':
    case 'boolean':
      return v.value;
    case 'error':
      return formulaError(v.value);
  }
}

/** A final value as Excel shows it: 15 significant digits, no -0, no NaN. */
export function normaliseScalar(v: unknown): number | string | boolean | FormulaErrorT {
  if (isFormulaError(v)) return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return formulaError('#VALUE!');
    if (!Number.isFinite(v)) return formulaError('#NUM!');
    const n = Number(v.toPrecision(15));
    return n === 0 ? 0 : n;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return formulaError('#VALUE!');
}
