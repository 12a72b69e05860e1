/**
 * A small stateful Excel for the adapter tests. Every proxy the adapter gets (ranges, sheets,
 * fills, settings, the runtime) is an office-addin-mock `OfficeMockObject`, so a property read
 * before `load` + `context.sync()` yields the mock's "not loaded"/"not synced" marker instead
 * of data. On top of that the fake keeps the workbook's state, applies queued writes at sync
 * time (so a later read sees them), counts syncs, records every write with the batch it went
 * out in, measures each request's response size and can refuse one above a limit as Excel on
 * the web does (ResponsePayloadSizeLimitExceeded).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { parseRangeAddress, rangeAddress } from '../../engine/address';
import type { CellRange } from '../../engine/grid';
import type { ExcelContext } from '../../addin/excel/types';

export interface FillState {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

/** How Excel reports a cell without fill. */
export const NO_FILL: FillState = {
  color: '#FFFFFF',
  pattern: 'None',
  patternColor: '#000000',
  tintAndShade: 0,
  patternTintAndShade: 0,
};

export interface SheetSpec {
  name: string;
  id?: string;
  /** Cell values, row-major, rows[0][0] at `origin` (default A1). null / '' is an empty cell. */
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
  fills?: Record<string, Partial<FillState>>;
}

export interface FakeExcelSpec {
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
}

interface CellState {
  value: unknown;
  type?: string;
  formula?: string;
  format?: string;
  fill?: FillState;
}

export class SheetState {
  readonly cells = new Map<string, CellState>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  merges: CellRange[] = [];
  readonly formatLog: { address: string; property: string; value: unknown }[] = [];
  frozenRows = 0;
  constructor(
    public name: string,
    public readonly id: string,
  ) {}

  cell(row: number, col: number): CellState | undefined {
    return this.cells.get(`${row},${col}`);
  }

  ensure(row: number, col: number): CellState {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: '' };
      this.cells.set(key, c);
    }
    return c;
  }

  /** Used range: cells with a value or formula (valuesOnly), or any stored cell. */
  usedRect(valuesOnly: boolean): CellRange | null {
    let rect: CellRange | null = null;
    for (const [key, c] of this.cells) {
      if (valuesOnly && isBlank(c.value) && c.formula === undefined) continue;
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

  fill(row: number, col: number): FillState {
    return this.cell(row, col)?.fill ?? NO_FILL;
  }
}

export interface WriteRecord {
  /** The sync (1-based) that sent this write. */
  sync: number;
  sheet: string;
  address: string;
  /** "values", "formulas", "format.fill.color", "format.font.bold", "clear", "enableEvents" … */
  property: string;
  value: unknown;
  /** Whether events were on / calculation suspended when the write was queued. */
  eventsEnabled: boolean;
  calculationSuspended: boolean;
}

export interface SyncRecord {
  sync: number;
  /** Estimated bytes of the response: JSON of every property loaded in this batch. */
  responseBytes: number;
  /** Number of proxy objects whose properties were loaded in this batch. */
  loads: number;
  failed: boolean;
}

const ERROR_LITERAL = /^#(DIV\/0!|REF!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;

function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

function typeOf(c: CellState | undefined): string {
  if (!c) return 'Empty';
  if (c.type) return c.type;
  const v = c.value;
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'string') return v === '' ? 'Empty' : ERROR_LITERAL.test(v) ? 'Error' : 'String';
  return 'Empty';
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function bytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v ?? null), 'utf8');
}

type Meta = { sheet: SheetState; rect: CellRange; path: string };

export class FakeExcel {
  readonly sheets: SheetState[] = [];
  readonly settings = new Map<string, string>();
  enableEvents: boolean;
  activeSheet: SheetState;
  selection: CellRange;
  selectedCell: { sheet: string; address: string } | null = null;
  syncs = 0;
  readonly syncLog: SyncRecord[] = [];
  readonly writes: WriteRecord[] = [];
  /** Every `getRange`-style proxy created, in order. */
  readonly rangesCreated: { sheet: string; address: string }[] = [];
  readonly context: ExcelContext;

