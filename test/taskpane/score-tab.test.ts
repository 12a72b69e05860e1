/**
 * The 评分 tab of issue 15 in headless Chromium, at 320 px, as a clerk uses it: written results
 * that go stale say so and are refreshed; one reason per unscored item, on that item; scores
 * under 得分（分） with the settings' decimals; the words of each write mode; the results kept when
 * the 校验报告 sheet is active; a summary block that stays out of the next table's section row.
 * Expected figures are worked by hand from the example workbooks (examples/README.md).
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../cli/helpers';
import { axeViolations, browserSession, SKIP } from './browser';

const session = browserSession();
/** How long a poll waits: recognising, writing and re-reading take seconds when the machine is busy. */
const WAIT = { timeout: 15_000 };
let page: Page;

async function open(query: string): Promise<Page> {
  page = await session.openPreview(query);
  return page;
}

/** Opens a workbook made here (rows of values on one sheet) in the preview. */
async function openRows(name: string, rows: (string | number | null)[][]): Promise<Page> {
  const tmp = makeTempDir();
  const file = join(tmp.dir, name);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核表');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  await open('example=wenzhou-2024-evaluation.xlsx');
  await page.locator('input[type=file]').setInputFiles(file);
  await expect.poll(() => page.getByTestId('sheet-preview').getAttribute('data-sheet'), WAIT).toBe('考核表');
  tmp.cleanup();
  return page;
}

const cell = (address: string) => page.locator(`[data-testid="sheet-preview"] td[data-address="${address}"]`);
const scores = () => page.getByTestId('item-score').allTextContents();
/** The status line of the item on sheet row `row` ('' when it has none). */
const statusOf = async (row: number): Promise<string> => {
  const s = page.locator(`[data-testid="score-row"][data-row="${row}"] [data-testid="item-status"]`);
  return (await s.count()) === 0 ? '' : ((await s.textContent()) ?? '');
};

async function tab(testId: string) {
  await page.getByTestId(testId).click();
  await page.waitForTimeout(150);
  // The score tab loads on demand: under load it can take longer than 150 ms.
  if (testId === 'tab-score') await page.getByTestId('score-total').waitFor();
}

describe.skipIf(SKIP)('written results that go stale', () => {
  it('after a band scheme change the pane says the results written are stale, and refreshes them', async () => {
    await open('example=wenzhou-2024-evaluation.xlsx');
    await page.getByTestId('recognise').click();
    await tab('tab-score');
    // 温州 section 1: 10 points, deductions 0.4, 0.5, none and 1 (扣分制) → 4.6 + 2.5 + 2 − 1 = 8.1,
    // 81 of 100 is 良好 in the default scheme (90 优秀, 80 良好, 60 合格).
    expect(await page.getByTestId('score-band').textContent()).toBe('良好');
    await page.getByTestId('write-scores').click();
    await expect.poll(() => cell('H7').textContent(), WAIT).toBe('良好');
    expect(await page.getByTestId('stale').count()).toBe(0);

    // The clerk's unit uses 80 for 优秀.
    await tab('tab-settings');
    await page.getByTestId('setting-bands').fill('80:优秀,70:良好,0:一般');
    await page.getByTestId('save-settings').click();
    await expect.poll(() => page.getByTestId('notice').textContent(), WAIT).toBe('设置已保存到工作簿。');
    await tab('tab-score');
    // The pane shows the new band; the sheet still says what was written, and the pane says so.
    await expect.poll(() => page.getByTestId('score-band').textContent(), WAIT).toBe('优秀');
    expect(await cell('H7').textContent()).toBe('良好');
    await expect.poll(() => page.getByTestId('stale').count(), WAIT).toBe(1);
    expect(await page.getByTestId('stale').textContent()).toContain('评分设置已更改，表中写入的结果已过期。');
    expect(await page.getByTestId('refresh-write').textContent()).toBe('按当前结果重新写入');
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.getByTestId('refresh-write').click();
    await expect.poll(() => cell('H7').textContent(), WAIT).toBe('优秀');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByTestId('stale').count()).toBe(0);

    // Switching to formulas: the rows written as values are stale too, and become formulas.
    await page.getByRole('radio', { name: /^公式（PERF/ }).check();
    await expect.poll(() => page.getByTestId('stale').count(), WAIT).toBe(1);
    expect(await page.getByTestId('stale').textContent()).toContain(
      '写入方式已更改，表中写入的结果与当前方式不同。',
    );
    expect(await cell('D5').textContent()).toBe('4.6');
    await page.getByTestId('refresh-write').click();
    await expect.poll(() => cell('D5').textContent(), WAIT).toBe('=MAX(0,5-N(C5))');
    // (D8, the 扣分制 item without points of its own, is a value in every mode.)
    for (const a of ['D6', 'D7', 'D9']) expect(await cell(a).textContent()).toMatch(/^=/);
    expect(await page.getByTestId('stale').count()).toBe(0);
  });
});

