/**
 * Points as the documents write them: in a points column ("10", "10分", "１０", "一票否决\n10",
 * "25%") and inside labels ("围绕中心履职尽责（400分）", "自身\n建设\n45分", "（实行扣分制）",
 * "…考核标准(55分)").
 */
import Decimal from 'decimal.js';
import type { Cell } from './grid';
import { compactLabel, nfkc, numberFromText } from './text';

export interface LabelParts {
  /** The label without its points suffix and without line breaks. */
  name: string;
  /** Points declared in the label, or null. */
  points: number | null;
  /** "（实行扣分制）": no points of its own, deducts from the whole. */
  deductionOnly: boolean;
}

// Matched on the label as written (full-width or not) so the name keeps its own characters:
// the path of 重点（职能）工作（380分） is 重点（职能）工作, brackets as typed.
const D = '[0-9０-９]+(?:[.．][0-9０-９]+)?';
const OPEN = '[(\\[（【［]';
const CLOSE = '[)\\]）】］]';
const TAIL = '\\s*[。.;；]?$';
const PAREN_POINTS = new RegExp(`${OPEN}\\s*(?:满分为?|共|计)?\\s*(${D})\\s*分\\s*${CLOSE}${TAIL}`);
const BARE_POINTS = new RegExp(`(?<![0-9０-９.．])(${D})\\s*分${TAIL}`);
const PAREN_NUMBER = new RegExp(`${OPEN}\\s*(${D})\\s*${CLOSE}\\s*$`);
const CLOSES = new RegExp(`${CLOSE}\\s*$`);
const DEDUCTION_ONLY = new RegExp(`${OPEN}?\\s*(?:实行|实施)?扣分制\\s*${CLOSE}?${TAIL}`);

function toNumber(digits: string | undefined): number {
  return Number(nfkc(digits ?? '').replace(/\s+/g, ''));
}

/**
 * Splits a label into name and declared points. `allowBareNumber` also reads "(1)" as 1 point,
 * which the 温州 standard writes beside labels with "(1.25分)"; elsewhere "(1)" is numbering.
 */
export function parseLabel(raw: string, allowBareNumber = false): LabelParts {
  const text = compactLabel(raw);
  // Every pattern below needs 分 (points, 扣分制) or, for bare numbers, a closing bracket at
  // the end: most item names have neither.
  if (!text.includes('分') && !(allowBareNumber && CLOSES.test(text)))
    return { name: text, points: null, deductionOnly: false };
  let m = PAREN_POINTS.exec(text);
  if (m) return { name: text.slice(0, m.index).trim(), points: toNumber(m[1]), deductionOnly: false };
  m = DEDUCTION_ONLY.exec(text);
  if (m) return { name: text.slice(0, m.index).trim(), points: null, deductionOnly: true };
  m = BARE_POINTS.exec(text);
  // "45分" only counts when something precedes it ("自身建设45分"); a lone "10分" is a value.
  if (m && m.index > 0)
    return { name: text.slice(0, m.index).trim(), points: toNumber(m[1]), deductionOnly: false };
  if (allowBareNumber) {
    m = PAREN_NUMBER.exec(text);
    if (m && m.index > 0)
      return { name: text.slice(0, m.index).trim(), points: toNumber(m[1]), deductionOnly: false };
  }
  return { name: text, points: null, deductionOnly: false };
}

/** True when a label declares points (or 扣分制), so it is a group/title declaration. */
export function labelDeclaresPoints(raw: string): boolean {
  const p = parseLabel(raw);
  return p.points !== null || p.deductionOnly;
}

export type PointsCell =
  | { status: 'empty' }
  | {
      status: 'ok';
      points: number | null;
      veto: boolean;
      asText: boolean;
      percent: boolean;
      deductionOnly: boolean;
    }
  | { status: 'error'; error: string }
  | { status: 'invalid'; text: string };

const VETO = /一票否决/;

/**
 * Reads a points cell. Numbers are points; text is read as the documents write it, and
 * `asText` says a number was typed as text (NUMBER_AS_TEXT) unless it is the veto form.
 */
export function parsePointsCell(cell: Cell | undefined): PointsCell {
  const v = cell?.value;
  if (!v || v.kind === 'empty') return { status: 'empty' };
  if (v.kind === 'error') return { status: 'error', error: v.value };
  if (v.kind === 'boolean') return { status: 'invalid', text: v.value ? 'TRUE' : 'FALSE' };
  if (v.kind === 'number') {
    if (!Number.isFinite(v.value) || v.value < 0) return { status: 'invalid', text: String(v.value) };
    const percent = /%/.test(cell?.numberFormat ?? '');
    return { status: 'ok', points: v.value, veto: false, asText: false, percent, deductionOnly: false };
  }
  const text = nfkc(v.value).trim();
  if (text === '') return { status: 'empty' };
  if (VETO.test(text)) {
    const rest = text.replace(VETO, '').replace(/[\s:：,，、()（）]/g, '');
    if (rest === '')
      return { status: 'ok', points: null, veto: true, asText: false, percent: false, deductionOnly: false };
    const n = readNumber(rest);
    if (n)
      return {
        status: 'ok',
        points: n.value,
        veto: true,
        asText: false,
        percent: n.percent,
        deductionOnly: false,
      };
    return { status: 'invalid', text: v.value };
  }
  if (/扣分制/.test(text))
    return { status: 'ok', points: null, veto: false, asText: false, percent: false, deductionOnly: true };
  const n = readNumber(text.replace(/\s+/g, ''));
  if (n)
    return {
      status: 'ok',
      points: n.value,
      veto: false,
      asText: true,
      percent: n.percent,
      deductionOnly: false,
    };
  return { status: 'invalid', text: v.value };
}

/** Non-negative numbers as text, read as everywhere else ("10分", "１０", "25%"). */
function readNumber(s: string): { value: number; percent: boolean } | null {
  const n = numberFromText(s);
  return n && n.value >= 0 && !n.digits.startsWith('+') ? { value: n.value, percent: n.percent } : null;
}

/** Points are written with at most this many decimals, almost always. */
const SCALE = 1e6;
/** Below this, two numbers of at most 6 decimals never round to the same double. */
const SCALED_MAX = 1e9;

/**
 * Exact decimal sum of points (binary floats would make 0.25+0.7+0.1 ≠ 1.05), as decimal.js
 * adds the numbers as they print. Points of at most 6 decimals (all real tables) are added as
 * whole millionths, which is exact and the same number, without a Decimal per value; anything
 * else is added by decimal.js.
 */
export function sumPoints(values: Iterable<number>): number {
  const list = Array.isArray(values) ? (values as readonly number[]) : [...values];
  let scaled = 0;
  for (const v of list) {
    const m = Math.round(v * SCALE);
    // m / SCALE === v: v is the double of a decimal with at most 6 decimals, so it prints as that
    // decimal; the sum of such whole numbers is exact below 2^53.
    if (!(Math.abs(v) < SCALED_MAX) || m / SCALE !== v) return decimalSum(list);
    scaled += m;
    if (!Number.isSafeInteger(scaled)) return decimalSum(list);
  }
  // Both exact: one correctly rounded division gives the double nearest the exact sum, as
  // Decimal's toNumber does. (-0 sums to 0, as in decimal.js.)
  return scaled / SCALE + 0;
}

function decimalSum(values: readonly number[]): number {
  let s = new Decimal(0);
  for (const v of values) s = s.plus(v);
  return s.toNumber();
}

/** Exact equality of two point totals. */
export function samePoints(a: number, b: number): boolean {
  return new Decimal(a).eq(b);
}
