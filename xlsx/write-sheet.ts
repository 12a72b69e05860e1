/**
 * One worksheet's XML patched in place: rows and cells inserted in row and column order, edited
 * cells rebuilt, everything between them copied as text. Rows and cells written without an `r`
 * attribute keep their place: the one right after an inserted row or cell gains its `r`.
 */
import { InputError } from './errors.js';
import { columnName, parseRef, slideFormula } from './sheet.js';
import { escapeText, tText, type SharedStringsEditor, type StylesEditor } from './write-parts.js';
import { escapeXml } from './xml.js';

export type WriteValue = number | string | boolean | { error: string };

export interface CellEdit {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  /**
   * The value, or with `formula` the formula's cached result (null: none, Excel calculates it on
   * load; without a formula, null leaves an empty cell).
   */
  value: WriteValue | null;
  /** A formula to write (without "="), its cached result `value`. */
  formula?: string;
  /** Keep the cell's formula and set only its cached result (recalc). */
  cachedOnly?: boolean;
  /** A new cell takes the style of this cell (0-based), e.g. a new header like its neighbour. */
  styleFrom?: { row: number; col: number };
}

/** Why nothing was written, in both languages (a protected sheet). */
export class WriteRefused extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} (${messageEn})`);
  }
}

export interface SheetPatchContext {
  sheetName: string;
  /** Whether a cell style locks its cells (on a protected sheet). */
  locked(style: number): boolean;
  /** The shared strings to add text to; null: strings are written inline. */
  strings: SharedStringsEditor | null;
  styles: StylesEditor | null;
  /** Set when a formula was written, removed or rewritten (calcChain must go). */
  formulasChanged: boolean;
  /** Set when a formula was written (Excel must calculate on load). */
  formulasWritten: boolean;
}

interface CellTok {
  col: number;
  start: number;
  end: number;
  /** The attribute text of the open tag. */
  attrs: string;
  hasR: boolean;
  /** Text between <c …> and </c>, '' for <c …/>. */
  inner: string;
}

interface RowTok {
  row: number;
  start: number;
  /** End of the open tag (after ">"). */
  openEnd: number;
  end: number;
  attrs: string;
  selfClosing: boolean;
  hasR: boolean;
  cells: CellTok[] | null;
}

interface ParsedSheet {
  xml: string;
  /** "x:" when the document writes its elements with a prefix. */
  prefix: string;
  dataStart: number; // after <sheetData …>
  dataEnd: number; // at </sheetData>
  selfClosingData: boolean;
  rows: RowTok[];
  byRow: Map<number, RowTok>;
  colStyles: { min: number; max: number; style: string }[];
  protectedSheet: boolean;
}

const ATTR_RX = /([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')/g;

function attrsOf(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const x of text.matchAll(ATTR_RX)) m.set(x[1]!, x[2]!.slice(1, -1));
  return m;
}

const corrupt = (): InputError =>
  new InputError('corrupt', '工作表内容无法解析', 'a worksheet cannot be parsed');

function parseSheetXml(xml: string): ParsedSheet {
  const open = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw corrupt();
  const prefix = open[1] ?? '';
  const selfClosingData = open[2] === '/';
  const dataStart = open.index + open[0].length;
  const dataEnd = selfClosingData ? dataStart : xml.indexOf(`</${prefix}sheetData>`, dataStart);
  if (dataEnd < 0) throw corrupt();
  const rows: RowTok[] = [];
  const rowRx = new RegExp(`<${prefix}row\\b([^>]*?)(/?)>`, 'g');
  rowRx.lastIndex = dataStart;
  const rowClose = `</${prefix}row>`;
  const firstCellRow = new RegExp(`^\\s*<${prefix}c\\b[^>]*?\\br\\s*=\\s*"[A-Za-z]+(\\d+)"`);
  let last = -1;
  for (;;) {
    const m = rowRx.exec(xml);
    if (!m || m.index >= dataEnd) break;
    const attrs = m[1]!;
    const r = /\br\s*=\s*"(\d+)"/.exec(attrs);
    const selfClosing = m[2] === '/';
    const openEnd = m.index + m[0].length;
    // A row without r is where its first cell says (as readers take it), else after the last.
    const first = r || selfClosing ? null : firstCellRow.exec(xml.slice(openEnd, openEnd + 400));
    const row = r ? Number(r[1]) - 1 : first ? Number(first[1]) - 1 : last + 1;
    last = row;
    const end = selfClosing ? openEnd : xml.indexOf(rowClose, openEnd) + rowClose.length;
    if (!selfClosing && end < rowClose.length) throw corrupt();
    rows.push({ row, start: m.index, openEnd, end, attrs, selfClosing, hasR: !!r, cells: null });
    rowRx.lastIndex = end;
  }
  const head = xml.slice(0, open.index);
  const colStyles: ParsedSheet['colStyles'] = [];
  for (const m of head.matchAll(new RegExp(`<${prefix}col\\b([^>]*?)/?>`, 'g'))) {
    const a = attrsOf(m[1]!);
    const style = a.get('style');
    if (style && style !== '0')
      colStyles.push({ min: Number(a.get('min')), max: Number(a.get('max')), style });
  }
  const tail = xml.slice(dataEnd);
  const prot = new RegExp(`<${prefix}sheetProtection\\b([^>]*?)/?>`).exec(tail);
  const protectedSheet = !!prot && /\bsheet\s*=\s*"(1|true)"/.test(prot[1]!);
  const byRow = new Map(rows.map((r) => [r.row, r]));
  return { xml, prefix, dataStart, dataEnd, selfClosingData, rows, byRow, colStyles, protectedSheet };
}

/** The cells of a row, tokenised on demand (only rows we write to). */
function cellsOf(p: ParsedSheet, row: RowTok): CellTok[] {
  if (row.cells) return row.cells;
  const cells: CellTok[] = [];
  if (!row.selfClosing) {
    const rx = new RegExp(`<${p.prefix}c\\b([^>]*?)(/?)>`, 'g');
    const close = `</${p.prefix}c>`;
    rx.lastIndex = row.openEnd;
    let lastCol = -1;
    for (;;) {
      const m = rx.exec(p.xml);
      if (!m || m.index >= row.end) break;
      const attrs = m[1]!;
      const r = /\br\s*=\s*"([A-Za-z]+\d+)"/.exec(attrs);
      const col = r ? (parseRef(r[1]!)?.[1] ?? lastCol + 1) : lastCol + 1;
      lastCol = col;
      const openEnd = m.index + m[0].length;
      let end = openEnd;
      let inner = '';
      if (m[2] !== '/') {
        const e = p.xml.indexOf(close, openEnd);
        if (e < 0) throw corrupt();
        inner = p.xml.slice(openEnd, e);
        end = e + close.length;
      }
      cells.push({ col, start: m.index, end, attrs, hasR: !!r, inner });
      rx.lastIndex = end;
    }
  }
  row.cells = cells;
  return cells;
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** Attribute text without t (and without vm/cm: value metadata of the old value). */
function keptAttrs(attrs: string, keepCm = false): string {
  const rx = keepCm ? /\s+(t|vm)\s*=\s*("[^"]*"|'[^']*')/g : /\s+(t|vm|cm)\s*=\s*("[^"]*"|'[^']*')/g;
  return attrs.replace(rx, '');
}

/** The <f> element of a cell's content, if any. */
function formulaElement(p: string, inner: string): RegExpExecArray | null {
  return new RegExp(`<${p}f\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}f>)`).exec(inner);
}

/** The type attribute and <v> text of a formula's cached result. */
function cachedParts(v: WriteValue | null): [string, string] {
  if (v === null) return ['', ''];
  if (typeof v === 'number') return ['', numberText(v)];
  if (typeof v === 'boolean') return [' t="b"', v ? '1' : '0'];
  if (typeof v === 'string') return [' t="str"', escapeText(v)];
  return [' t="e"', escapeXml(v.error)];
}

function isNumeric(e: CellEdit): boolean {
  return typeof e.value === 'number';
}

/** An edit made by the writer itself: a formula shared from a master we overwrite, made explicit. */
interface Unshare {
  unshare: string;
}
type AnyEdit = CellEdit | (Unshare & { row: number; col: number });
const isUnshare = (e: AnyEdit): e is Unshare & { row: number; col: number } => 'unshare' in e;

/**
 * Patches one sheet's XML with its edits. On a protected sheet a locked target refuses the whole
 * write (WriteRefused) before anything is produced.
 */
export function patchSheet(xml: string, edits: readonly CellEdit[], ctx: SheetPatchContext): string {
  const p = parseSheetXml(xml);
  const px = p.prefix;
  // The last edit of a cell wins.
  const byCell = new Map<string, AnyEdit>();
  for (const e of edits) byCell.set(`${e.row},${e.col}`, e);

  const cellAt = (row: number, col: number): CellTok | undefined => {
    const r = p.byRow.get(row);
    return r ? cellsOf(p, r).find((x) => x.col === col) : undefined;
  };
  const styleOf = (row: number, col: number): number => {
    const r = p.byRow.get(row);
    if (r) {
      const c = cellAt(row, col);
      if (c) return Number(attrsOf(c.attrs).get('s') ?? 0) || 0;
      const ra = attrsOf(r.attrs);
      if (ra.get('customFormat') === '1' || ra.get('customFormat') === 'true')
        return Number(ra.get('s') ?? 0) || 0;
    }
    return Number(p.colStyles.find((x) => col + 1 >= x.min && col + 1 <= x.max)?.style ?? 0) || 0;
  };

  if (p.protectedSheet) {
    const lockedCells = edits.filter((e) => ctx.locked(styleOf(e.row, e.col)));
    if (lockedCells.length > 0) {
      const where = lockedCells
        .slice(0, 3)
        .map((e) => `${columnName(e.col)}${e.row + 1}`)
        .join(', ');
      throw new WriteRefused(
        `工作表「${ctx.sheetName}」受保护，${where} 等单元格已锁定，未写出任何内容；请在 Excel 中撤销工作表保护后再试`,
        `sheet '${ctx.sheetName}' is protected and ${where} are locked cells; nothing was written. Unprotect the sheet in Excel and try again`,
      );
    }
  }

  addUnshares(p, byCell);

  const byRow = new Map<number, AnyEdit[]>();
  for (const e of byCell.values()) {
    const list = byRow.get(e.row) ?? [];
    list.push(e);
    byRow.set(e.row, list);
  }

  /** The style attribute text of a written cell: its own, or the one it takes, made fit for numbers. */
  const styleAttr = (style: number, e: CellEdit, wasEmpty: boolean): string => {
    let s = style;
    if (wasEmpty && isNumeric(e) && ctx.styles && s > 0 && ctx.styles.misleads(s))
      s = ctx.styles.plainNumber(s);
    return s > 0 ? ` s="${s}"` : '';
  };
  /** A value cell (no formula): numbers, booleans, errors, text shared or inline. */
  const valueCell = (attrs: string, v: WriteValue | null): string => {
    if (v === null) return `<${px}c${attrs}/>`;
    if (typeof v === 'number') return `<${px}c${attrs}><${px}v>${numberText(v)}</${px}v></${px}c>`;
    if (typeof v === 'boolean') return `<${px}c${attrs} t="b"><${px}v>${v ? 1 : 0}</${px}v></${px}c>`;
    if (typeof v === 'string') {
      if (ctx.strings) {
        ctx.strings.refDelta++;
        return `<${px}c${attrs} t="s"><${px}v>${ctx.strings.index(v)}</${px}v></${px}c>`;
      }
      return `<${px}c${attrs} t="inlineStr"><${px}is>${tText(px, v)}</${px}is></${px}c>`;
    }
    return `<${px}c${attrs} t="e"><${px}v>${escapeXml(v.error)}</${px}v></${px}c>`;
  };
  const formulaCell = (attrs: string, fAttrs: string, formula: string, v: WriteValue | null): string => {
    ctx.formulasChanged = ctx.formulasWritten = true;
    const [t, text] = cachedParts(v);
    const cached = v === null ? '' : `<${px}v>${text}</${px}v>`;
    return `<${px}c${attrs}${t}><${px}f${fAttrs}>${escapeXml(formula)}</${px}f>${cached}</${px}c>`;
  };
  /** A cell that did not exist. */
  const newCell = (e: CellEdit): string => {
    const style = e.styleFrom ? styleOf(e.styleFrom.row, e.styleFrom.col) : styleOf(e.row, e.col);
    const attrs = ` r="${columnName(e.col)}${e.row + 1}"${styleAttr(style, e, true)}`;
    return e.formula !== undefined ? formulaCell(attrs, '', e.formula, e.value) : valueCell(attrs, e.value);
  };
  /** An existing cell rewritten. */
  const editedCell = (c: CellTok, e: AnyEdit, row: number): string => {
    const f = formulaElement(px, c.inner);
    const wasS = /\bt\s*=\s*"s"/.test(c.attrs);
    const withR = (a: string): string => (c.hasR ? a : ` r="${columnName(c.col)}${row + 1}"${a}`);
    if (isUnshare(e)) {
      // Same value, same type: only the formula text made explicit.
      const rest = f ? c.inner.slice(f.index + f[0].length) : '';
      const before = f ? c.inner.slice(0, f.index) : '';
      return `<${px}c${withR(c.attrs)}>${before}<${px}f>${escapeXml(e.unshare)}</${px}f>${rest}</${px}c>`;
    }
    const fa = f ? attrsOf(f[1]!) : null;
    const isArray = fa?.get('t') === 'array';
    let kept = withR(keptAttrs(c.attrs, isArray && e.formula !== undefined));
    const ownStyle = /\bs\s*=\s*"/.test(kept);
    const wasEmpty = !f && !/<(?:[\w.-]+:)?(v|is)\b/.test(c.inner);
    if (!ownStyle && e.styleFrom) kept += styleAttr(styleOf(e.styleFrom.row, e.styleFrom.col), e, wasEmpty);
    else if (ownStyle && wasEmpty) {
      const s = Number(/\bs\s*=\s*"(\d+)"/.exec(kept)?.[1] ?? 0);
      const attr = styleAttr(s, e, true);
      kept = kept.replace(/\s+s\s*=\s*"\d+"/, attr);
    } else if (!ownStyle && wasEmpty) kept += styleAttr(styleOf(row, c.col), e, true);
    if (wasS && ctx.strings) ctx.strings.refDelta--;
    if (e.cachedOnly && f) {
      const rest = c.inner
        .slice(f.index + f[0].length)
        .replace(new RegExp(`<${px}v\\b[^>]*?(?:/>|>[\\s\\S]*?</${px}v>)`), '');
      const [t, text] = cachedParts(e.value);
      return `<${px}c${kept}${t}>${f[0]}<${px}v>${text}</${px}v>${rest}</${px}c>`;
    }
    if (e.formula !== undefined) {
      // An array formula keeps its range; a shared one becomes the cell's own formula.
      const fAttrs = isArray ? ` t="array" ref="${escapeXml(fa?.get('ref') ?? '')}"` : '';
      return formulaCell(kept, fAttrs, e.formula, e.value);
    }
    if (f) ctx.formulasChanged = true;
    return valueCell(kept, e.value);
  };
  const rowOpen = (r: RowTok, attrs: string): string =>
    `<${px}row${r.hasR ? '' : ` r="${r.row + 1}"`}${attrs}>`;

  const rowsWanted = [...byRow.keys()].sort((a, b) => a - b);
  const out: string[] = [];
  let pos = p.dataStart;
  let nextRow = 0;
  /** A row right after an inserted one, written without r: it gets one (it would move otherwise). */
  const needsR = new Set<RowTok>();
  for (let wi = 0; wi < rowsWanted.length; wi++) {
    const r = rowsWanted[wi]!;
    const row = p.byRow.get(r);
    const edits = byRow.get(r)!.sort((a, b) => a.col - b.col) as CellEdit[];
    if (!row) {
      // A new row goes before the first existing row below it.
      while (nextRow < p.rows.length && p.rows[nextRow]!.row < r) nextRow++;
      const next = p.rows[nextRow];
      const at = next ? next.start : p.dataEnd;
      if (at >= pos) {
        out.push(xml.slice(pos, at));
        pos = at;
      }
      out.push(`<${px}row r="${r + 1}">${edits.map(newCell).join('')}</${px}row>`);
      // Several new rows before the same next row: its r comes after the last of them.
      const following = rowsWanted[wi + 1];
      const moreBefore =
        next !== undefined && following !== undefined && !p.byRow.has(following) && following < next.row;
      if (next && !next.hasR && !moreBefore) {
        if (byRow.has(next.row)) needsR.add(next);
        else {
          out.push(`<${px}row r="${next.row + 1}"${next.attrs}${next.selfClosing ? '/' : ''}>`);
          pos = next.openEnd;
        }
      }
      continue;
    }
    out.push(xml.slice(pos, row.start));
    const cells = cellsOf(p, row);
    let attrs = row.attrs;
    const spans = /\bspans\s*=\s*"(\d+):(\d+)"/.exec(attrs);
    if (spans) {
      const lo = Math.min(Number(spans[1]), edits[0]!.col + 1);
      const hi = Math.max(Number(spans[2]), edits[edits.length - 1]!.col + 1);
      attrs = attrs.replace(spans[0], `spans="${lo}:${hi}"`);
    }
    if (row.selfClosing) attrs = attrs.replace(/\s*$/, '');
    const parts: string[] = [needsR.has(row) || !row.hasR ? rowOpen(row, attrs) : `<${px}row${attrs}>`];
    let cpos = row.openEnd;
    let ei = 0;
    // (A cell without r is one column right of the one before: nothing is ever inserted before it.)
    for (const c of cells) {
      while (ei < edits.length && edits[ei]!.col < c.col) {
        parts.push(xml.slice(cpos, c.start));
        cpos = c.start;
        parts.push(newCell(edits[ei++]!));
      }
      if (ei < edits.length && edits[ei]!.col === c.col) {
        parts.push(xml.slice(cpos, c.start));
        parts.push(editedCell(c, edits[ei++]!, r));
        cpos = c.end;
      }
    }
    const closeAt = row.selfClosing ? row.openEnd : row.end - `</${px}row>`.length;
    parts.push(xml.slice(cpos, closeAt));
    while (ei < edits.length) parts.push(newCell(edits[ei++]!));
    parts.push(`</${px}row>`);
    out.push(parts.join(''));
    pos = row.end;
  }
  out.push(xml.slice(pos, p.dataEnd));
  let body = out.join('');
  let before = xml.slice(0, p.dataStart);
  if (p.selfClosingData) {
    before = before.replace(/\/>$/, '>');
    body += `</${px}sheetData>`;
  }
  if (byCell.size > 0) before = grownDimension(before, px, [...byCell.values()]);
  return before + body + xml.slice(p.dataEnd);
}

/**
 * A shared formula's master that we overwrite: the cells that share it (and that we do not
 * write) get their formula spelled out, so they keep computing what they did.
 */
function addUnshares(p: ParsedSheet, byCell: Map<string, AnyEdit>): void {
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  for (const e of byCell.values()) {
    if (isUnshare(e) || e.cachedOnly) continue;
    const r = p.byRow.get(e.row);
    const c = r ? cellsOf(p, r).find((x) => x.col === e.col) : undefined;
    const f = c ? formulaElement(p.prefix, c.inner) : null;
    if (!f || f[2] === undefined) continue;
    const a = attrsOf(f[1]!);
    if (a.get('t') === 'shared' && a.get('ref') && a.get('si') !== undefined)
      masters.set(a.get('si')!, {
        formula: f[2]
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
        row: e.row,
        col: e.col,
      });
  }
  if (masters.size === 0) return;
  for (const row of p.rows) {
    for (const c of cellsOf(p, row)) {
      if (byCell.has(`${row.row},${c.col}`)) continue;
      const f = formulaElement(p.prefix, c.inner);
      if (!f) continue;
      const a = attrsOf(f[1]!);
      const m = a.get('t') === 'shared' ? masters.get(a.get('si') ?? '') : undefined;
      if (!m) continue;
      byCell.set(`${row.row},${c.col}`, {
        row: row.row,
        col: c.col,
        unshare: slideFormula(m.formula, row.row - m.row, c.col - m.col),
      });
    }
  }
}

/** The used range (a hint to Excel) grown to the written cells. */
function grownDimension(before: string, px: string, cells: readonly { row: number; col: number }[]): string {
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  for (const e of cells) {
    minRow = Math.min(minRow, e.row);
    maxRow = Math.max(maxRow, e.row);
    minCol = Math.min(minCol, e.col);
    maxCol = Math.max(maxCol, e.col);
  }
  return before.replace(
    new RegExp(`(<${px}dimension\\b[^>]*?\\bref=")([^"]*)(")`),
    (_m, a: string, ref: string, z: string) => {
      const [s, e] = ref.split(':');
      const p1 = parseRef(s ?? '');
      const p2 = e ? parseRef(e) : p1;
      if (!p1 || !p2) return `${a}${ref}${z}`;
      const r1 = `${columnName(Math.min(p1[1], minCol))}${Math.min(p1[0], minRow) + 1}`;
      const r2 = `${columnName(Math.max(p2[1], maxCol))}${Math.max(p2[0], maxRow) + 1}`;
      return `${a}${r1 === r2 ? r1 : `${r1}:${r2}`}${z}`;
    },
  );
}
