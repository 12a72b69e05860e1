/** Takes the user to a cell: activates its sheet and selects it (one sync). */
import type { ExcelContext } from './types';

export async function selectCell(context: ExcelContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}
