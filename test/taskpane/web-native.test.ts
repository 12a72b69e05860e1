/**
 * The web page's 通用公式 (issue 13, reach) in headless Chromium: a template author on a computer
 * without the add-in picks 通用公式, writes, and downloads a copy whose score cells hold native
 * formulas with their results cached (the copy shows the scores before any recalculation), the
 * total and band too, and every other part of the package byte for byte as it was. LibreOffice
 * then recalculates the copy (forced on load) and its numbers are the ones the rule texts give by
 * hand. A read-only .xls/.et still downloads nothing in this mode, and says to save as .xlsx.
 *
 * The workbook: examples/zaozhuang-2022-tasks.xlsx as a clerk returns it, a 完成情况 column F with
 * the actuals of five rule-scored items, and a 得分 column G with the points of every other item
 * typed as its score (the qualitative items are scored by hand).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/build';
import { loadPackage, openPackage } from '../../xlsx/load';
import { patchPackage, type CellEdit } from '../../xlsx/write';
import { changedParts, outsideSheetData, partText } from '../xlsx/parts';
import { expectSofficeWhenRequired, recalcFile, soffice } from '../native/lo';
import { axeViolations, browserSession, SKIP } from './browser';

const session = browserSession();
let page: Page;

const EXAMPLE = join(ROOT, 'examples', 'zaozhuang-2022-tasks.xlsx');

/**
 * The five items with an actual, and their scores worked by hand from the rule text (年度目标 in
 * column D; DOMAIN.md: thresholds include the bound, partial steps count proportionally).
 */
const HAND: { row: number; actual: string; points: number; score: number; why: string }[] = [
  // D17 执行率≥80%, 5 points: 85% meets it.
  { row: 17, actual: '85%', points: 5, score: 5, why: '85% ≥ 80% → 5' },
  // D18 执行率≥100%, 5 points: 95% does not.
  { row: 18, actual: '95%', points: 5, score: 0, why: '95% < 100% → 0' },
  // D27 上报及时率达到90%以上, 准确率达到98%以上, 5 points: each condition is worth 5/2.
  { row: 27, actual: '95%,97%', points: 5, score: 2.5, why: '95% ≥ 90% met, 97% < 98% not → 2.5' },
  // D43 机位 400 个，每少增加100个机位扣3分, 10 points: 150 short → 10 − 3 × 1.5.
  { row: 43, actual: '250', points: 10, score: 5.5, why: '10 − 3 × 150/100 = 5.5' },
  // D47 满意率80%以上，每低一个百分点扣1分，直至10分扣尽, 10 points: 3.5 points short.
  { row: 47, actual: '76.5%', points: 10, score: 6.5, why: '10 − 1 × 3.5 = 6.5' },
];
// Every other item scored in full by hand: 400 points in all (A6 围绕中心履职尽责（400分）), less
// what the five lose: 400 − (0 + 5 + 2.5 + 4.5 + 3.5) = 384.5, 优秀 (≥ 90 in the default bands,
// whether on the points or on 96.1%).
const TOTAL = 384.5;
const BAND = '优秀';

/** Functions Excel 2010, WPS and LibreOffice all have (issue 13); anything else fails. */
const ALLOWED = new Set(
  'IF AND OR NOT TRUE FALSE MIN MAX ROUND SUM N ISNUMBER ISBLANK ISERROR ISTEXT ISLOGICAL VALUE SUBSTITUTE FIND SEARCH LOOKUP INDEX MATCH LEN TRIM LEFT RIGHT MID ABS INT COUNT COUNTA COUNTIF SUMPRODUCT IFERROR CHOOSE ROUNDUP ROUNDDOWN FLOOR CEILING MOD EXACT UPPER LOWER CLEAN REPT TEXT'.split(
    ' ',
  ),
);

