/**
 * 写入评分 as a clerk relies on it: writing again replaces exactly the pane's own cells, 撤销上次写入
 * puts back exactly what was there, the clerk's own data is never written over without asking,
 * and written results say when they are out of date. The pane's Workbench on the in-memory
 * Excel (the adapter code Excel runs), loaded from the example workbooks.
 */
import { describe, expect, it } from 'vitest';
import { MEMORY_ENV, type MemoryExcel, type MemorySheet } from '../../addin/excel/memory-excel';
import { writeReportSheet } from '../../addin/excel';
import { WRITE_LOG_KEY } from '../../engine/write-record';
import { DEFAULT_PANE_SETTINGS, type PaneSettings } from '../../taskpane/settings';
import type { Analysis, WriteOutcome } from '../../taskpane/workbench';
import { exampleBench } from './example-bench';

const setUp = exampleBench;

/** Every cell of a sheet as "A1=value|formula|format", for comparing whole sheets. */
function snapshot(sheet: MemorySheet): string[] {
  return [...sheet.cells.entries()]
    .filter(([, c]) => c.value !== '' || c.formula !== undefined || c.numberFormat !== undefined)
    .map(([k, c]) => `${k}=${String(c.value)}|${c.formula ?? ''}|${c.numberFormat ?? ''}`)
    .sort();
}

const cellText = (excel: MemoryExcel, sheet: string, row: number, col: number) => {
  const c = excel.sheet(sheet).cell(row, col);
  return c?.formula ?? c?.value ?? '';
};

function notice(r: WriteOutcome): string {
  if ('pending' in r) throw new Error(`asked about ${r.pending.conflicts.map((c) => c.address).join(',')}`);
  return r.notice.text;
}

