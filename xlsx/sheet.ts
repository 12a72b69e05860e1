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

/** Reads one worksheet part. Throws XmlError on XML that is not well formed. */
export function readSheet(xml: string, ctx: SheetContext): { sheet: Sheet; extras: SheetExtras } {
  const { strings, styles, date1904 } = ctx;
  const rows: (Cell | null)[][] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const merges: CellRange[] = [];
  const extras: SheetExtras = { arrays: [], protectedSheet: false, hasFormulas: false };
  const shared = new Map<string, { formula: string; row: number; col: number }>();

  let row = -1;
  let col = -1;
  let inSheetData = false;
  // current cell
  let t: string | undefined;
  let s = 0;
  let v: string | null = null;
  let f: string | null = null;
  let fType: string | undefined;
  let fRef: string | undefined;
  let fSi: string | undefined;
  let inlineText: string | null = null;
  let collect: 'v' | 'f' | 't' | null = null;
  let inIs = false;
  let phonetic = 0;

  // One value per shared string, however many cells show it: a sheet repeats its texts (rule
  // wordings, 已完成, unit names) and every cell value lives until the engine is done, so each
  // copy would be carried through the young generation's collections. Values are never changed.
  const texts: (CellValue | undefined)[] = [];
  const sharedText = (v: string): CellValue => {
    const i = parseInt(v, 10);
    if (!(i >= 0)) return textOf(strings[i]);
    let value = texts[i];
    if (value === undefined) texts[i] = value = textOf(strings[i]);
    return value;
  };

  const fills = ctx.fills;
  const finishCell = (): void => {
    if (fills && s > 0) {
      const color = styles.fill[s];
      if (color) fills.set(`${ctx.name}!${columnName(col)}${row + 1}`, color);
    }
    const numFmt = s > 0 ? styles.numFmt[s] : undefined;
    const isDate = numFmt !== undefined && isDateFormat(numFmt);
    let value: CellValue = EMPTY_VALUE;
    let formula: string | undefined;
    const hasFormula = (f !== null && f !== '') || fType !== undefined;
    if (hasFormula) {
      extras.hasFormulas = true;
      if (f !== null && f !== '') {
        formula = f;
        if (fType === 'shared' && fRef !== undefined && fSi !== undefined)
          shared.set(fSi, { formula: f, row, col });
      } else if (fType === 'shared' && fSi !== undefined) {
        const m = shared.get(fSi);
        if (m) formula = slideFormula(m.formula, row - m.row, col - m.col);
      }
      if (fType === 'array' && fRef !== undefined && formula !== undefined)
        extras.arrays.push({ sheet: ctx.name, anchor: columnName(col) + (row + 1), ref: fRef });
      if (v !== null && v !== '') {
        if (t === 'str') value = { kind: 'text', value: v };
        else if (t === 'b') value = { kind: 'boolean', value: parseInt(v, 10) !== 0 };
        else if (t === 'e') value = { kind: 'error', value: v };
        else if (t === 's') value = sharedText(v);
        else {
          const n = parseFloat(v);
          value = isDate ? dateSerial(n, date1904) : numberValue(n);
        }
      }
    } else if (t === 'inlineStr' && inlineText !== null) {
      value = textOf(decodeEscapes(inlineText));
    } else if (v !== null && v !== '') {
      switch (t) {
        case 's':
          value = sharedText(v);
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
          value = isDate ? dateSerial(n, date1904) : numberValue(n);
        }
      }
    } else if (s === 0) return; // no value, no style: nothing there
    const fmt =
      numFmt !== undefined && numFmt !== '' && numFmt.toLowerCase() !== 'general' ? numFmt : undefined;
    if (value.kind === 'empty' && formula === undefined && fmt === undefined) return;
    const cell: Cell = { value };
    if (formula !== undefined) cell.formula = formula.startsWith('=') ? formula : `=${formula}`;
    if (fmt !== undefined) cell.numberFormat = fmt;
    let r = rows[row];
    if (!r) {
      while (rows.length < row) rows.push([]);
      r = rows[row] = [];
    }
    while (r.length < col) r.push(null);
    r[col] = cell;
  };

  parseXml(xml, {
    open: (el, a) => {
      if (inSheetData) {
        if (el === 'c') {
          const ref = a.r;
          const p = ref ? parseRef(ref) : null;
          if (p) {
            row = p[0];
            col = p[1];
          } else col++;
          t = a.t;
          s = a.s ? parseInt(a.s, 10) || 0 : 0;
          v = f = inlineText = null;
          fType = fRef = fSi = undefined;
        } else if (el === 'v') {
          collect = 'v';
          v = '';
        } else if (el === 'f') {
          collect = 'f';
          f = '';
          fType = a.t;
          fRef = a.ref;
          fSi = a.si;
        } else if (el === 'is') {
          inIs = true;
          inlineText = '';
        } else if (el === 'rPh') phonetic++;
        else if (el === 't' && inIs && phonetic === 0) collect = 't';
        else if (el === 'row') {
          const r = a.r ? parseInt(a.r, 10) - 1 : row + 1;
          row = Number.isFinite(r) && r >= 0 ? r : row + 1;
          col = -1;
          if (a.hidden === '1' || a.hidden === 'true') hiddenRows.push(row);
        }
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
          for (let c = min; c <= max; c++) hiddenColumns.push(c - 1);
          break;
        }
        case 'mergeCell': {
          const m = a.ref ? parseRange(a.ref) : null;
          if (m) merges.push(m);
          break;
        }
        case 'sheetProtection':
          if (a.sheet === '1' || a.sheet === 'true') extras.protectedSheet = true;
          break;
      }
    },
    text: (x) => {
      if (collect === 'v') v += x;
      else if (collect === 'f') f += x;
      else if (collect === 't') inlineText += x;
    },
    close: (el) => {
      if (!inSheetData) return;
      if (el === 'v' || el === 'f' || el === 't') collect = null;
      else if (el === 'rPh') phonetic--;
      else if (el === 'is') inIs = false;
      else if (el === 'c') finishCell();
      else if (el === 'sheetData') inSheetData = false;
    },
  });

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

  return {
    sheet: { name: ctx.name, rows, merges, hiddenRows, hiddenColumns, origin: { row: 0, col: 0 } },
    extras,
  };
}

function hasContent(c: Cell | null | undefined): boolean {
  return !!c && (c.value.kind !== 'empty' || c.formula !== undefined);
}

function textOf(s: string | undefined): CellValue {
  return s === undefined || s === '' ? EMPTY_VALUE : { kind: 'text', value: s };
}
