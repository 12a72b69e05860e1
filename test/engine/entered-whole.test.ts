/**
 * An entered whole score within whole points skips decimal arithmetic (engine/scoring.ts,
 * wholeEntered): it must score exactly as the general path does. The same number typed as text
 * ("7") is read by the general path, so a table with the number and one with its text must give
 * the same item scores, sources, totals and bands, whatever the points, decimals and totals mode.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreSheet, sheetFromValues, type ScoreOptions } from '../../engine';

const header = ['指标', '分值', '得分'];

function scores(rows: [number, number | string][], scoring: ScoreOptions['scoring']) {
  const sheet = sheetFromValues('S', [
    header,
    ...rows.map(([points, score], i) => [`指标${i + 1}`, points, score]),
  ]);
  return scoreSheet(sheet, { scoring }).tables.map((t) => t.score);
}

describe('entered whole scores', () => {
  it('are taken as typed, and one above the points is not (worked by hand)', () => {
    const [s] = scores(
      [
        [10, 7],
        [5, 5],
        [8, 0],
        [6, 7],
      ],
      {},
    );
    expect(s!.items.map((i) => [i.source, i.score])).toEqual([
      ['entered', 7],
      ['entered', 5],
      ['entered', 0],
      ['none', null], // 7 of 6 points: out of range (SCORE_OUT_OF_RANGE), the total waits
    ]);
    expect(s!.total).toBeNull();
    expect(s!.partialTotal).toBe(12);
    const [t] = scores(
      [
        [10, 7],
        [5, 5],
        [2.5, 2],
      ],
      { decimals: 0 },
    );
    expect(t!.total).toBe(14);
  });

  it('score as the same number typed as text (the general path) does', () => {
    const points = fc.oneof(
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 4000 }).map((x) => x / 4),
      fc.constantFrom(1e14, 999999999999999, 1e15, 1e16),
    );
    const entered = fc.oneof(
      fc.integer({ min: -5, max: 210 }),
      fc.integer({ min: 0, max: 800 }).map((x) => x / 4),
      fc.constantFrom(1e14, 999999999999999, 1e15, 1e16),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(points, entered), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom('roundItems' as const, 'roundOnce' as const),
        (rows, decimals, totals) => {
          const scoring = { decimals, totals };
          const asNumbers = scores(rows, scoring);
          const asText = scores(
            rows.map(([p, e]) => [p, String(e)]),
            scoring,
          );
          expect(asNumbers).toEqual(asText);
        },
      ),
      { numRuns: 300 },
    );
  });
});
