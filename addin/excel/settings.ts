/**
 * The add-in's own values saved in the workbook (Excel's workbook settings, ExcelApi 1.4), so
 * every clerk who opens the workbook scores it the same way. Values are JSON text; what a value
 * means is checked by its reader (zod), never trusted.
 */
import type { ExcelContext } from './types';

/** Reads one saved value (one sync); null when the workbook has none. */
export async function loadWorkbookSetting(context: ExcelContext, key: string): Promise<string | null> {
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load('value');
  await context.sync();
  if (item.isNullObject) return null;
  const value: unknown = item.value;
  return typeof value === 'string'
    ? value
    : value === null || value === undefined
      ? null
      : JSON.stringify(value);
}

/** Saves one value (one sync); null deletes it. */
export async function saveWorkbookSetting(
  context: ExcelContext,
  key: string,
  value: string | null,
): Promise<void> {
  if (value === null) {
    const item = context.workbook.settings.getItemOrNullObject(key);
    item.load('value');
    await context.sync();
    if (!item.isNullObject) {
      item.delete();
      await context.sync();
    }
    return;
  }
  context.workbook.settings.add(key, value);
  await context.sync();
}
