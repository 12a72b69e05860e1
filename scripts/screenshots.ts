/**
 * The README's screenshots (docs/*.png), taken in headless Chromium from the production build:
 * the preview with the pane on the 枣庄 example's findings (the README's first picture), the pane at
 * 320 px in each tab (枣庄 with its planted mistakes; 汇总 after reviewing the returned files of
 * scripts/make-review-fixtures.ts), and the web page after a write of 通用公式.
 * `npx tsx scripts/screenshots.ts` (Chromium at /usr/bin/chromium or CHROMIUM_PATH).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../harness/chromium';
import { ROOT, productionBuild } from '../harness/build';
import { serveDirectory } from '../harness/static-server';
import { buildReviewSet } from './make-review-fixtures';

const DOCS = join(ROOT, 'docs');
const MISTAKES = 'example=zaozhuang-2022-tasks-mistakes.xlsx';

/** The pane alone, once Fluent's fades and the notice have settled. */
async function pane(page: Page, file: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.getByTestId('pane').screenshot({ path: join(DOCS, file) });
}

async function main(): Promise<void> {
  const server = await serveDirectory((await productionBuild()).dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const tmp = mkdtempSync(join(tmpdir(), 'perf-shots-'));
  try {
    // The preview as a clerk first sees it: the findings beside the sheet, the first one current.
    const wide = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await wide.goto(`${server.url}preview.html?${MISTAKES}`);
    await wide.getByTestId('sheet-preview').waitFor();
    await wide.getByTestId('recognise').click();
    await wide.getByTestId('tab-findings').click();
    await wide.getByTestId('next-finding').click();
    await wide.waitForTimeout(300);
    await wide.screenshot({ path: join(DOCS, 'pane-findings.png') });
    await wide.close();

    const page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
    await page.goto(`${server.url}preview.html?width=320&${MISTAKES}`);
    await page.getByTestId('sheet-preview').waitFor();
    await page.getByTestId('recognise').click();
    await page.getByTestId('table-card').waitFor();
    await pane(page, 'pane-320-tables.png');
    await page.getByTestId('tab-findings').click();
    await page.getByTestId('next-finding').click();
    await pane(page, 'pane-320-findings.png');
    await page.getByTestId('tab-score').click();
    await page.getByTestId('score-row').first().waitFor();
    await pane(page, 'pane-320-score.png');
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('save-settings').waitFor();
    await pane(page, 'pane-320-settings.png');
    await page.close();

    // 汇总: the template is the open workbook, the returned files are picked in the tab.
    const set = await buildReviewSet(tmp);
    const review = await browser.newPage({ viewport: { width: 900, height: 1100 } });
    await review.goto(`${server.url}preview.html?width=320`);
    await review.getByTestId('sheet-preview').waitFor();
    await review.getByLabel('打开 .xlsx 文件 (open an .xlsx file)').setInputFiles(set.template);
    await review.getByTestId('tab-review').click();
    await review.getByTestId('review-files').setInputFiles(set.files);
    await review.getByTestId('review-run').click();
    await review.getByTestId('review-units').waitFor({ timeout: 120_000 });
    await pane(review, 'pane-320-review.png');
    await review.close();

    const web = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await web.goto(`${server.url}web.html?example=wenzhou-2024-evaluation.xlsx`);
    await web.getByTestId('sheet-preview').waitFor();
    await web.getByTestId('recognise').click();
    await web.getByTestId('tab-score').click();
    await web.getByRole('radio', { name: /^通用公式/ }).check();
    await web.getByTestId('write-scores').click();
    await web.getByTestId('written-cells').waitFor();
    await web.waitForTimeout(300);
    await web.screenshot({ path: join(DOCS, 'web-page.png') });
  } finally {
    await browser.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
