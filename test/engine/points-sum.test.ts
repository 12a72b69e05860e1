/**
 * Sums of points (group sums, the table's sum, the 合计 a clerk sees in POINTS_SUM_MISMATCH) are
 * exact decimals: 0.25 + 0.7 + 0.1 is 1.05, not the binary 1.0499999999999998. The sum adds
 * whole millionths when every value has at most 6 decimals and decimal.js otherwise; both must
 * give the number decimal.js gives for the numbers as they print.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumPoints } from '../../engine/points';

function decimalJsSum(values: readonly number[]): number {
  let s = new Decimal(0);
  for (const v of values) s = s.plus(v);
  return s.toNumber();
}

describe('sumPoints', () => {
  it('adds decimals exactly (worked by hand)', () => {
    expect(sumPoints([0.25, 0.7, 0.1])).toBe(1.05); // binary floats: 1.0499999999999998
    expect(sumPoints([0.1, 0.2])).toBe(0.3); // binary floats: 0.30000000000000004
    expect(sumPoints([1.25, 2.5, 0.125, 6.125])).toBe(10);
    expect(sumPoints([5, 10, 10, 9, 4])).toBe(38);
    expect(sumPoints([33.3, 33.3, 33.4])).toBe(100);
    expect(sumPoints([0.333333, 0.333333, 0.333334])).toBe(1);
    expect(sumPoints([])).toBe(0);
  });

  it('keeps exactness past 6 decimals and for large numbers', () => {
    expect(sumPoints([0.1234567, 0.0000003])).toBe(0.123457);
    expect(sumPoints([1e-7, 2e-7])).toBe(3e-7);
    expect(sumPoints([2e9, 0.5, 0.25])).toBe(2000000000.75);
    expect(sumPoints([9e15, 9e15])).toBe(1.8e16);
  });

  it('gives what decimal.js gives for any numbers', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 4000 }).map((x) => x / 4),
      fc.integer({ min: -1e7, max: 1e12 }).map((x) => x / 1000),
      fc.integer().map((x) => x / 1e6),
      fc.integer().map((x) => x / 1e7),
      fc.constantFrom(0.1, 0.2, 0.7, 1.05, 999999999.999999, 1e9, 1e15, -0, 1 / 3),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (values) => {
        expect(sumPoints(values)).toBe(decimalJsSum(values));
      }),
      { numRuns: 5000 },
    );
  });
});
