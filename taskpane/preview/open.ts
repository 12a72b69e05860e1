/**
 * Opens .xlsx bytes in the browser for the preview: the shared reader (`xlsx/`, ExcelJS) gives
 * the grid, and the fills of the file are kept so highlights can be cleared back to them.
 */
import type ExcelJS from 'exceljs';
import { cellAddress } from '../../engine/address';
import { workbookFromExcelJS } from '../../xlsx/convert';
import { loadExcelJS } from '../../xlsx/exceljs';
import { MemoryExcel } from './memory-excel';

function fillsOf(wb: ExcelJS.Workbook): Map<string, string> {
  const fills = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const fill = cell.fill;
        if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return;
        const argb = fill.fgColor?.argb;
        if (typeof argb === 'string' && /^[0-9a-f]{8}$/i.test(argb))
          fills.set(`${ws.name}!${cellAddress(r - 1, c - 1)}`, `#${argb.slice(2).toUpperCase()}`);
      });
    });
  }
  return fills;
}

/** Reads the bytes of an .xlsx file into an in-memory workbook. Throws InputError for bad files. */
export async function openWorkbook(bytes: Uint8Array): Promise<MemoryExcel> {
  const wb = await loadExcelJS(bytes);
  return MemoryExcel.fromGrid(workbookFromExcelJS(wb), fillsOf(wb));
}
