// The band (等次) of a table with 一票否决 / 一票否优 items as a native formula: it reads the veto
// items' cells as engine/scoring.ts does (DOMAIN.md: "A veto item is triggered by an actual value
// such as 发生 / 是 / 否决 / TRUE / a count ≥ 1"; a veto gives the lowest band whatever the total, a
// veto of excellence stops a top band at the next). Values worked by hand from those conventions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRule, scoreSheet, sheetFromValues } from '../../engine';
import { compileBand, NATIVE_TEXT, type VetoItem } from '../../engine/native';
import { planScores } from '../../engine/write-plan';
import { parseCellAddress } from '../../engine/address';
import { evaluateRows, type HfCell } from './hf';
import { expectSofficeWhenRequired, recalcInLibreOffice, soffice, type CellIn } from './lo';

const VETO = '不合格（触发一票否决）';
const CAPPED = '良好（触发一票否优）';

/** A veto item read from its actual alone (no rule of its own), in D1; a 一票否优 one in E1. */
const byActual: VetoItem[] = [
  {
    name: '安全生产',
    veto: true,
    vetoExcellence: false,
    actual: 'D1',
    score: null,
    points: '10',
    program: null,
  },
  {
    name: '群众满意',
    veto: false,
    vetoExcellence: true,
    actual: 'E1',
    score: null,
    points: '10',
    program: null,
  },
];

/** Cases on their actual: total, the veto item's actual, the 一票否优 item's actual, the band. */
const ACTUAL_CASES: readonly (readonly [number, HfCell, HfCell, string])[] = [
  // total 95 (优秀 at ≥ 90) and nothing happened: the band of the total.
  [95, '否', '无', '优秀'],
  [95, null, null, '优秀'],
  [95, 0, false, '优秀'],
  // 0.5 is not a count of 1 or more: nothing happened.
  [95, 0.5, null, '优秀'],
  // The event happened: the lowest band whatever the total.
  [95, '是', null, VETO],
  [95, ' 发生 ', null, VETO],
  [95, 'YES', null, VETO],
  [95, '否决', null, VETO],
  [95, true, null, VETO],
  [95, 1, null, VETO],
  [95, 3, null, VETO],
  [40, '是', null, VETO],
  // 一票否优: 95 would be 优秀, capped at 良好; 85 is 良好 anyway, no note.
  [95, '否', '发生', CAPPED],
  [85, '否', '发生', '良好'],
  [95, '否', true, CAPPED],
  // Both: the veto wins.
  [95, '是', '是', VETO],
  // "1次" reads as the count 1 (a veto), "１" is a full-width 1, "未发生安全事故" says neither
  // word: the formula does not guess which.
  [95, '1次', null, NATIVE_TEXT.VETO_UNREAD],
  [95, '１', null, NATIVE_TEXT.VETO_UNREAD],
  [95, '未发生安全事故', null, NATIVE_TEXT.VETO_UNREAD],
  [95, 'ｙｅｓ', null, NATIVE_TEXT.VETO_UNREAD],
];

describe('compileBand with veto items read from their actual cells', () => {
  const b = compileBand({ total: 'C1', outOf: 100, scheme: null, vetoItems: byActual });
  if (!b.ok) throw new Error(b.reason);
  const band = (total: HfCell, veto: HfCell, excellence: HfCell = null): unknown =>
    evaluateRows([[null, null, total, veto, excellence, b.formula]])[0]![5];

  it.each(ACTUAL_CASES)('total %s, veto item %j, 一票否优 item %j → %s', (total, v, e, want) => {
    expect(band(total, v, e)).toBe(want);
  });

  it('asks for the band by hand where the actual is an error value', () => {
    expect(band(95, '=1/0')).toBe(NATIVE_TEXT.VETO_UNREAD);
  });

  it('has no band while the total is no number', () => {
    expect(band('有指标未评分', '是')).toBe('得分无效');
  });
});

