/**
 * An Excel workbook in memory that speaks the adapter's slice of Office.js (`addin/excel/types.ts`),
 * so the preview page runs the very adapter code the add-in runs in Excel: reads, guarded writes,
 * highlights, the report sheet, workbook settings. Loaded from an .xlsx file with the shared reader (xlsx/).
 *
 * As in Office.js, writes are queued on proxy objects and land at `context.sync()`; properties
 * read the current state. Listeners hear about every sync that changed something, so the preview's
 * sheet view can redraw.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- the proxies are object literals with getters
   and setters, which cannot be arrow functions; `self` is the workbook they read and queue on. */
import { cellAddress, parseRangeAddress, rangeAddress } from '../../engine/address';
import type { CellRange, CellValue, Workbook as GridWorkbook } from '../../engine/grid';
import type { AdapterEnv } from '../../addin/excel/requirements';
import type {
  ExcelContext,
  Range,
  RangeAreas,
  RangeFill,
  RangeFormat,
  Setting,
  Worksheet,
  WorksheetCollection,
} from '../../addin/excel/types';

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
  /** '' for empty; numbers, booleans, text; error literals ("#DIV/0!") as text with kind error. */
  value: string | number | boolean;
  error?: boolean;
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

/** What a sync changed, for listeners. */
export interface SyncEvent {
  /** Cells whose value or formula changed, as "sheet!A1". */
  written: string[];
  /** Something else changed (fills, sheets, selection, settings). */
  changed: boolean;
}

type Op = { apply: () => void; writes?: string[] };

function valueOf(v: CellValue): Pick<MemoryCell, 'value' | 'error'> {
  switch (v.kind) {
    case 'number':
    case 'boolean':
      return { value: v.value };
    case 'text':
      return { value: v.value };
    case 'error':
      return { value: v.value, error: true };
    default:
      return { value: '' };
  }
}

