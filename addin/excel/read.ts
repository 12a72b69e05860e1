/**
 * Reads the active worksheet's used range (or the selection) into the engine's `Sheet`.
 *
 * Request 1 asks for the sheet name and the extent of the used range / selection (and whether any
 * row or column in it is hidden, so the per-row probes are skipped when none is). Request 2 asks
 * for everything else at once: values, valueTypes, formulas and number formats of every block of
 * rows, hidden rows and columns, merged areas. On Windows and Mac that is the whole read: two
 * syncs whatever the row count. Only on Excel on the web, whose requests are limited to 5 MB, a
 * large sheet's blocks are spread over as many requests as its estimated size needs, and a
 * request that still comes back too large is split in two and asked again.
 */
import { rangeAddress } from '../../engine/address';
import { makeSheet, type Cell, type CellRange, type Sheet } from '../../engine/grid';
import {
  DEFAULT_BYTES_PER_CELL,
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_MAX_ROWS_PER_CHUNK,
  isPayloadTooLarge,
  packRequests,
  requestBudget,
} from './batch';
import { defaultEnv, supports, type AdapterEnv } from './requirements';
import type { ExcelContext, Range, RangeAreas, Worksheet } from './types';
import { parseAreasAddress, toCell } from './values';

export interface ReadSheetOptions {
  /** What to read: the used range of the active sheet (default) or the selection within it. */
  source?: 'usedRange' | 'selection';
  /** A sheet by name instead of the active one (its used range; the selection is ignored). */
  sheet?: string;
  /**
   * Used range by values only (default true), so formatting far below a table (a coloured
   * column, a border down to row 10000) does not make the read huge.
   */
  valuesOnly?: boolean;
  env?: AdapterEnv;
  /** Request budget on Excel on the web (default 4,000,000 bytes, under the 5 MB limit). */
  maxRequestBytes?: number;
  /** Conservative response size per cell (default 200 bytes). */
  bytesPerCell?: number;
  /** Largest block of rows read as one range (default 5000). */
  maxRowsPerChunk?: number;
}

export interface ReadSheetResult {
  sheet: Sheet;
  /** The area read, e.g. "A1:H52"; null when there was nothing to read. */
  range: string | null;
  /** False when this Excel cannot report merged areas (before ExcelApi 1.13): `sheet.merges` is empty. */
  mergesRead: boolean;
  /** False when this Excel cannot report hidden rows and columns (before ExcelApi 1.2): none are listed. */
  hiddenRead: boolean;
  /** Number of `context.sync()` calls the read took. */
  syncs: number;
}

/** getMergedAreasOrNullObject fails above 512 areas; a block of ≤ 1024 cells cannot hold more. */
const MERGE_BLOCK_CELLS = 1024;
const BYTES_PER_PROBE = 40;
const BYTES_PER_MERGE_BLOCK = 200;

type HiddenMode = 'none' | 'all' | 'probe';

interface RowUnit {
  readonly kind: 'rows';
  readonly top: number;
  readonly bottom: number;
  readonly bytes: number;
}
interface ColumnUnit {
  readonly kind: 'columns';
  readonly bytes: number;
}
type Unit = RowUnit | ColumnUnit;

interface RowResult {
  kind: 'rows';
  top: number;
  cells: (Cell | null)[][];
  hidden: number[];
  merges: CellRange[];
}
interface ColumnResult {
  kind: 'columns';
  hidden: number[];
}
type UnitResult = RowResult | ColumnResult;

