/**
 * A worksheet part → the engine's Sheet, in one streaming pass over its XML. Time and memory
 * follow the cells the part holds: ranges named elsewhere (validations, conditional formats,
 * a merge or a column definition over whole columns) allocate nothing per cell they cover.
 *
 * The grid is the one the ExcelJS adapter produced (compared on every example and fixture):
 * covered cells of a merge are left out, a text "" is empty, date-formatted numbers are 1900-system
 * serials (1904 workbooks shifted), formatted empty cells are kept only before content in a row.
 */
import type { Cell, CellRange, CellValue, Sheet } from '../engine/grid.js';
import { decodeEscapes, isDateFormat, type Styles } from './package.js';
import { sheetDataBody, scanSheetData } from './sheet-data.js';
import { parseXml } from './xml.js';

export interface ArrayFormulaInfo {
  sheet: string;
  anchor: string;
  ref: string;
}

export interface SheetExtras {
  arrays: ArrayFormulaInfo[];
  /** The sheet has <sheetProtection sheet="1">. */
  protectedSheet: boolean;
  /** At least one formula cell. */
  hasFormulas: boolean;
}

export interface SheetContext {
  name: string;
  strings: readonly string[];
  styles: Styles;
  date1904: boolean;
  /** When given, solid fills of cells are recorded here ("Sheet!A1" → "#RRGGBB"). */
  fills?: Map<string, string>;
}

const MS_PER_DAY = 86400000;
const MAX_COL = 16384;

/** Column letters → 0-based index; -1 if not letters. */
function colOf(ref: string, end: number): number {
  let c = 0;
  for (let i = 0; i < end; i++) {
    const k = ref.charCodeAt(i);
    const u = k >= 97 ? k - 32 : k;
    if (u < 65 || u > 90) return -1;
    c = c * 26 + (u - 64);
  }
  return c - 1;
}

/** "AB12" → [row, col] 0-based, or null. One pass, no substrings: it runs once per cell. */
export function parseRef(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    const u = k >= 97 ? k - 32 : k;
    if (u < 65 || u > 90) break;
    col = col * 26 + (u - 64);
  }
  if (i === 0 || i === ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return row > 0 ? [row - 1, col - 1] : null;
}

export function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseRange(ref: string): CellRange | null {
  const [a, b] = ref.split(':');
  const p = parseRef((a ?? '').replace(/\$/g, ''));
  const q = b === undefined ? p : parseRef(b.replace(/\$/g, ''));
  if (!p || !q) return null;
  return {
    top: Math.min(p[0], q[0]),
    left: Math.min(p[1], q[1]),
    bottom: Math.max(p[0], q[0]),
    right: Math.max(p[1], q[1]),
  };
}

const SLIDE_RX = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CR_RX = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * A shared formula's text moved from its master cell to another (relative references shift):
 * the same rewriting ExcelJS applied, except that string literals are left alone.
 */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            SLIDE_RX,
            (m, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
              if (paren) return m;
              const x = CR_RX.exec(addr);
              if (!x) return m;
              const colStr = x[2]!.toUpperCase();
              if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return m;
              let col = colOf(colStr, colStr.length);
              let row = parseInt(x[4]!, 10);
              if (!x[1]) col += dCol;
              if (!x[3]) row += dRow;
              if (col < 0 || row < 1) return '#REF!';
              return (sheet ?? '') + (x[1] ?? '') + columnName(col) + (x[3] ?? '') + row;
            },
          ),
    )
    .join('');
}

/** Excel's ISO date cells (t="d") → a 1900-system serial. */
function isoToSerial(s: string): number {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !s.includes('T') ? s : `${s}Z`);
  return 25569 + ms / MS_PER_DAY;
}

function numberValue(n: number): CellValue {
  return Number.isFinite(n) ? { kind: 'number', value: n } : { kind: 'error', value: '#NUM!' };
}

