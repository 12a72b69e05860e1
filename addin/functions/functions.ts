/// <reference types="custom-functions-runtime" />
/**
 * The PERF custom functions. Each is a thin wrapper over the engine; the JSDoc below is the
 * source of functions.json (custom-functions-metadata-plugin), the Chinese names and
 * descriptions are in locale-zh-cn.json, and `FUNCTIONS` is what gets associated, so the
 * metadata ids and the code cannot drift apart unnoticed (test/addin/manifest.test.ts).
 *
 * No volatile functions, no side effects, errors as CustomFunctions.Error with a Chinese message.
 */
import { cellAddress } from '../../engine/address';

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/**
 * Returns the A1 address of the cell at a row and column number, like ADDRESS(row, col, 4).
 * @customfunction CELLREF
 * @helpurl https://localhost:3000/help/index.html#cellref
 * @param row Row number, 1 to 1048576 (a fraction is cut off).
 * @param col Column number, 1 to 16384 (a fraction is cut off).
 * @returns The address, e.g. "C5".
 */
export function cellRef(row: number, col: number): string {
  const r = wholeNumber(row, MAX_ROW, '行号', 'row');
  const c = wholeNumber(col, MAX_COLUMN, '列号', 'column');
  return cellAddress(r - 1, c - 1);
}

/** id in functions.json → implementation. */
export const FUNCTIONS = {
  CELLREF: cellRef,
} as const;

/**
 * Excel passes an empty cell as null or 0 depending on the build; both are out of range here.
 * Fractions are cut off as Excel's own ADDRESS does.
 */
function wholeNumber(value: unknown, max: number, zh: string, en: string): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : NaN;
  if (!(n >= 1 && n <= max)) {
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      `${zh}必须是 1 到 ${max} 之间的数 (${en} must be between 1 and ${max})`,
    );
  }
  return n;
}

// Outside Excel (a plain browser opening taskpane.html) there is no CustomFunctions runtime.
if (typeof CustomFunctions !== 'undefined') CustomFunctions.associate(FUNCTIONS);
