/**
 * Fuzzing recognition, validation and scoring (analyseSheet / scoreSheet) with scoring tables:
 * random rule texts, actual values, entered scores and deductions, bad points cells, optional
 * columns, noise rows. (test/engine/property.test.ts covers random grids and planted mistakes
 * for analysis; this adds scoring.) Properties: nothing throws; results fit their schemas;
 * scores stay within [0, points]; every item left without a score is explained by a finding on
 * its row; shuffling the item rows changes nothing but row numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FindingSchema,
  makeSheet,
  parseCellAddress,
  parseOptionText,
  scoreSheet,
  TableScoreSchema,
  type Cell,
  type ScoredSheet,
  type Sheet,
} from '../../engine';
import { actualArb, ruleTextArb, settingsTextArb, runs } from './arbitraries';

const text = (v: string): Cell => ({ value: { kind: 'text', value: v } });
const num = (v: number, numberFormat?: string): Cell => ({
  value: { kind: 'number', value: v },
  numberFormat,
});

const cellArb = (inner: fc.Arbitrary<Cell | null>): fc.Arbitrary<Cell | null> =>
  fc.oneof(
    { arbitrary: inner, weight: 8 },
    { arbitrary: fc.constant(null), weight: 1 },
    {
      arbitrary: fc
        .constantFrom('#DIV/0!', '#REF!', '#N/A')
        .map((e): Cell => ({ value: { kind: 'error', value: e } })),
      weight: 1,
    },
  );

const actualCell: fc.Arbitrary<Cell | null> = actualArb.map((a): Cell | null => {
  if (a === null) return null;
  if (Array.isArray(a)) return text(a.join(','));
  if (typeof a === 'number')
    return Number.isFinite(a)
      ? num(a, a <= 1 && a >= 0 ? '0%' : undefined)
      : { value: { kind: 'error', value: '#NUM!' } };
  if (typeof a === 'boolean') return { value: { kind: 'boolean', value: a } };
  return a === '' ? null : text(a as string);
});

const pointsCell: fc.Arbitrary<Cell | null> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 30 }).map((p) => num(p)), weight: 8 },
  { arbitrary: fc.constantFrom('10分', '５', 'abc', '-3').map(text), weight: 1 },
  { arbitrary: fc.constantFrom(-2, 0.5, 1e9).map((p) => num(p)), weight: 1 },
);

interface Row {
  name: string;
  rule: string;
  points: Cell | null;
  actual: Cell | null;
  score: Cell | null;
  deduction: Cell | null;
  person: Cell | null;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  // A small pool of names, so duplicates happen.
  name: fc.oneof(
    fc.constantFrom('执行率', '满意度', '体检率', '安全生产', '网站建设', ''),
    fc.string({ minLength: 1, maxLength: 6 }),
  ),
  rule: ruleTextArb,
  points: pointsCell,
  actual: cellArb(actualCell),
  score: fc.oneof(
    { arbitrary: fc.constant(null), weight: 6 },
    { arbitrary: fc.integer({ min: -2, max: 40 }).map((s) => num(s)), weight: 1 },
    { arbitrary: fc.constantFrom('优', '5分').map(text), weight: 1 },
  ),
  deduction: fc.oneof(
    { arbitrary: fc.constant(null), weight: 6 },
    { arbitrary: fc.integer({ min: -1, max: 40 }).map((s) => num(s / 2)), weight: 2 },
    { arbitrary: fc.constant(text('无')), weight: 1 },
  ),
  person: fc.oneof(fc.constantFrom('张三', '李四 王五', '').map((p) => (p ? text(p) : null))),
});

interface Plan {
  rows: Row[];
  withScore: boolean;
  withDeduction: boolean;
  withTotals: boolean;
  ruleHeader: '年度目标' | '计分办法';
  title: string | null;
}
const planArb: fc.Arbitrary<Plan> = fc.record({
  rows: fc.array(rowArb, { minLength: 1, maxLength: 10 }),
  withScore: fc.boolean(),
  withDeduction: fc.boolean(),
  withTotals: fc.boolean(),
  ruleHeader: fc.constantFrom('年度目标' as const, '计分办法' as const),
  title: fc.option(fc.constantFrom('2024年度绩效考核指标（100分）', '附件1', '填报单位：某医院'), {
    nil: null,
  }),
});

/** Builds the sheet; `order` permutes the item rows. */
function build(plan: Plan, order: readonly number[]): Sheet {
  const head = ['序号', '考核内容', plan.ruleHeader, '分值', '完成情况'];
  if (plan.withScore) head.push('得分');
  if (plan.withDeduction) head.push('扣分');
  head.push('责任人');
  const rows: (Cell | null)[][] = [];
  if (plan.title) rows.push([text(plan.title)]);
  rows.push(head.map(text));
  order.forEach((i, k) => {
    const r = plan.rows[i]!;
    const line: (Cell | null)[] = [
      num(k + 1),
      r.name ? text(r.name) : null,
      text(r.rule),
      r.points,
      r.actual,
    ];
    if (plan.withScore) line.push(r.score);
    if (plan.withDeduction) line.push(r.deduction);
    line.push(r.person);
    rows.push(line);
  });
  if (plan.withTotals) rows.push([text('合计')]);
  return makeSheet('评分', rows);
}

