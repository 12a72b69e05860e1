/**
 * Property tests: random grids, merges and header noise never throw; output always fits the
 * schema and points at real cells; every mistake planted in a valid table surfaces as a finding
 * at its cell, and a valid table yields none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseSheet,
  cellAddress,
  makeSheet,
  parseCellAddress,
  SheetAnalysisSchema,
  type Cell,
  type CellRange,
  type Sheet,
} from '../../engine';

const WORDS = [
  '一级指标',
  '二级指标',
  '任务要点名称',
  '年度目标',
  '分值权重',
  '分值',
  '权重',
  '责任科室',
  '责任人',
  '方向',
  '标准值',
  '计分办法',
  '评价项目',
  '扣分情况',
  '得分',
  '序号',
  '项目',
  '指标设定',
  '合计',
  '合 计',
  '小计',
  '注：1.至少5个问题',
  '一、考核类指标',
  '（二）考察类',
  '附件1',
  '填报单位：某医院',
  '一票否决\n10',
  '10分',
  '１０',
  '25%',
  '（实行扣分制）',
  '自身\n建设\n45分',
  '重点（职能）工作（380分）',
  '+',
  '-',
  '↑',
  '上年值',
  '',
  ' ',
  '执行率≥80%',
  '每低一个百分点扣1分，直至10分扣尽',
  '(((((((',
  '））））',
  '\u0000',
  '\u202e',
];

const cellArb: fc.Arbitrary<Cell | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...WORDS).map((v): Cell => ({ value: { kind: 'text', value: v } })),
  fc.string({ maxLength: 30 }).map((v): Cell => ({ value: { kind: 'text', value: v } })),
  fc.double({ noNaN: false }).map((v): Cell => ({
    value: Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', value: '#NUM!' },
  })),
  fc
    .integer({ min: -5, max: 500 })
    .map((v): Cell => ({ value: { kind: 'number', value: v }, numberFormat: v % 2 ? '0%' : undefined })),
  fc.boolean().map((v): Cell => ({ value: { kind: 'boolean', value: v } })),
  fc
    .constantFrom('#DIV/0!', '#REF!', '#N/A')
    .map((v): Cell => ({ value: { kind: 'error', value: v }, formula: '=A1/0' })),
);

const sheetArb: fc.Arbitrary<Sheet> = fc
  .record({
    rows: fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 25 }),
    merges: fc.array(
      fc
        .record({ top: fc.nat(30), left: fc.nat(9), h: fc.nat(6), w: fc.nat(3) })
        .map(({ top, left, h, w }): CellRange => ({ top, left, bottom: top + h, right: left + w })),
      { maxLength: 6 },
    ),
    hiddenRows: fc.array(fc.nat(30), { maxLength: 4 }),
    hiddenColumns: fc.array(fc.nat(9), { maxLength: 2 }),
    origin: fc.record({ row: fc.nat(5), col: fc.nat(3) }),
  })
  .map((r) =>
    makeSheet('随机', r.rows, {
      merges: r.merges,
      hiddenRows: r.hiddenRows,
      hiddenColumns: r.hiddenColumns,
      origin: r.origin,
    }),
  );

describe('random grids', () => {
  it('never throw, fit the schema and point at cells inside the sheet', () => {
    fc.assert(
      fc.property(sheetArb, fc.constantFrom('zh' as const, 'en' as const), (sheet, lang) => {
        const result = analyseSheet(sheet, { lang });
        SheetAnalysisSchema().parse(result);
        const maxRow = sheet.origin.row + sheet.rows.length + 40;
        for (const f of result.findings) {
          expect(f.message.length).toBeGreaterThan(0);
          if (f.cell === null) continue;
          const p = parseCellAddress(f.cell);
          expect(p).not.toBeNull();
          expect(p!.row).toBeLessThan(maxRow);
        }
        for (const t of result.tables)
          for (const i of t.items) expect(i.row).toBeGreaterThanOrEqual(t.headerRow);
      }),
      { numRuns: 1500 },
    );
  });
});

/** A valid L1-style table: groups whose declared points equal their items' sum. */
interface Plan {
  groups: { points: number[] }[];
}
const planArb: fc.Arbitrary<Plan> = fc.record({
  groups: fc.array(
    fc.record({ points: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 6 }) }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
});

type Mutation =
  'blankPoints' | 'textPoints' | 'errorPoints' | 'hide' | 'duplicate' | 'blankTarget' | 'blankOwner';
const MUTATION_CODE: Record<Mutation, [string, 'points' | 'item' | 'target' | 'owner']> = {
  blankPoints: ['POINTS_MISSING', 'points'],
  textPoints: ['NUMBER_AS_TEXT', 'points'],
  errorPoints: ['CELL_ERROR', 'points'],
  hide: ['HIDDEN_ROW', 'item'],
  duplicate: ['DUPLICATE_ITEM', 'item'],
  blankTarget: ['TARGET_MISSING', 'target'],
  blankOwner: ['OWNER_MISSING', 'owner'],
};
const COL = { level1: 0, item: 1, target: 2, points: 3, owner: 4 };

