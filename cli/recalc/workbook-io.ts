/**
 * Workbook I/O for the recalc: what it reads from an .xlsx besides the grid (array formulas,
 * defined names) and how it stores the recalculated values as the formulas' cached results.
 * The rest of the recalc sees only this interface: load a file, read the extras, apply the writes,
 * write the copy (../output.ts).
 */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { installFastMergeLoading } from '../../xlsx/merges.js';
import type { ArrayFormula, CellWrite, DefinedName, RecalcValue } from './types.js';

/** The error values a workbook can store. */
const STORABLE_ERRORS = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!']);

/** Array formulas and defined names, which the grid model does not carry. */
export function workbookExtras(wb: ExcelJS.Workbook): { arrays: ArrayFormula[]; names: DefinedName[] } {
  const arrays: ArrayFormula[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const v = cell.value as { shareType?: unknown; ref?: unknown };
        if (v.shareType === 'array' && typeof v.ref === 'string') {
          arrays.push({ sheet: ws.name, anchor: cell.address, ref: v.ref });
        }
      });
    });
  }
  let names: DefinedName[] = [];
  try {
    names = wb.definedNames.model.map((n) => ({ name: n.name, ranges: [...n.ranges] }));
  } catch {
    names = [];
  }
  return { arrays, names };
}

export async function loadExcelWorkbook(file: string): Promise<ExcelJS.Workbook> {
  installFastMergeLoading(); // many merges stay linear (xlsx/merges.ts)
  const buf = await fs.readFile(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  return wb;
}

/** Excel has no #CIRC!; a workbook stores such cells as #N/A. */
function storedResult(
  v: RecalcValue,
): number | string | boolean | { error: ExcelJS.CellErrorValue['error'] } {
  if (typeof v !== 'object') return v;
  const valid = STORABLE_ERRORS.has(v.error) ? v.error : '#N/A';
  return { error: valid as ExcelJS.CellErrorValue['error'] };
}

/** Stores the recalculated values as the cached results of their formulas (and spilled cells). */
export function applyWrites(wb: ExcelJS.Workbook, writes: readonly CellWrite[]): void {
  for (const w of writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.cell);
    const result = storedResult(w.value);
    if (cell.type === ExcelJS.ValueType.Formula) {
      const model = cell.value as unknown as Record<string, unknown>;
      cell.value = { ...model, result } as unknown as ExcelJS.CellValue;
    } else {
      cell.value = result as ExcelJS.CellValue;
    }
  }
}

export { OutputError, writeWorkbookAtomically } from '../output.js';