describe.skipIf(SKIP)('one reason per unscored item', () => {
  it('every item without a score gives one reason, its own, and the counts above agree', async () => {
    await open('example=zaozhuang-2022-tasks.xlsx');
    await page.getByTestId('recognise').click();
    await tab('tab-score');
    // No 完成情况 column yet: the same reasons, but what the readable rules wait for is the column.
    await expect.poll(() => page.getByTestId('score-row').count(), WAIT).toBe(47);
    await expectOneReasonEach();
    expect(await statusOf(6)).toBe('需人工评分：计分办法未能识别');
    expect(await statusOf(11)).toBe('需人工评分：计分办法要求人工判断');
    expect(await statusOf(8)).toBe('待填完成情况：表中没有完成情况列');
    // A 完成情况 column, still empty: every item is either waiting for its actual or scored by hand.
    await page.getByTestId('create-actual').click();
    await expect.poll(() => page.getByTestId('actual-column').textContent(), WAIT).toContain('F');
    await expectOneReasonEach();
    // Row by row, from the rule texts in column D:
    // D6 "…根据满意度考核办法将进行扣分" is a text the reader does not understand (it is there).
    expect(await statusOf(6)).toBe('需人工评分：计分办法未能识别');
    // D11 定性指标: a hand score, and not also "waiting for an actual value".
    expect(await statusOf(11)).toBe('需人工评分：计分办法要求人工判断');
    // D8 安全生产 "发生…的，本项清零": readable, waiting for its (empty) actual.
    expect(await statusOf(8)).toBe('待填完成情况：完成情况未填');
    // D10 has two measures (办结及时率, 回访满意率): an empty actual is still just "not filled in".
    expect(await statusOf(10)).toBe('待填完成情况：完成情况未填');
  });

  /** 枣庄's 47 items, none scored: each one reason, and the counts above the table agree. */
  async function expectOneReasonEach() {
    const rows = page.getByTestId('score-row');
    expect(await rows.count()).toBe(47);
    const seen = await rows.evaluateAll((els) =>
      els.map((e) => ({
        score: e.querySelector('[data-testid="item-score"]')?.textContent ?? '',
        status: [...e.querySelectorAll('[data-testid="item-status"]')].map((s) => s.textContent ?? ''),
      })),
    );
    let manual = 0;
    let waiting = 0;
    for (const [i, r] of seen.entries()) {
      // No "—" without a reason, and never two reasons.
      expect({ row: i + 6, score: r.score, reasons: r.status.length }).toEqual({
        row: i + 6,
        score: '—',
        reasons: 1,
      });
      const s = r.status[0]!;
      expect(/^需人工评分：/.test(s) !== /^待填完成情况：/.test(s)).toBe(true);
      expect(s.includes('需人工评分') && s.includes('待填完成情况')).toBe(false);
      if (s.startsWith('需人工评分')) manual++;
      else waiting++;
    }
    expect(await page.getByTestId('pending-total').textContent()).toBe(
      `有指标待评分，暂不能给出总分（${manual} 项需人工评分，${waiting} 项待填完成情况）`,
    );
    const pane = (await page.getByTestId('pane').textContent()) ?? '';
    expect(pane).not.toContain('需人工评分或待填完成情况');
    expect(pane).not.toContain('实际给了');
  }

  it('a reason found on one row is told on that row, not on the item above', async () => {
    await openRows('reasons.xlsx', [
      ['序号', '考核内容', '年度目标', '分值', '完成情况'],
      [1, '健康档案建档率', '≥90%', 10, null],
      [2, '老年人体检率', '≥90%', 10, '见附件'],
      [3, '回访满意率', '≥90%', 10, 0.95],
    ]);
    await page.getByTestId('recognise').click();
    await tab('tab-score');
    await expect.poll(scores, WAIT).toEqual(['—', '—', '10.00']);
    // Row 2: blank. Row 3: "见附件" is no number. Row 4: 95% ≥ 90% → full 10 points.
    expect(await statusOf(2)).toBe('待填完成情况：完成情况未填');
    expect(await statusOf(3)).toMatch(/^待填完成情况：.*见附件/);
    expect(await statusOf(4)).toBe('');
  });

  it('scores under 得分（分） beside the sheet row, the total in 分, all with the settings’ decimals', async () => {
    await open('example=wenzhou-2024-evaluation.xlsx');
    await page.getByTestId('recognise').click();
    await tab('tab-score');
    const headers = await page.getByTestId('pane').getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['行', '指标', '规则解读', '得分（分）']);
    // 5 − 0.4, 3 − 0.5, 2 (no deduction), 扣分制 item − 1; the first cell is the sheet row.
    expect(await scores()).toEqual(['4.60', '2.50', '2.00', '-1.00']);
    expect(await page.locator('[data-testid="score-row"] td:first-child').allTextContents()).toEqual([
      '5',
      '6',
      '7',
      '8',
    ]);
    expect(await page.getByTestId('score-total').evaluate((e) => e.parentElement?.textContent)).toBe(
      '总分：8.10 / 10.00 分',
    );
    // One decimal in the settings: every score, the total and the points follow.
    await tab('tab-settings');
    await page.getByTestId('setting-decimals').fill('1');
    await page.getByTestId('save-settings').click();
    await expect.poll(() => page.getByTestId('notice').textContent(), WAIT).toBe('设置已保存到工作簿。');
    await tab('tab-score');
    await expect.poll(scores, WAIT).toEqual(['4.6', '2.5', '2.0', '-1.0']);
    expect(await page.getByTestId('score-total').evaluate((e) => e.parentElement?.textContent)).toBe(
      '总分：8.1 / 10.0 分',
    );
  });
});

