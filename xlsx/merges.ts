/**
 * ExcelJS registers each merged area of a loaded sheet by checking it against every merge
 * registered before it (`_mergeCellsInternal`): quadratic, 13k merges took 13 s. This replaces,
 * for loading only, that per-merge scan by one sort-and-sweep overlap check over all the sheet's
 * merges, then registers them exactly as ExcelJS does. Overlapping merges still fail the load
 * with ExcelJS's own error, so nothing changes but the time. `ws.mergeCells` (writing) is left alone.
 *
 * It relies on two ExcelJS internals, checked before patching: `Worksheet#_parseMergeCells`
 * (called from the `model` setter while loading) and the `_merges` index. Without them ExcelJS
 * keeps its own code.
 */
import ExcelJS from 'exceljs';
import type { CellRange } from '../engine/grid.js';
import { parseRangeAddress } from '../engine/address.js';

interface WorksheetInternals {
  _merges: Record<string, unknown>;
  _parseMergeCells(model: { mergeCells?: unknown }): void;
  mergeCellsWithoutStyle(range: string): void;
}

/** ExcelJS's message, so an overlapping file fails exactly as before. */
const OVERLAP = 'Cannot merge already merged cells';

/** True when two of the ranges share a cell. O(m log m) for sheets whose merges sit in few columns. */
export function anyOverlap(ranges: readonly CellRange[]): boolean {
  const byTop = [...ranges].sort((a, b) => a.top - b.top);
  let active: CellRange[] = [];
  for (const r of byTop) {
    // Merges ending above this one can no longer overlap anything that follows.
    active = active.filter((a) => a.bottom >= r.top);
    for (const a of active) if (a.left <= r.right && r.left <= a.right) return true;
    active.push(r);
  }
  return false;
}

/**
 * Registers merges on a worksheet without ExcelJS's per-merge scan; refuses overlapping ones with
 * ExcelJS's error. Used by the load patch and by generators that write many merges.
 */
export function addMergesUnchecked(ws: ExcelJS.Worksheet, refs: readonly unknown[]): void {
  const internals = ws as unknown as WorksheetInternals;
  const ranges: CellRange[] = [];
  for (const ref of refs) {
    const r = typeof ref === 'string' ? parseRangeAddress(ref) : null;
    if (r) ranges.push(r);
  }
  if (anyOverlap(ranges)) throw new Error(OVERLAP);
  const all = internals._merges;
  try {
    for (const ref of refs) {
      // With an empty index ExcelJS's scan has nothing to compare against; its registration
      // (merging the covered cells into the master, indexing by master address) is unchanged.
      internals._merges = {};
      internals.mergeCellsWithoutStyle(ref as string);
      Object.assign(all, internals._merges);
    }
  } finally {
    internals._merges = all;
  }
}

let original: WorksheetInternals['_parseMergeCells'] | null = null;

/** Patches ExcelJS's merge registration for loading (idempotent). Returns whether it is active. */
export function installFastMergeLoading(): boolean {
  if (original) return true;
  const probe = new ExcelJS.Workbook().addWorksheet('probe');
  const proto = Object.getPrototypeOf(probe) as Partial<WorksheetInternals> | null;
  if (
    !proto ||
    typeof proto._parseMergeCells !== 'function' ||
    typeof proto.mergeCellsWithoutStyle !== 'function' ||
    typeof (probe as unknown as Partial<WorksheetInternals>)._merges !== 'object'
  )
    return false;
  original = proto._parseMergeCells;
  proto._parseMergeCells = function (this: WorksheetInternals, model: { mergeCells?: unknown }): void {
    const refs: unknown[] = Array.isArray(model.mergeCells) ? model.mergeCells : [];
    addMergesUnchecked(this as unknown as ExcelJS.Worksheet, refs);
  };
  return true;
}

/** Puts ExcelJS's own merge registration back (benchmarks measure both side by side). */
export function uninstallFastMergeLoading(): void {
  if (!original) return;
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('probe')) as WorksheetInternals;
  proto._parseMergeCells = original;
  original = null;
}
