/**
 * SCORE_OUT_OF_RANGE and DEDUCTION_EXCEEDS compare an entered number with the item's points as
 * numbers (engine/checks/entered-values.ts). They were compared as decimal.js Decimals made from
 * the two numbers; that is the same order for any two numbers, which the second test checks on
 * pairs as close as two doubles can be.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSheet, sheetFromValues } from '../../engine';

describe('entered scores and deductions against the points', () => {
  it('flags a score above the points or below 0, and a deduction above the points (worked by hand)', () => {
    const sheet = sheetFromValues('S', [
      ['指标', '分值', '得分', '扣分'],
      ['甲', 10, 10, null],
      ['乙', 10, 10.01, null],
      ['丙', 0.3, 0.30000000000000004, null],
      ['丁', 5, -1, null],
      ['戊', 5, null, 5],
      ['己', 5, null, 5.5],
    ]);
    const found = analyseSheet(sheet)
      .findings.filter((f) => f.code === 'SCORE_OUT_OF_RANGE' || f.code === 'DEDUCTION_EXCEEDS')
      .map((f) => `${f.cell} ${f.code}`);
    // 0.1 + 0.2 typed as 0.30000000000000004 is above 0.3 points.
    expect(found).toEqual([
      'C3 SCORE_OUT_OF_RANGE',
      'C4 SCORE_OUT_OF_RANGE',
      'C5 SCORE_OUT_OF_RANGE',
      'D7 DEDUCTION_EXCEEDS',
    ]);
  });

  it('orders numbers as Decimals made from them do', () => {
    const bits = new Float64Array(1);
    const ulps = new BigInt64Array(bits.buffer);
    const step = (x: number, k: number): number => {
      bits[0] = x;
      ulps[0] = ulps[0]! + BigInt(k);
      return bits[0];
    };
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: -3, max: 3 }), (x, k) => {
        const y = step(x, k);
        if (Number.isNaN(y)) return;
        for (const [a, b] of [
          [x, y],
          [y, x],
          [x, Number(x.toPrecision(15))],
          [x, Math.round(x)],
        ] as const)
          expect(a > b).toBe(new Decimal(a).gt(b));
      }),
      { numRuns: 20_000 },
    );
  });
});
