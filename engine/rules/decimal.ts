/**
 * Decimal arithmetic as the documents and Excel expect it: numbers read from cells are taken at
 * 15 significant digits (Excel's own precision, so 21.9/0.2 rounds to 110), rounding is half
 * away from zero (四舍五入, Excel's ROUND).
 */
import Decimal from 'decimal.js';

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

/**
 * Cell numbers repeat (points, actuals, rule constants). Decimals are immutable, so one instance
 * per number is shared; the cache is cleared when full.
 */
const decCache = new Map<number, Dec>();
/** Rule constants are kept as text ("0.8", "3"): the same few strings for every row. */
const decTextCache = new Map<string, Dec>();
const DEC_CACHE_MAX = 8192;

/** A cell number as Excel sees it: 15 significant digits. */
export function dec(x: number | string | Dec): Dec {
  if (typeof x === 'number') {
    let d = decCache.get(x);
    if (d !== undefined) return d;
    if (!Number.isFinite(x)) throw new RangeError('not a finite number');
    // Integers below 10^15 are exact at 15 digits: no need to print and re-parse them.
    d = x === 0 ? new D(0) : Number.isInteger(x) && Math.abs(x) < 1e15 ? new D(x) : new D(x.toPrecision(15));
    if (decCache.size >= DEC_CACHE_MAX) decCache.clear();
    decCache.set(x, d);
    return d;
  }
  if (typeof x === 'string' && x.length <= 32) {
    let d = decTextCache.get(x);
    if (d === undefined) {
      d = new D(x); // throws on bad text before anything is cached
      if (decTextCache.size >= DEC_CACHE_MAX) decTextCache.clear();
      decTextCache.set(x, d);
    }
    return d;
  }
  return new D(x);
}

/** 四舍五入 to `decimals` places, half away from zero. */
export function round(x: Dec, decimals: number): Dec {
  // Already within the places (most scores): the same value, without a new Decimal.
  if (x.decimalPlaces() <= decimals) return x;
  return x.toDecimalPlaces(decimals, D.ROUND_HALF_UP);
}

const ZERO = new D(0);

/**
 * max(0, x) and min(a, b) without the copies decimal.js's D.max / D.min make of their
 * arguments (decimals are immutable, so returning one of them is the same value): these run for
 * every scored item and every call of the score function.
 */
export function max0(x: Dec): Dec {
  return x.isNeg() || x.isZero() ? ZERO : x;
}
export function dmin(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}

export function clamp(x: Dec, lo: Dec | number, hi: Dec | number): Dec {
  return D.max(lo, D.min(hi, x));
}

/** A JS number for output; exact decimals survive because they are short. */
export function num(x: Dec): number {
  return x.toNumber();
}
