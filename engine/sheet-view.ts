/**
 * Read access to a Sheet in sheet coordinates, with merged areas resolved: a cell inside a
 * merge reads as the merge's top-left value. Built once per sheet; lookups are O(log m) per
 * column so very tall merges (a level-1 label over 100k rows) cost nothing extra.
 */
import type { Cell, CellRange, CellValue, Sheet } from './grid';
import { EMPTY } from './grid';

/** Whether merges are in order of their top row. */
function byTop(list: readonly CellRange[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.top > list[i]!.top) return false;
  return true;
}

export class SheetView {
  readonly name: string;
  /** One past the last used row / column, in sheet coordinates. */
  readonly rowCount: number;
  readonly colCount: number;
  private readonly sheet: Sheet;
  private readonly hiddenRowSet: Set<number>;
  private readonly hiddenColSet: Set<number>;
  /** Per column: merges covering it, sorted by top. Merges never overlap in a valid sheet. */
  private readonly mergesByCol = new Map<number, CellRange[]>();

  constructor(sheet: Sheet) {
    this.sheet = sheet;
    this.name = sheet.name;
    let cols = 0;
    for (const row of sheet.rows) if (row && row.length > cols) cols = row.length;
    const rowCount = sheet.origin.row + sheet.rows.length;
    const colCount = sheet.origin.col + cols;
    for (const m of sheet.merges) {
      // A merge only matters where there is a value to spread; clamp to the used area so a
      // hostile merge over a million rows does not allocate anything.
      if (m.top >= rowCount || m.left >= colCount) continue;
      const right = Math.min(m.right, colCount - 1);
      const clamped = { top: m.top, left: m.left, bottom: Math.min(m.bottom, rowCount - 1), right };
      for (let c = clamped.left; c <= right; c++) {
        let list = this.mergesByCol.get(c);
        if (!list) this.mergesByCol.set(c, (list = []));
        list.push(clamped);
      }
    }
    // Writers list merges top to bottom, so most lists are in order already: sorting them anyway
    // (V8 copies the array to sort it) was a twentieth of a review's allocation.
    for (const list of this.mergesByCol.values()) if (!byTop(list)) list.sort((a, b) => a.top - b.top);
    this.hiddenRowSet = new Set(sheet.hiddenRows);
    this.hiddenColSet = new Set(sheet.hiddenColumns);
    this.rowCount = rowCount;
    this.colCount = colCount;
  }

  /** The stored cell at (row, col) without merge resolution. */
  raw(row: number, col: number): Cell | undefined {
    const r = this.sheet.rows[row - this.sheet.origin.row];
    if (!r) return undefined;
    return r[col - this.sheet.origin.col] ?? undefined;
  }

  /** The merge containing (row, col), if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    const list = this.mergesByCol.get(col);
    if (!list || list.length === 0) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found: CellRange | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid]!;
      if (m.top <= row) {
        found = m;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && found.bottom >= row ? found : undefined;
  }

  /** Top-left cell of the merge containing (row, col), or (row, col) itself. */
  master(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** True when (row, col) lies in a merge but is not its top-left cell. */
  isMergeSlave(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  /** The value shown at (row, col): a merged cell shows its top-left value. */
  value(row: number, col: number): CellValue {
    return this.cell(row, col)?.value ?? EMPTY;
  }

  /** The cell shown at (row, col) (merge resolved). */
  cell(row: number, col: number): Cell | undefined {
    // Called for every cell the engine reads: no intermediate {row, col} object.
    const m = this.mergeAt(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** Text of the shown value: text as is, numbers and booleans as strings, empty/error → "". */
  text(row: number, col: number): string {
    const v = this.value(row, col);
    switch (v.kind) {
      case 'text':
        return v.value;
      case 'number':
        return String(v.value);
      case 'boolean':
        return v.value ? 'TRUE' : 'FALSE';
      default:
        return '';
    }
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v.kind === 'empty' || (v.kind === 'text' && v.value.trim() === '');
  }

  isRowHidden(row: number): boolean {
    return this.hiddenRowSet.has(row);
  }

  isColumnHidden(col: number): boolean {
    return this.hiddenColSet.has(col);
  }

  get hiddenRows(): ReadonlySet<number> {
    return this.hiddenRowSet;
  }

  get hiddenColumnCount(): number {
    return this.hiddenColSet.size;
  }

  /** Stored (non-slave) cells of a row that hold something, left to right. */
  *filledCells(row: number): Generator<{ col: number; value: CellValue }> {
    yield* this.filledCellsIn(row);
  }

  /**
   * The same cells as `filledCells`, as an array, optionally only columns left..right. Recognition
   * reads every row several times; an array costs less than a generator.
   */
  filledCellsIn(row: number, left = 0, right = Infinity): { col: number; value: CellValue }[] {
    const out: { col: number; value: CellValue }[] = [];
    const r = this.sheet.rows[row - this.sheet.origin.row];
    if (!r) return out;
    const oc = this.sheet.origin.col;
    const from = Math.max(0, left - oc);
    const to = Math.min(r.length - 1, right - oc);
    for (let i = from; i <= to; i++) {
      const cell = r[i];
      if (!cell) continue;
      const v = cell.value;
      if (v.kind === 'empty' || (v.kind === 'text' && v.value.trim() === '')) continue;
      const col = i + oc;
      // Some writers copy the master's value into merged cells; only the master counts.
      if (this.isMergeSlave(row, col)) continue;
      out.push({ col, value: v });
    }
    return out;
  }
}
