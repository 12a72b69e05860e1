/**
 * Worksheets by name, whether or not this Excel has getItemOrNullObject (ExcelApi 1.4): with it,
 * one null object per name; without it (Excel 2016), the workbook's sheet list, read in the same
 * sync. Queued in the current batch; the returned function answers after the next sync.
 */
import { supports, type AdapterEnv } from './requirements';
import type { ExcelContext, Worksheet } from './types';

export function queueSheetLookup(
  context: ExcelContext,
  names: readonly string[],
  env: AdapterEnv,
): () => Map<string, Worksheet | null> {
  const worksheets = context.workbook.worksheets;
  if (supports(env, 'nullObjects')) {
    const found = new Map<string, Worksheet>();
    for (const name of names) {
      if (found.has(name)) continue;
      const ws = worksheets.getItemOrNullObject(name);
      ws.load('id,name');
      found.set(name, ws);
    }
    return () => new Map([...found].map(([name, ws]) => [name, ws.isNullObject ? null : ws]));
  }
  worksheets.load('items/id,items/name');
  return () => {
    // Excel's sheet names are unique regardless of case, and found so.
    const byName = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    return new Map(names.map((name) => [name, byName.get(name.toLowerCase()) ?? null]));
  };
}
