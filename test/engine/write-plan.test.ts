/** What "写入评分" writes: cells, values, formulas, and that formulas score as the engine does. */
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../cli/xlsx';
import { functions, scoreSheet, sheetFromValues, DEFAULT_SETTINGS, type Sheet } from '../../engine';
import { ScoringSettingsSchema, parseOptionText } from '../../engine/rules/settings';
import {
  optionText,
  planNewColumn,
  planScores,
  sumArguments,
  toBlocks,
  type PlannedCell,
} from '../../engine/write-plan';

import { parseCellAddress } from '../../engine/address';
import { NATIVE_TEXT } from '../../engine/native';
import { evaluateRows, type HfCell } from '../native/hf';

const at = (cells: readonly PlannedCell[], address: string) => cells.find((c) => c.address === address);

describe('planScores on the 温州 evaluation standard (entered deductions)', () => {
  it('writes item scores into a new 得分 column, the total into the 合计 row, and a summary beside', async () => {
    const wb = await readWorkbookFile('examples/wenzhou-2024-evaluation.xlsx');
    const sheet = wb.sheets[0] as Sheet;
    const scored = scoreSheet(sheet);
    const plan = planScores(scored.tables[0]!, sheet, 'values');
    expect(plan.scoreColumn).toBe('D');
    expect(plan.createsScoreColumn).toBe(true);
    expect(at(plan.cells, 'D4')).toMatchObject({ kind: 'header', value: '得分' });
    expect(['D5', 'D6', 'D7', 'D8'].map((a) => at(plan.cells, a)?.value)).toEqual([4.6, 2.5, 2, -1]);
    expect(at(plan.cells, 'D9')).toMatchObject({ kind: 'total', value: 8.1, formula: null });
    // Summary under the header row: F5 title, F6 total, F7 band, in columns empty on those rows.
    expect(plan.summaryAt).toBe('F5');
    expect(at(plan.cells, 'H6')).toMatchObject({ kind: 'total', value: 8.1 });
    expect(at(plan.cells, 'G6')?.value).toBe(10);
    expect(at(plan.cells, 'H7')).toMatchObject({ kind: 'band', value: '良好' });
    expect(plan.pending).toEqual([]);
    // One block per contiguous run: D4:D9 and the three summary columns.
    expect(plan.blocks.map((b) => b.address).sort()).toEqual(['D4:D9', 'F5:F7', 'G5:G6', 'H5:H7']);
  });

  it('as formulas: points minus the deduction cell, SUM for the total, PERF.BAND for the band', async () => {
    const wb = await readWorkbookFile('examples/wenzhou-2024-evaluation.xlsx');
    const sheet = wb.sheets[0] as Sheet;
    const t = scoreSheet(sheet).tables[1]!;
    const plan = planScores(t, sheet, 'formulas');
    expect(plan.scoreColumn).toBe('E');
    expect(at(plan.cells, 'E13')?.formula).toBe('=MAX(0,2-N(D13))');
    expect(at(plan.cells, 'E17')?.formula).toBe('=MAX(0,SUM(E13:E16))');
    const band = plan.cells.find((c) => c.kind === 'band' && c.formula !== null);
    expect(band?.formula).toMatch(
      /^=IF\([A-Z]+\d+="","",PERF\.BAND\([A-Z]+\d+\*100\/5,"90:优秀,80:良好,60:合格,0:不合格"\)\)$/,
    );
    const group = plan.cells.find((c) => c.kind === 'group' && c.formula !== null);
    expect(group?.formula).toBe('=SUM(E13:E16)');
  });
});

// A task table with an actual column: rules read from the targets, a merged 计分办法 cell.
const rows = [
  ['一级指标', '考核内容', '目标值', '分值', '完成情况'],
  ['公共卫生（20分）', '健康档案建档率', '≥90%', 10, 0.95],
  ['', '满意度', '满意率80%以上，每低一个百分点扣1分，直至10分扣尽', 10, 0.765],
  ['医疗服务（10分）', '门诊人次', '不少于3次', 10, ''],
];
const sheet = sheetFromValues('任务', rows, {
  merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
});