function buildTable(plan: Plan, mutations: Map<number, Mutation>): { sheet: Sheet; itemRows: number[] } {
  const rows: (Cell | null)[][] = [];
  const text = (v: string): Cell => ({ value: { kind: 'text', value: v } });
  const num = (v: number): Cell => ({ value: { kind: 'number', value: v } });
  rows.push([text('2024年度绩效考核指标')]);
  rows.push([text('一级指标'), text('任务要点名称'), text('年度目标'), text('分值'), text('责任科室')]);
  const merges: CellRange[] = [];
  const hiddenRows: number[] = [];
  const itemRows: number[] = [];
  let k = 0;
  let lastName = '';
  plan.groups.forEach((g, gi) => {
    const first = rows.length;
    const sum = g.points.reduce((a, b) => a + b, 0);
    g.points.forEach((p, pi) => {
      const r = rows.length;
      itemRows.push(r);
      const m = mutations.get(k);
      // A duplicate repeats the name written in the item above.
      const name = m === 'duplicate' && pi > 0 ? lastName : `第${gi + 1}组指标${pi + 1}`;
      lastName = name;
      rows.push([
        pi === 0 ? text(`第${gi + 1}类（${sum}分）`) : null,
        text(name),
        m === 'blankTarget' ? null : text('完成率≥90%'),
        m === 'blankPoints'
          ? null
          : m === 'textPoints'
            ? text(`${p}分`)
            : m === 'errorPoints'
              ? { value: { kind: 'error', value: '#REF!' } }
              : num(p),
        m === 'blankOwner' ? null : text('办公室'),
      ]);
      if (m === 'hide') hiddenRows.push(r);
      k++;
    });
    if (rows.length - 1 > first) merges.push({ top: first, left: 0, bottom: rows.length - 1, right: 0 });
  });
  return { sheet: makeSheet('表', rows, { merges, hiddenRows }), itemRows };
}

describe('planted mistakes', () => {
  it('a valid table has no findings; every planted mistake is reported at its cell', () => {
    const arb = planArb.chain((plan) => {
      const n = plan.groups.reduce((a, g) => a + g.points.length, 0);
      return fc.record({
        plan: fc.constant(plan),
        mutations: fc.array(
          fc.tuple(
            fc.nat(n - 1),
            fc.constantFrom<Mutation>(
              'blankPoints',
              'textPoints',
              'errorPoints',
              'hide',
              'duplicate',
              'blankTarget',
              'blankOwner',
            ),
          ),
          { maxLength: 3 },
        ),
      });
    });
    fc.assert(
      fc.property(arb, ({ plan, mutations }) => {
        const byItem = new Map<number, Mutation>();
        for (const [i, m] of mutations) byItem.set(i, m);
        // A duplicate needs an item above it in the same group.
        let k = 0;
        for (const g of plan.groups)
          g.points.forEach((_, pi) => {
            if (pi === 0 && byItem.get(k) === 'duplicate') byItem.delete(k);
            k++;
          });
        const { sheet, itemRows } = buildTable(plan, byItem);
        const findings = analyseSheet(sheet).findings;
        const got = new Set(findings.map((f) => `${f.code}@${f.cell}`));
        for (const [i, m] of byItem) {
          const [code, col] = MUTATION_CODE[m];
          expect(got).toContain(`${code}@${cellAddress(itemRows[i]!, COL[col])}`);
        }
        const pointsChanged = [...byItem.values()].some((m) => m === 'blankPoints' || m === 'errorPoints');
        expect(findings.some((f) => f.code === 'POINTS_SUM_MISMATCH')).toBe(pointsChanged);
        if (byItem.size === 0) expect(findings).toEqual([]);
      }),
      { numRuns: 800 },
    );
  });

  it('group sums do not depend on the order of items', () => {
    fc.assert(
      fc.property(planArb, fc.nat(), (plan, seed) => {
        const shuffled: Plan = {
          groups: plan.groups.map((g) => ({
            points: [...g.points].sort((a, b) => ((a * 31 + seed) % 7) - ((b * 31 + seed) % 7)),
          })),
        };
        const a = analyseSheet(buildTable(plan, new Map()).sheet).tables[0]!;
        const b = analyseSheet(buildTable(shuffled, new Map()).sheet).tables[0]!;
        expect(b.groups.map((g) => g.sum)).toEqual(a.groups.map((g) => g.sum));
        expect(b.sum).toBe(a.sum);
      }),
      { numRuns: 300 },
    );
  });
});
