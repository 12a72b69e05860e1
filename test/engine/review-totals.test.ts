/**
 * Two comparisons the review makes on numbers where it made them on Decimals, each the same
 * answer for any numbers (issue 14's review took a Decimal per step):
 * - POINTS_SUM_MISMATCH compares a declared total with a sum: as decimals (decimal.js takes a
 *   number as it prints), equal exactly when the numbers are equal;
 * - units are ranked by their totals at Excel's 15 digits (dec): the numbers those decimals are
 *   (toNumber) order and tie as the decimals do.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidate, type UnitReview } from '../../engine';
import { dec } from '../../engine/rules/decimal';

/** A number, or one of its neighbours a few units in the last place away (ties at 15 digits). */
const near = (x: number, steps: number): number => {
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0] = i[0]! + BigInt(steps);
  return Number.isFinite(b[0]!) ? b[0]! : x;
};
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const total = fc.oneof(
  finite,
  fc.integer({ min: 0, max: 4000 }).map((x) => x / 4),
  fc.integer({ min: -1e7, max: 1e12 }).map((x) => x / 1000),
  fc.constantFrom(0, -0, 1e15 - 1, 1e15, 1e15 + 2, 99.99999999999999, 100, 100.00000000000001),
);
const pair = fc.oneof(
  fc.tuple(total, total),
  fc.tuple(total, fc.integer({ min: -40, max: 40 })).map(([x, k]) => [x, near(x, k)] as [number, number]),
);

describe('review totals as numbers', () => {
  it('two point totals are the same decimal exactly when they are the same number', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(new Decimal(a).eq(b)).toBe(a === b);
      }),
      { numRuns: 5000 },
    );
  });

  it('totals at 15 digits order and tie as their numbers do', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const x = dec(a);
        const y = dec(b);
        const m = x.toNumber();
        const n = y.toNumber();
        expect(m < n ? -1 : m > n ? 1 : 0).toBe(x.cmp(y));
        expect(m === n).toBe(x.eq(y));
        expect(Object.is(m, -0)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('ranks totals that differ past the 15th digit as tied (worked by hand)', () => {
    const unit = (file: string, t: number): UnitReview => ({
      file,
      unit: file,
      total: t,
      outOf: 100,
      band: null,
      veto: false,
      vetoExcellence: false,
      changes: [],
      findings: [],
      error: null,
      items: [],
    });
    // 100.00000000000001 reads 100.000000000000 at 15 digits: tied with 100 for rank 2.
    const c = consolidate(
      [unit('a', 100), unit('b', 100.5), unit('c', 100.00000000000001), unit('d', 99.5)],
      [],
      { quotas: [50, 50], labels: ['上', '下'], rounding: 'largestRemainder', ties: 'higher' },
    );
    expect(c.units.map((u) => u.rank)).toEqual([2, 1, 2, 4]);
    expect(c.distribution.ties).toEqual([
      expect.objectContaining({ total: 100, units: ['a', 'c'], positions: [2, 3], cutoff: 2 }),
    ]);
  });
});
