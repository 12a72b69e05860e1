/**
 * Fixes in place, as Excel's own 错误检查 offers them: 转换为数字 for a number stored as text, 取消隐藏
 * for a hidden row or column inside a table. One sync each (two for a number: its format is read
 * first, so a cell formatted as 文本 becomes 常规 and the number stays a number).
 */
import type { ExcelContext } from './types';

/** Writes `value` as a number into a cell that holds it as text. */
export async function convertToNumber(
  context: ExcelContext,
  sheet: string,
  address: string,
  value: number,
  /** "25%" typed as text: 0.25 shown as a percent. */
  percent = false,
): Promise<void> {
  const range = context.workbook.worksheets.getItem(sheet).getRange(address);
  range.load('numberFormat');
  await context.sync();
  if (percent) range.numberFormat = [['0.##%']];
  else if (range.numberFormat[0]?.[0] === '@') range.numberFormat = [['General']];
  range.values = [[value]];
  await context.sync();
}

/** Unhides the row or the column of a cell (rowHidden / columnHidden act on whole rows and columns). */
export async function unhide(
  context: ExcelContext,
  sheet: string,
  address: string,
  what: 'row' | 'column',
): Promise<void> {
  const range = context.workbook.worksheets.getItem(sheet).getRange(address);
  if (what === 'row') range.rowHidden = false;
  else range.columnHidden = false;
  await context.sync();
}
