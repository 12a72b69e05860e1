/**
 * Properties of the scoring program (issue 11), over the corpus's real rules and over generated
 * step programs: a score is never below 0, exceeds the points only by what bonus clauses add,
 * deductions are monotone in the shortfall, and rounding is half away from zero.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../scripts/rules-corpus';
import {
  dec,
  DEFAULT_SETTINGS,
  evaluateRule,
  parseOptionText,
  parseRule,
  round,
  type Dec,
  type Program,
} from '../../engine/rules';
import { emptyProgram } from '../../engine/rules/program';

interface Item {
  id: string;
  program: Program;
  points: number;
  target: Dec | null;
}

const items: Item[] = loadCorpus()
  .flatMap((f) => f.cases)
  .flatMap((c) => {
    const p = parseRule(c.rule);
    if (!p.ok) return [];
    const target = typeof c.target === 'number' ? dec(c.target) : null;
    return [{ id: c.id, program: p.rule, points: c.points ?? 10, target }];
  });

/** What a clerk writes: numbers, fractions, percent and count texts. */
const actualArb: fc.Arbitrary<string | number> = fc.oneof(
  fc.integer({ min: 0, max: 1200 }).map((n) => n / 1000),
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 0, max: 1000 }).map((n) => `${n / 10}%`),
  fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('项', '次', '例', '个', '人'))
    .map(([n, u]) => `${n}${u}`),
);

const isBonus = (c: Program['clauses'][number]): boolean =>
  (c.kind === 'step' && c.effect === 'add') || (c.kind === 'when' && c.effect.kind === 'add');

function score(p: Program, item: Item, actual: string | number, options = ''): Dec | null {
  const out = evaluateRule(p, {
    actual,
    points: dec(item.points),
    target: item.target,
    settings: options === '' ? DEFAULT_SETTINGS : parseOptionText(options),
  });
  return out.ok ? out.score : null;
}

