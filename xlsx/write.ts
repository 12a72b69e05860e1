/**
 * The surgical writer: a copy of the package in which only the cells we set change. The sheet
 * XML of a sheet we write to is patched in place (rows and cells inserted in row and column
 * order, edited cells rebuilt, everything between them copied as text); workbook.xml gains
 * fullCalcOnLoad only when asked; every other part is copied as the input's compressed bytes, so
 * charts, pivots, VBA, drawings, comments, custom properties … stay exactly as they were.
 * Strings are written inline (t="inlineStr", or t="str" for a formula's cached text), so the
 * shared strings part is never rewritten; a new cell takes the style of its row or column (or the
 * cell named by `styleFrom`), so styles.xml is not rewritten either.
 */
import { InputError } from './errors.js';
import type { XlsxPackage } from './package.js';
import { columnName, parseRef } from './sheet.js';
import { escapeXml } from './xml.js';
import { rewriteZip } from './zip.js';

export type WriteValue = number | string | boolean | { error: string };

export interface CellEdit {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  value: WriteValue;
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

const enc = new TextEncoder();

interface CellTok {
  col: number;
  start: number;
  end: number;
  /** The attribute text of the open tag. */
  attrs: string;
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

function parseSheetXml(xml: string): ParsedSheet {
  const open = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new InputError('corrupt', '工作表内容无法解析', 'a worksheet cannot be parsed');
  const prefix = open[1] ?? '';
  const selfClosingData = open[2] === '/';
  const dataStart = open.index + open[0].length;
  const dataEnd = selfClosingData ? dataStart : xml.indexOf(`</${prefix}sheetData>`, dataStart);
  if (dataEnd < 0) throw new InputError('corrupt', '工作表内容无法解析', 'a worksheet cannot be parsed');
  const rows: RowTok[] = [];
  const rowRx = new RegExp(`<${prefix}row\\b([^>]*?)(/?)>`, 'g');
  rowRx.lastIndex = dataStart;
  const rowClose = `</${prefix}row>`;
  let last = -1;
  for (;;) {
    const m = rowRx.exec(xml);
    if (!m || m.index >= dataEnd) break;
    const attrs = m[1]!;
    const r = /\br="(\d+)"/.exec(attrs);
    const row = r ? Number(r[1]) - 1 : last + 1;
    last = row;
    const selfClosing = m[2] === '/';
    const openEnd = m.index + m[0].length;
    const end = selfClosing ? openEnd : xml.indexOf(rowClose, openEnd) + rowClose.length;
    if (!selfClosing && end < rowClose.length)
      throw new InputError('corrupt', '工作表内容无法解析', 'a worksheet cannot be parsed');
    rows.push({ row, start: m.index, openEnd, end, attrs, selfClosing, cells: null });
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
  const protectedSheet = !!prot && /\bsheet="(1|true)"/.test(prot[1]!);
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
      const r = /\br="([A-Za-z]+\d+)"/.exec(attrs);
      const col = r ? (parseRef(r[1]!)?.[1] ?? lastCol + 1) : lastCol + 1;
      lastCol = col;
      const openEnd = m.index + m[0].length;
      let end = openEnd;
      let inner = '';
      if (m[2] !== '/') {
        const e = p.xml.indexOf(close, openEnd);
        inner = p.xml.slice(openEnd, e);
        end = e + close.length;
      }
      cells.push({ col, start: m.index, end, attrs, inner });
      rx.lastIndex = end;
    }
  }
  row.cells = cells;
  return cells;
}

/** XML cannot hold most control characters: OOXML writes them as _xHHHH_ (and "_x" itself escaped). */
function escapeText(s: string): string {
  const esc = s.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(
    // eslint-disable-next-line no-control-regex -- exactly the characters XML cannot hold
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return escapeXml(esc);
}

function tText(p: string, s: string): string {
  const space = /^\s|\s$/.test(s) ? ' xml:space="preserve"' : '';
  return `<${p}t${space}>${escapeText(s)}</${p}t>`;
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** The cell element for a value; `attrs` are the kept attributes (r, s, …) without t. */
function valueCell(p: string, attrs: string, v: WriteValue): string {
  if (typeof v === 'number') return `<${p}c${attrs}><${p}v>${numberText(v)}</${p}v></${p}c>`;
  if (typeof v === 'boolean') return `<${p}c${attrs} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  if (typeof v === 'string') return `<${p}c${attrs} t="inlineStr"><${p}is>${tText(p, v)}</${p}is></${p}c>`;
  return `<${p}c${attrs} t="e"><${p}v>${escapeXml(v.error)}</${p}v></${p}c>`;
}

/** A formula cell with a new cached result: its <f> kept as written. */
function cachedCell(p: string, attrs: string, inner: string, v: WriteValue): string {
  const f = new RegExp(`<${p}f\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}f>)`).exec(inner);
  if (!f) return valueCell(p, attrs, v);
  const rest = inner
    .slice(f.index + f[0].length)
    .replace(new RegExp(`<${p}v\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}v>)`), '');
  const [t, text] =
    typeof v === 'number'
      ? ['', numberText(v)]
      : typeof v === 'boolean'
        ? [' t="b"', v ? '1' : '0']
        : typeof v === 'string'
          ? [' t="str"', escapeText(v)]
          : [' t="e"', escapeXml(v.error)];
  return `<${p}c${attrs}${t}>${f[0]}<${p}v>${text}</${p}v>${rest}</${p}c>`;
}

/** Attribute text without t (and without vm/cm: value metadata of the old value). */
function keptAttrs(attrs: string): string {
  return attrs.replace(/\s+(t|vm|cm)\s*=\s*("[^"]*"|'[^']*')/g, '');
}

function styleOf(p: ParsedSheet, row: number, col: number): string | undefined {
  const r = p.byRow.get(row);
  if (r) {
    const c = cellsOf(p, r).find((x) => x.col === col);
    if (c) return attrsOf(c.attrs).get('s');
    const ra = attrsOf(r.attrs);
    if (ra.get('customFormat') === '1' || ra.get('customFormat') === 'true') return ra.get('s');
  }
  return p.colStyles.find((x) => col + 1 >= x.min && col + 1 <= x.max)?.style;
}

/**
 * Patches one sheet's XML with its edits. `locked(s)` tells whether a style index locks its
 * cells; on a protected sheet a locked target refuses the whole write.
 */
function patchSheet(
  xml: string,
  sheetName: string,
  edits: readonly CellEdit[],
  locked: (style: string | undefined) => boolean,
): string {
  const p = parseSheetXml(xml);
  const px = p.prefix;
  // The last edit of a cell wins; order by row, then column.
  const byCell = new Map<string, CellEdit>();
  for (const e of edits) byCell.set(`${e.row},${e.col}`, e);
  const byRow = new Map<number, CellEdit[]>();
  for (const e of byCell.values()) {
    const list = byRow.get(e.row) ?? [];
    list.push(e);
    byRow.set(e.row, list);
  }
  if (p.protectedSheet) {
    const lockedCells = [...byCell.values()].filter((e) => locked(styleOf(p, e.row, e.col)));
    if (lockedCells.length > 0) {
      const where = lockedCells
        .slice(0, 3)
        .map((e) => `${columnName(e.col)}${e.row + 1}`)
        .join(', ');
      throw new WriteRefused(
        `工作表「${sheetName}」受保护，${where} 等单元格已锁定，未写出任何内容；请在 Excel 中撤销工作表保护后再试`,
        `sheet '${sheetName}' is protected and ${where} are locked cells; nothing was written. Unprotect the sheet in Excel and try again`,
      );
    }
  }
  const styleFor = (e: CellEdit): string => {
    const s = e.styleFrom ? styleOf(p, e.styleFrom.row, e.styleFrom.col) : styleOf(p, e.row, e.col);
    return s && s !== '0' ? ` s="${s}"` : '';
  };
  const newCell = (e: CellEdit): string =>
    valueCell(px, ` r="${columnName(e.col)}${e.row + 1}"${styleFor(e)}`, e.value);

  const rowsWanted = [...byRow.keys()].sort((a, b) => a - b);
  const out: string[] = [];
  let pos = p.dataStart;
  let nextRow = 0;
  const emitNewRow = (r: number): void => {
    const cells = byRow.get(r)!.sort((a, b) => a.col - b.col);
    out.push(`<${px}row r="${r + 1}">${cells.map(newCell).join('')}</${px}row>`);
  };
  let minCol = Infinity;
  let maxCol = -1;
  for (const e of byCell.values()) {
    minCol = Math.min(minCol, e.col);
    maxCol = Math.max(maxCol, e.col);
  }
  for (const r of rowsWanted) {
    const row = p.byRow.get(r);
    if (!row) {
      // A new row goes before the first existing row below it.
      while (nextRow < p.rows.length && p.rows[nextRow]!.row < r) nextRow++;
      const next = p.rows[nextRow];
      const at = next ? next.start : p.dataEnd;
      out.push(xml.slice(pos, at));
      pos = at;
      emitNewRow(r);
      continue;
    }
    out.push(xml.slice(pos, row.start));
    const edits = byRow.get(r)!.sort((a, b) => a.col - b.col);
    const cells = cellsOf(p, row);
    let attrs = row.attrs;
    const spans = /\bspans="(\d+):(\d+)"/.exec(attrs);
    if (spans) {
      const lo = Math.min(Number(spans[1]), edits[0]!.col + 1);
      const hi = Math.max(Number(spans[2]), edits[edits.length - 1]!.col + 1);
      attrs = attrs.replace(spans[0], `spans="${lo}:${hi}"`);
    }
    const parts: string[] = [`<${px}row${attrs}>`];
    let cpos = row.openEnd;
    let ei = 0;
    for (const c of cells) {
      while (ei < edits.length && edits[ei]!.col < c.col) {
        parts.push(xml.slice(cpos, c.start));
        cpos = c.start;
        parts.push(newCell(edits[ei++]!));
      }
      if (ei < edits.length && edits[ei]!.col === c.col) {
        const e = edits[ei++]!;
        parts.push(xml.slice(cpos, c.start));
        const kept = keptAttrs(c.attrs);
        const withStyle = e.styleFrom && !/\bs="/.test(kept) ? kept + styleFor(e) : kept;
        parts.push(
          e.cachedOnly ? cachedCell(px, withStyle, c.inner, e.value) : valueCell(px, withStyle, e.value),
        );
        cpos = c.end;
      }
    }
    const closeAt = row.selfClosing ? row.openEnd : row.end - `</${px}row>`.length;
    parts.push(xml.slice(cpos, closeAt));
    while (ei < edits.length) parts.push(newCell(edits[ei++]!));
    parts.push(`</${px}row>`);
    if (row.selfClosing) parts[0] = `<${px}row${attrs.replace(/\s*$/, '')}>`;
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
  const after = xml.slice(p.dataEnd);
  // The used range grows to the new cells (Excel reads it as a hint only; keep it honest).
  if (byCell.size > 0) {
    const minRow = rowsWanted[0]!;
    const maxRow = rowsWanted[rowsWanted.length - 1]!;
    before = before.replace(
      new RegExp(`(<${px}dimension\\b[^>]*?\\bref=")([^"]*)(")`),
      (_m, a: string, ref: string, z: string) => {
        const [s, e] = ref.split(':');
        const p1 = parseRef(s ?? '');
        const p2 = e ? parseRef(e) : p1;
        if (!p1 || !p2) return `${a}${ref}${z}`;
        const top = Math.min(p1[0], minRow);
        const left = Math.min(p1[1], minCol);
        const bottom = Math.max(p2[0], maxRow);
        const right = Math.max(p2[1], maxCol);
        const r1 = `${columnName(left)}${top + 1}`;
        const r2 = `${columnName(right)}${bottom + 1}`;
        return `${a}${r1 === r2 ? r1 : `${r1}:${r2}`}${z}`;
      },
    );
  }
  return before + body + after;
}

