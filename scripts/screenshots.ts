/**
 * The README's screenshots (docs/*.png), taken in headless Chromium from the production build:
 * the pane at 320 px in each tab (枣庄 example with its planted mistakes), and the web page after a
 * write. `npx tsx scripts/screenshots.ts` (Chromium at /usr/bin/chromium or CHROMIUM_PATH).
 */
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../harness/chromium';
import { ROOT, productionBuild } from '../harness/build';
import { serveDirectory } from '../harness/static-server';

const DOCS = join(ROOT, 'docs');

async function pane(page: Page, file: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.getByTestId('pane').screenshot({ path: join(DOCS, file) });
}

async function main(): Promise<void> {
  const server = await serveDirectory((await productionBuild()).dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
    await page.goto(`${server.url}preview.html?width=320&example=zaozhuang-2022-tasks-mistakes.xlsx`);
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

    const web = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await web.goto(`${server.url}web.html?example=wenzhou-2024-evaluation.xlsx`);
    await web.getByTestId('sheet-preview').waitFor();
    await web.getByTestId('recognise').click();
    await web.getByTestId('tab-score').click();
    await web.getByTestId('write-scores').click();
    await web.getByTestId('written-cells').waitFor();
    await web.waitForTimeout(300);
    await web.screenshot({ path: join(DOCS, 'web-page.png') });
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