export async function readSheet(
  context: ExcelContext,
  options: ReadSheetOptions = {},
): Promise<ReadSheetResult> {
  const env = options.env ?? defaultEnv();
  const maxRequestBytes = positive(options.maxRequestBytes, DEFAULT_MAX_REQUEST_BYTES);
  const bytesPerCell = positive(options.bytesPerCell, DEFAULT_BYTES_PER_CELL);
  const maxRowsPerChunk = Math.floor(positive(options.maxRowsPerChunk, DEFAULT_MAX_ROWS_PER_CHUNK));
  let syncs = 0;

  // Request 1: where is the data?
  const worksheet =
    options.sheet !== undefined
      ? context.workbook.worksheets.getItem(options.sheet)
      : context.workbook.worksheets.getActiveWorksheet();
  worksheet.load('name');
  const valuesOnly = options.valuesOnly ?? true;
  // Before 1.4 there is no null object: getUsedRange gives A1 for an empty sheet (seen below).
  const nullObjects = supports(env, 'nullObjects');
  const used = nullObjects
    ? worksheet.getUsedRangeOrNullObject(valuesOnly)
    : supports(env, 'usedRangeValuesOnly')
      ? worksheet.getUsedRange(valuesOnly)
      : worksheet.getUsedRange();
  const hiddenRead = supports(env, 'hiddenState');
  const shape = `address,rowIndex,columnIndex,rowCount,columnCount${hiddenRead ? ',rowHidden,columnHidden' : ''}`;
  used.load(shape);
  const selection =
    options.source === 'selection' && options.sheet === undefined
      ? context.workbook.getSelectedRange()
      : null;
  selection?.load(shape);
  syncs++;
  await context.sync();

  const name = worksheet.name;
  const usedRect = nullObjects && used.isNullObject ? null : rectOf(used);
  const rect = usedRect && selection ? intersect(usedRect, rectOf(selection)) : usedRect;
  const mergesRead = supports(env, 'mergedAreas');
  if (!rect) {
    return { sheet: makeSheet(name, []), range: null, mergesRead, hiddenRead, syncs };
  }

  const hiddenRows = hiddenRead ? hiddenMode([used.rowHidden, selection?.rowHidden]) : 'none';
  const hiddenColumns = hiddenRead ? hiddenMode([used.columnHidden, selection?.columnHidden]) : 'none';
  const cols = rect.right - rect.left + 1;
  const rowsPerChunk = Math.max(
    1,
    Math.min(maxRowsPerChunk, Math.floor(maxRequestBytes / (cols * bytesPerCell))),
  );
  const mergeBlockRows = Math.max(1, Math.floor(MERGE_BLOCK_CELLS / cols));

  const rowUnit = (top: number, bottom: number): RowUnit => {
    const rows = bottom - top + 1;
    const bytes =
      rows * cols * bytesPerCell +
      (hiddenRows === 'probe' ? rows * BYTES_PER_PROBE : 0) +
      (mergesRead ? Math.ceil(rows / mergeBlockRows) * BYTES_PER_MERGE_BLOCK : 0);
    return { kind: 'rows', top, bottom, bytes };
  };
  const units: Unit[] = [];
  if (hiddenColumns === 'probe') units.push({ kind: 'columns', bytes: cols * BYTES_PER_PROBE });
  for (let top = rect.top; top <= rect.bottom; top += rowsPerChunk) {
    units.push(rowUnit(top, Math.min(rect.bottom, top + rowsPerChunk - 1)));
  }

  const queue = (unit: Unit): (() => UnitResult) => {
    if (unit.kind === 'columns') {
      const firstRow = worksheet.getRange(rangeAddress({ ...rect, bottom: rect.top }));
      const probes = Array.from({ length: cols }, (_, j) => {
        const column = firstRow.getColumn(j);
        column.load('columnHidden');
        return column;
      });
      return () => ({
        kind: 'columns',
        hidden: probes.flatMap((p, j) => (p.columnHidden === true ? [rect.left + j] : [])),
      });
    }
    const block: CellRange = { top: unit.top, left: rect.left, bottom: unit.bottom, right: rect.right };
    const range = worksheet.getRange(rangeAddress(block));
    range.load('values,valueTypes,formulas,numberFormat');
    const rows = unit.bottom - unit.top + 1;
    const rowProbes: Range[] = [];
    if (hiddenRows === 'probe') {
      for (let i = 0; i < rows; i++) {
        const row = range.getRow(i);
        row.load('rowHidden');
        rowProbes.push(row);
      }
    }
    const mergeProbes = mergesRead ? queueMerges(worksheet, block, mergeBlockRows) : [];
    return () => ({
      kind: 'rows',
      top: unit.top,
      cells: cellsOf(range, rows, cols),
      hidden: rowProbes.flatMap((p, i) => (p.rowHidden === true ? [unit.top + i] : [])),
      merges: mergeProbes.flatMap((m) => (m.isNullObject ? [] : parseAreasAddress(m.address))),
    });
  };

  const run = async (request: readonly Unit[]): Promise<UnitResult[]> => {
    const pending = request.map(queue);
    try {
      syncs++;
      await context.sync();
    } catch (err) {
      if (!isPayloadTooLarge(err)) throw err;
      const halves = split(request, rowUnit);
      if (!halves) throw err;
      return [...(await run(halves[0])), ...(await run(halves[1]))];
    }
    return pending.map((read) => read());
  };

  const results: UnitResult[] = [];
  for (const request of packRequests(units, requestBudget(env.platform, maxRequestBytes))) {
    // Sequential on purpose: each request is one batch, sized to fit the platform's limit.
    results.push(...(await run(request)));
  }

  const rows: (Cell | null)[][] = Array.from({ length: rect.bottom - rect.top + 1 }, () => []);
  const merges = new Map<string, CellRange>();
  const hidden = { rows: [] as number[], columns: [] as number[] };
  for (const result of results) {
    if (result.kind === 'columns') {
      hidden.columns.push(...result.hidden);
      continue;
    }
    result.cells.forEach((row, i) => (rows[result.top - rect.top + i] = row));
    hidden.rows.push(...result.hidden);
    for (const m of result.merges) merges.set(rangeAddress(m), m);
  }
  if (hiddenRows === 'all') for (let r = rect.top; r <= rect.bottom; r++) hidden.rows.push(r);
  if (hiddenColumns === 'all') for (let c = rect.left; c <= rect.right; c++) hidden.columns.push(c);

  const sheet = makeSheet(name, rows, {
    merges: [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left),
    hiddenRows: [...new Set(hidden.rows)].sort((a, b) => a - b),
    hiddenColumns: [...new Set(hidden.columns)].sort((a, b) => a - b),
    origin: { row: rect.top, col: rect.left },
  });
  // getUsedRange (before 1.4) answers A1 for an empty sheet: nothing was there to read.
  const empty =
    !nullObjects && rows.every((row) => row.every((c) => !c || (c.value.kind === 'empty' && !c.formula)));
  if (empty) return { sheet: makeSheet(name, []), range: null, mergesRead, hiddenRead, syncs };
  return { sheet, range: rangeAddress(rect), mergesRead, hiddenRead, syncs };
}

