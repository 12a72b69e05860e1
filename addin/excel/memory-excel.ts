/**
 * An Excel workbook in memory that speaks the adapter's slice of Office.js (`types.ts`). The
 * preview and web pages run the very adapter code the add-in runs in Excel on it, and the adapter
 * tests and the bench check that code against it.
 *
 * It behaves as Office.js does where the adapter could get it wrong: writes are queued on proxy
 * objects and land at `context.sync()` (the queue and the sync: memory-batch.ts); a property can be read only once it was `load`ed and a
 * sync has passed (else PropertyNotLoaded), and it then holds what the workbook held at that sync;
 * a missing sheet or a duplicate name fails the sync (ItemNotFound, ItemAlreadyExists). For tests
 * it records every write with the sync it went out in and whether events were on and calculation
 * suspended, the size of every response, and can fail a given sync or refuse a response above a
 * size limit as Excel on the web does. Listeners hear about every sync that changed something.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- the proxies are object literals with getters
   and setters, which cannot be arrow functions; `self` is the workbook they read and queue on. */
import { parseRangeAddress, rangeAddress } from '../../engine/address';
import type { CellRange, Workbook as GridWorkbook } from '../../engine/grid';
import type { AdapterEnv } from './requirements';
import type { ExcelContext, Range, RangeAreas, RangeFill, Setting, Worksheet } from './types';
import {
  NO_FILL,
  MemorySheet,
  gridValue,
  quoteSheet,
  sheetFromSpec,
  valueType,
  type MemoryCell,
  type MemoryFill,
  type MemoryExcelSpec,
} from './memory-sheet';
import { Loads, officeError } from './memory-loads';
import { MemoryBatch } from './memory-batch';

export {
  NO_FILL,
  MemorySheet,
  valuesOf,
  type MemoryCell,
  type MemoryFill,
  type SheetSpec,
  type MemoryExcelSpec,
  type SyncEvent,
  type SyncRecord,
  type WriteRecord,
} from './memory-sheet';

/** The preview's environment: a current Excel on the desktop (every optional API present). */
export const MEMORY_ENV: AdapterEnv = { platform: 'desktop', isSetSupported: () => true };

export class MemoryExcel extends MemoryBatch {
  readonly sheets: MemorySheet[] = [];
  readonly settings = new Map<string, string>();
  activeSheet: MemorySheet;
  selection: CellRange;
  /** Every range proxy created, in order. */
  readonly rangesCreated: { sheet: string; address: string }[] = [];
  readonly context: ExcelContext;

  private nextId = 1;

  constructor(spec: MemoryExcelSpec = { sheets: [{ name: 'Sheet1' }] }) {
    super(spec);
    for (const s of spec.sheets) this.sheets.push(sheetFromSpec(s, `{sheet-${this.nextId++}}`));
    if (this.sheets.length === 0) this.sheets.push(new MemorySheet('Sheet1', `{sheet-${this.nextId++}}`));
    this.activeSheet = this.sheets.find((s) => s.name === spec.active) ?? (this.sheets[0] as MemorySheet);
    this.selection = parseRangeAddress(spec.selection ?? 'A1') ?? { top: 0, left: 0, bottom: 0, right: 0 };
    for (const [k, v] of Object.entries(spec.settings ?? {})) this.settings.set(k, v);
    this.context = this.buildContext();
  }