describe('planScores as live formulas', () => {
  const scored = scoreSheet(sheet);
  const table = scored.tables[0]!;

  it('writes PERF.SCORE per rule item, also while the actual is still blank', () => {
    const plan = planScores(table, sheet, 'formulas');
    expect(plan.scoreColumn).toBe('F');
    expect(at(plan.cells, 'F2')?.formula).toBe('=PERF.SCORE(E2,C2,D2,,"decimals=2")');
    expect(at(plan.cells, 'F3')?.formula).toBe('=PERF.SCORE(E3,C3,D3,,"decimals=2")');
    expect(at(plan.cells, 'F4')).toMatchObject({
      value: null,
      formula: '=PERF.SCORE(E4,C4,D4,,"decimals=2")',
    });
    expect(plan.pending.map((p) => p.cell)).toEqual(['F4']);
  });

  it('each PERF.SCORE formula gives the value the engine scored', () => {
    const plan = planScores(table, sheet, 'formulas');
    for (const c of plan.cells.filter((x) => x.kind === 'item' && x.value !== null)) {
      const m = /^=PERF\.SCORE\(E(\d+),C\d+,D\d+,,"(.*)"\)$/.exec(c.formula ?? '')!;
      const row = rows[Number(m[1]) - 1]!;
      const r = functions.perfScore(row[4] as number, row[2] as string, row[3] as number, undefined, m[2]);
      expect(r).toEqual({ ok: true, value: c.value });
    }
    expect(at(plan.cells, 'F3')?.value).toBe(6.5); // 76.5% against 80%: 3.5 points off
  });

  it('as native formulas: no PERF call left; a spreadsheet computes the hand-worked scores', () => {
    const plan = planScores(table, sheet, 'native');
    expect(plan.notNative).toEqual([]);
    const written = plan.cells.filter((c) => c.formula !== null);
    expect(written.length).toBeGreaterThan(3);
    for (const c of written) expect(c.formula).not.toMatch(/PERF\./i);
    // The sheet's rows with the planned cells, recalculated by HyperFormula.
    const grid: HfCell[][] = rows.map((r) => [...r] as HfCell[]);
    for (const c of plan.cells) {
      const a = parseCellAddress(c.address)!;
      while (grid.length <= a.row) grid.push([]);
      grid[a.row]![a.col] = c.formula ?? (c.value as HfCell);
    }
    const width = Math.max(...grid.map((r) => r.length));
    const got = evaluateRows(grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)));
    // 95% ≥ 90%: 10; 76.5% against 80%, 1 point a percentage point: 10 − 3.5 = 6.5; no actual yet: a text.
    expect([got[1]![5], got[2]![5], got[3]![5]]).toEqual([10, 6.5, NATIVE_TEXT.ACTUAL_MISSING]);
    // 公共卫生 = 10 + 6.5; 医疗服务 and the total wait for 门诊人次 (a text, never a partial sum), so
    // does the band.
    expect([got[2]![9], got[3]![9], got[4]![9], got[5]![9]]).toEqual([
      16.5,
      '有指标未评分',
      '有指标未评分',
      '得分无效',
    ]);
    // With 门诊人次 given (4 ≥ 3: 10), the total is 26.5 of 30 = 88.3: 良好.
    grid[3]![4] = 4;
    const again = evaluateRows(grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)));
    expect([again[3]![5], again[4]![9], again[5]![9]]).toEqual([10, 26.5, '良好']);
  });

  it('as values leaves the item without an actual empty and the total unwritten', () => {
    const plan = planScores(table, sheet, 'values');
    expect(at(plan.cells, 'F4')).toBeUndefined();
    expect(plan.cells.some((c) => c.kind === 'total' && c.value !== null && c.address.startsWith('J'))).toBe(
      false,
    );
    expect(plan.cells.find((c) => c.kind === 'group' && c.value === 20)).toBeDefined(); // declared points
    const scores = plan.cells.filter(
      (c) => c.kind === 'group' && typeof c.value === 'number' && c.address.startsWith('J'),
    );
    expect(scores.map((c) => c.value)).toEqual([16.5]); // 公共卫生 complete; 医疗服务 waits
  });

  it('says the non-default settings in the option text', () => {
    const s = ScoringSettingsSchema().parse({ decimals: 1, partial: 'floor', ratioCap: 1.2 });
    expect(optionText(s)).toBe('decimals=1;partial=floor;cap=1.2');
    expect(optionText(DEFAULT_SETTINGS)).toBe('decimals=2');
    const plan = planScores(scoreSheet(sheet, { scoring: s }).tables[0]!, sheet, 'formulas', s);
    expect(at(plan.cells, 'F3')).toMatchObject({
      value: 7,
      formula: '=PERF.SCORE(E3,C3,D3,,"decimals=1;partial=floor;cap=1.2")',
    });
  });

  it('writes the options in Chinese for a Chinese workbook, and they read back the same', () => {
    const s = ScoringSettingsSchema().parse({
      decimals: 1,
      partial: 'floor',
      ratioCap: 1.2,
      thresholds: 'all',
    });
    expect(optionText(s, 'zh')).toBe('小数位数=1;不足一档=向下取整;比例封顶=1.2;多项达标=全部');
    expect(parseOptionText(optionText(s, 'zh'))).toEqual(s);
    expect(parseOptionText('不足一档=按比例；合计=合计取整')).toMatchObject({
      partial: 'proportional',
      totals: 'roundOnce',
    });
    expect(() => parseOptionText('小数=1')).toThrow(/未知选项「小数」/);
    const plan = planScores(scoreSheet(sheet, { scoring: s }).tables[0]!, sheet, 'formulas', s, [], {
      lang: 'zh',
    });
    expect(at(plan.cells, 'F3')?.formula).toBe(
      '=PERF.SCORE(E3,C3,D3,,"小数位数=1;不足一档=向下取整;比例封顶=1.2;多项达标=全部")',
    );
  });

  it('puts the summary where nothing is in the way', () => {
    const busy = sheetFromValues(
      '任务',
      rows.map((r, i) => (i === 1 ? [...r, '', '', '备注：勿动'] : r)),
      {
        merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
      },
    );
    const plan = planScores(scoreSheet(busy).tables[0]!, busy, 'values');
    expect(plan.summaryAt).toBe('I2'); // H2 holds a note, so the block moves right of it
  });

  it('is read back as the same table: the summary adds no header words and no table', () => {
    const plan = planScores(table, sheet, 'values');
    const grid = rows.map((r) => [...r]) as unknown[][];
    for (const c of plan.cells) {
      const m = /^([A-Z])(\d+)$/.exec(c.address)!;
      const r = Number(m[2]) - 1;
      while (grid.length <= r) grid.push([]);
      grid[r]![m[1]!.charCodeAt(0) - 65] = c.value;
    }
    const again = scoreSheet(
      sheetFromValues('任务', grid, { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] }),
    );
    expect(again.tables.map((t) => t.range)).toEqual(['A1:F4']);
    expect(again.tables[0]!.columns.score).toBe('F');
  });

  it('leaves the summary out rather than run into the next table’s section row', () => {
    const stacked = sheetFromValues('S', [
      ['一级指标', '考核内容', '目标值', '分值', '完成情况'],
      ['甲（10分）', '指标一', '≥90%', 10, 0.95],
      ['乙（10分）', '指标二', '≥90%', 10, 0.5],
      ['二、考察类指标'],
      ['序号', '考核内容', '分值', '责任科室'],
      [1, '指标三', 5, '办公室'],
    ]);
    const all = scoreSheet(stacked).tables;
    expect(all.map((t) => t.range)).toEqual(['A1:E3', 'A5:D6']);
    const plan = planScores(all[0]!, stacked, 'values', DEFAULT_SETTINGS, all);
    // Rows 2–3 are all there is beside the table: row 4 is "二、考察类指标", which belongs to the
    // next table. Three summary rows do not fit, so there is none; the scores are still written.
    expect(plan.summaryAt).toBeNull();
    expect(plan.cells.filter((c) => ['group', 'summary', 'band'].includes(c.kind))).toEqual([]);
    expect(plan.cells.map((c) => [c.address, c.value])).toEqual([
      ['F1', '得分'],
      ['F2', 10],
      ['F3', 0],
    ]);
  });
});

