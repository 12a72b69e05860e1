/**
 * The task pane end to end, in Debian's headless Chromium: the production build's preview page
 * (the pane beside an example workbook opened with the shared reader) clicked through as a clerk would.
 * Recognise → findings with their cells → go to a cell → highlight and clear → report sheet →
 * score and write → the right values in the right cells. No request may leave the page's origin.
 * Screenshots of the main states go to test-artifacts/ (one is in the README).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from '../../harness/chromium';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { productionBuild, ROOT } from '../../harness/build';
import { serveDirectory, type StaticServer } from '../../harness/static-server';

const ARTIFACTS = join(ROOT, 'test-artifacts');

// Only an explicit PERF_SKIP_BROWSER=1 skips these; a missing browser is otherwise a failure.
const SKIP = process.env.PERF_SKIP_BROWSER === '1';
if (!existsSync(CHROMIUM) && !SKIP) {
  throw new Error(
    `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium), set CHROMIUM_PATH, or PERF_SKIP_BROWSER=1 to skip the browser tests`,
  );
}

let server: StaticServer;
let browser: Browser;
let page: Page;
/** Requests to anywhere but the add-in's own origin. */
let outside: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (SKIP) return;
  const build = await productionBuild();
  server = await serveDirectory(build.dir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query: string, viewport = { width: 1360, height: 900 }): Promise<Page> {
  outside = [];
  consoleErrors.length = 0;
  page = await browser.newPage({ viewport });
  // Every Content-Security-Policy violation, including ones a library catches and swallows.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.text()) && !m.location().url.endsWith('favicon.ico'))
      consoleErrors.push(m.text());
  });
  await page.goto(`${server.url}preview.html?${query}`);
  await page.getByTestId('sheet-preview').waitFor();
  return page;
}

afterEach(async () => {
  if (SKIP) return;
  expect(outside).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await page?.close();
});

const cell = (address: string) => page.locator(`[data-testid="sheet-preview"] td[data-address="${address}"]`);
const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

