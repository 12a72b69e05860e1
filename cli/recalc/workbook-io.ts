/**
 * Workbook I/O for the recalc: the file read once by the shared reader (xlsx/: the grid, array
 * formulas, defined names), and the recalculated values stored as the formulas' cached results
 * by the surgical writer (xlsx/write.ts: only those cells change in the copy).
 */
import type { Workbook } from '../../engine/grid.js';
import { parseRef } from '../../xlsx/sheet.js';
import type { XlsxPackage } from '../../xlsx/package.js';
import { patchPackage, type CellEdit } from '../../xlsx/write.js';
import { readWorkbookPackage } from '../xlsx.js';
import { checkOutputKind, refuseLegacyOutput, writeBytesAtomically } from '../output.js';
import type { ArrayFormula, CellWrite, DefinedName, RecalcValue } from './types.js';

/** The error values a workbook can store. */
const STORABLE_ERRORS = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!']);

export interface RecalcWorkbook {
  workbook: Workbook;
  arrays: ArrayFormula[];
  names: DefinedName[];
  /** null for .xls / .et / .ods (recalculated, not written). */
  pkg: XlsxPackage | null;
}

/** Reads the file once: grid, array formulas, defined names. Throws InputError. */
export async function loadRecalcWorkbook(file: string): Promise<RecalcWorkbook> {
  const { pkg, read } = await readWorkbookPackage(file);
  return { workbook: read.workbook, arrays: read.arrays, names: read.names, pkg };
}

/** Excel has no #CIRC!; a workbook stores such cells as #N/A. */
function storedResult(v: RecalcValue): number | string | boolean | { error: string } {
  if (typeof v !== 'object') return v;
  return { error: STORABLE_ERRORS.has(v.error) ? v.error : '#N/A' };
}

/** The recalculated values as edits: cached results of their formulas (spilled cells: values). */
export function recalcEdits(writes: readonly CellWrite[]): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const w of writes) {
    const p = parseRef(w.cell.replace(/\$/g, ''));
    if (!p) continue;
    edits.push({ sheet: w.sheet, row: p[0], col: p[1], value: storedResult(w.value), cachedOnly: true });
  }
  return edits;
}

/**
 * Writes the copy with the recalculated results. No full recalculation on load: every formula
 * that reads a recalculated cell was recalculated too. Throws OutputError.
 */
export async function writeRecalculated(
  wb: RecalcWorkbook,
  writes: readonly CellWrite[],
  input: string,
  out: string,
  force: boolean,
): Promise<void> {
  const pkg = wb.pkg ?? refuseLegacyOutput(input);
  checkOutputKind(pkg.kind(), out);
  await writeBytesAtomically(
    () => patchPackage(pkg, recalcEdits(writes), { fullCalcOnLoad: false }),
    input,
    out,
    force,
  );
}

export { OutputError } from '../output.js';
