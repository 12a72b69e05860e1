/**
 * Fuzzing the pure PERF functions (engine/functions.ts) with any Excel-style arguments: scalars
 * of every type, ranges, junk text. Nothing throws; every result is a finite value or an
 * #VALUE!/#N/A with a message in both languages; results stay within their documented bounds and
 * do not depend on the order of a range where they should not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as F from '../../engine/functions';
import { bandCounts } from '../../engine/bands';
import { parseOptionText, parseRule, round } from '../../engine/rules';
import { programBounds, ruleTextArb, settingsTextArb, runs } from './arbitraries';

type Scalar = F.Scalar;
type Arg = F.Arg;

const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.double(),
  fc.integer({ min: -100, max: 1000 }),
  fc.boolean(),
  fc.constantFrom('80%', '１０', '10分', 'abc', '-', '1e999', '#N/A', '+', '−', '20/60/20', '优秀/良好/一般'),
  fc.string({ maxLength: 8 }),
);
const rangeArb: fc.Arbitrary<Scalar[][]> = fc.array(fc.array(scalarArb, { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 4,
});
const argArb: fc.Arbitrary<Arg> = fc.oneof(scalarArb, rangeArb);

/** A result is a finite value or a typed error with messages. */
function checkResult<T>(r: F.FnResult<T>): T | null {
  if (r.ok) return r.value;
  expect(['#VALUE!', '#N/A']).toContain(r.error);
  expect(r.message.length).toBeGreaterThan(0);
  expect(r.messageEn.length).toBeGreaterThan(0);
  return null;
}
const finite = (x: number): void => expect(Number.isFinite(x)).toBe(true);

/** A seeded shuffle (fast-check gives the permutation seed, so failures replay). */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