describe.skipIf(SKIP)('task pane in the browser preview', () => {
  it('recognises the 枣庄 table, lists the planted mistakes at their cells, and goes to one', async () => {
    await open('example=zaozhuang-2022-tasks-mistakes.xlsx');
    await page.getByTestId('recognise').click();
    const card = page.getByTestId('table-card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await page.getByTestId('table-range').textContent()).toBe('A5:E52');
    expect(await page.getByTestId('table-items').textContent()).toBe('47');
    // Column roles as recognised, with the group tree and its mismatch.
    expect(await page.getByTestId('role-5-E').inputValue()).toBe('points');
    expect(await page.getByTestId('group-label').allTextContents()).toContain('重点（职能）工作（380分）');
    await shot('tables');

    await page.getByTestId('tab-findings').click();
    const findings = page.getByTestId('finding');
    await expect.poll(() => findings.count()).toBe(8);
    const cells = await findings.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
    expect(cells).toEqual(['B6', 'E20', 'E25', 'D33', 'E9', 'E14', 'C40', 'C44']);
    expect(await page.getByTestId('count-error').textContent()).toBe('4');
    expect(await page.getByTestId('count-warning').textContent()).toBe('4');
    await shot('findings');

    // Nothing in the pane, the engine or its libraries ran into the page's CSP (zod's JIT is off).
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);

    // Clicking a finding selects its cell in the sheet.
    await page.locator('[data-testid="finding"][data-cell="E20"]').click();
    await expect.poll(() => cell('E20').getAttribute('data-selected')).toBe('true');
    expect(await cell('A1').getAttribute('data-selected')).toBeNull();
  });

  it('highlights the finding cells, clears only its own fills, and writes a report sheet', async () => {
    await open('example=zaozhuang-2022-tasks-mistakes.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-findings').click();
    await page.getByRole('button', { name: '标注', exact: true }).click();
    await expect.poll(() => cell('E9').getAttribute('data-fill')).toBe('#FFD98C');
    // Errors (the first four) in red, warnings in amber.
    for (const a of ['B6', 'E20', 'E25', 'D33'])
      expect(await cell(a).getAttribute('data-fill')).toBe('#F4B0B0');
    for (const a of ['E14', 'C40', 'C44']) expect(await cell(a).getAttribute('data-fill')).toBe('#FFD98C');
    expect(await cell('E10').getAttribute('data-fill')).toBe('');
    expect(await page.getByTestId('notice').textContent()).toContain('已标注 8 个单元格');
    await shot('highlighted');

    await page.getByRole('button', { name: '清除标注' }).click();
    await expect.poll(() => cell('E9').getAttribute('data-fill')).toBe('');
    expect(await page.getByTestId('notice').textContent()).toContain('已清除 8 处标注');

    await page.getByRole('button', { name: '生成校验报告' }).click();
    await expect.poll(() => page.getByTestId('sheet-preview').getAttribute('data-sheet')).toBe('校验报告');
    expect(await cell('A1').textContent()).toBe('严重程度');
    expect(await cell('D2').textContent()).toBe('B6');
    expect(await cell('E2').textContent()).toContain('申报380分，下级合计370分');
    expect(await page.getByTestId('sheet-tab').allTextContents()).toEqual(['任务要点', '校验报告']);
  });

  it('scores the 温州 standard and writes scores, totals and bands into the right cells', async () => {
    await open('example=wenzhou-2024-evaluation.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-findings').click();
    await page.getByTestId('clean').waitFor();
    await page.getByTestId('tab-score').click();
    expect(await page.getByTestId('score-total').textContent()).toBe('8.10');
    expect(await page.getByTestId('score-band').textContent()).toBe('良好');
    expect(await page.getByTestId('score-column').textContent()).toContain('D');
    await shot('score');
    await page.getByTestId('write-scores').click();
    await expect.poll(() => cell('D9').textContent()).toBe('8.1');
    expect(await cell('D4').textContent()).toBe('得分');
    expect(await Promise.all(['D5', 'D6', 'D7', 'D8'].map((a) => cell(a).textContent()))).toEqual([
      '4.6',
      '2.5',
      '2',
      '-1',
    ]);
    expect(await cell('D9').getAttribute('data-written')).toBe('true');
    // The summary beside the table: total and band.
    expect(await cell('F5').textContent()).toContain('汇总');
    expect(await cell('H6').textContent()).toBe('8.1');
    expect(await cell('H7').textContent()).toBe('良好');
    // The table was re-read: the cells written are listed, the 得分 column stays the pane's own.
    await expect.poll(() => page.getByTestId('written-cells').textContent()).toContain('D4:D9');
    expect(await page.getByTestId('stale').count()).toBe(0);
    await shot('written');

    // Writing again over the same cells: equal values are no conflict; a changed cell asks first.
    await page.getByTestId('score-table').selectOption('1');
    expect(await page.getByTestId('score-total').textContent()).toBe('4.30');
    await page.getByTestId('write-scores').click();
    await expect.poll(() => cell('E17').textContent()).toBe('4.3');
  });

  it('writing again replaces its own cells without asking, lists them, says when stale, and undoes', async () => {
    await open('example=wenzhou-2024-evaluation.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-score').click();
    await page.getByRole('radio', { name: /^公式（PERF/ }).check();
    await page.getByTestId('write-scores').click();
    await expect.poll(() => cell('D5').textContent()).toBe('=MAX(0,5-N(C5))');
    // The notice of the write stays (it is not replaced by the recognition notice).
    expect(await page.getByTestId('notice').textContent()).toContain('已写入 4 项得分');
    expect(await page.getByTestId('written-cells').textContent()).toContain('D4:D9');
    // Values now: the results written as formulas are stale; writing replaces them, no question.
    await page.getByRole('radio', { name: '数值' }).check();
    await expect.poll(() => page.getByTestId('stale').count()).toBe(1);
    await page.getByTestId('refresh-write').click();
    await expect.poll(() => cell('D5').textContent()).toBe('4.6');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByTestId('stale').count()).toBe(0);
    const titles = await page
      .locator('[data-testid="sheet-preview"] td')
      .evaluateAll((els) => els.filter((e) => (e.textContent ?? '').startsWith('汇总')).length);
    expect(titles).toBe(1);
    await page.getByTestId('undo-write').click();
    await expect.poll(() => cell('D5').textContent()).toBe('');
    expect(await cell('D4').textContent()).toBe('');
    expect(await cell('F5').textContent()).toBe('');
    expect(await page.getByTestId('written').count()).toBe(0);
  });

  it('offers no write for a table without points and says why', async () => {
    await open('example=sanming-2023-responsibility.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-score').click();
    expect(await page.getByTestId('plan-summary').textContent()).toBe('此表没有分值列，无需写入评分。');
    expect(await page.getByTestId('write-scores').isDisabled()).toBe(true);
  });

  it('offers no write while no item has a score yet, and says what to do first', async () => {
    // The 枣庄 task table has points but no 完成情况 and no entered scores: nothing to write.
    await open('example=zaozhuang-2022-tasks.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-score').click();
    expect(await page.getByTestId('plan-summary').textContent()).toBe(
      '还没有可写入的得分：请先填写完成情况或人工评分。',
    );
    expect(await page.getByTestId('write-scores').isDisabled()).toBe(true);
  });

  it('adds an actual column to a table without one, then writes live PERF.SCORE formulas', async () => {
    await open('example=zaozhuang-2022-tasks.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-score').click();
    await page.getByTestId('create-actual').click();
    await expect.poll(() => cell('F5').textContent()).toBe('完成情况');
    await expect.poll(() => page.getByTestId('actual-column').textContent()).toContain('F');
    await page.getByRole('radio', { name: /^公式（PERF/ }).check();
    await page.getByTestId('write-scores').click();
    await expect.poll(() => cell('G5').textContent()).toBe('得分');
    // 执行率≥80% style targets get PERF.SCORE on the new actual column; qualitative ones stay empty.
    const formulas = await page
      .locator('[data-testid="sheet-preview"] td[data-address^="G"]')
      .evaluateAll((els) => els.map((e) => e.textContent ?? '').filter((t) => t.startsWith('=PERF.SCORE')));
    expect(formulas.length).toBe(19);
    for (const f of formulas) expect(f).toMatch(/^=PERF\.SCORE\(F(\d+),D\1,(E\1|\d+),,"小数位数=2"\)$/);
    // E8 reads "一票否决\n10": the points go in as the number, not as the text cell.
    expect(formulas).toContain('=PERF.SCORE(F8,D8,10,,"小数位数=2")');
  });

  it('转换为通用公式: the PERF formulas written become native formulas; the sheet keeps no PERF call', async () => {
    await open('example=zaozhuang-2022-tasks.xlsx');
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-score').click();
    await page.getByTestId('create-actual').click();
    await expect.poll(() => cell('F5').textContent()).toBe('完成情况');
    await page.getByRole('radio', { name: /^公式（PERF/ }).check();
    await page.getByTestId('write-scores').click();
    await expect.poll(() => cell('G5').textContent()).toBe('得分');
    const gFormulas = (): Promise<string[]> =>
      page
        .locator('[data-testid="sheet-preview"] td[data-address^="G"]')
        .evaluateAll((els) => els.map((e) => e.textContent ?? '').filter((t) => t.startsWith('=')));
    expect((await gFormulas()).filter((f) => f.startsWith('=PERF.SCORE'))).toHaveLength(19);
    await page.getByTestId('convert-native-workbook').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toBe('已将 19 个 PERF 公式转换为通用公式。');
    const after = await gFormulas();
    expect(after.filter((f) => /PERF/i.test(f))).toEqual([]);
    // A formula that was one call becomes the native formula itself, no parentheses around it.
    expect(after.filter((f) => f.startsWith('=IF('))).toHaveLength(19);
    // G8's points were the number 10 (E8 reads "一票否决\n10"): the native formula keeps the number.
    const g8 = (await cell('G8').textContent()) ?? '';
    expect(g8).toContain('F8');
    expect(g8).not.toContain('E8');
    expect(await page.getByTestId('unconverted').count()).toBe(0);
    // Nothing left to convert: said so.
    await page.getByTestId('convert-native-workbook').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('没有找到 PERF 公式。');
  });

  it('corrects a column role, remembers it in the workbook settings, and speaks English when asked', async () => {
    await open('example=wenzhou-2024-evaluation.xlsx&lang=en');
    await page.getByTestId('recognise').click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Performance assessment helper');
    const select = page.getByTestId('role-4-C');
    expect(await select.inputValue()).toBe('deduction');
    await select.selectOption('none');
    await expect.poll(() => page.getByText('corrected').count()).toBe(1);
    expect(await page.getByTestId('role-4-C').inputValue()).toBe('none');
    // Without its deduction column the table cannot be scored: no total.
    await page.getByTestId('tab-score').click();
    expect(await page.getByTestId('score-total').textContent()).toBe('—');
    // Recognising again keeps the correction: it is saved in the workbook's settings.
    await page.getByRole('tab', { name: 'Tables' }).click();
    await page.getByTestId('recognise').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('table(s) recognised');
    expect(await page.getByTestId('role-4-C').inputValue()).toBe('none');
    await select.selectOption('deduction');
    await page.getByTestId('tab-score').click();
    await expect.poll(() => page.getByTestId('score-total').textContent()).toBe('8.10');
  });

  it('follows the Office theme: dark and high contrast', async () => {
    for (const theme of ['dark', 'contrast']) {
      await page?.close();
      await open(`example=wenzhou-2024-evaluation.xlsx&theme=${theme}`);
      await page.getByTestId('recognise').click();
      await page.getByTestId('table-card').first().waitFor();
      const bg = await page
        .locator('main')
        .evaluate((el) => getComputedStyle(el.parentElement as Element).backgroundColor);
      const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number) as [number, number, number];
      expect(0.299 * r + 0.587 * g + 0.114 * b).toBeLessThan(80);
      await shot(`theme-${theme}`);
    }
  });

  it('pages carry a Content-Security-Policy that blocks inline scripts and other origins', async () => {
    await open('example=wenzhou-2024-evaluation.xlsx');
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      const img = new Image();
      const loaded = new Promise<boolean>((resolve) => {
        img.onload = () => resolve(true);
        img.onerror = () => resolve(false);
      });
      img.src = 'https://example.com/pixel.png';
      return {
        inline: (window as unknown as { __injected?: boolean }).__injected === true,
        image: await loaded,
      };
    });
    expect(ran).toEqual({ inline: false, image: false });
    consoleErrors.length = 0; // the browser reports the refusals; they are the point here
    for (const html of ['taskpane.html', 'preview.html']) {
      const text = await (await fetch(`${server.url}${html}`)).text();
      const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(text)?.[1] ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBe(false);
    }
  });

  it('has no serious accessibility violations (axe-core) and works with the keyboard', async () => {
    await open('example=zaozhuang-2022-tasks-mistakes.xlsx');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // the file input of the preview bar comes after the pane
    await page.getByTestId('recognise').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('table-card').waitFor();
    await page.getByTestId('tab-findings').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('finding').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => cell('B6').getAttribute('data-selected')).toBe('true');
    // Evaluated through the DevTools protocol: the page's CSP rightly forbids inline scripts.
    await page.evaluate(`${readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')}; true`);
    const result = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
        .axe;
      // Tabster's focus guards (Fluent UI's <i aria-hidden tabindex=0> "dummy" elements) are
      // a known axe false positive: they pass focus on and are never read out.
      return axe.run(
        { include: [['main']], exclude: [['[data-tabster-dummy]']] },
        { resultTypes: ['violations'] },
      );
    })) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