  /**
   * A workbook from the engine's grid (as read from .xlsx by `xlsx/load.ts`), with cell fills
   * where the file had them (address "sheet!A1" → colour), so highlights can be put back.
   */
  static fromGrid(
    workbook: GridWorkbook,
    fills: ReadonlyMap<string, string> = new Map(),
    options: Pick<MemoryExcelSpec, 'excelApi'> = {},
  ): MemoryExcel {
    const x = new MemoryExcel({ sheets: workbook.sheets.map((s) => ({ name: s.name })), ...options });
    workbook.sheets.forEach((s, i) => {
      const sheet = x.sheets[i] as MemorySheet;
      s.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell) return;
          const target = sheet.ensure(s.origin.row + r, s.origin.col + c);
          Object.assign(target, gridValue(cell.value));
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

  /**
   * The environment this Excel reports to the adapter: the requirement sets it has, and the Common
   * API's document settings (the same saved values as `settings`; changes land at saveAsync).
   */
  get env(): AdapterEnv {
    const self = this;
    let working: Map<string, string> | null = null;
    const copy = () => (working ??= new Map(self.settings));
    return {
      platform: 'desktop',
      isSetSupported: (name, v) => name === 'ExcelApi' && self.hasExcelApi(v),
      documentSettings: {
        get: (key) => copy().get(key) ?? null,
        set: (key, value) => void copy().set(key, typeof value === 'string' ? value : JSON.stringify(value)),
        remove: (key) => void copy().delete(key),
        saveAsync: (callback) => {
          const next = copy();
          self.settings.clear();
          for (const [k, v] of next) self.settings.set(k, v);
          working = null;
          self.emit({ written: [], changed: true });
          callback?.({ status: 'succeeded' });
        },
      },
    };
  }

  /** The sheet of that name; throws when there is none (a test's typo should not pass). */
  sheet(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`memory-excel: no sheet ${name}`);
    return s;
  }

  /** The cell selected last (by the adapter or a click), as sheet and address. */
  get selectedCell(): { sheet: string; address: string } {
    return { sheet: this.activeSheet.name, address: rangeAddress(this.selection) };
  }

  /** Makes a sheet the active one (the preview's sheet tabs), as clicking its tab in Excel. */
  activate(name: string): void {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) return;
    this.activeSheet = s;
    this.selection = { top: 0, left: 0, bottom: 0, right: 0 };
    this.emit({ written: [], changed: true });
  }

  /** Selects a range on the active sheet (the preview's click on a cell). */
  select(range: CellRange): void {
    this.selection = range;
    this.emit({ written: [], changed: true });
  }

  // ── queued operations ──────────────────────────────────────────────────────────────────

  // ── proxies ────────────────────────────────────────────────────────────────────────────

  private fillProxy(sheet: MemorySheet, rect: CellRange): RangeFill {
    const top = (): MemoryFill => sheet.fill(rect.top, rect.left);
    const loads = new Loads(
      this,
      {
        color: () => top().color,
        pattern: () => top().pattern,
        patternColor: () => top().patternColor,
        tintAndShade: () => top().tintAndShade,
        patternTintAndShade: () => top().patternTintAndShade,
      },
      (n) => n !== 'color' && this.needs('1.9', `fill.${n}`),
    );
    const set = (key: keyof MemoryFill, value: string | number) => {
      if (key !== 'color') this.needs('1.9', `fill.${key}`);
      this.queue(sheet, rect, `format.fill.${key}`, value, () =>
        this.each(sheet, rect, (c) => {
          const patch =
            key === 'color' ? { color: String(value).toUpperCase(), pattern: 'Solid' } : { [key]: value };
          c.fill = { ...(c.fill ?? NO_FILL), ...patch };
        }),
      );
    };
    const setters = Object.fromEntries(
      (['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const).map((k) => [
        k,
        (v: string | number) => set(k, v),
      ]),
    );
    return loads.attach<RangeFill>(
      {
        clear: () =>
          this.queue(sheet, rect, 'format.fill.clear()', true, () =>
            this.each(sheet, rect, (c) => {
              delete c.fill;
            }),
          ),
      },
      setters,
    );
  }