describe('helpers', () => {
  it('compresses SUM arguments into runs', () => {
    expect(sumArguments('H', [6, 7, 8, 10, 12, 13])).toBe('H6:H8,H10,H12:H13');
    expect(sumArguments('H', [5])).toBe('H5');
  });

  it('makes one block per contiguous run of a column', () => {
    const cells: PlannedCell[] = [
      { address: 'B2', kind: 'item', value: 1, formula: null },
      { address: 'B3', kind: 'item', value: 2, formula: '=1+1' },
      { address: 'B5', kind: 'item', value: 3, formula: null },
    ];
    expect(toBlocks(cells)).toEqual([
      { address: 'B2:B3', values: [[1], [2]], formulas: [[null], ['=1+1']] },
      { address: 'B5', values: [[3]] },
    ]);
  });

  it('adds a new column header in the first free column right of the table', () => {
    const t = scoreSheet(sheet).tables[0]!;
    expect(planNewColumn(t, sheet, '得分')).toEqual({
      column: 'F',
      block: { address: 'F1', values: [['得分']] },
    });
  });
});

describe('what a write leaves alone', () => {
  it('a table without points gets nothing: no 得分 header, no 总分 =MAX(0,SUM(…)), no empty summary', async () => {
    const wb = await readWorkbookFile('examples/sanming-2023-responsibility.xlsx');
    const sheet = wb.sheets[0] as Sheet;
    const t = scoreSheet(sheet).tables[0]!;
    for (const mode of ['values', 'formulas'] as const) {
      const plan = planScores(t, sheet, mode);
      expect(plan.nothing).toBe('noPoints');
      expect(plan.cells).toEqual([]);
      expect(plan.blocks).toEqual([]);
    }
  });
});

describe('PERF.SCORE with the Chinese option names the pane writes', () => {
  it('rounds and steps as with the English names', () => {
    // 76.55% against 80% with 1 point per percentage point: 10 − 3.45 = 6.55; floor: 10 − 3 = 7.
    const rule = '满意率80%以上，每低一个百分点扣1分';
    const en = functions.perfScore(0.7655, rule, 10, null, 'decimals=1;partial=floor');
    const zh = functions.perfScore(0.7655, rule, 10, null, '小数位数=1;不足一档=向下取整');
    expect(zh).toEqual(en);
    expect(functions.perfScore(0.7655, rule, 10, null, '小数位数=1')).toEqual(
      functions.perfScore(0.7655, rule, 10, null, 'decimals=1'),
    );
  });
});
