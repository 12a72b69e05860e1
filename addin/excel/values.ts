/** Conversions between Office.js cell payloads and the engine's grid model. */
import { parseRangeAddress } from '../../engine/address';
import type { Cell, CellRange, CellValue } from '../../engine/grid';
import type { WriteValue } from '../../engine/write-plan';

const EMPTY: CellValue = { kind: 'empty' };

/**
 * One cell from the parallel `values` / `valueTypes` arrays. valueTypes tells an error from
 * text that merely looks like one, TRUE from the text "TRUE", and "" from an empty cell.
 */
export function toCellValue(value: unknown, valueType: string | undefined): CellValue {
  switch (valueType) {
    case 'Empty':
      return EMPTY;
    case 'Double':
    case 'Integer':
      return typeof value === 'number' && Number.isFinite(value)
        ? { kind: 'number', value }
        : fallback(value);
    case 'String':
      return typeof value === 'string' ? (value === '' ? EMPTY : { kind: 'text', value }) : fallback(value);
    case 'Boolean':
      return typeof value === 'boolean' ? { kind: 'boolean', value } : fallback(value);
    case 'Error':
      return { kind: 'error', value: typeof value === 'string' && value.startsWith('#') ? value : '#VALUE!' };
    default:
      // 'Unknown', 'RichValue' (data types) or a host that sent no valueTypes: go by the JS type.
      return fallback(value);
  }
}

function fallback(value: unknown): CellValue {
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', value: '#NUM!' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'string') return value === '' ? EMPTY : { kind: 'text', value };
  return EMPTY;
}

/** A whole cell, or null when it is empty, has no formula and the General format. */
export function toCell(
  value: unknown,
  valueType: string | undefined,
  formula: unknown,
  numberFormat: unknown,
): Cell | null {
  const cell: Cell = { value: toCellValue(value, valueType) };
  if (typeof formula === 'string' && formula.startsWith('=')) cell.formula = formula;
  if (typeof numberFormat === 'string' && numberFormat !== '' && numberFormat.toLowerCase() !== 'general') {
    cell.numberFormat = numberFormat;
  }
  return cell.value.kind === 'empty' && cell.formula === undefined && cell.numberFormat === undefined
    ? null
    : cell;
}

/**
 * Splits an Office.js multi-area address such as "Sheet1!A1:B2, 'My, sheet'!C3" into 0-based
 * ranges, dropping the sheet names. Commas inside quoted sheet names do not split.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const out: CellRange[] = [];
  for (const part of parts) {
    const bang = part.lastIndexOf('!');
    const local = (bang >= 0 ? part.slice(bang + 1) : part).trim();
    if (local === '') continue;
    const range = parseRangeAddress(local.replace(/\$/g, ''));
    if (range) out.push(range);
  }
  return out;
}

/** A value the adapter writes: text, a finite number, a boolean, or null for "leave the cell alone". */
export type { WriteValue };

/**
 * What to hand to Office.js for a value so the cell ends up holding exactly that value.
 * Excel parses strings assigned through the API the way it parses typing: "=…" becomes a
 * formula, "001" the number 1, "1/2" or "2024年1月" a date, "80%" 0.8, "TRUE" a boolean. A
 * leading apostrophe keeps such text as text (Excel stores the text without it).
 */
export function toExcelLiteral(value: WriteValue): string | number | boolean | null {
  if (typeof value !== 'string') return value;
  return needsTextPrefix(value) ? `'${value}` : value;
}

function needsTextPrefix(s: string): boolean {
  const t = s.trimStart();
  if (t === '') return false;
  // Formula, sign, digits (ASCII or full-width), currency, decimal point, parenthesised number,
  // error literals and an existing apostrophe are all interpreted by Excel's input parser.
  if (/^[=+\-@'#(.$%¥￥€£０-９＋－＝0-9]/.test(t)) return true;
  return /^(true|false|真|假)$/i.test(t.trim());
}

/** The text a cell's `formulas` entry shows, for comparing what is there with what we would write. */
export function sameContent(existing: unknown, intended: string | number | boolean): boolean {
  if (typeof intended === 'number') return typeof existing === 'number' && existing === intended;
  if (typeof intended === 'boolean') return typeof existing === 'boolean' && existing === intended;
  return typeof existing === 'string' && existing === intended;
}

/** True when a `formulas` (or `values`) entry shows an empty cell. */
export function isEmptyContent(existing: unknown): boolean {
  return existing === '' || existing === null || existing === undefined;
}