/** A date-formatted number as a 1900-system serial, to the millisecond (as ExcelJS's Date did). */
function dateSerial(n: number, date1904: boolean): CellValue {
  const ms = Math.round((n - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return { kind: 'error', value: '#VALUE!' };
  return { kind: 'number', value: 25569 + ms / MS_PER_DAY };
}

const EMPTY_VALUE: CellValue = { kind: 'empty' };
/** Distinct numbers a sheet shares values for (see SheetBuilder.numbers). */
const MAX_SHARED_NUMBERS = 4096;

/**
 * The state of one sheet being read, fed by either reader: the generic XML scanner (every part,
 * any well-formed XML) or the fast scanner of the sheetData element (xlsx/sheet-data.ts).
 */
export class SheetBuilder {
  readonly rows: (Cell | null)[][] = [];
  readonly hiddenRows: number[] = [];
  readonly hiddenColumns: number[] = [];
  readonly merges: CellRange[] = [];
  readonly extras: SheetExtras = { arrays: [], protectedSheet: false, hasFormulas: false };
  private readonly shared = new Map<string, { formula: string; row: number; col: number }>();
  // One value per shared string, however many cells show it: a sheet repeats its texts (rule
  // wordings, 已完成, unit names) and every cell value lives until the engine is done, so each
  // copy would be carried through the young generation's collections. Values are never changed.
  private readonly texts: (CellValue | undefined)[] = [];
  // Numbers repeat too (points, 0, 100 %, the same actual values): one value per number, up to a
  // bound, so a sheet of distinct numbers does not grow a map as large as itself.
  private readonly numbers = new Map<number, CellValue>();
  // And a cell with no formula and no format is only its value: cells that show the same shared
  // value share one Cell. Cells are never changed once read (nor are values), so sharing is only
  // fewer objects for the collector to copy while the engine works (README, Performance).
  private readonly plainCells = new Map<CellValue, Cell>();

  row = -1;
  col = -1;
  // The current cell.
  t: string | undefined;
  s = 0;
  v: string | null = null;
  f: string | null = null;
  fType: string | undefined;
  fRef: string | undefined;
  fSi: string | undefined;
  inlineText: string | null = null;

  constructor(private readonly ctx: SheetContext) {}

  /** <row r= hidden=>. */
  openRow(r: string | undefined, hidden: string | undefined): void {
    const n = r ? parseInt(r, 10) - 1 : this.row + 1;
    this.row = Number.isFinite(n) && n >= 0 ? n : this.row + 1;
    this.col = -1;
    if (hidden === '1' || hidden === 'true') this.hiddenRows.push(this.row);
  }

  /** <c r= t= s=>. */
  openCell(ref: string | undefined, t: string | undefined, s: string | undefined): void {
    const p = ref ? parseRef(ref) : null;
    if (p) {
      this.row = p[0];
      this.col = p[1];
    } else this.col++;
    this.t = t;
    this.s = s ? parseInt(s, 10) || 0 : 0;
    this.v = this.f = this.inlineText = null;
    this.fType = this.fRef = this.fSi = undefined;
  }

  private sharedText(v: string): CellValue {
    const { strings } = this.ctx;
    const i = parseInt(v, 10);
    if (!(i >= 0)) return textOf(strings[i]);
    let value = this.texts[i];
    if (value === undefined) this.texts[i] = value = textOf(strings[i]);
    return value;
  }

  /** Whether the value numberOf gave last is the shared one. */
  private numberShared = false;

  /** A number's cell value, shared by the cells that show it (not -0: a Map keys it as 0). */
  private numberOf(n: number): CellValue {
    // Before the look-up: get(-0) would find 0.
    if (Object.is(n, -0)) {
      this.numberShared = false;
      return numberValue(n);
    }
    let value = this.numbers.get(n);
    this.numberShared = true;
    if (value !== undefined) return value;
    value = numberValue(n);
    if (value.kind !== 'number' || this.numbers.size >= MAX_SHARED_NUMBERS) this.numberShared = false;
    else this.numbers.set(n, value);
    return value;
  }

  /** </c>: the cell's value, formula and format into the grid. */
  finishCell(): void {
    const { ctx, extras, row, col, t, s, v, f, fType, fRef, fSi } = this;
    const { styles, date1904, fills } = ctx;
    if (fills && s > 0) {
      const color = styles.fill[s];
      if (color) fills.set(`${ctx.name}!${columnName(col)}${row + 1}`, color);
    }
    const numFmt = s > 0 ? styles.numFmt[s] : undefined;
    const isDate = numFmt !== undefined && isDateFormat(numFmt);
    let value: CellValue = EMPTY_VALUE;
    // The value is one that other cells may show too (a shared string, a shared number).
    let shared = false;
    let formula: string | undefined;
    const hasFormula = (f !== null && f !== '') || fType !== undefined;
    if (hasFormula) {
      extras.hasFormulas = true;
      if (f !== null && f !== '') {
        formula = f;
        if (fType === 'shared' && fRef !== undefined && fSi !== undefined)
          this.shared.set(fSi, { formula: f, row, col });
      } else if (fType === 'shared' && fSi !== undefined) {
        const m = this.shared.get(fSi);
        if (m) formula = slideFormula(m.formula, row - m.row, col - m.col);
      }
      if (fType === 'array' && fRef !== undefined && formula !== undefined)
        extras.arrays.push({ sheet: ctx.name, anchor: columnName(col) + (row + 1), ref: fRef });
      if (v !== null && v !== '') {
        if (t === 'str') value = { kind: 'text', value: v };
        else if (t === 'b') value = { kind: 'boolean', value: parseInt(v, 10) !== 0 };
        else if (t === 'e') value = { kind: 'error', value: v };
        else if (t === 's') value = this.sharedText(v);
        else {
          const n = parseFloat(v);
          value = isDate ? dateSerial(n, date1904) : this.numberOf(n);
        }
      }
    } else if (t === 'inlineStr' && this.inlineText !== null) {
      value = textOf(decodeEscapes(this.inlineText));
    } else if (v !== null && v !== '') {
      switch (t) {
        case 's':
          value = this.sharedText(v);
          shared = true;
          break;
        case 'str':
        case 'inlineStr':
          value = textOf(v);
          break;
        case 'b':
          value = { kind: 'boolean', value: parseInt(v, 10) !== 0 };
          break;
        case 'e':
          value = { kind: 'error', value: v };
          break;
        case 'd':
          value = dateSerial(isoToSerial(v), false);
          break;
        default: {
          const n = parseFloat(v);
          if (isDate) value = dateSerial(n, date1904);
          else {
            value = this.numberOf(n);
            shared = this.numberShared;
          }
        }
      }
    } else if (s === 0) return; // no value, no style: nothing there
    const fmt =
      numFmt !== undefined && numFmt !== '' && numFmt.toLowerCase() !== 'general' ? numFmt : undefined;
    if (value.kind === 'empty' && formula === undefined && fmt === undefined) return;
    let cell: Cell | undefined;
    if (shared && formula === undefined && fmt === undefined) {
      cell = this.plainCells.get(value);
      if (cell === undefined) this.plainCells.set(value, (cell = { value }));
    } else {
      cell = { value };
      if (formula !== undefined) cell.formula = formula.startsWith('=') ? formula : `=${formula}`;
      if (fmt !== undefined) cell.numberFormat = fmt;
    }
    const rows = this.rows;
    let r = rows[row];
    if (!r) {
      while (rows.length < row) rows.push([]);
      r = rows[row] = [];
    }
    while (r.length < col) r.push(null);
    r[col] = cell;
  }

  /** Reads the part (or what is left of it) with the generic XML scanner. Throws XmlError. */
  parse(xml: string): void {
    let inSheetData = false;
    let collect: 'v' | 'f' | 't' | null = null;
    let inIs = false;
    let phonetic = 0;
    parseXml(xml, {
      open: (el, a) => {
        if (inSheetData) {
          if (el === 'c') this.openCell(a.r, a.t, a.s);
          else if (el === 'v') {
            collect = 'v';
            this.v = '';
          } else if (el === 'f') {
            collect = 'f';
            this.f = '';
            this.fType = a.t;
            this.fRef = a.ref;
            this.fSi = a.si;
          } else if (el === 'is') {
            inIs = true;
            this.inlineText = '';
          } else if (el === 'rPh') phonetic++;
          else if (el === 't' && inIs && phonetic === 0) collect = 't';
          else if (el === 'row') this.openRow(a.r, a.hidden);
          return;
        }
        switch (el) {
          case 'sheetData':
            inSheetData = true;
            break;
          case 'col': {
            if (a.hidden !== '1' && a.hidden !== 'true') break;
            const min = Math.max(1, parseInt(a.min ?? '', 10) || 1);
            const max = Math.min(MAX_COL, parseInt(a.max ?? '', 10) || min);
            for (let c = min; c <= max; c++) this.hiddenColumns.push(c - 1);
            break;
          }
          case 'mergeCell': {
            const m = a.ref ? parseRange(a.ref) : null;
            if (m) this.merges.push(m);
            break;
          }
          case 'sheetProtection':
            if (a.sheet === '1' || a.sheet === 'true') this.extras.protectedSheet = true;
            break;
        }
      },
      text: (x) => {
        if (collect === 'v') this.v += x;
        else if (collect === 'f') this.f += x;
        else if (collect === 't') this.inlineText += x;
      },
      close: (el) => {
        if (!inSheetData) return;
        if (el === 'v' || el === 'f' || el === 't') collect = null;
        else if (el === 'rPh') phonetic--;
        else if (el === 'is') inIs = false;
        else if (el === 'c') this.finishCell();
        else if (el === 'sheetData') inSheetData = false;
      },
    });
  }

  /** The sheet, once every part of the XML is read. */
  finish(): { sheet: Sheet; extras: SheetExtras } {
    const { rows, merges } = this;
    // Covered cells of a merge hold nothing (Excel keeps only the top-left); visit only rows that exist.
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
        const cells = rows[r];
        if (!cells) continue;
        const last = Math.min(m.right, cells.length - 1);
        for (let c = m.left; c <= last; c++) if (r !== m.top || c !== m.left) cells[c] = null;
      }
    }
    // Rows and cells past the last content are dropped (formatted empty cells included).
    let used = 0;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells) continue;
      let n = cells.length;
      while (n > 0 && !hasContent(cells[n - 1])) n--;
      cells.length = n;
      if (n > 0) used = r + 1;
      else rows[r] = [];
    }
    rows.length = used;
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    const { hiddenRows, hiddenColumns, extras } = this;
    return {
      sheet: { name: this.ctx.name, rows, merges, hiddenRows, hiddenColumns, origin: { row: 0, col: 0 } },
      extras,
    };
  }
}

/**
 * Reads one worksheet part. Throws XmlError on XML that is not well formed. The cells (most of
 * the part) go through the fast scanner when they are written as producers write them; anything
 * else in sheetData, and every other part of the sheet, through the generic scanner.
 */
export function readSheet(xml: string, ctx: SheetContext): { sheet: Sheet; extras: SheetExtras } {
  const body = sheetDataBody(xml);
  if (body) {
    const fast = new SheetBuilder(ctx);
    if (scanSheetData(xml, body.start, body.end, fast)) {
      const rest = xml.slice(0, body.start) + xml.slice(body.end);
      // The rest is well formed exactly when the whole is (the cells were); a failure is read
      // again whole below, so the error is the generic scanner's.
      try {
        fast.parse(rest);
        return fast.finish();
      } catch {
        /* read whole below */
      }
    }
  }
  const b = new SheetBuilder(ctx);
  b.parse(xml);
  return b.finish();
}

function hasContent(c: Cell | null | undefined): boolean {
  return !!c && (c.value.kind !== 'empty' || c.formula !== undefined);
}

function textOf(s: string | undefined): CellValue {
  return s === undefined || s === '' ? EMPTY_VALUE : { kind: 'text', value: s };
}