function valueType(c: MemoryCell | undefined): string {
  if (!c || c.value === '') return 'Empty';
  if (c.error) return 'Error';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const ERROR_LITERAL = /^#(DIV\/0!|REF!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;

/** The preview's environment: a current Excel on the desktop (every optional API present). */
export const MEMORY_ENV: AdapterEnv = { platform: 'desktop', isSetSupported: () => true };

export class MemoryExcel {
  readonly sheets: MemorySheet[] = [];
  readonly settings = new Map<string, string>();
  active: MemorySheet;
  selection: CellRange = { top: 0, left: 0, bottom: 0, right: 0 };
  enableEvents = true;
  syncs = 0;
  private ops: Op[] = [];
  private readonly listeners = new Set<(e: SyncEvent) => void>();
  private nextId = 1;
  readonly context: ExcelContext;

  constructor(sheetNames: readonly string[] = ['Sheet1']) {
    for (const n of sheetNames) this.sheets.push(new MemorySheet(n, `{sheet-${this.nextId++}}`));
    if (this.sheets.length === 0) this.sheets.push(new MemorySheet('Sheet1', `{sheet-${this.nextId++}}`));
    this.active = this.sheets[0] as MemorySheet;
    this.context = this.buildContext();
  }

  /**
   * A workbook from the engine's grid (as read from .xlsx by `xlsx/load.ts`), with cell fills
   * where the file had them (address "sheet!A1" → colour), so highlights can be put back.
   */
  static fromGrid(workbook: GridWorkbook, fills: ReadonlyMap<string, string> = new Map()): MemoryExcel {
    const x = new MemoryExcel(workbook.sheets.map((s) => s.name));
    workbook.sheets.forEach((s, i) => {
      const sheet = x.sheets[i] as MemorySheet;
      s.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell) return;
          const target = sheet.ensure(s.origin.row + r, s.origin.col + c);
          Object.assign(target, valueOf(cell.value));
          if (cell.formula) target.formula = cell.formula;
          if (cell.numberFormat) target.numberFormat = cell.numberFormat;
        }),
      );
      for (const r of s.hiddenRows) sheet.hiddenRows.add(r);
      for (const c of s.hiddenColumns) sheet.hiddenColumns.add(c);
      sheet.merges = s.merges.map((m) => ({ ...m }));
    });
    for (const [key, color] of fills) {
      const bang = key.lastIndexOf('!');
      const sheet = x.sheets.find((s) => s.name === key.slice(0, bang));
      const at = parseRangeAddress(key.slice(bang + 1));
      if (!sheet || !at) continue;
      sheet.ensure(at.top, at.left).fill = { ...NO_FILL, color: color.toUpperCase(), pattern: 'Solid' };
    }
    return x;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Makes a sheet the active one (the preview's sheet tabs), as clicking its tab in Excel. */
  activate(name: string): void {
    const s = this.sheet(name);
    if (s) {
      this.active = s;
      this.selection = { top: 0, left: 0, bottom: 0, right: 0 };
      this.emit({ written: [], changed: true });
    }
  }

  /** Selects a range on the active sheet (the preview's click on a cell). */
  select(range: CellRange): void {
    this.selection = range;
    this.emit({ written: [], changed: true });
  }

  onSync(listener: (e: SyncEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: SyncEvent): void {
    for (const l of this.listeners) l(e);
  }

  // ── proxies ────────────────────────────────────────────────────────────────────────────

  private queue(apply: () => void, writes?: string[]): void {
    this.ops.push({ apply, writes });
  }

  private eachCell(sheet: MemorySheet, rect: CellRange, f: (c: MemoryCell, r: number, col: number) => void) {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) f(sheet.ensure(r, c), r, c);
  }

  private fillProxy(sheet: MemorySheet, rect: CellRange): RangeFill {
    const top = (): MemoryFill => sheet.cell(rect.top, rect.left)?.fill ?? NO_FILL;
    const setFill = (patch: Partial<MemoryFill>) =>
      this.queue(() =>
        this.eachCell(sheet, rect, (c) => {
          c.fill = { ...(c.fill ?? NO_FILL), ...patch };
        }),
      );
    return {
      load: () => undefined,
      get color() {
        return top().color;
      },
      set color(v: string) {
        setFill({ color: v.toUpperCase(), pattern: 'Solid' });
      },
      get pattern() {
        return top().pattern;
      },
      set pattern(v: string) {
        setFill({ pattern: v });
      },
      get patternColor() {
        return top().patternColor;
      },
      set patternColor(v: string) {
        setFill({ patternColor: v });
      },
      get tintAndShade() {
        return top().tintAndShade;
      },
      set tintAndShade(v: number) {
        setFill({ tintAndShade: v });
      },
      get patternTintAndShade() {
        return top().patternTintAndShade;
      },
      set patternTintAndShade(v: number) {
        setFill({ patternTintAndShade: v });
      },
      clear: () =>
        this.queue(() =>
          this.eachCell(sheet, rect, (c) => {
            delete c.fill;
          }),
        ),
    };
  }

  private formatProxy(sheet: MemorySheet, rect: CellRange): RangeFormat {
    const queue = this.queue.bind(this);
    const fill = this.fillProxy(sheet, rect);
    const each = this.eachCell.bind(this);
    return {
      fill,
      font: {
        get bold() {
          return sheet.cell(rect.top, rect.left)?.bold ?? false;
        },
        set bold(v: boolean) {
          queue(() => each(sheet, rect, (c) => (c.bold = v)));
        },
      },
      get columnWidth() {
        return sheet.columnWidths.get(rect.left) ?? 48;
      },
      set columnWidth(v: number) {
        queue(() => {
          for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v);
        });
      },
      wrapText: false,
      autofitColumns: () => undefined,
    };
  }

  private range(sheet: MemorySheet, rect: CellRange, isNullObject = false): Range {
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const grid = <T>(f: (c: MemoryCell | undefined) => T): T[][] =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => f(sheet.cell(rect.top + r, rect.left + c))),
      );
    const hidden = (set: Set<number>, from: number, to: number): boolean => {
      let n = 0;
      for (let i = from; i <= to; i++) if (set.has(i)) n++;
      // Office.js reports null for a mixed range; the adapter's types say boolean and treat
      // anything but true/false as "probe each", which a cast keeps here.
      return (n === 0 ? false : n === to - from + 1 ? true : null) as boolean;
    };
    const write = (property: 'values' | 'formulas', m: unknown[][]) => {
      const addresses: string[] = [];
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const v = m[r]?.[c];
          if (v !== null && v !== undefined)
            addresses.push(`${sheet.name}!${cellAddress(rect.top + r, rect.left + c)}`);
        }
      this.queue(
        () =>
          this.eachCell(sheet, rect, (cell, r, c) => {
            const v = m[r - rect.top]?.[c - rect.left];
            if (v === null || v === undefined) return; // null leaves the cell alone, as in Office.js
            delete cell.formula;
            delete cell.error;
            cell.written = true;
            if (typeof v === 'string' && v.startsWith("'")) cell.value = v.slice(1);
            else if (
              typeof v === 'string' &&
              v.startsWith('=') &&
              (property === 'formulas' || v.length > 1)
            ) {
              // No calculation engine here: the formula is kept and shows until Excel computes it.
              cell.formula = v;
              cell.value = '';
            } else if (typeof v === 'string' && ERROR_LITERAL.test(v)) {
              cell.value = v;
              cell.error = true;
            } else cell.value = v as string | number | boolean;
          }),
        addresses,
      );
    };
    const self = this;
    const proxy: Range = {
      load: () => undefined,
      address: `${quoteSheet(sheet.name)}!${rangeAddress(rect)}`,
      rowIndex: rect.top,
      columnIndex: rect.left,
      rowCount: rows,
      columnCount: cols,
      get values() {
        return grid((c) => (c ? c.value : ''));
      },
      set values(m: unknown[][]) {
        write('values', m);
      },
      get valueTypes() {
        return grid((c) => valueType(c));
      },
      get formulas() {
        return grid((c) => c?.formula ?? (c ? c.value : ''));
      },
      set formulas(m: unknown[][]) {
        write('formulas', m);
      },
      get numberFormat() {
        return grid((c) => c?.numberFormat ?? 'General');
      },
      set numberFormat(_m: unknown[][]) {
        // The adapter never sets number formats.
      },
      get rowHidden() {
        return hidden(sheet.hiddenRows, rect.top, rect.bottom);
      },
      get columnHidden() {
        return hidden(sheet.hiddenColumns, rect.left, rect.right);
      },
      isNullObject,
      format: this.formatProxy(sheet, rect),
      getRow: (i: number) => self.range(sheet, { ...rect, top: rect.top + i, bottom: rect.top + i }),
      getColumn: (j: number) => self.range(sheet, { ...rect, left: rect.left + j, right: rect.left + j }),
      getMergedAreasOrNullObject: (): RangeAreas => {
        const inside = sheet.merges.filter(
          (m) => m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left,
        );
        return {
          load: () => undefined,
          address: inside.map((m) => `${quoteSheet(sheet.name)}!${rangeAddress(m)}`).join(', '),
          isNullObject: inside.length === 0,
        };
      },
      select: () =>
        self.queue(() => {
          self.active = sheet;
          self.selection = rect;
        }),
    };
    return proxy;
  }

  private worksheet(sheet: MemorySheet | null): Worksheet {
    const state = sheet ?? new MemorySheet('', '');
    const self = this;
    return {
      load: () => undefined,
      get name() {
        return state.name;
      },
      id: state.id,
      isNullObject: sheet === null,
      getRange: (address?: string) => {
        const rect = parseRangeAddress((address ?? '').replace(/\$/g, ''));
        if (!rect) throw new Error(`无效的区域地址 "${address}" (invalid address)`);
        return self.range(state, rect);
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        const rect = state.usedRect(valuesOnly ?? false);
        return self.range(state, rect ?? { top: 0, left: 0, bottom: 0, right: 0 }, rect === null);
      },
      activate: () => self.queue(() => (self.active = state)),
      freezePanes: { freezeRows: (n?: number) => self.queue(() => (state.frozenRows = n ?? 1)) },
    };
  }

  private buildContext(): ExcelContext {
    const self = this;
    const worksheets: WorksheetCollection = {
      load: () => undefined,
      get items() {
        return self.sheets.map((s) => self.worksheet(s));
      },
      getActiveWorksheet: () => self.worksheet(self.active),
      getItem: (key: string) => {
        const s = self.sheets.find((x) => x.name === key || x.id === key);
        if (!s)
          throw Object.assign(new Error(`找不到工作表 ${key} (ItemNotFound)`), { code: 'ItemNotFound' });
        return self.worksheet(s);
      },
      getItemOrNullObject: (key: string) =>
        self.worksheet(self.sheets.find((x) => x.name === key || x.id === key) ?? null),
      add: (name?: string) => {
        const n = name ?? `Sheet${self.sheets.length + 1}`;
        if (self.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase()))
          throw Object.assign(new Error(`工作表 ${n} 已存在 (ItemAlreadyExists)`), {
            code: 'ItemAlreadyExists',
          });
        const s = new MemorySheet(n, `{sheet-${self.nextId++}}`);
        self.sheets.push(s);
        return self.worksheet(s);
      },
    };
    const settings = {
      getItemOrNullObject: (key: string): Setting => ({
        load: () => undefined,
        get value() {
          return self.settings.get(key) ?? null;
        },
        isNullObject: !self.settings.has(key),
        delete: () => self.queue(() => self.settings.delete(key)),
      }),
      add: (key: string, value: string): Setting => {
        self.queue(() => self.settings.set(key, value));
        return settings.getItemOrNullObject(key);
      },
    };
    const runtime = {
      load: () => undefined,
      get enableEvents() {
        return self.enableEvents;
      },
      set enableEvents(v: boolean) {
        self.queue(() => (self.enableEvents = v));
      },
    };
    return {
      workbook: {
        worksheets,
        settings,
        application: { suspendApiCalculationUntilNextSync: () => undefined },
        getSelectedRange: () => self.range(self.active, self.selection),
      },
      runtime,
      sync: async () => {
        self.syncs++;
        const ops = self.ops;
        self.ops = [];
        const written: string[] = [];
        for (const op of ops) {
          op.apply();
          if (op.writes) written.push(...op.writes);
        }
        if (ops.length > 0) self.emit({ written, changed: true });
      },
    };
  }
}
