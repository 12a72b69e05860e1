/**
 * Stage 2, the body's extent: the rows below the header down to a 合计 row, a 注： note, a section
 * row, the next (different) header or blank rows; a header printed again on a new page and 小计
 * rows are skipped. Also the notes under the table.
 */
import { EMPTY, type CellValue } from '../grid';
import type { SheetView } from '../sheet-view';
import { matchKey, nfkc } from '../text';
import type { HeaderInfo } from './header';
import { ANNEX, NOTE_ROW, SECTION_ROW, SUBTOTAL, TOTALS } from './patterns';

export interface Body {
  /** Last row of the table (the totals row when there is one), 0-based. */
  bottom: number;
  totalsRow: number | null;
  notes: { row: number; text: string }[];
  /** The item rows, in order. */
  bodyRows: number[];
}

export function findBody(
  view: SheetView,
  header: HeaderInfo,
  headerAt: (r: number) => HeaderInfo | null,
): Body {
  const { cols, left, right } = header;
  let bottom = header.bottom;
  let totalsRow: number | null = null;
  const notes: { row: number; text: string }[] = [];
  const bodyRows: number[] = [];
  const repeatedHeaders: number[] = [];
  let blankRun = 0;
  const scan = { col: 0, value: EMPTY as CellValue };
  for (let r = header.bottom + 1; r < view.rowCount; r++) {
    const ownCount = scanOwnCells(view, r, left, right, scan);
    if (ownCount === 0) {
      if (continuesMerge(view, r, left, right, header.bottom)) {
        bodyRows.push(r);
        continue;
      }
      blankRun++;
      if (blankRun >= 2 || nextContentStartsNewBlock(view, r, left, right, headerAt)) break;
      continue;
    }
    const first = { col: scan.col, value: scan.value };
    const firstText = first.value.kind === 'text' ? first.value.value : '';
    const marks = rowMarks(firstText);
    if (marks & TOTALS_ROW) {
      totalsRow = r;
      bottom = r;
      break;
    }
    if (marks & NOTE) {
      collectNotes(view, r, notes);
      break;
    }
    const h = headerAt(r);
    if (h) {
      if (h.signature === header.signature) {
        repeatedHeaders.push(r); // the header printed again on a new page
        blankRun = 0;
        continue;
      }
      break;
    }
    if (ownCount === 1 && (marks & SECTION) !== 0 && first.col !== cols.item) break;
    if (marks & SUBTOTAL_ROW) {
      bottom = r;
      blankRun = 0;
      continue;
    }
    blankRun = 0;
    bodyRows.push(r);
    bottom = r;
  }
  if (notes.length === 0 && totalsRow !== null) {
    for (let r = totalsRow + 1; r < view.rowCount && r <= totalsRow + 2; r++) {
      const own = ownCells(view, r, left, Math.max(right, view.colCount - 1));
      if (own.length === 0) continue;
      const t = own[0]!.value.kind === 'text' ? (own[0]!.value as { value: string }).value : '';
      if (NOTE_ROW.test(nfkc(t))) collectNotes(view, r, notes);
      break;
    }
  }
  for (const r of bodyRows) if (r > bottom) bottom = r;
  return { bottom, totalsRow, notes, bodyRows };
}

const TOTALS_ROW = 1;
const SUBTOTAL_ROW = 2;
const NOTE = 4;
const SECTION = 8;
/**
 * What a body row's first text says (totals, subtotal, a note, a section), per distinct text: the
 * body scan asks of every row, and a returned workbook's rows repeat its template's texts. Kept
 * for texts up to 256 characters, cleared when full.
 */
const rowMarkCache = new Map<string, number>();
function rowMarks(text: string): number {
  let marks = rowMarkCache.get(text);
  if (marks === undefined) {
    const key = matchKey(text);
    const n = nfkc(text);
    marks =
      (TOTALS.has(key) ? TOTALS_ROW : 0) |
      (SUBTOTAL.has(key) ? SUBTOTAL_ROW : 0) |
      (NOTE_ROW.test(n) ? NOTE : 0) |
      (SECTION_ROW.test(n) ? SECTION : 0);
    if (text.length <= 256) {
      if (rowMarkCache.size >= 4096) rowMarkCache.clear();
      rowMarkCache.set(text, marks);
    }
  }
  return marks;
}

/**
 * How many own cells a row has within [left, right] (counting stops at 2), the first one left
 * in `first`: the body scan runs once per row and needs no more, so it allocates nothing.
 */
function scanOwnCells(
  view: SheetView,
  r: number,
  left: number,
  right: number,
  first: { col: number; value: CellValue },
): number {
  let n = 0;
  for (let c = left; c <= right && n < 2; c++) {
    const v = view.raw(r, c)?.value;
    if (!v || v.kind === 'empty' || (v.kind === 'text' && v.value.trim() === '')) continue;
    if (view.isMergeSlave(r, c)) continue;
    if (n++ === 0) {
      first.col = c;
      first.value = v;
    }
  }
  return n;
}

/** Own (non-merge-slave) filled cells of a row within [left, right]. */
export function ownCells(
  view: SheetView,
  r: number,
  left: number,
  right: number,
): { col: number; value: CellValue }[] {
  return view.filledCellsIn(r, left, right);
}

/** A row with no values of its own that sits inside a merge begun in the body: part of the table. */
function continuesMerge(
  view: SheetView,
  r: number,
  left: number,
  right: number,
  headerBottom: number,
): boolean {
  for (let c = left; c <= right; c++) {
    const m = view.mergeAt(r, c);
    if (m && m.top > headerBottom && m.top < r) return true;
  }
  return false;
}

/** Does the next content below a blank row start a new block (section, title, header)? */
function nextContentStartsNewBlock(
  view: SheetView,
  r: number,
  left: number,
  right: number,
  headerAt: (r: number) => HeaderInfo | null,
): boolean {
  let seen = 0;
  for (let k = r + 1; k < view.rowCount && seen < 3; k++) {
    const own = view.filledCellsIn(k);
    if (own.length === 0) continue;
    seen++;
    if (headerAt(k)) return true;
    const t = own[0]!.value.kind === 'text' ? (own[0]!.value as { value: string }).value : '';
    if (own.length === 1 && (SECTION_ROW.test(nfkc(t)) || NOTE_ROW.test(nfkc(t)) || ANNEX.test(t)))
      return true;
    if (ownCells(view, k, left, right).length === 0) return true;
  }
  return seen === 0;
}

function collectNotes(view: SheetView, start: number, notes: { row: number; text: string }[]): void {
  for (let r = start; r < view.rowCount; r++) {
    const own = view.filledCellsIn(r);
    if (own.length === 0) break;
    const t = own
      .map((c) =>
        c.value.kind === 'text' ? c.value.value : c.value.kind === 'number' ? String(c.value.value) : '',
      )
      .join(' ')
      .trim();
    if (r > start && !/^\s*[0-9０-９]+\s*[.．、]/.test(t) && !NOTE_ROW.test(nfkc(t))) break;
    notes.push({ row: r, text: t });
  }
}

/** Whether a row has something in the columns a clerk fills (not only labels or 序号). */