/** The example with the clerk's actuals (F) and hand scores (G), made with the surgical writer. */
function returnedWorkbook(dir: string): { path: string; bytes: Uint8Array } {
  const bytes = new Uint8Array(readFileSync(EXAMPLE));
  const sheet = loadPackage(bytes).read.workbook.sheets[0]!;
  const edits: CellEdit[] = [
    { sheet: '任务要点', row: 4, col: 5, value: '完成情况', styleFrom: { row: 4, col: 4 } },
    { sheet: '任务要点', row: 4, col: 6, value: '得分', styleFrom: { row: 4, col: 4 } },
  ];
  const byRow = new Map(HAND.map((h) => [h.row, h]));
  for (let row = 6; row <= 52; row++) {
    const h = byRow.get(row);
    if (h) {
      edits.push({ sheet: '任务要点', row: row - 1, col: 5, value: h.actual });
      continue;
    }
    // E8 reads "一票否决\n10": 10 points.
    const cell = sheet.rows[row - 1 - sheet.origin.row]?.[4 - sheet.origin.col]?.value;
    const points = cell?.kind === 'number' ? cell.value : 10;
    edits.push({ sheet: '任务要点', row: row - 1, col: 6, value: points });
  }
  const out = patchPackage(openPackage(bytes), edits);
  const path = join(dir, 'zaozhuang-returned.xlsx');
  writeFileSync(path, out);
  return { path, bytes: out };
}

async function openWeb(query = ''): Promise<void> {
  page = await session.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  await page.goto(`${session.server.url}web.html${query ? `?${query}` : ''}`);
  await page.getByTestId('about').waitFor();
}

const cell = (address: string) => page.locator(`[data-testid="sheet-preview"] td[data-address="${address}"]`);

/** Each <c> of a sheet's XML by address: its formula (unescaped) and cached value. */
function cellsOf(xml: string): Map<string, { f: string | null; v: string | null; t: string | null }> {
  const out = new Map<string, { f: string | null; v: string | null; t: string | null }>();
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const body = m[3] ?? '';
    const f = /<f[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    out.set(m[1]!, {
      f: f === undefined ? null : unescape(f),
      v: v === undefined ? null : unescape(v),
      t: / t="([^"]+)"/.exec(m[2]!)?.[1] ?? null,
    });
  }
  return out;
}

/** The copy's sheet as written: each cell's formula and cached value, what it shows, where labels are. */
function written(copy: Uint8Array) {
  const cells = cellsOf(partText(copy, 'xl/worksheets/sheet1.xml'));
  const strings = [...partText(copy, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, ''),
  );
  const shown = (a: string): string | null => {
    const c = cells.get(a);
    return c?.t === 's' ? (strings[Number(c.v)] ?? null) : (c?.v ?? null);
  };
  /** The summary's figure for a label (总分, 等次): two columns right of it, under 实得. */
  const figure = (label: string): string => {
    const at = [...cells.keys()].find((a) => shown(a) === label);
    if (!at) throw new Error(`no ${label} in the copy`);
    return `${String.fromCharCode(at.charCodeAt(0) + 2)}${at.slice(1)}`;
  };
  return { cells, shown, figure };
}

