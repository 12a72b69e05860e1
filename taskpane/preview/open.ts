/**
 * Opens .xlsx bytes in the browser for the preview: the shared reader (`xlsx/`) gives the grid,
 * and the solid fills of the file are kept so highlights can be cleared back to them.
 */
import { MemoryExcel } from '../../addin/excel/memory-excel';
import { openPackage, readOpenedPackage } from '../../xlsx/load';

/** Reads the bytes of an .xlsx file into an in-memory workbook. Throws InputError for bad files. */
export function openWorkbook(bytes: Uint8Array): Promise<MemoryExcel> {
  try {
    const fills = new Map<string, string>();
    const { workbook } = readOpenedPackage(openPackage(bytes), fills);
    return Promise.resolve(MemoryExcel.fromGrid(workbook, fills));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}