describe('PERF functions fuzz: any arguments', () => {
  it('no function throws; every error carries messages', () => {
    fc.assert(
      fc.property(fc.array(argArb, { minLength: 5, maxLength: 5 }), ruleTextArb, ([a, b, c, d, e], rule) => {
        const results: F.FnResult<unknown>[] = [
          F.perfScore(a!, b!, c!, d, e),
          F.perfScore(a!, rule, c!, d, e),
          F.perfBand(a!, b),
          F.perfForced(a!, b!, c, d),
          F.perfRankScore(a!, rule, c!),
          F.perfTiered(a!, b!, c!),
          F.perfProgress(a!, b!, c!, d!, e),
          F.perfEfficacy(a!, b!, c!, d),
          F.perfAllocate(a!, b!, c!),
          F.perfRule(a!),
          F.perfRule(rule, 'en'),
        ];
        for (const r of results) {
          const v = checkResult(r);
          if (typeof v === 'number') finite(v);
          if (typeof v === 'string') expect(v.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(1500) },
    );
  });
});

describe('PERF functions fuzz: bounds and order', () => {
  it('PERF.SCORE with a rule text stays in [0, points] (ratio: points × cap; tiers and 扣分制 are amounts)', () => {
    fc.assert(
      fc.property(
        ruleTextArb,
        fc.oneof(fc.double({ min: -1, max: 2, noNaN: true }), fc.integer({ min: 0, max: 2000 }), scalarArb),
        fc.integer({ min: 0, max: 100 }),
        settingsTextArb,
        (rule, actual, points, options) => {
          const v = checkResult(F.perfScore(actual, rule, points, undefined, options));
          if (v === null) return;
          finite(v);
          const parsed = parseRule(rule);
          if (!parsed.ok) return;
          const settings = parseOptionText(options);
          const [lo, hi] = programBounds(parsed.rule, points, settings.ratioCap);
          // The bounds as the result is shown: rounded to the decimals asked for (−0.35 → −0.4).
          if (lo !== null) expect(v).toBeGreaterThanOrEqual(round(lo, settings.decimals).toNumber());
          if (hi !== null) expect(v).toBeLessThanOrEqual(round(hi, settings.decimals).toNumber());
        },
      ),
      { numRuns: runs(1500) },
    );
  });

  it('PERF.FORCED: same band whatever the order of the scores range; band counts add up to N', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 20 }).map((x) => x * 5),
          { minLength: 1, maxLength: 30 },
        ),
        fc.nat(),
        fc.constantFrom(
          '20/60/20',
          '30/50/20;rounding=floor',
          '25/25/50;rounding=halfUp;ties=lower',
          '10/90',
        ),
        fc.nat(),
        (scores, pick, quotas, seed) => {
          const labels = quotas.startsWith('10/90') ? '优/其他' : undefined;
          const me = scores[pick % scores.length]!;
          const a = F.perfForced(me, [scores], quotas, labels);
          const b = F.perfForced(
            me,
            shuffle(scores, seed).map((x) => [x]),
            quotas,
            labels,
          );
          expect(b).toEqual(a);
          expect(a.ok).toBe(true);
          const q = (quotas.split(';')[0] ?? '').split('/').map(Number);
          for (const r of ['floor', 'halfUp', 'largestRemainder'] as const) {
            const counts = bandCounts(scores.length, q, r);
            expect(counts.reduce((x, y) => x + y, 0)).toBe(scores.length);
            for (const c of counts) expect(c).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: runs(800) },
    );
  });

  it('PERF.ALLOCATE: parts are whole cents, ≥ 0, add up to the pool exactly, and follow their rows when shuffled', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 30 }).map((k) => k / 10),
            fc.integer({ min: 0, max: 50 }),
          ),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
        fc.nat(),
        (rows, pool, seed) => {
          const r = F.perfAllocate(
            rows.map(([k]) => [k]),
            rows.map(([, n]) => [n]),
            pool,
          );
          const v = checkResult(r);
          if (v === null) {
            expect(rows.every(([k, n]) => k * n === 0)).toBe(true); // the only refusal for such input
            return;
          }
          const cents = v.map((x) => Math.round(x[0]! * 100));
          for (const [i, c] of cents.entries()) {
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c / 100).toBe(v[i]![0]);
          }
          expect(cents.reduce((a, b) => a + b, 0)).toBe(Math.round(pool * 100));
          // Shuffling rows moves each share with its row, unless equal remainders trade a cent.
          const order = shuffle(
            rows.map((_, i) => i),
            seed,
          );
          const s = F.perfAllocate(
            order.map((i) => [rows[i]![0]]),
            order.map((i) => [rows[i]![1]]),
            pool,
          );
          expect(s.ok).toBe(true);
          if (!s.ok) return;
          order.forEach((i, j) =>
            expect(Math.abs(s.value[j]![0]! - v[i]![0]!)).toBeLessThanOrEqual(0.0100001),
          );
        },
      ),
      { numRuns: runs(800) },
    );
  });

  it('PERF.PROGRESS in [0, points]; PERF.EFFICACY in [0.6, 1] × points; PERF.TIERED ≥ 0 and non-decreasing', () => {
    const n = fc.integer({ min: -1000, max: 1000 }).map((x) => x / 10);
    fc.assert(
      fc.property(n, n, n, fc.integer({ min: 0, max: 100 }), n, (a, last, target, w, b) => {
        const p = checkResult(F.perfProgress(a, last, target, w));
        if (p !== null) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(w);
        } else expect(target).toBe(last);
        const e = checkResult(F.perfEfficacy(a, last, target, w));
        // Points of 0 are an empty cell (Excel builds that pass 0 for one): not given, i.e. 100.
        const we = w === 0 ? 100 : w;
        if (e !== null) {
          expect(e).toBeGreaterThanOrEqual(0.6 * we - 1e-9);
          expect(e).toBeLessThanOrEqual(we + 1e-9);
        }
        const th = [[0], [Math.abs(last) + 1], [Math.abs(last) + Math.abs(target) + 2]];
        const rates = [['9%'], ['11%'], ['13%']];
        const lo = checkResult(F.perfTiered(Math.min(a, b), th, rates));
        const hi = checkResult(F.perfTiered(Math.max(a, b), th, rates));
        expect(lo).not.toBeNull();
        expect(lo!).toBeGreaterThanOrEqual(0);
        expect(hi!).toBeGreaterThanOrEqual(lo!);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('PERF.BAND names a band of the scheme for any score ≥ its lowest bound', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (score) => {
        expect(['优秀', '良好', '合格', '不合格']).toContain(checkResult(F.perfBand(score)));
      }),
      { numRuns: runs(300) },
    );
  });
});
