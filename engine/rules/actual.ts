/** Reading actual values: fractions for percents, counts, and yes/no events. */
import { numberFromText } from '../text';
import { dec, type Dec } from './decimal';
import type { Actual } from './types';

export type Reading =
  | { kind: 'number'; value: Dec; percentText: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'missing' };

/** One actual value: numbers as they are, "76.5%" → 0.765, "１０" → 10, other text kept. */
export function readActual(a: Actual): Reading {
  if (a === null || a === undefined) return { kind: 'missing' };
  if (Array.isArray(a))
    return a.length === 1 ? readActual(a[0] ?? null) : { kind: 'text', value: a.join(',') };
  if (typeof a === 'number')
    return Number.isFinite(a)
      ? { kind: 'number', value: dec(a), percentText: false }
      : { kind: 'text', value: String(a) };
  if (typeof a === 'boolean') return { kind: 'boolean', value: a };
  const t = String(a).normalize('NFKC').trim();
  if (t === '') return { kind: 'missing' };
  // Units clerks type after numbers ("0.5分", "3次", "12万") are read as the number itself.
  const n = numberFromText(t);
  if (n)
    return {
      kind: 'number',
      value: n.percent ? dec(n.digits).div(100) : dec(n.digits),
      percentText: n.percent,
    };
  return { kind: 'text', value: t };
}

/** The separate values of an actual (a range, or "96%,97%" in one cell), not yet read. */
export function actualParts(a: Actual): readonly (number | string | boolean | null)[] {
  if (Array.isArray(a)) return a as readonly (number | string | boolean | null)[];
  if (typeof a === 'string' && /[,，;；、\s]/.test(a.trim())) return a.trim().split(/[,，;；、\s]+/);
  return [a as number | string | boolean | null];
}

/** Several actual values (a range, or "96%,97%" in one cell). */
export function readActuals(a: Actual): Reading[] {
  return actualParts(a).map((x) => readActual(x));
}

/** The words that say an event happened or not (lower case, as readOccurred compares them). */
export const OCCURRED_WORDS = {
  yes: ['是', '发生', '有', '否决', '已发生', 'true', 'yes', 'y', '√', '触发'],
  no: ['否', '未发生', '无', '没有', '不发生', 'false', 'no', 'n', '×', '未触发'],
} as const;
const YES = new Set<string>(OCCURRED_WORDS.yes);
const NO = new Set<string>(OCCURRED_WORDS.no);
const DONE = new Set(['完成', '已完成', '是', '建成', '已建成', '实现', 'true', 'yes', 'y', '√']);
const NOT_DONE = new Set(['未完成', '否', '未建成', '未实现', 'false', 'no', 'n', '×', '没有完成']);

/** Did the event happen? null when the value says neither. */
export function readOccurred(r: Reading): boolean | null {
  if (r.kind === 'boolean') return r.value;
  if (r.kind === 'number') return r.value.gte(1) ? true : r.value.isZero() ? false : null;
  if (r.kind === 'text') {
    const k = r.value.toLowerCase();
    if (YES.has(k)) return true;
    if (NO.has(k)) return false;
  }
  return null;
}

/** Was the task done? null when the value says neither. */
export function readDone(r: Reading): boolean | null {
  if (r.kind === 'boolean') return r.value;
  if (r.kind === 'number') return r.value.eq(1) ? true : r.value.isZero() ? false : null;
  if (r.kind === 'text') {
    const k = r.value.toLowerCase();
    if (DONE.has(k)) return true;
    if (NOT_DONE.has(k)) return false;
  }
  return null;
}