describe('writing scores again and undoing', () => {
  it('a second write replaces its own cells: one summary block, no question asked', async () => {
    const { excel, bench } = await setUp('wenzhou-2024-evaluation.xlsx');
    const read = () => bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    let a = await read();
    expect(notice(await bench.writeScores(a, 0, 'values', DEFAULT_PANE_SETTINGS))).toContain(
      '已写入 4 项得分',
    );
    const once = snapshot(excel.activeSheet);
    a = await read();
    // Our own cells are not read back as the clerk's scores: the same table, the same plan.
    expect(a.result.tables[0]?.columns.score).toBeUndefined();
    expect(notice(await bench.writeScores(a, 0, 'values', DEFAULT_PANE_SETTINGS))).toContain('已写入');
    expect(snapshot(excel.activeSheet)).toEqual(once);
    const titles = once.filter((c) => c.includes('汇总（绩效考核助手写入）'));
    expect(titles).toHaveLength(1);
  });

  it('switching to formulas rewrites the rows written as values', async () => {
    const { excel, bench } = await setUp('wenzhou-2024-evaluation.xlsx');
    let a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    notice(await bench.writeScores(a, 0, 'values', DEFAULT_PANE_SETTINGS));
    expect(cellText(excel, '评价标准', 4, 3)).toBe(4.6); // D5
    a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    const plan = bench.plan(a, 0, 'formulas', DEFAULT_PANE_SETTINGS);
    expect(bench.written(a, 0, plan, 'formulas', DEFAULT_PANE_SETTINGS)?.stale).toBe('mode');
    notice(await bench.writeScores(a, 0, 'formulas', DEFAULT_PANE_SETTINGS));
    expect(cellText(excel, '评价标准', 4, 3)).toBe('=MAX(0,5-N(C5))');
    expect(cellText(excel, '评价标准', 8, 3)).toBe('=MAX(0,SUM(D5:D8))'); // the 合计 row
  });

  it('通用公式 (native): the same cells without a PERF call; the total a text while an item has no score', async () => {
    const { excel, bench } = await setUp('wenzhou-2024-evaluation.xlsx');
    let a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    notice(await bench.writeScores(a, 0, 'formulas', DEFAULT_PANE_SETTINGS));
    a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    const plan = bench.plan(a, 0, 'native', DEFAULT_PANE_SETTINGS);
    expect(plan?.notNative).toEqual([]);
    expect(bench.written(a, 0, plan, 'native', DEFAULT_PANE_SETTINGS)?.stale).toBe('mode');
    notice(await bench.writeScores(a, 0, 'native', DEFAULT_PANE_SETTINGS));
    expect(cellText(excel, '评价标准', 4, 3)).toBe('=MAX(0,5-N(C5))'); // D5: no PERF call to convert
    // The 合计 row: the four item cells must all hold numbers, else 有指标未评分 (SUM would skip a text).
    expect(cellText(excel, '评价标准', 8, 3)).toBe('=IF(COUNT(D5:D8)<4,"有指标未评分",MAX(0,SUM(D5:D8)))');
    const cells = [...excel.activeSheet.cells.values()].map((c) => c.formula ?? '');
    expect(cells.filter((f) => /PERF\./i.test(f))).toEqual([]);
    // The band: PERF.BAND compiled to IF over the scheme's thresholds.
    expect(cells.some((f) => f.includes('"优秀"') && f.startsWith('=IF('))).toBe(true);
    a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    const again = bench.plan(a, 0, 'native', DEFAULT_PANE_SETTINGS);
    expect(bench.written(a, 0, again, 'native', DEFAULT_PANE_SETTINGS)?.stale).toBeNull();
  });

  it('undo puts back exactly the sheet as it was, formats included, and forgets the write', async () => {
    const { excel, bench } = await setUp('wenzhou-2024-evaluation.xlsx');
    const before = snapshot(excel.activeSheet);
    let a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    notice(await bench.writeScores(a, 0, 'formulas', DEFAULT_PANE_SETTINGS));
    a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    notice(await bench.writeScores(a, 1, 'values', DEFAULT_PANE_SETTINGS));
    expect(snapshot(excel.activeSheet)).not.toEqual(before);
    a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    const written = bench.written(
      a,
      0,
      bench.plan(a, 0, 'formulas', DEFAULT_PANE_SETTINGS),
      'formulas',
      DEFAULT_PANE_SETTINGS,
    );
    expect(written?.cells).toContain('D4:D9');
    expect(written?.stale).toBeNull();
    expect((await bench.undo(a, 0)).text).toMatch(/已撤销上次写入，\d+ 个单元格恢复原样。/);
    a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    expect((await bench.undo(a, 1)).intent).toBe('success');
    expect(snapshot(excel.activeSheet)).toEqual(before);
    expect(JSON.parse(excel.settings.get(WRITE_LOG_KEY) ?? '{}')).toEqual({ version: 1, tables: [] });
  });

  it('a cell the clerk typed over after the write is theirs: a new write and undo leave it', async () => {
    const { excel, bench } = await setUp('wenzhou-2024-evaluation.xlsx');
    let a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    notice(await bench.writeScores(a, 0, 'values', DEFAULT_PANE_SETTINGS));
    // The clerk types a band of their own into the summary's band cell (H7).
    excel.sheet('评价标准').ensure(6, 7).value = '优秀';
    a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    const undone = await bench.undo(a, 0);
    expect(undone.text).toContain('1 个单元格此后被您改过，保留不动');
    expect(cellText(excel, '评价标准', 6, 7)).toBe('优秀');
    expect(cellText(excel, '评价标准', 4, 3)).toBe(''); // D5 back to empty
    expect(cellText(excel, '评价标准', 5, 7)).toBe(''); // H6, our total, gone
    // Writing again goes round the clerk's cell: the summary moves to free columns.
    a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    notice(await bench.writeScores(a, 0, 'values', DEFAULT_PANE_SETTINGS));
    expect(cellText(excel, '评价标准', 6, 7)).toBe('优秀');
    expect(bench.plan(a, 0, 'values', DEFAULT_PANE_SETTINGS)?.summaryAt).toBe('I5');
  });

  it('says the written results are stale after a band scheme change', async () => {
    const { bench } = await setUp('wenzhou-2024-evaluation.xlsx');
    let a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    notice(await bench.writeScores(a, 0, 'values', DEFAULT_PANE_SETTINGS));
    const changed: PaneSettings = {
      ...DEFAULT_PANE_SETTINGS,
      scoring: { ...DEFAULT_PANE_SETTINGS.scoring, bands: '80:优秀,70:良好,0:一般' },
    };
    a = await bench.read('usedRange', changed);
    const plan = bench.plan(a, 0, 'values', changed);
    expect(bench.written(a, 0, plan, 'values', changed)?.stale).toBe('settings');
    expect(a.result.tables[0]?.score.band).toBe('优秀'); // 8.1 of 10 is 81
  });

  it('writes nothing into a table without points', async () => {
    const { excel, bench } = await setUp('sanming-2023-responsibility.xlsx');
    const before = snapshot(excel.activeSheet);
    const a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    expect(bench.plan(a, 0, 'formulas', DEFAULT_PANE_SETTINGS)?.nothing).toBe('noPoints');
    expect(notice(await bench.writeScores(a, 0, 'formulas', DEFAULT_PANE_SETTINGS))).toBe(
      '此表没有可写入的得分。',
    );
    expect(snapshot(excel.activeSheet)).toEqual(before);
  });

  it('reads back the sheet it wrote to, also when the report sheet is active', async () => {
    const { excel, bench } = await setUp('wenzhou-2024-evaluation.xlsx');
    const a: Analysis = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    await excel.context.sync();
    await writeReportSheet(excel.context, a.findings, { env: MEMORY_ENV });
    expect(excel.activeSheet.name).toBe('校验报告');
    notice(await bench.writeScores(a, 0, 'values', DEFAULT_PANE_SETTINGS));
    const again = await bench.read('usedRange', DEFAULT_PANE_SETTINGS, a.sheet.name);
    expect(again.sheet.name).toBe('评价标准');
    expect(again.result.tables[0]?.score.total).toBe(8.1);
  });
});
