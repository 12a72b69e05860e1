/**
 * `perf-check review` (issue 14) on the test set of scripts/make-review-fixtures.ts: the JSON
 * object, the exit status, the same answer on worker threads as on one thread, and the 汇总
 * workbook read back (with our reader and with ExcelJS). Expected figures are worked out by hand
 * from the edits of each unit (the template's 47 items add up to 400); see test/engine/review.test.ts
 * for the arithmetic of each total.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReviewSet } from '../../scripts/make-review-fixtures';
import { loadWorkbook } from '../../xlsx/load';
import { makeTempDir } from './helpers.js';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/perf-check.js');

function perfCheck(args: string[], workers = 1) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PERF_CHECK_WORKERS: String(workers) },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface JsonUnit {
  file: string;
  unit: string;
  total: number | null;
  band: string | null;
  rank: number | null;
  quotaBand: string | null;
  veto: boolean;
  vetoExcellence: boolean;
  changes: { code: string; cell: string; template: string; returned: string; message: string }[];
  findings: { code: string; cell: string | null; severity: string }[];
  error: string | null;
}
interface JsonReview {
  template: string;
  units: JsonUnit[];
  distribution: { labels: string[]; quotas: number[]; counts: number[]; ties: { units: string[] }[] };
}

let tmp: { dir: string; cleanup: () => void };
let set: { template: string; files: string[] };
let json: { code: number | null; out: string; err: string };
let doc: JsonReview;

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/cli/check-worker.js')))
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  tmp = makeTempDir();
  set = await buildReviewSet(tmp.dir);
  json = perfCheck(['review', '--template', set.template, '--json', ...set.files], 2);
  doc = JSON.parse(json.out) as JsonReview;
}, 120_000);
afterAll(() => tmp.cleanup());

describe('perf-check review --json', () => {
  it('prints one object: every file a unit, in command-line order, unreadable ones with their reason', () => {
    expect(doc.template).toBe(set.template);
    expect(doc.units.map((u) => u.file)).toEqual(set.files);
    expect(doc.units.map((u) => [u.unit, u.total, u.band, u.rank, u.quotaBand, u.veto])).toEqual([
      ['市中区卫生健康局', 395.5, '优秀', 1, '优秀', false],
      ['薛城区卫生健康局', 391, '优秀', 2, '优秀', false],
      ['峄城区卫生健康局', 391, '优秀', 2, '优秀', false],
      ['台儿庄区卫生健康局', 388.25, '优秀', 4, '良好', false],
      ['山亭区卫生健康局', 380, '优秀', 5, '良好', false],
      ['滕州市卫生健康局', 380, '优秀', 5, '良好', false],
      ['高新区卫生健康局', 372.5, '优秀', 7, '良好', false],
      ['枣庄市中医医院', 366, '优秀', 8, '良好', false],
      ['枣庄市立医院', 361, '良好', 9, '良好', false], // 361 of its 405 points: 89.1 %
      ['枣庄市妇幼保健院', 355, '良好', 10, '一般', false],
      ['11-jijiu', 300, '合格', 11, '一般', false],
      ['枣庄市精神卫生中心', null, null, null, null, false],
      ['枣庄市卫生监督所', null, '不合格', null, null, true],
      ['14-broken', null, null, null, null, false],
      ['15-汇报材料', null, null, null, null, false],
    ]);
    expect(doc.units.map((u) => u.error !== null)).toEqual([...Array(13).fill(false), true, true]);
    expect(doc.units[13]!.error).toContain('不是有效的 .xlsx 文件');
    expect(doc.units[13]!.error).not.toContain('\n');
    expect(json.err).toContain('14-broken.xlsx');
  });

  it('gives the distribution over the 11 ranked units and the tie across the 优秀 cut-off', () => {
    expect(doc.distribution).toMatchObject({
      labels: ['优秀', '良好', '一般'],
      quotas: [20, 60, 20],
      counts: [2, 7, 2], // 2.2 / 6.6 / 2.2 by largest remainder
    });
    expect(doc.distribution.ties.map((t) => t.units)).toEqual([['薛城区卫生健康局', '峄城区卫生健康局']]);
  });

  it('names each change with its cell and both values', () => {
    const changes = doc.units.flatMap((u) =>
      u.changes.map((c) => [u.unit, c.code, c.cell, c.template, c.returned]),
    );
    expect(changes).toEqual([
      ['台儿庄区卫生健康局', 'TEMPLATE_POINTS_CHANGED', 'E9', '5', '8'],
      ['台儿庄区卫生健康局', 'TEMPLATE_POINTS_CHANGED', 'E53', '400', '403'],
      ['山亭区卫生健康局', 'TEMPLATE_ITEM_REMOVED', 'C12', '直达资金支出进度', ''],
      ['山亭区卫生健康局', 'TEMPLATE_POINTS_CHANGED', 'E52', '400', '395'],
      ['高新区卫生健康局', 'TEMPLATE_TARGET_CHANGED', 'D17', '执行率≥80%', '执行率≥70%'],
      ['枣庄市中医医院', 'TEMPLATE_FORMULA_REPLACED', 'F53', '=SUM(F6:F52)', '366'],
      ['枣庄市立医院', 'TEMPLATE_ITEM_ADDED', 'C51', '', '开展健康教育进社区活动'],
      ['枣庄市立医院', 'TEMPLATE_POINTS_CHANGED', 'E54', '400', '405'],
    ]);
    expect(doc.units[12]!.findings.find((f) => f.code === 'VETO_TRIGGERED')?.cell).toBe('F8');
  });

  it('exits 1 (unreadable files), and a thread gives the same answer as two', () => {
    expect(json.code).toBe(1);
    const one = perfCheck(['review', '--template', set.template, '--json', ...set.files], 1);
    expect(one.out).toBe(json.out);
    expect(one.code).toBe(1);
  });
});

describe('perf-check review --out', () => {
  it('writes 汇总, 明细 and 问题, read back the same by our reader and by ExcelJS', async () => {
    const out = join(tmp.dir, '汇总.xlsx');
    const r = perfCheck(['review', '--template', set.template, '--out', out, ...set.files]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('薛城区卫生健康局');
    const bytes = readFileSync(out);
    const wb = await loadWorkbook(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['汇总', '明细', '问题']);
    const text = (s: number, row: number): unknown[] =>
      (wb.sheets[s]!.rows[row] ?? []).map((c) => (c && c.value.kind !== 'empty' ? c.value.value : null));
    expect(text(0, 0).slice(0, 7)).toEqual(['单位', '文件', '总分', '满分', '等次', '排名', '强制分布等次']);
    // Rank order: 市中区 first; 台儿庄 4th row with its 2 changes and 2 POINTS_SUM_MISMATCH errors.
    expect(text(0, 1).slice(0, 7)).toEqual([
      '市中区卫生健康局',
      '01-shizhong.xlsx',
      395.5,
      400,
      '优秀',
      1,
      '优秀',
    ]);
    expect(text(0, 4).slice(0, 12)).toEqual([
      '台儿庄区卫生健康局',
      '04-taierzhuang.xlsx',
      388.25,
      403,
      '优秀',
      4,
      '良好',
      null,
      null,
      2,
      2,
      2,
    ]);
    expect(text(0, 13).slice(0, 8)).toEqual([
      '枣庄市卫生监督所',
      '13-jiandu.xlsx',
      null,
      400,
      '不合格',
      null,
      null,
      '是',
    ]);
    const summary = wb.sheets[0]!.rows.map((_, i) => text(0, i).join(' '));
    expect(summary).toContain('名额 2 7 2');
    expect(summary.some((l) => l.includes('薛城区卫生健康局、峄城区卫生健康局同为391分（第2–3位）'))).toBe(
      true,
    );
    // 明细: 巡诊服务 row, 市中区 (first unit column, D) 5.5.
    const m = wb.sheets[1]!.rows.map((_, i) => text(1, i));
    const xun = m.find((row) => row[1] === '巡诊服务')!;
    expect(xun.slice(2, 5)).toEqual([10, 5.5, 10]);
    expect(m.at(-1)!.slice(1, 5)).toEqual(['总分', null, 395.5, 391]);
    // 问题: the pasted-over formula of 中医医院 at F53.
    const p = wb.sheets[2]!.rows.map((_, i) => text(2, i));
    expect(p).toContainEqual([
      '08-zhongyi.xlsx',
      '枣庄市中医医院',
      '任务要点',
      'F53',
      '警告',
      '模板公式被改为数值',
      '模板公式 =SUM(F6:F52) 被改为数值「366」',
    ]);
    expect(p.some((row) => row[0] === '14-broken.xlsx' && row[5] === '无法读取')).toBe(true);
    // ExcelJS (another reader) opens it and sees the same cells.
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(x.getWorksheet('汇总')!.getCell('C2').value).toBe(395.5);
    expect(x.getWorksheet('明细')!.getCell('B1').value).toBe('指标');
  });

  it('refuses to overwrite without --force', () => {
    const out = join(tmp.dir, '汇总2.xlsx');
    expect(perfCheck(['review', '--template', set.template, '--out', out, set.files[0]!]).code).toBe(0);
    const again = perfCheck(['review', '--template', set.template, '--out', out, set.files[0]!]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
  });
});

describe('perf-check review: usage', () => {
  it('needs --template, a file, and good --options', () => {
    expect(perfCheck(['review', set.files[0]!]).code).toBe(2);
    expect(perfCheck(['review', '--template', set.template]).code).toBe(2);
    const bad = perfCheck(['review', '--template', set.template, '--options', 'quotas=20/80', set.files[0]!]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('等次数');
  });

  it('exits 2 when no returned file is readable or the template is not', () => {
    const none = perfCheck(['review', '--template', set.template, '--json', set.files[13]!, set.files[14]!]);
    expect(none.code).toBe(2);
    expect((JSON.parse(none.out) as JsonReview).units).toHaveLength(2);
    const tpl = perfCheck(['review', '--template', set.files[13]!, set.files[0]!]);
    expect(tpl.code).toBe(2);
    expect(tpl.err).toContain('无法读取模板');
  });

  it('reads the forced distribution from --options', () => {
    const r = perfCheck([
      'review',
      '--template',
      set.template,
      '--json',
      '--options',
      'ties=lower',
      ...set.files.slice(0, 13),
    ]);
    const d = JSON.parse(r.out) as JsonReview;
    // ties=lower: 薛城 and 峄城 (391, places 2–3) both drop to 良好.
    expect(d.units.slice(0, 4).map((u) => u.quotaBand)).toEqual(['优秀', '良好', '良好', '良好']);
    expect(r.code).toBe(1); // POINTS_SUM_MISMATCH errors in 台儿庄, 山亭, 市立医院
  });
});