  private readonly mocks: OfficeMockObject[] = [];
  private loadsInBatch: { data: Record<string, unknown>; props: string[] }[] = [];
  private pendingOps: { apply: () => void; record?: Omit<WriteRecord, 'sync'> }[] = [];
  private pendingError: Error | null = null;
  private pendingSheetList = false;
  private pendingEvents: boolean;
  private suspendedInBatch = false;
  private readonly proxies = new WeakMap<object, object>();
  private readonly worksheetItems: unknown[] = [];
  private nextSheetId = 1;

  constructor(private readonly spec: FakeExcelSpec) {
    for (const s of spec.sheets) this.sheets.push(this.buildSheet(s));
    this.activeSheet = this.sheets.find((s) => s.name === spec.active) ?? (this.sheets[0] as SheetState);
    this.selection = parseRangeAddress(spec.selection ?? 'A1') as CellRange;
    for (const [k, v] of Object.entries(spec.settings ?? {})) this.settings.set(k, v);
    this.enableEvents = spec.enableEvents ?? true;
    this.pendingEvents = this.enableEvents;
    this.context = this.buildContext();
  }

  // ── state ──────────────────────────────────────────────────────────────────────────────

  private buildSheet(s: SheetSpec): SheetState {
    const state = new SheetState(s.name, s.id ?? `{sheet-${this.nextSheetId++}}`);
    const origin = s.origin ?? { row: 0, col: 0 };
    (s.rows ?? []).forEach((row, r) =>
      row.forEach((v, c) => {
        if (!isBlank(v)) state.ensure(origin.row + r, origin.col + c).value = v;
      }),
    );
    const at = (a: string): [number, number] => {
      const p = parseRangeAddress(a) as CellRange;
      return [p.top, p.left];
    };
    for (const [a, f] of Object.entries(s.formulas ?? {})) state.ensure(...at(a)).formula = f;
    for (const [a, f] of Object.entries(s.formats ?? {})) state.ensure(...at(a)).format = f;
    for (const [a, t] of Object.entries(s.types ?? {})) state.ensure(...at(a)).type = t;
    for (const [a, f] of Object.entries(s.fills ?? {}))
      state.ensure(...at(a)).fill = { ...NO_FILL, pattern: 'Solid', ...f };
    for (const r of s.hiddenRows ?? []) state.hiddenRows.add(r);
    for (const c of s.hiddenColumns ?? []) state.hiddenColumns.add(c);
    state.merges = (s.merges ?? []).map((m) => parseRangeAddress(m) as CellRange);
    return state;
  }

  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  // ── proxies ────────────────────────────────────────────────────────────────────────────