const identity = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Codes that explain why an item has no score. */
const EXPLAINS = new Set([
  'ACTUAL_MISSING',
  'ACTUAL_INVALID',
  'RULE_UNPARSED',
  'MANUAL_SCORE',
  'CELL_ERROR',
  'SCORE_OUT_OF_RANGE',
  'POINTS_MISSING',
  'POINTS_INVALID',
  'NUMBER_AS_TEXT',
  'TARGET_MISSING',
  'NAME_MISSING',
]);

function checkScored(result: ScoredSheet, sheet: Sheet): void {
  const maxRow = sheet.rows.length + 5;
  for (const f of result.findings) {
    FindingSchema().parse(f);
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.message).not.toMatch(/undefined|\[object/); // ("NaN" may be the user's own text)
    if (f.cell !== null) expect(parseCellAddress(f.cell)!.row).toBeLessThan(maxRow);
  }
  for (const t of result.tables) {
    TableScoreSchema().parse(t.score);
    const byRow = new Map(t.items.map((i) => [i.row, i]));
    let bounded = true;
    for (const s of t.score.items) {
      const item = byRow.get(s.row)!;
      if (s.score !== null) expect(Number.isFinite(s.score)).toBe(true);
      if (item.deductionOnly) {
        if (s.score !== null) expect(s.score).toBeLessThanOrEqual(0);
        continue;
      }
      if (s.ruleKind === 'tiers' && s.source === 'rule') {
        bounded = false; // an amount of a reward pool, not points
        continue;
      }
      if (
        (s.ruleKind === 'bonus' || s.ruleKind === 'change' || s.ruleKind === 'ratio') &&
        s.source === 'rule'
      ) {
        // docs/domain.md: a bonus may lift an item above its points; a ratio goes up to its cap.
        bounded = false;
        if (s.score !== null) expect(s.score).toBeGreaterThanOrEqual(0);
        continue;
      }
      if (s.score !== null && item.points !== null) {
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(item.points);
      }
      if (s.score === null) {
        // Every item left without a score is explained at its row (or the table has no actual column).
        const explained = result.findings.some(
          (f) =>
            EXPLAINS.has(f.code) &&
            f.cell !== null &&
            (parseCellAddress(f.cell)!.row === s.row - 1 ||
              parseCellAddress(f.cell)!.row === 0 + (t.headerRow - 1)),
        );
        if (!explained)
          expect.fail(`item at row ${s.row} has no score and no finding: ${JSON.stringify(result.findings)}`);
      }
    }
    if (t.score.total !== null) {
      expect(t.score.total).toBeGreaterThanOrEqual(0);
      if (bounded) expect(t.score.total).toBeLessThanOrEqual(t.sum + 1e-9);
    }
  }
}

describe('scoring fuzz', () => {
  it('scoreSheet never throws; findings fit the schema; scores within [0, points]; no silent gaps', () => {
    fc.assert(
      fc.property(
        planArb,
        settingsTextArb,
        fc.constantFrom('zh' as const, 'en' as const),
        (plan, options, lang) => {
          const sheet = build(plan, identity(plan.rows.length));
          const result = scoreSheet(sheet, {
            lang,
            scoring: parseOptionText(options.replace(/cap=[\d.]+;?/, '')),
          });
          checkScored(result, sheet);
        },
      ),
      { numRuns: runs(1200) },
    );
  });

  it('shuffling the item rows changes no score, total, band, finding code or duplicate set', () => {
    const names = (r: ScoredSheet): string[] =>
      r.findings
        .filter((f) => f.code === 'DUPLICATE_ITEM')
        .map((f) => String(f.data.name).normalize('NFKC').replace(/\s+/g, '').toLowerCase()) // as matched
        .sort();
    const summary = (r: ScoredSheet) =>
      r.tables.map((t) => ({
        total: t.score.total,
        band: t.score.band,
        unscored: t.score.unscored,
        sum: t.sum,
        scores: t.items
          .map((i) => {
            const s = t.score.items.find((x) => x.row === i.row)!;
            return `${i.name}|${String(s.score)}|${s.source}`;
          })
          .sort(),
      }));
    // Codes whose count may legitimately depend on order: which duplicate is "the second".
    const codes = (r: ScoredSheet): string[] => r.findings.map((f) => f.code).sort();
    fc.assert(
      fc.property(planArb, fc.nat(), (plan, seed) => {
        const n = plan.rows.length;
        const order = identity(n).sort(
          (a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97) || a - b,
        );
        const a = scoreSheet(build(plan, identity(n)));
        const b = scoreSheet(build(plan, order));
        expect(summary(b)).toEqual(summary(a));
        expect(codes(b)).toEqual(codes(a));
        expect(new Set(names(b))).toEqual(new Set(names(a)));
      }),
      { numRuns: runs(600) },
    );
  });
});
