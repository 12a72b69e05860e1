/** A1-style addresses. Rows and columns are 0-based in the engine, 1-based in addresses. */
import type { CellRange } from './grid';

/** Letters of the first columns, made once: every finding and item names its cells. */
const LETTERS: string[] = [];
const LETTERS_KEPT = 1024;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  if (col >= 0 && col < LETTERS_KEPT && Number.isInteger(col)) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26; returns -1 for anything that is not a column name. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (4, 2) → "C5". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A range as "A5:E52" (a single cell as "A5"). */
export function rangeAddress(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** "C5" → { row: 4, col: 2 }; null when the text is not an A1 address. */
export function parseCellAddress(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a.trim());
  if (!m) return null;
  const col = columnIndex(m[1] ?? '');
  const row = Number(m[2]) - 1;
  return col < 0 || row < 0 ? null : { row, col };
}

/** "A1:B2" (or "A1") → CellRange; null when malformed. */
export function parseRangeAddress(a: string): CellRange | null {
  const [p, q] = a.split(':');
  const s = parseCellAddress(p ?? '');
  const e = q === undefined ? s : parseCellAddress(q);
  if (!s || !e) return null;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}
