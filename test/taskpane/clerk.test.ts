/**
 * Issue 15 in headless Chromium, as a clerk works at 320 px: findings are one tab stop with arrow
 * keys inside, each finding says what to do next, and highlights tell errors (red) from warnings
 * (amber) in the sheet.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../harness/chromium';
import { productionBuild } from '../../harness/build';
import { serveDirectory, type StaticServer } from '../../harness/static-server';

const SKIP = process.env.PERF_SKIP_BROWSER === '1';
if (!existsSync(CHROMIUM) && !SKIP)
  throw new Error(`Chromium not found at ${CHROMIUM} (PERF_SKIP_BROWSER=1 skips)`);

let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  if (SKIP) return;
  server = await serveDirectory((await productionBuild()).dir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  if (SKIP) return;
  expect(errors).toEqual([]);
  await page?.close();
});

async function open(query: string): Promise<Page> {
  errors.length = 0;
  page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}preview.html?width=320&${query}`);
  await page.getByTestId('sheet-preview').waitFor();
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
});