describe('the program of every readable corpus rule', () => {
  it('reads enough rules to mean something', () => {
    expect(items.length).toBeGreaterThan(250);
  });

  it('never scores below 0, and above the points only by what bonus clauses add', () => {
    fc.assert(
      fc.property(fc.constantFrom(...items), actualArb, (item, actual) => {
        const p = item.program;
        const s = score(p, item, actual);
        if (s === null) return;
        if (!(p.deductionOnly && p.clauses.length === 0)) expect(s.gte(0), `${item.id} ${actual}`).toBe(true);
        // Without its bonus clauses the item never passes its points (a ratio: its cap).
        const ceiling =
          p.base.kind === 'ratio'
            ? dec(item.points).mul(p.base.cap ?? DEFAULT_SETTINGS.ratioCap)
            : dec(item.points);
        const plain: Program = { ...p, clauses: p.clauses.filter((c) => !isBonus(c)), bonusCap: null };
        if (plain.clauses.length === p.clauses.length) {
          expect(s.lte(ceiling), `${item.id} ${actual}: ${s.toString()} > ${ceiling.toString()}`).toBe(true);
          return;
        }
        const without = score(plain, item, actual);
        if (without === null) return;
        expect(without.lte(ceiling), `${item.id} ${actual} without bonuses`).toBe(true);
        // The bonuses only add, and no more than their cap.
        expect(s.gte(without), `${item.id} ${actual}: bonuses took ${without.minus(s).toString()}`).toBe(
          true,
        );
        if (p.bonusCap !== null)
          expect(s.minus(without).lte(dec(p.bonusCap)), `${item.id} ${actual} bonus over its cap`).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });

  /** Rules whose clauses are all steps on one side of one measure: the score moves one way. */
  const oneWay = items.flatMap((item) => {
    const cs = item.program.clauses;
    if (item.program.base.kind !== 'full' || cs.length === 0) return [];
    if (!cs.every((c) => c.kind === 'step' && !c.change)) return [];
    const dirs = new Set(cs.map((c) => (c.kind === 'step' ? `${c.direction}/${c.effect}` : '')));
    if (dirs.size !== 1) return [];
    const [dir] = [...dirs];
    // A count deduction falls as the count grows; a measure below a bound rises with the measure.
    const rising = dir === 'below/deduct' || dir === 'count/add';
    const counted = dir!.startsWith('count');
    if (counted && cs.length > 1) return []; // several counters: one number is ambiguous
    const fraction = cs.some((c) => c.kind === 'step' && (c.unit === '%' || c.unit === '个百分点'));
    return [{ item, rising, counted, fraction }];
  });

  it('deductions are monotone in the shortfall, and bonuses in what they count', () => {
    expect(oneWay.length).toBeGreaterThan(25);
    fc.assert(
      fc.property(
        fc.constantFrom(...oneWay),
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 1200 }),
        fc.constantFrom('', 'partial=floor', 'partial=ceil'),
        ({ item, rising, counted, fraction }, x, y, options) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const value = (n: number): number => (counted ? Math.floor(n / 30) : fraction ? n / 1000 : n / 10);
          const a = score(item.program, item, value(lo), options);
          const b = score(item.program, item, value(hi), options);
          if (a === null || b === null) return;
          const msg = `${item.id}: ${value(lo)} → ${a.toString()}, ${value(hi)} → ${b.toString()}`;
          expect(rising ? a.lte(b) : a.gte(b), msg).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('generated step programs', () => {
  const stepArb = fc.record({
    from: fc.integer({ min: 50, max: 100 }),
    size: fc.constantFrom('0.001', '0.005', '0.01', '0.02', '0.05'),
    amount: fc.constantFrom('0.1', '0.25', '0.5', '1', '2', '2.5'),
    cap: fc.option(fc.constantFrom('1', '3', '5'), { nil: null }),
    direction: fc.constantFrom('below' as const, 'above' as const),
  });

  it('lose more the further the actual is on the wrong side of the bound, never below 0', () => {
    fc.assert(
      fc.property(
        stepArb,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom('', 'partial=floor', 'partial=ceil'),
        (st, points, x, y, options) => {
          const program: Program = {
            ...emptyProgram(),
            clauses: [
              {
                kind: 'step',
                metric: '完成率',
                direction: st.direction,
                from: String(st.from / 100),
                size: st.size,
                unit: '%',
                effect: 'deduct',
                amount: st.amount,
                cap: st.cap,
                change: false,
              },
            ],
          };
          const item: Item = { id: 'generated', program, points, target: null };
          const [lo, hi] = x <= y ? [x / 1000, y / 1000] : [y / 1000, x / 1000];
          const a = score(program, item, lo, options)!;
          const b = score(program, item, hi, options)!;
          expect(a.gte(0) && b.gte(0) && a.lte(points) && b.lte(points)).toBe(true);
          if (st.direction === 'below') expect(a.lte(b)).toBe(true);
          else expect(a.gte(b)).toBe(true);
          // On the right side of the bound nothing is lost.
          if (st.direction === 'below' ? lo >= st.from / 100 : hi <= st.from / 100)
            expect(st.direction === 'below' ? a.eq(points) : b.eq(points)).toBe(true);
          // The loss is at most the cap where there is one.
          if (st.cap !== null)
            expect(
              dec(points)
                .minus(st.direction === 'below' ? a : b)
                .lte(st.cap),
            ).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('round half away from zero at every decimal place', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        (n, d) => {
          // n × 10^-(d+1) ends in 5 exactly when n does: a tie, rounded away from zero.
          const x = dec(n).div(dec(10).pow(d + 1));
          const r = round(x, d);
          const units = dec(n).abs().div(10);
          const away = units.mod(1).gte(0.5) ? units.ceil() : units.floor();
          expect(r.abs().eq(away.div(dec(10).pow(d))), `${x.toString()} → ${r.toString()}`).toBe(true);
          expect(r.isNeg() || r.isZero()).toBe(n <= 0 || r.isZero());
        },
      ),
      { numRuns: 3000 },
    );
  });
});