describe('compileBand with a veto item scored by its own 一票否决 rule', () => {
  const parsed = parseRule('发生安全生产事故的，实行一票否决');
  if (!parsed.ok) throw new Error(parsed.reason);
  const item = (points: string): VetoItem => ({
    name: '安全生产',
    veto: true,
    vetoExcellence: false,
    actual: 'D1',
    score: 'B1',
    points,
    program: parsed.rule,
  });

  it('reads a score of 0 as the rule fired (its only clause is the veto), not the actual again', () => {
    const b = compileBand({ total: 'C1', outOf: 30, scheme: null, vetoItems: [item('10')] });
    if (!b.ok) throw new Error(b.reason);
    const band = (score: HfCell, total: HfCell, actual: HfCell): unknown =>
      evaluateRows([[null, score, total, actual, b.formula]])[0]![4];
    // 26.5 of 30 = 88.3: 良好; the rule's score of 0 says the accident happened.
    expect(band(10, 26.5, '否')).toBe('良好');
    expect(band(0, 16.5, '发生')).toBe(VETO);
    // The rule tests the event itself: its score decides, the actual is not read a second time.
    expect(band(10, 26.5, '未发生安全事故')).toBe('良好');
  });

  it('cannot tell a fired rule from a score rounded to 0 on points below half a cent', () => {
    const b = compileBand({ total: 'C1', outOf: 30, scheme: null, decimals: 2, vetoItems: [item('0.004')] });
    if (!b.ok) throw new Error(b.reason);
    expect(evaluateRows([[null, 0, 20, '否', b.formula]])[0]![4]).toBe(NATIVE_TEXT.VETO_UNREAD);
  });

  it('refuses a rule that can fire the veto beside other clauses, with the reason', () => {
    const other = parseRule('合格率低于80%的，记零分，并实行一票否决；每低1个百分点扣1分');
    if (!other.ok) throw new Error(other.reason);
    expect(other.rule.clauses.length).toBeGreaterThan(1);
    const b = compileBand({
      total: 'C1',
      outOf: 30,
      scheme: null,
      vetoItems: [{ ...item('10'), program: other.rule }],
    });
    expect(b).toMatchObject({ ok: false, reason: expect.stringContaining('安全生产') });
  });
});

describe('the written band of a table with a 一票否决 item (pane, 通用公式)', () => {
  const rows = (safety: HfCell): HfCell[][] => [
    ['一级指标', '考核内容', '目标值', '分值', '完成情况'],
    ['业务工作（30分）', '健康档案建档率', '≥90%', 10, 0.95],
    ['', '满意度', '满意率80%以上，每低一个百分点扣1分，直至10分扣尽', 10, 0.765],
    ['', '安全生产', '发生安全生产事故的，实行一票否决', 10, safety],
  ];
  const recalculated = (safety: HfCell): { band: unknown; engine: string | null; notNative: unknown } => {
    const grid = rows(safety);
    const sheet = sheetFromValues('任务', grid, { merges: [{ top: 1, left: 0, bottom: 3, right: 0 }] });
    const table = scoreSheet(sheet).tables[0]!;
    const plan = planScores(table, sheet, 'native');
    const cells = grid.map((r) => [...r]);
    let bandAt = { row: 0, col: 0 };
    for (const c of plan.cells) {
      const a = parseCellAddress(c.address)!;
      while (cells.length <= a.row) cells.push([]);
      cells[a.row]![a.col] = c.formula ?? c.value;
      if (c.kind === 'band' && c.formula !== null) bandAt = a;
    }
    const width = Math.max(...cells.map((r) => r.length));
    const got = evaluateRows(cells.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)));
    const engine =
      table.score.band === null
        ? null
        : `${table.score.band}${table.score.bandNote ? `（${table.score.bandNote}）` : ''}`;
    return { band: got[bandAt.row]![bandAt.col], engine, notNative: plan.notNative };
  };

  it.each([
    // 10 + 6.5 + 10 = 26.5 of 30 = 88.3: 良好.
    ['否', '良好'],
    ['未发生', '良好'],
    // An accident: 安全生产 scores 0, the total 16.5, and the unit fails whatever the total.
    ['发生', VETO],
    ['是', VETO],
    [1, VETO],
  ] as const)('安全生产 %j → %s, as the engine says', (safety, want) => {
    const r = recalculated(safety);
    expect(r.notNative).toEqual([]);
    expect(r.band).toBe(want);
    expect(r.engine).toBe(want);
  });
});

describe('the same bands in LibreOffice', () => {
  it('finds soffice when required', expectSofficeWhenRequired);

  it.skipIf(!soffice)('recalculates each case as worked by hand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-veto-'));
    try {
      const rows: CellIn[][] = ACTUAL_CASES.map(([total, v, e], i) => {
        const r = i + 1;
        const items = byActual.map((it) => ({ ...it, actual: it.actual!.replace('1', String(r)) }));
        const b = compileBand({ total: `C${r}`, outOf: 100, scheme: null, vetoItems: items });
        if (!b.ok) throw new Error(b.reason);
        return [null, null, total, v, e, { formula: b.formula }];
      });
      const csv = await recalcInLibreOffice(dir, rows);
      expect(csv.map((row) => row[5])).toEqual(ACTUAL_CASES.map((c) => c[3]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