/** Function names a formula calls (text in quotes left out). */
const functions = (f: string) =>
  [...f.replace(/"[^"]*"/g, '').matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!);

/** LibreOffice's recalculated value of a cell of the copy's first sheet ("G17"). */
function recalculated(dir: string, copy: Uint8Array): (address: string) => string | undefined {
  const file = join(dir, 'copy.xlsx');
  writeFileSync(file, copy);
  const csv = recalcFile(dir, file);
  return (a) => csv[Number(a.slice(1)) - 1]?.[a.charCodeAt(0) - 65];
}

describe.skipIf(SKIP)('the web page writes 通用公式', () => {
  it('downloads native formulas with cached results; LibreOffice recalculates them to the hand-worked scores', async () => {
    expectSofficeWhenRequired();
    const dir = mkdtempSync(join(tmpdir(), 'web-native-'));
    const input = returnedWorkbook(dir);
    await openWeb();
    await page.getByTestId('open-file').setInputFiles(input.path);
    await page.getByTestId('sheet-preview').waitFor();
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-score').click();
    // Values and native formulas offered; PERF formulas not, and the page says why.
    await page.getByRole('radio', { name: '数值' }).waitFor();
    expect(await page.getByRole('radio').count()).toBe(2);
    expect(await page.getByRole('radio', { name: '数值' }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: /^通用公式（.*WPS、LibreOffice/ }).count()).toBe(1);
    expect(await page.getByTestId('no-perf-formulas').textContent()).toContain('#NAME?');
    await page.getByRole('radio', { name: /^通用公式/ }).check();
    await expect.poll(() => page.getByTestId('score-total').textContent()).toBe('384.50');
    await page.getByTestId('write-scores').click();
    await page.getByTestId('written-cells').waitFor();
    // The sheet beside the pane shows the scores, not the formulas' text.
    for (const h of HAND)
      await expect.poll(() => cell(`G${h.row}`).textContent(), { message: h.why }).toBe(String(h.score));
    await expect.poll(() => page.getByTestId('download').isEnabled()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download').click(),
    ]);
    const copy = new Uint8Array(readFileSync(await download.path()));

    // Only the sheet, the shared strings (the summary's texts) and workbook.xml (fullCalcOnLoad)
    // differ; every other part is the input's, byte for byte.
    expect(changedParts(input.bytes, copy)).toEqual([
      'xl/sharedStrings.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(partText(copy, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(partText(copy, 'xl/workbook.xml').replace(/<calcPr[^>]*\/>/, '')).toBe(
      partText(input.bytes, 'xl/workbook.xml').replace(/<calcPr[^>]*\/>/, ''),
    );

    // The score cells: a native formula each (no PERF call, only functions every program has),
    // over the item's own actual, with the hand-worked score as its cached value.
    const { cells, shown, figure } = written(copy);
    for (const h of HAND) {
      const c = cells.get(`G${h.row}`)!;
      expect(c.f, `G${h.row}`).not.toBeNull();
      expect(c.f).not.toMatch(/PERF|_xldudf_/i);
      expect(c.f).toContain(`F${h.row}`);
      expect(
        functions(c.f!).filter((n) => !ALLOWED.has(n)),
        `G${h.row}`,
      ).toEqual([]);
      expect(Number(c.v), h.why).toBe(h.score);
    }
    // The hand scores typed in G stay as typed (values, no formula).
    expect(cells.get('G6')).toMatchObject({ f: null, v: '10' });
    // The summary beside the table: 总分 a formula over G, cached 384.5. 等次 优秀 is written as
    // its value: 安全生产's 一票否决 is its rule's, and its score is typed in rather than the rule's
    // formula, so no band formula can tell whether it fired (engine/write-band.ts).
    const total = cells.get(figure('总分'))!;
    expect(total.f).toContain('SUM(G6:G52)');
    expect(functions(total.f!).filter((n) => !ALLOWED.has(n))).toEqual([]);
    expect(Number(total.v)).toBe(TOTAL);
    expect(shown(figure('等次'))).toBe(BAND);

    // LibreOffice recalculates the copy on load: the same scores, from the formulas alone.
    if (!soffice) return;
    const at = recalculated(dir, copy);
    for (const h of HAND) expect(Number(at(`G${h.row}`)), h.why).toBe(h.score);
    expect(Number(at(figure('总分')))).toBe(TOTAL);
    expect(at(figure('等次'))).toBe(BAND);
  }, 300_000);

  it('a bundled example: the scores, 合计 and 等次 as native formulas, LibreOffice agrees with the hand sums', async () => {
    expectSofficeWhenRequired();
    const dir = mkdtempSync(join(tmpdir(), 'web-native-'));
    await openWeb('example=wenzhou-2024-evaluation.xlsx');
    await page.getByTestId('sheet-preview').waitFor();
    await page.getByTestId('recognise').click();
    await page.getByTestId('tab-score').click();
    await page.getByRole('radio', { name: /^通用公式/ }).check();
    await page.getByTestId('write-scores').click();
    await page.getByTestId('written-cells').waitFor();
    await expect.poll(() => page.getByTestId('download').isEnabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download').click(),
    ]);
    const copy = new Uint8Array(readFileSync(await download.path()));
    const input = new Uint8Array(readFileSync(join(ROOT, 'examples', 'wenzhou-2024-evaluation.xlsx')));
    expect(changedParts(input, copy)).toEqual([
      'xl/sharedStrings.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(outsideSheetData(partText(copy, 'xl/worksheets/sheet1.xml'))).toBe(
      outsideSheetData(partText(input, 'xl/worksheets/sheet1.xml')),
    );
    expect(partText(copy, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);

    // examples/README.md, section 1: items of 5, 3 and 2 points with deductions 0.4, 0.5 and none
    // (C5:C7) score 4.6, 2.5 and 2; the 扣分制 item deducts its 1 (C8) from the whole:
    // 合计 4.6 + 2.5 + 2 − 1 = 8.1 of 10, 81 on 100: 良好 (80 ≤ 81 < 90, the default bands).
    const { cells, figure } = written(copy);
    const items = [
      ['D5', 'C5', 4.6],
      ['D6', 'C6', 2.5],
      ['D7', 'C7', 2],
    ] as const;
    for (const [score, deduction, value] of items) {
      const c = cells.get(score)!;
      expect(c.f, score).toContain(deduction);
      expect(functions(c.f!).filter((n) => !ALLOWED.has(n))).toEqual([]);
      expect(Number(c.v), score).toBe(value);
    }
    const sums = ['D9', figure('总分')];
    for (const a of sums) {
      expect(cells.get(a)!.f, a).toContain('SUM(D5:D8)');
      expect(Number(cells.get(a)!.v), a).toBe(8.1);
    }
    const band = cells.get(figure('等次'))!;
    expect(band.f).not.toBeNull();
    expect(band.f).not.toMatch(/PERF|_xldudf_/i);
    expect(functions(band.f!).filter((n) => !ALLOWED.has(n))).toEqual([]);
    expect(band.v).toBe('良好');

    if (!soffice) return;
    const at = recalculated(dir, copy);
    for (const [score, , value] of items) expect(Number(at(score)), score).toBe(value);
    for (const a of sums) expect(Number(at(a)), a).toBe(8.1);
    expect(at(figure('等次'))).toBe('良好');
  }, 300_000);

  it.each(['libreoffice.xls', 'wps-style.et'])(
    '%s: 通用公式 written in the page, still no download, and the advice to save as .xlsx',
    async (file) => {
      await openWeb();
      await page.getByTestId('open-file').setInputFiles(join(ROOT, 'test', 'fixtures', 'producers', file));
      await page.getByTestId('sheet-preview').waitFor();
      await page.getByTestId('recognise').click();
      await page.getByTestId('tab-score').click();
      await page.getByRole('radio', { name: /^通用公式/ }).check();
      await page.getByTestId('write-scores').click();
      await page.getByTestId('written-cells').waitFor();
      // The producers' table: 85%, 95%, 90%, 88% against its rules → 10, 10, 0, 15.
      const shown = await page
        .locator('[data-testid="sheet-preview"] td[data-written="true"]')
        .allTextContents();
      expect(shown).toEqual(expect.arrayContaining(['10', '0', '15']));
      expect(await page.getByTestId('download').isDisabled()).toBe(true);
      expect(await page.getByTestId('download-status').textContent()).toBe(
        '.xls、.et 和 .ods 文件可以校验和评分，但不能下载副本：请在 WPS 或 Excel 中另存为 .xlsx 后再打开。',
      );
    },
  );
});