  private range(sheet: MemorySheet, rect: CellRange, isNullObject = false): Range {
    this.rangesCreated.push({ sheet: sheet.name, address: rangeAddress(rect) });
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const grid = <T>(f: (c: MemoryCell | undefined) => T): T[][] =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => f(sheet.cell(rect.top + r, rect.left + c))),
      );
    const hidden = (set: Set<number>, from: number, to: number): boolean | null => {
      let n = 0;
      for (let i = from; i <= to; i++) if (set.has(i)) n++;
      return n === 0 ? false : n === to - from + 1 ? true : null; // null: mixed, as Office.js says
    };
    const loads = new Loads(
      this,
      {
        address: () => `${quoteSheet(sheet.name)}!${rangeAddress(rect)}`,
        rowIndex: () => rect.top,
        columnIndex: () => rect.left,
        rowCount: () => rows,
        columnCount: () => cols,
        values: () => grid((c) => (c ? c.value : '')),
        valueTypes: () => grid(valueType),
        formulas: () => grid((c) => c?.formula ?? (c ? c.value : '')),
        numberFormat: () => grid((c) => c?.numberFormat ?? 'General'),
        rowHidden: () => hidden(sheet.hiddenRows, rect.top, rect.bottom),
        columnHidden: () => hidden(sheet.hiddenColumns, rect.left, rect.right),
      },
      (n) => (n === 'rowHidden' || n === 'columnHidden') && this.needs('1.2', n),
    );
    const fill = this.fillProxy(sheet, rect);
    const log = (property: string, value: unknown, apply: () => void = () => undefined) =>
      this.queue(sheet, rect, property, value, () => {
        apply();
        sheet.formatLog.push({ address: rangeAddress(rect), property, value });
      });
    const each = this.each.bind(this);
    const self = this;
    const setters = {
      values: (m: unknown[][]) => self.writeCells(sheet, rect, 'values', m),
      formulas: (m: unknown[][]) => self.writeCells(sheet, rect, 'formulas', m),
      rowHidden: (v: boolean) =>
        self.queue(sheet, rect, 'rowHidden', v, () => {
          for (let r = rect.top; r <= rect.bottom; r++)
            if (v) sheet.hiddenRows.add(r);
            else sheet.hiddenRows.delete(r);
        }),
      columnHidden: (v: boolean) =>
        self.queue(sheet, rect, 'columnHidden', v, () => {
          for (let c = rect.left; c <= rect.right; c++)
            if (v) sheet.hiddenColumns.add(c);
            else sheet.hiddenColumns.delete(c);
        }),
      numberFormat: (m: unknown[][]) =>
        self.queue(sheet, rect, 'numberFormat', m, () =>
          each(sheet, rect, (c, r, col) => {
            const f = m[r - rect.top]?.[col - rect.left];
            if (typeof f !== 'string') return;
            if (f === 'General') delete c.numberFormat;
            else c.numberFormat = f;
          }),
        ),
    };
    return loads.attach<Range>(
      {
        isNullObject,
        format: {
          fill,
          font: {
            get bold() {
              return sheet.cell(rect.top, rect.left)?.bold ?? false;
            },
            set bold(v: boolean) {
              log('format.font.bold', v, () => each(sheet, rect, (c) => (c.bold = v)));
            },
          },
          get columnWidth() {
            return sheet.columnWidths.get(rect.left) ?? 48;
          },
          set columnWidth(v: number) {
            self.needs('1.2', 'format.columnWidth');
            log('format.columnWidth', v, () => {
              for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v);
            });
          },
          get wrapText() {
            return false;
          },
          set wrapText(v: boolean) {
            log('format.wrapText', v);
          },
          autofitColumns: () => {
            self.needs('1.2', 'format.autofitColumns');
            log('format.autofitColumns()', true);
          },
        },
        getRow: (i: number) => self.range(sheet, { ...rect, top: rect.top + i, bottom: rect.top + i }),
        getColumn: (j: number) => self.range(sheet, { ...rect, left: rect.left + j, right: rect.left + j }),
        getMergedAreasOrNullObject: (): RangeAreas => {
          self.needs('1.13', 'getMergedAreasOrNullObject');
          const inside = sheet.merges.filter(
            (m) =>
              m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left,
          );
          // Excel refuses to list very many merged areas in one go.
          if (inside.length > 512) self.failure ??= officeError('too many merged areas', 'GeneralException');
          const areas = new Loads(self, {
            address: () => inside.map((m) => `${quoteSheet(sheet.name)}!${rangeAddress(m)}`).join(', '),
          });
          return {
            load: (names: string) => areas.load(names),
            get address() {
              return areas.get<string>('address');
            },
            isNullObject: inside.length === 0,
          };
        },
        select: () =>
          self.queue(sheet, rect, 'select()', true, () => {
            self.activeSheet = sheet;
            self.selection = rect;
          }),
      },
      setters,
    );
  }

  private worksheet(sheet: MemorySheet | null): Worksheet & { loads: Loads } {
    const state = sheet ?? new MemorySheet('', '');
    const self = this;
    const loads = new Loads(this, { name: () => state.name, id: () => state.id });
    const whole = { top: 0, left: 0, bottom: 0, right: 0 };
    return {
      loads,
      load: (names: string) => loads.load(names),
      get name() {
        return loads.get<string>('name');
      },
      get id() {
        return loads.get<string>('id');
      },
      isNullObject: sheet === null,
      getRange: (address?: string) => {
        const rect = parseRangeAddress((address ?? '').replace(/\$/g, ''));
        if (!rect) throw officeError(`无效的区域地址 "${address}" (invalid address)`, 'InvalidArgument');
        return self.range(state, rect);
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        self.needs('1.4', 'getUsedRangeOrNullObject');
        const rect = state.usedRect(valuesOnly ?? false);
        return self.range(state, rect ?? whole, rect === null);
      },
      getUsedRange: (valuesOnly?: boolean) => {
        if (valuesOnly !== undefined) self.needs('1.2', 'getUsedRange(valuesOnly)');
        return self.range(state, state.usedRect(valuesOnly ?? false) ?? whole); // A1 when empty
      },
      activate: () => self.queue(state, whole, 'activate()', true, () => (self.activeSheet = state)),
      delete: () =>
        self.queue(state, whole, 'delete()', true, () => {
          const at = self.sheets.indexOf(state);
          if (at >= 0) self.sheets.splice(at, 1);
          if (self.activeSheet === state)
            self.activeSheet = self.sheets[Math.max(0, at - 1)] ?? self.activeSheet;
        }),
      freezePanes: {
        freezeRows: (n?: number) => {
          self.needs('1.7', 'freezePanes');
          self.queue(state, whole, 'freezeRows()', n ?? 1, () => (state.frozenRows = n ?? 1));
        },
      },
    };
  }

  private buildContext(): ExcelContext {
    const self = this;
    const find = (key: string) => this.sheets.find((x) => x.name === key || x.id === key) ?? null;
    const collection = new Loads(this, {
      items: () =>
        self.sheets.map((s) => {
          const ws = self.worksheet(s);
          ws.loads.set('name', s.name);
          ws.loads.set('id', s.id);
          return ws;
        }),
    });
    const worksheets = {
      load: (names: string) => collection.load(names),
      get items() {
        return collection.get<Worksheet[]>('items');
      },
      getActiveWorksheet: () => self.worksheet(self.activeSheet),
      getItem: (key: string) => {
        const s = find(key);
        if (!s) self.failure ??= officeError(`找不到工作表 ${key} (ItemNotFound)`, 'ItemNotFound');
        return self.worksheet(s);
      },
      getItemOrNullObject: (key: string) => {
        self.needs('1.4', 'worksheets.getItemOrNullObject');
        return self.worksheet(find(key));
      },
      add: (name?: string) => {
        const n = name ?? `Sheet${self.sheets.length + 1}`;
        const s = new MemorySheet(n, `{sheet-${self.nextId++}}`);
        if (self.sheets.some((x) => x.name.toLowerCase() === n.toLowerCase()))
          self.failure ??= officeError(`工作表 ${n} 已存在 (ItemAlreadyExists)`, 'ItemAlreadyExists');
        else self.sheets.push(s); // usable in the same batch, as in Office.js
        return self.worksheet(s);
      },
    };
    const settings = {
      getItemOrNullObject: (key: string): Setting => {
        self.needs('1.4', 'workbook.settings');
        const loads = new Loads(self, { value: () => self.settings.get(key) ?? null });
        return {
          load: (names: string) => loads.load(names),
          get value() {
            return loads.get<unknown>('value');
          },
          isNullObject: !self.settings.has(key),
          delete: () =>
            self.queue(null, { top: 0, left: 0, bottom: 0, right: 0 }, `settings.delete(${key})`, true, () =>
              self.settings.delete(key),
            ),
        };
      },
      add: (key: string, value: string): Setting => {
        self.needs('1.4', 'workbook.settings');
        self.queue(null, { top: 0, left: 0, bottom: 0, right: 0 }, `settings.add(${key})`, value, () =>
          self.settings.set(key, value),
        );
        return settings.getItemOrNullObject(key);
      },
    };
    const runtimeLoads = new Loads(this, { enableEvents: () => self.enableEvents }, () =>
      self.needs('1.8', 'runtime.enableEvents'),
    );
    const runtime = {
      load: (names: string) => runtimeLoads.load(names),
      get enableEvents() {
        return runtimeLoads.get<boolean>('enableEvents');
      },
      set enableEvents(v: boolean) {
        self.needs('1.8', 'runtime.enableEvents');
        self.eventsQueued = v;
        self.queue(null, { top: 0, left: 0, bottom: 0, right: 0 }, 'enableEvents', v, () => {
          self.enableEvents = v;
        });
      },
    };
    return {
      workbook: {
        worksheets,
        settings,
        application: {
          suspendApiCalculationUntilNextSync: () => {
            self.needs('1.6', 'suspendApiCalculationUntilNextSync');
            self.suspendedInBatch = true;
          },
        },
        getSelectedRange: () => self.range(self.activeSheet, self.selection),
      },
      runtime,
      sync: () => self.sync(),
    };
  }
}
