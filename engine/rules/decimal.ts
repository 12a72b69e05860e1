/**
 * Decimal arithmetic as the documents and Excel expect it: numbers read from cells are taken at
 * 15 significant digits (Excel's own precision, so 21.9/0.2 rounds to 110), rounding is half
 * away from zero (四舍五入, Excel's ROUND).
 */
import Decimal from 'decimal.js';

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

/** A cell number as Excel sees it: 15 significant digits. */
export function dec(x: number | string | Dec): Dec {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new RangeError('not a finite number');
    return new D(x === 0 ? 0 : x.toPrecision(15));
  }
  return new D(x);
}

/** 四舍五入 to `decimals` places, half away from zero. */
export function round(x: Dec, decimals: number): Dec {
  return x.toDecimalPlaces(decimals, D.ROUND_HALF_UP);
}

export function clamp(x: Dec, lo: Dec | number, hi: Dec | number): Dec {
  return D.max(lo, D.min(hi, x));
}

/** A JS number for output; exact decimals survive because they are short. */
export function num(x: Dec): number {
  return x.toNumber();
}
