/**
 * The state of the in-memory Excel (memory-excel.ts): sheets of cells with values, formulas,
 * formats and fills, hidden rows and columns, merges; and sheets built from a test's plain spec.
 */
import { parseRangeAddress } from '../../engine/address';
import type { CellRange, CellValue } from '../../engine/grid';

/** A cell's fill as Excel reports it (pattern "None" = no fill). */
export interface MemoryFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: Readonly<MemoryFill> = Object.freeze({
  color: '#FFFFFF',
  pattern: 'None',
  patternColor: '#000000',
  tintAndShade: 0,
  patternTintAndShade: 0,
});

export interface MemoryCell {
  /** '' for empty; numbers, booleans, text; error literals ("#DIV/0!") as text with `error`. */
  value: string | number | boolean;
  error?: boolean;
  /** Office's valueType when it is not the one the value implies (a test's override). */
  type?: string;
  formula?: string;
  numberFormat?: string;
  fill?: MemoryFill;
  bold?: boolean;
  /** Set when the add-in wrote the cell (the preview marks those). */
  written?: boolean;
}

export class MemorySheet {
  readonly cells = new Map<string, MemoryCell>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  merges: CellRange[] = [];
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  /** Format changes the workbook does not model (bold, widths, wrapping), in order. */
  readonly formatLog: { address: string; property: string; value: unknown }[] = [];
  constructor(
    public name: string,
    public readonly id: string,
  ) {}

  cell(row: number, col: number): MemoryCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  ensure(row: number, col: number): MemoryCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: '' };
      this.cells.set(key, c);
    }
    return c;
  }

  fill(row: number, col: number): MemoryFill {
    return this.cell(row, col)?.fill ?? NO_FILL;
  }

  /** Cells holding a value or formula (valuesOnly), or any stored cell; null when none. */
  usedRect(valuesOnly: boolean): CellRange | null {
    let rect: CellRange | null = null;
    for (const [key, c] of this.cells) {
      if (valuesOnly && c.value === '' && c.formula === undefined) continue;
      const [r, col] = key.split(',').map(Number) as [number, number];
      rect = rect
        ? {
            top: Math.min(rect.top, r),
            left: Math.min(rect.left, col),
            bottom: Math.max(rect.bottom, r),
            right: Math.max(rect.right, col),
          }
        : { top: r, left: col, bottom: r, right: col };
    }
    return rect;
  }
}

/** A sheet given by plain values, for tests (rows[0][0] at `origin`, default A1). */
export interface SheetSpec {
  name: string;
  id?: string;
  /** null / '' is an empty cell; an error literal ("#DIV/0!") is an error. */
  rows?: unknown[][];
  origin?: { row: number; col: number };
  /** address → formula ("=SUM(B2:B4)"); the cell's value stays what `rows` says. */
  formulas?: Record<string, string>;
  /** address → number format. */
  formats?: Record<string, string>;
  /** address → valueType override. */
  types?: Record<string, string>;
  /** 0-based sheet rows / columns. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** A1 ranges. */
  merges?: string[];
  /** address → fill. */
  fills?: Record<string, Partial<MemoryFill>>;
}

export interface MemoryExcelSpec {
  sheets: SheetSpec[];
  /** Name of the active sheet (default the first). */
  active?: string;
  /** Selected range on the active sheet (default A1). */
  selection?: string;
  settings?: Record<string, string>;
  enableEvents?: boolean;
  /** Refuse a request whose response is larger than this many bytes. */
  payloadLimit?: number;
  /** The n-th sync (1-based) fails with a GeneralException. */
  failOnSync?: number;
  /**
   * The ExcelApi version this Excel has, e.g. "1.1" for volume-licensed Excel 2016 (default: every
   * version). A newer call or property fails the sync with ApiNotFound, as there.
   */
  excelApi?: string;
}

/** What a sync changed, for listeners. */
export interface SyncEvent {
  /** Cells whose value or formula changed, as "sheet!A1". */
  written: string[];
  /** Something else changed (fills, sheets, selection, settings). */
  changed: boolean;
}

export interface WriteRecord {
  /** The sync (1-based) that sent this write. */
  sync: number;
  sheet: string;
  address: string;
  /** "values", "formulas", "format.fill.color", "format.font.bold", "format.fill.clear()", "enableEvents" … */
  property: string;
  value: unknown;
  /** Whether events were on / calculation suspended when the write was queued. */
  eventsEnabled: boolean;
  calculationSuspended: boolean;
}

export interface SyncRecord {
  sync: number;
  /** Bytes of the response: JSON of every property loaded in this batch. */
  responseBytes: number;
  /** Number of proxy objects whose properties were loaded in this batch. */
  loads: number;
  failed: boolean;
}

export const ERROR_LITERAL = /^#(DIV\/0!|REF!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;

export function valueType(c: MemoryCell | undefined): string {
  if (!c) return 'Empty';
  if (c.type) return c.type;
  if (c.value === '') return 'Empty';
  if (c.error) return 'Error';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function gridValue(v: CellValue): Pick<MemoryCell, 'value' | 'error'> {
  if (v.kind === 'empty') return { value: '' };
  return v.kind === 'error' ? { value: v.value, error: true } : { value: v.value };
}

/** A sheet from a test's spec. */
export function sheetFromSpec(s: SheetSpec, id: string): MemorySheet {
  const state = new MemorySheet(s.name, s.id ?? id);
  const origin = s.origin ?? { row: 0, col: 0 };
  (s.rows ?? []).forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const cell = state.ensure(origin.row + r, origin.col + c);
      cell.value = typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      if (typeof v === 'string' && ERROR_LITERAL.test(v)) cell.error = true;
    }),
  );
  const at = (a: string): [number, number] => {
    const p = parseRangeAddress(a);
    if (!p) throw new Error(`memory-excel: bad address ${a}`);
    return [p.top, p.left];
  };
  for (const [a, f] of Object.entries(s.formulas ?? {})) state.ensure(...at(a)).formula = f;
  for (const [a, f] of Object.entries(s.formats ?? {})) state.ensure(...at(a)).numberFormat = f;
  for (const [a, t] of Object.entries(s.types ?? {})) state.ensure(...at(a)).type = t;
  for (const [a, f] of Object.entries(s.fills ?? {}))
    state.ensure(...at(a)).fill = { ...NO_FILL, pattern: 'Solid', ...f };
  for (const r of s.hiddenRows ?? []) state.hiddenRows.add(r);
  for (const c of s.hiddenColumns ?? []) state.hiddenColumns.add(c);
  state.merges = (s.merges ?? []).flatMap((m) => parseRangeAddress(m) ?? []);
  return state;
}

/** Values of a sheet (formula text where there is one), for assertions. */
export function valuesOf(sheet: MemorySheet, address: string): unknown[][] {
  const rect = parseRangeAddress(address);
  if (!rect) throw new Error(`memory-excel: bad address ${address}`);
  return Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
    Array.from({ length: rect.right - rect.left + 1 }, (_, c) => {
      const cell = sheet.cell(rect.top + r, rect.left + c);
      return cell?.formula ?? (cell ? cell.value : '');
    }),
  );
}