function queueMerges(worksheet: Worksheet, block: CellRange, blockRows: number): RangeAreas[] {
  const probes: RangeAreas[] = [];
  for (let top = block.top; top <= block.bottom; top += blockRows) {
    const part = { ...block, top, bottom: Math.min(block.bottom, top + blockRows - 1) };
    const areas = worksheet.getRange(rangeAddress(part)).getMergedAreasOrNullObject();
    areas.load('address');
    probes.push(areas);
  }
  return probes;
}

function cellsOf(range: Range, rows: number, cols: number): (Cell | null)[][] {
  const { values, valueTypes, formulas, numberFormat } = range;
  const out: (Cell | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: (Cell | null)[] = [];
    for (let c = 0; c < cols; c++) {
      row.push(toCell(values[r]?.[c], valueTypes[r]?.[c], formulas[r]?.[c], numberFormat[r]?.[c]));
    }
    // Trailing empty cells carry nothing: a missing cell is empty in the grid model.
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    out.push(row);
  }
  return out;
}

/** Splits a request that came back too large: by units, else the single block of rows in two. */
function split(
  request: readonly Unit[],
  rowUnit: (top: number, bottom: number) => RowUnit,
): [Unit[], Unit[]] | null {
  if (request.length > 1) {
    const mid = Math.ceil(request.length / 2);
    return [request.slice(0, mid), request.slice(mid)];
  }
  const only = request[0];
  if (!only || only.kind !== 'rows' || only.bottom === only.top) return null;
  const mid = only.top + Math.floor((only.bottom - only.top) / 2);
  return [[rowUnit(only.top, mid)], [rowUnit(mid + 1, only.bottom)]];
}

function rectOf(range: Range): CellRange {
  return {
    top: range.rowIndex,
    left: range.columnIndex,
    bottom: range.rowIndex + Math.max(1, range.rowCount) - 1,
    right: range.columnIndex + Math.max(1, range.columnCount) - 1,
  };
}

function intersect(a: CellRange, b: CellRange): CellRange | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/** rowHidden/columnHidden of a whole range: false = none hidden, true = all, null = some. */
function hiddenMode(flags: readonly (boolean | null | undefined)[]): HiddenMode {
  const known = flags.filter((f) => f !== undefined);
  if (known.some((f) => f === false)) return 'none';
  if (known.length > 0 && known.every((f) => f === true)) return 'all';
  return 'probe';
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
