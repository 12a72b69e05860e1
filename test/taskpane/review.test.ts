/**
 * The pane's 汇总 tab (issue 14) in headless Chromium: the reviewer opens the template (the preview's
 * open-file input stands for Excel's open workbook), picks the 15 returned files of
 * scripts/make-review-fixtures.ts, sees the progress, the ranked units, the unreadable files, the
 * quota counts and the tie across the 优秀 cut-off, and writes 汇总 / 明细 / 问题 into the workbook,
 * asked before replacing them. Expected figures are worked out by hand (see test/engine/review.test.ts).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../harness/chromium';
import { productionBuild } from '../../harness/build';
import { serveDirectory, type StaticServer } from '../../harness/static-server';
import { buildReviewSet } from '../../scripts/make-review-fixtures';
import { makeTempDir } from '../cli/helpers';
import { SKIP } from './browser';

let server: StaticServer;
let browser: Browser;
let page: Page;
let tmp: { dir: string; cleanup: () => void };
let set: { template: string; files: string[] };
const errors: string[] = [];
const outside: string[] = [];

beforeAll(async () => {
  if (SKIP) return;
  tmp = makeTempDir();
  set = await buildReviewSet(tmp.dir);
  server = await serveDirectory((await productionBuild()).dir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  tmp?.cleanup();
});

const cell = (address: string) => page.locator(`[data-testid="sheet-preview"] td[data-address="${address}"]`);

describe.skipIf(SKIP)('汇总 tab', () => {
  it('reviews picked files against the open workbook and writes 汇总, 明细 and 问题', async () => {
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${server.url}preview.html`);
    await page.getByTestId('sheet-preview').waitFor();
    // The template becomes the open workbook.
    await page.getByLabel('打开 .xlsx 文件 (open an .xlsx file)').setInputFiles(set.template);
    await expect.poll(() => cell('A4').textContent()).toContain('填报单位：');

    await page.getByTestId('tab-review').click();
    await page.getByTestId('review-files').setInputFiles(set.files);
    // Every progress line the pane shows, in order.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      new MutationObserver(() => {
        const p = document.querySelector('[data-testid="review-progress"]');
        const text = p?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('review-run').click();
    await page.getByTestId('review-units').waitFor({ timeout: 120_000 });
    const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    expect(progress.at(-1)).toBe('正在读取第 15 / 15 个文件：15-汇报材料.pdf');
    expect(progress.length).toBeGreaterThanOrEqual(2);

    const units = await page
      .getByTestId('review-unit')
      .evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('data-rank'),
          e.getAttribute('data-unit'),
          e.getAttribute('data-total'),
          e.getAttribute('data-band'),
          e.getAttribute('data-quota'),
        ]),
      );
    expect(units).toEqual([
      ['1', '市中区卫生健康局', '395.5', '优秀', '优秀'],
      ['2', '薛城区卫生健康局', '391', '优秀', '优秀'],
      ['2', '峄城区卫生健康局', '391', '优秀', '优秀'],
      ['4', '台儿庄区卫生健康局', '388.25', '优秀', '良好'],
      ['5', '山亭区卫生健康局', '380', '优秀', '良好'],
      ['5', '滕州市卫生健康局', '380', '优秀', '良好'],
      ['7', '高新区卫生健康局', '372.5', '优秀', '良好'],
      ['8', '枣庄市中医医院', '366', '优秀', '良好'],
      ['9', '枣庄市立医院', '361', '良好', '良好'],
      ['10', '枣庄市妇幼保健院', '355', '良好', '一般'],
      ['11', '11-jijiu', '300', '合格', '一般'],
      ['', '枣庄市精神卫生中心', '', '', ''],
      ['', '枣庄市卫生监督所', '', '不合格', ''],
    ]);
    expect(await page.getByTestId('review-quota').textContent()).toContain('优秀 2，良好 7，一般 2');
    expect(await page.getByTestId('review-tie').textContent()).toContain(
      '薛城区卫生健康局、峄城区卫生健康局同为391分（第2–3位）',
    );
    const unreadable = await page.getByTestId('review-unreadable').locator('li').allTextContents();
    expect(unreadable).toHaveLength(2);
    expect(unreadable[0]).toMatch(/^14-broken\.xlsx：不是有效的 \.xlsx 文件/);
    expect(unreadable[1]).toMatch(/^15-汇报材料\.pdf：/);

    await page.getByTestId('review-write').click();
    await expect
      .poll(() => page.getByTestId('sheet-tab').allTextContents())
      .toEqual(['任务要点', '汇总', '明细', '问题']);
    await expect.poll(() => page.getByTestId('sheet-preview').getAttribute('data-sheet')).toBe('汇总');
    expect(await cell('A1').textContent()).toBe('单位');
    expect(await cell('A2').textContent()).toBe('市中区卫生健康局');
    expect(await cell('C2').textContent()).toBe('395.5');
    expect(await cell('G5').textContent()).toBe('良好'); // 台儿庄: rank 4, band by quota

    // Writing again asks first; cancelling leaves the sheets, replacing writes them once more.
    await page.getByTestId('review-write').click();
    await page.getByTestId('review-replace-cancel').click();
    await page.getByTestId('review-write').click();
    await page.getByTestId('review-replace').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain('已写入工作表：汇总、明细、问题');
    expect(await page.getByTestId('sheet-tab').allTextContents()).toEqual([
      '任务要点',
      '汇总',
      '明细',
      '问题',
    ]);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  }, 300_000);
});
