/**
 * Issue 15 in headless Chromium, as a clerk works at 320 px: findings are one tab stop with arrow
 * keys inside, each finding says what to do next, and highlights tell errors (red) from warnings
 * (amber) in the sheet.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, SKIP } from './browser';

const session = browserSession();
let page: Page;

async function open(query: string): Promise<Page> {
  page = await session.openPreview(query);
  return page;
}

const cell = (address: string) => page.locator(`[data-testid="sheet-preview"] td[data-address="${address}"]`);
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { testId: el?.getAttribute('data-testid') ?? '', text: (el?.textContent ?? '').trim() };
  });

describe.skipIf(SKIP)('findings a clerk can work through', () => {
  it('score findings are one tab stop: Tab leaves the list at once, arrows move inside', async () => {
    await open('example=zaozhuang-2022-tasks.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-score').click();
    // A 完成情况 column: now every item without an actual value or needing a hand score is listed.
    await page.getByTestId('create-actual').click();
    await expect
      .poll(() => page.locator('[data-testid="score-findings"] button').count())
      .toBeGreaterThan(40);
    const list = page.locator('[data-testid="score-findings"] button');
    const first = ((await list.nth(0).textContent()) ?? '').trim();
    const second = ((await list.nth(1).textContent()) ?? '').trim();
    await list.nth(0).focus();
    await page.keyboard.press('ArrowDown');
    expect((await focused()).text).toBe(second);
    await page.keyboard.press('ArrowUp');
    expect((await focused()).text).toBe(first);
    await page.keyboard.press('Tab');
    // Out of the list at once: 写入评分 is off (nothing to write yet), so the rule guide's link is next.
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="score-findings"]')),
    ).toBeNull();
    expect((await focused()).testId).toBe('rule-guide');
    // Shift+Tab comes back to the finding last visited, not to the last of the list.
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).text).toBe(first);
  });

  it('check findings are one tab stop too, and each says what to do next', async () => {
    await open('example=zaozhuang-2022-tasks-mistakes.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-findings').click();
    const findings = page.getByTestId('finding');
    await expect.poll(() => findings.count()).toBe(8);
    const byCode = async (code: string) =>
      (await page.locator(`[data-testid="finding"][data-code="${code}"]`).first().textContent()) ?? '';
    expect(await byCode('CELL_ERROR')).toContain('建议：除数为 0 或为空：请改正公式');
    expect(await byCode('HIDDEN_ROW')).toContain('建议：取消隐藏此行');
    expect(await byCode('DUPLICATE_ITEM')).toContain('建议：两行是同一指标时删除其中一行');
    expect(await byCode('POINTS_SUM_MISMATCH')).toContain('建议：对照考核文件改正申报分值');
    // One tab stop: from the first finding, Tab leaves the list.
    await findings.first().focus();
    await page.keyboard.press('ArrowDown');
    expect((await focused()).testId).toBe('finding');
    await page.keyboard.press('Tab');
    const after = await page.evaluate(
      () => document.activeElement?.closest('[data-testid="findings-list"]') === null,
    );
    expect(after).toBe(true);
  });

  it('highlights errors in red and warnings in amber', async () => {
    await open('example=zaozhuang-2022-tasks-mistakes.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-findings').click();
    await page.getByRole('button', { name: '标注', exact: true }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('错误为红色，警告为橙色');
    const findings = await page
      .getByTestId('finding')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-cell'), e.getAttribute('data-severity')]));
    const colours = { error: '#F4B0B0', warning: '#FFD98C' } as Record<string, string>;
    const errorCells = new Set(findings.filter(([, s]) => s === 'error').map(([c]) => c));
    const seen = new Set<string>();
    for (const [address, severity] of findings) {
      if (!address) continue;
      // A cell with an error and a warning shows the error.
      const want = errorCells.has(address) ? colours.error : colours[severity ?? ''];
      expect({ address, fill: await cell(address).getAttribute('data-fill') }).toEqual({
        address,
        fill: want,
      });
      seen.add(severity ?? '');
    }
    expect([...seen].sort()).toEqual(['error', 'warning']);
    await page.getByRole('button', { name: '清除标注' }).click();
    await expect.poll(() => cell(findings[0]![0]!).getAttribute('data-fill')).not.toBe(colours.error);
  });

  it('上一个/下一个 walk the findings and select their cells; fixes in place; 忽略此问题', async () => {
    await open('example=zaozhuang-2022-tasks-mistakes.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-findings').click();
    await expect.poll(() => page.getByTestId('finding').count()).toBe(8);
    const current = () => page.getByTestId('current-text').textContent();
    const selected = () =>
      page.locator('[data-testid="sheet-preview"] td[data-selected="true"]').getAttribute('data-address');
    // Errors first: B6, the declared 380 against 370 summed.
    await page.getByTestId('next-finding').click();
    await expect.poll(current).toMatch(/^第 1 个，共 8 个：B6 /);
    await expect.poll(selected).toBe('B6');
    await page.getByTestId('next-finding').click();
    await expect.poll(current).toMatch(/^第 2 个，共 8 个/);
    await page.getByTestId('previous-finding').click();
    await expect.poll(current).toMatch(/^第 1 个，共 8 个：B6 /);
    // Walk on to the number stored as text, and convert it in place.
    const walkTo = async (text: string) => {
      for (let i = 0; i < 8 && !((await current()) ?? '').includes(text); i++)
        await page.getByTestId('next-finding').click();
      expect(await current()).toContain(text);
    };
    await walkTo('「5分」是文本形式的数字');
    const at = ((await current()) ?? '').match(/：([A-Z]+\d+) /)![1]!;
    expect(await page.getByTestId('fix').textContent()).toBe('转换为数字');
    await page.getByTestId('fix').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe(`已将 ${at} 转换为数字。`);
    await expect.poll(() => page.getByTestId('finding').count()).toBe(7);
    expect(await cell(at).textContent()).toBe('5');
    // The hidden row 40: 取消隐藏.
    await page.getByTestId('next-finding').click();
    await walkTo('第40行被隐藏');
    expect(await page.getByTestId('fix').textContent()).toBe('取消隐藏');
    await page.getByTestId('fix').click();
    await expect.poll(() => page.getByTestId('finding').count()).toBe(6);
    expect(await page.locator('[data-testid="finding"][data-code="HIDDEN_ROW"]').count()).toBe(0);
    // 忽略此问题: the duplicate leaves the list, the tab count and the highlights; it can come back.
    await page.getByTestId('next-finding').click();
    await walkTo('重复');
    await page.getByTestId('ignore').click();
    await expect.poll(() => page.getByTestId('finding').count()).toBe(5);
    expect(await page.getByTestId('tab-findings').textContent()).toContain('(5)');
    expect(await page.getByTestId('ignored').textContent()).toContain('已忽略 1 个问题');
    await page.getByTestId('restore-ignored').click();
    await expect.poll(() => page.getByTestId('finding').count()).toBe(6);
  });

  it('a table without points says so: no 合计 0, no green 分值一致 badge', async () => {
    // 三明 2023 责任分解表: two tables (A3:G4, A7:F9) with no 分值 column and no points anywhere.
    await open('example=sanming-2023-responsibility.xlsx');
    await page.getByTestId('recognise').click();
    await expect.poll(() => page.getByTestId('table-card').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByTestId('table-points').allTextContents()).toEqual([
      '无（此表没有分值列）',
      '无（此表没有分值列）',
    ]);
    expect(await page.getByTestId('group-label').allTextContents()).toEqual([
      '共享发展',
      '医疗服务',
      '便利福建',
      '医疗服务',
    ]);
    const pane = (await page.getByTestId('pane').textContent()) ?? '';
    expect(pane).not.toContain('分值一致');
    expect(pane).not.toMatch(/合计\s*0/);
  });

  it('a clean table: the check found nothing, which is no promise that the table is right', async () => {
    await open('example=wenzhou-2024-evaluation.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-findings').click();
    await page.getByTestId('clean').waitFor();
    expect(await page.getByTestId('clean').textContent()).toBe(
      '本次检查未发现问题。提交前仍请核对填报的数据。',
    );
    expect((await page.getByTestId('pane').textContent()) ?? '').not.toContain('可以提交');
  });

  it('writes every table at once, and links the help page', async () => {
    await open('example=wenzhou-2024-evaluation.xlsx');
    expect(await page.getByTestId('help').getAttribute('href')).toBe('help/index.html');
    expect((await page.request.get(`${session.server.url}help/index.html`)).status()).toBe(200);
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-score').click();
    await page.getByTestId('write-all').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('已写入 3 张表的评分。');
    // Totals worked out from the example: 4.6 + 2.5 + 2 − 1 = 8.1; 4.3 for the second table.
    expect(await cell('D9').textContent()).toBe('8.1');
    expect(await cell('E17').textContent()).toBe('4.3');
    // Each table's cells are the pane's own: writing all again asks nothing and changes nothing.
    await page.getByTestId('write-all').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('已写入 3 张表的评分。');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