  /** Registers a mock so syncs resolve its loads, and records what it loads. */
  private track(mock: OfficeMockObject, data: Record<string, unknown>): OfficeMockObject {
    this.mocks.push(mock);
    const load = mock.load.bind(mock);
    mock.load = (props: string | string[]) => {
      const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim());
      this.loadsInBatch.push({ data, props: list });
      return load(props);
    };
    return mock;
  }

  /** Wraps a mock so assignments are queued as writes (applied at the next sync). */
  private wrap<T extends object>(target: T, meta: Meta): T {
    const cached = this.proxies.get(target);
    if (cached) return cached as T;
    const proxy = new Proxy(target, {
      get: (t, prop, receiver) => {
        const v = Reflect.get(t, prop, receiver) as unknown;
        if (typeof v === 'function') return (v as (...a: unknown[]) => unknown).bind(t);
        if (v instanceof OfficeMockObject)
          return this.wrap(v, { ...meta, path: `${meta.path}${String(prop)}.` });
        return v;
      },
      set: (t, prop, value) => {
        const property = `${meta.path}${String(prop)}`;
        this.queueWrite(meta, property, value);
        return Reflect.set(t, prop, value);
      },
    });
    this.proxies.set(target, proxy);
    return proxy;
  }

  private queueWrite(meta: Meta, property: string, value: unknown, apply?: () => void): void {
    const record = {
      sheet: meta.sheet.name,
      address: rangeAddress(meta.rect),
      property,
      value,
      eventsEnabled: this.pendingEvents,
      calculationSuspended: this.suspendedInBatch,
    };
    this.pendingOps.push({ record, apply: apply ?? (() => this.applyWrite(meta, property, value)) });
  }

  private applyWrite(meta: Meta, property: string, value: unknown): void {
    const { sheet, rect } = meta;
    const each = (f: (c: CellState, r: number, col: number) => void): void => {
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) f(sheet.ensure(r, c), r, c);
    };
    switch (property) {
      case 'values':
      case 'formulas': {
        const m = value as unknown[][];
        each((cell, r, c) => {
          const v = m[r - rect.top]?.[c - rect.left];
          if (v === null || v === undefined) return; // null leaves the cell alone, as in Office.js
          delete cell.type;
          delete cell.formula;
          if (typeof v === 'string' && v.startsWith("'")) cell.value = v.slice(1);
          else if (typeof v === 'string' && v.startsWith('=')) {
            cell.formula = v;
            cell.value = 0;
          } else cell.value = v;
        });
        return;
      }
      case 'format.fill.color':
        each(
          (cell) =>
            (cell.fill = { ...(cell.fill ?? NO_FILL), color: String(value).toUpperCase(), pattern: 'Solid' }),
        );
        return;
      case 'format.fill.pattern':
      case 'format.fill.patternColor':
      case 'format.fill.tintAndShade':
      case 'format.fill.patternTintAndShade': {
        const key = property.slice('format.fill.'.length) as keyof FillState;
        each((cell) => (cell.fill = { ...(cell.fill ?? NO_FILL), [key]: value }));
        return;
      }
      default:
        sheet.formatLog.push({ address: rangeAddress(rect), property, value });
    }
  }

  private range(sheet: SheetState, rect: CellRange, isNull = false): OfficeMockObject {
    this.rangesCreated.push({ sheet: sheet.name, address: rangeAddress(rect) });
    return this.rangeMock(sheet, rect, isNull);
  }

  private rangeMock(sheet: SheetState, rect: CellRange, isNull: boolean): OfficeMockObject {
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const grid = <T>(f: (c: CellState | undefined) => T): T[][] =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => f(sheet.cell(rect.top + r, rect.left + c))),
      );
    const values = grid((c) => (c ? (isBlank(c.value) ? '' : c.value) : ''));
    const fill = sheet.fill(rect.top, rect.left);
    const data: Record<string, unknown> = {
      address: `${quoteSheet(sheet.name)}!${rangeAddress(rect)}`,
      rowIndex: rect.top,
      columnIndex: rect.left,
      rowCount: rows,
      columnCount: cols,
      values,
      valueTypes: grid((c) => typeOf(c)),
      formulas: grid((c) => c?.formula ?? (c ? (isBlank(c.value) ? '' : c.value) : '')),
      numberFormat: grid((c) => c?.format ?? 'General'),
      format: {
        fill: { ...fill },
        font: { bold: false },
        columnWidth: 48,
        wrapText: false,
      },
    };
    const mock = this.track(new OfficeMockObject(data as never), data);
    const hidden = (set: Set<number>, from: number, to: number): boolean | null => {
      let n = 0;
      for (let i = from; i <= to; i++) if (set.has(i)) n++;
      return n === 0 ? false : n === to - from + 1 ? true : null;
    };
    data.rowHidden = hidden(sheet.hiddenRows, rect.top, rect.bottom);
    data.columnHidden = hidden(sheet.hiddenColumns, rect.left, rect.right);
    (mock as unknown as { setValue(k: string, v: unknown): void }).setValue('rowHidden', data.rowHidden);
    (mock as unknown as { setValue(k: string, v: unknown): void }).setValue(
      'columnHidden',
      data.columnHidden,
    );
    this.track(mock.format as OfficeMockObject, data.format as Record<string, unknown>);
    this.track(mock.format.fill as OfficeMockObject, (data.format as { fill: Record<string, unknown> }).fill);
    const meta: Meta = { sheet, rect, path: '' };
    mock.isNullObject = isNull;
    mock.getRow = (i: number) => this.range(sheet, { ...rect, top: rect.top + i, bottom: rect.top + i });
    mock.getColumn = (j: number) => this.range(sheet, { ...rect, left: rect.left + j, right: rect.left + j });
    mock.getMergedAreasOrNullObject = () => {
      const inside = sheet.merges.filter(
        (m) => m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left,
      );
      if (inside.length > 512)
        this.pendingError = Object.assign(new Error('too many merged areas'), { code: 'GeneralException' });
      const areasData = {
        address: inside.map((m) => `${quoteSheet(sheet.name)}!${rangeAddress(m)}`).join(', '),
      };
      const areas = this.track(new OfficeMockObject(areasData), areasData);
      areas.isNullObject = inside.length === 0;
      return areas;
    };
    mock.select = () =>
      this.pendingOps.push({
        apply: () => (this.selectedCell = { sheet: sheet.name, address: rangeAddress(rect) }),
      });
    mock.format.autofitColumns = () => this.queueWrite(meta, 'format.autofitColumns()', true);
    mock.format.fill.clear = () =>
      this.queueWrite({ ...meta, path: 'format.fill.' }, 'format.fill.clear()', true, () => {
        for (let r = rect.top; r <= rect.bottom; r++)
          for (let c = rect.left; c <= rect.right; c++) delete sheet.ensure(r, c).fill;
      });
    return this.wrap(mock, meta);
  }

  private sheetMock(sheet: SheetState | null) {
    const state = sheet ?? new SheetState('', '');
    const data = { name: state.name, id: state.id };
    const mock = this.track(new OfficeMockObject(data), data);
    mock.isNullObject = sheet === null;
    mock.getRange = (address?: string) => {
      const rect = parseRangeAddress((address ?? '').replace(/\$/g, ''));
      if (!rect) throw new Error(`fake: bad or missing address ${address}`);
      return this.range(state, rect);
    };
    mock.getUsedRangeOrNullObject = (valuesOnly?: boolean) => {
      const rect = state.usedRect(valuesOnly ?? false);
      return this.range(state, rect ?? { top: 0, left: 0, bottom: 0, right: 0 }, rect === null);
    };
    mock.activate = () => this.pendingOps.push({ apply: () => (this.activeSheet = state) });
    mock.freezePanes = {
      freezeRows: (n: number) => this.pendingOps.push({ apply: () => (state.frozenRows = n) }),
    };
    return mock;
  }

  private buildContext(): ExcelContext {
    const worksheets = {
      items: this.worksheetItems,
      load: () => {
        this.pendingSheetList = true;
      },
      getActiveWorksheet: () => this.sheetMock(this.activeSheet),
      getItem: (key: string) => {
        const s = this.sheets.find((x) => x.name === key || x.id === key) ?? null;
        if (!s) this.pendingError = Object.assign(new Error(`ItemNotFound ${key}`), { code: 'ItemNotFound' });
        return this.sheetMock(s);
      },
      getItemOrNullObject: (key: string) =>
        this.sheetMock(this.sheets.find((x) => x.name === key || x.id === key) ?? null),
      add: (name: string) => {
        if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
          this.pendingError = Object.assign(new Error(`ItemAlreadyExists ${name}`), {
            code: 'ItemAlreadyExists',
          });
        }
        const s = new SheetState(name, `{sheet-${this.nextSheetId++}}`);
        this.sheets.push(s);
        return this.sheetMock(s);
      },
    };
    const settings = {
      getItemOrNullObject: (key: string) => {
        const data = { value: this.settings.get(key) ?? '' };
        const mock = this.track(new OfficeMockObject(data), data);
        mock.isNullObject = !this.settings.has(key);
        mock.delete = () => this.pendingOps.push({ apply: () => this.settings.delete(key) });
        return mock;
      },
      add: (key: string, value: string) => {
        this.pendingOps.push({ apply: () => this.settings.set(key, value) });
        return null;
      },
    };
    const application = {
      suspendApiCalculationUntilNextSync: () => {
        this.suspendedInBatch = true;
      },
    };
    const runtimeData = { enableEvents: this.enableEvents };
    const runtime = this.track(new OfficeMockObject(runtimeData), runtimeData);
    const runtimeMeta: Meta = {
      sheet: new SheetState('(runtime)', ''),
      rect: { top: 0, left: 0, bottom: 0, right: 0 },
      path: '',
    };
    const runtimeProxy = new Proxy(runtime, {
      get: (t, prop) => {
        const v = Reflect.get(t, prop) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
      set: (t, prop, value) => {
        if (prop === 'enableEvents') {
          this.pendingEvents = value as boolean;
          this.queueWrite(runtimeMeta, 'enableEvents', value, () => (this.enableEvents = value as boolean));
        }
        return Reflect.set(t, prop, value);
      },
    });
    const context = {
      workbook: {
        worksheets,
        settings,
        application,
        getSelectedRange: () => this.range(this.activeSheet, this.selection),
      },
      runtime: runtimeProxy,
      sync: () => this.sync(),
    };
    return context as unknown as ExcelContext;
  }

  // ── sync ───────────────────────────────────────────────────────────────────────────────

  private async sync(): Promise<void> {
    this.syncs++;
    const n = this.syncs;
    const loads = this.loadsInBatch;
    const ops = this.pendingOps;
    const error = this.pendingError;
    this.loadsInBatch = [];
    this.pendingOps = [];
    this.pendingError = null;
    this.suspendedInBatch = false;
    const responseBytes = loads.reduce(
      (sum, l) => sum + l.props.reduce((s, p) => s + bytes(l.data[p]), 0),
      0,
    );
    const fail = (e: Error): never => {
      this.pendingEvents = this.enableEvents;
      this.syncLog.push({ sync: n, responseBytes, loads: loads.length, failed: true });
      throw e;
    };
    if (this.spec.failOnSync === n)
      fail(Object.assign(new Error('fake failure'), { code: 'GeneralException' }));
    if (error) fail(error);
    if (this.spec.payloadLimit !== undefined && responseBytes > this.spec.payloadLimit) {
      fail(
        Object.assign(new Error('The response payload size has exceeded the limit.'), {
          code: 'ResponsePayloadSizeLimitExceeded',
        }),
      );
    }
    this.syncLog.push({ sync: n, responseBytes, loads: loads.length, failed: false });
    for (const op of ops) {
      op.apply();
      if (op.record) this.writes.push({ ...op.record, sync: n });
    }
    this.pendingEvents = this.enableEvents;
    if (this.pendingSheetList) {
      this.pendingSheetList = false;
      this.worksheetItems.length = 0;
      for (const s of this.sheets) {
        const ws = this.sheetMock(s);
        ws.load('id,name');
        this.worksheetItems.push(ws);
      }
    }
    for (const m of this.mocks) await m.sync();
    // office-addin-mock finishes nested updates in microtasks; let them all run.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Values of a sheet as a matrix from A1 (for assertions). */
export function valuesOf(sheet: SheetState, address: string): unknown[][] {
  const rect = parseRangeAddress(address) as CellRange;
  return Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
    Array.from({ length: rect.right - rect.left + 1 }, (_, c) => {
      const cell = sheet.cell(rect.top + r, rect.left + c);
      return cell?.formula ?? (cell ? cell.value : '');
    }),
  );
}