describe.skipIf(SKIP)('writing', () => {
  it('each write mode says what it writes: 数值, PERF and SUM/MAX with the add-in, or ordinary functions', async () => {
    const labels = () => page.getByRole('radiogroup').locator('label').allTextContents();
    await open('example=wenzhou-2024-evaluation.xlsx');
    await page.getByTestId('recognise').click();
    await tab('tab-score');
    expect(await labels()).toEqual([
      '数值',
      '公式（PERF 函数及 SUM、MAX 等，随完成情况自动更新；只在装有本加载项的 Microsoft 365、Excel 2021 及以后版本和网页版 Excel 中计算）',
      '通用公式（只用 IF、SUM 等普通函数，随完成情况自动更新；不装加载项的 Excel 2010 及以后、WPS、LibreOffice 都能计算）',
    ]);
    // What 公式 writes in this table: MAX and SUM for the 扣分 items and the total, PERF.BAND for
    // the band, as the option says (it once promised =PERF.SCORE only).
    await page.getByRole('radio', { name: /^公式（PERF/ }).check();
    await page.getByTestId('write-scores').click();
    await expect.poll(() => cell('D5').textContent(), WAIT).toBe('=MAX(0,5-N(C5))');
    expect(await cell('D9').textContent()).toBe('=MAX(0,SUM(D5:D8))');
    expect(await cell('H7').textContent()).toContain('PERF.BAND(');
    await page.close();

    await open('example=wenzhou-2024-evaluation.xlsx&lang=en');
    await page.getByTestId('recognise').click();
    await tab('tab-score');
    expect(await labels()).toEqual([
      'Values',
      'Formulas (PERF functions and SUM, MAX…, update with the actuals; calculated only in Microsoft 365, Excel 2021 and later and Excel on the web, with this add-in)',
      'Native formulas (ordinary functions such as IF and SUM, update with the actuals; Excel 2010 and later, WPS and LibreOffice calculate them without the add-in)',
    ]);
  });

  it('with the 校验报告 sheet active, writing scores keeps the 评分 tab on the table written', async () => {
    await open('example=wenzhou-2024-evaluation-mistakes.xlsx');
    await page.getByTestId('recognise').click();
    await tab('tab-findings');
    await page.getByRole('button', { name: '生成校验报告' }).click();
    await expect
      .poll(() => page.getByTestId('sheet-preview').getAttribute('data-sheet'), WAIT)
      .toBe('校验报告');
    await tab('tab-score');
    const before = await scores();
    // Row 5: 5 − 0.4; row 8, the 扣分制 item: − 1 (the planted mistakes are on rows 6 and 7).
    expect(before[0]).toBe('4.60');
    expect(before[3]).toBe('-1.00');
    await page.getByTestId('write-scores').click();
    await expect.poll(() => page.getByTestId('notice').textContent(), WAIT).toContain('已写入');
    // Still the 评价标准 table: its rows, its scores, what was written, no "no table".
    await expect.poll(() => page.getByTestId('score-row').count(), WAIT).toBe(4);
    expect(await scores()).toEqual(before);
    expect(await page.getByTestId('written-cells').textContent()).toContain('D4:D9');
    expect((await page.getByTestId('pane').textContent()) ?? '').not.toContain('没有识别到指标表');
  });

  it('the summary block stays out of the next table’s section row (and is left out when it does not fit)', async () => {
    await openRows('stacked.xlsx', [
      ['一级指标', '考核内容', '目标值', '分值', '完成情况'],
      ['甲（10分）', '指标一', '≥90%', 10, 0.95],
      ['乙（10分）', '指标二', '≥90%', 10, 0.5],
      ['二、考察类指标'],
      ['序号', '考核内容', '分值', '责任科室'],
      [1, '指标三', 5, '办公室'],
    ]);
    await page.getByTestId('recognise').click();
    await expect.poll(() => page.getByTestId('notice').textContent(), WAIT).toContain('识别到 2 张表');
    await tab('tab-score');
    await page.getByTestId('write-scores').click();
    // 95% ≥ 90%: 10; 50%: 0. Rows 2–3 are all there is beside the table: no room for a summary of
    // title, 总分 and 等次, so none; row 4 belongs to the next table and gets nothing.
    await expect.poll(() => cell('F2').textContent(), WAIT).toBe('10');
    expect(await cell('F1').textContent()).toBe('得分');
    expect(await cell('F3').textContent()).toBe('0');
    const written = await page
      .locator('[data-testid="sheet-preview"] td[data-written="true"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-address')));
    expect(written.sort()).toEqual(['F1', 'F2', 'F3']);
    const texts = await page.locator('[data-testid="sheet-preview"] td').allTextContents();
    expect(texts.filter((t) => t.startsWith('汇总'))).toEqual([]);
  });
});