/** workbook.xml with calcPr fullCalcOnLoad="1" (set on the element, or a new element in its place). */
export function withFullCalcOnLoad(xml: string): string {
  const calc = /<([\w.-]+:)?calcPr\b([^>]*?)(\/?)>/.exec(xml);
  if (calc) {
    const attrs = calc[2]!.replace(/\s+fullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/, '');
    return (
      xml.slice(0, calc.index) +
      `<${calc[1] ?? ''}calcPr${attrs} fullCalcOnLoad="1"${calc[3]}>` +
      xml.slice(calc.index + calc[0].length)
    );
  }
  const root = /<([\w.-]+:)?workbook\b/.exec(xml);
  const px = root?.[1] ?? '';
  const after = new RegExp(
    `<${px}(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\\b|</${px}workbook>`,
  ).exec(xml);
  if (!after) return xml;
  return xml.slice(0, after.index) + `<${px}calcPr fullCalcOnLoad="1"/>` + xml.slice(after.index);
}

export interface PatchOptions {
  /** Ask Excel to recalculate everything on open (formulas may read what we wrote). */
  fullCalcOnLoad: boolean;
}

/**
 * The bytes of a copy of the package with the edits applied. Throws WriteRefused (a locked cell
 * on a protected sheet) before anything is produced, InputError for a sheet that cannot be parsed.
 */
export function patchPackage(pkg: XlsxPackage, edits: readonly CellEdit[], opts: PatchOptions): Uint8Array {
  const styles = pkg.styles();
  const locked = (s: string | undefined): boolean => styles.locked[s ? Number(s) : 0] ?? true;
  const bySheet = new Map<string, CellEdit[]>();
  for (const e of edits) {
    const list = bySheet.get(e.sheet) ?? [];
    list.push(e);
    bySheet.set(e.sheet, list);
  }
  const replace = new Map<string, Uint8Array | null>();
  for (const [name, list] of bySheet) {
    const info = pkg.sheets.find((s) => s.name === name);
    if (!info) continue;
    const entry = pkg.entry(info.path)!;
    replace.set(entry.name, enc.encode(patchSheet(pkg.text(info.path), name, list, locked)));
  }
  if (opts.fullCalcOnLoad && pkg.workbookPath) {
    const entry = pkg.entry(pkg.workbookPath)!;
    const xml = pkg.text(pkg.workbookPath);
    const patched = withFullCalcOnLoad(xml);
    if (patched !== xml) replace.set(entry.name, enc.encode(patched));
  }
  return rewriteZip(pkg.bytes, pkg.entries, replace);
}
