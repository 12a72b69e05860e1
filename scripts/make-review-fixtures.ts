/**
 * The reviewer's test set (issue 14): a template made from the 枣庄 2022 example (the same 47
 * items, a 填报单位 line, a 得分 column and a 合计 row with =SUM formulas) and the workbooks 13
 * units send back, with the edits units make: ties (one across the 优秀 cut-off), a blank score,
 * a triggered veto (否决 in the 安全生产 score cell), points raised, a row deleted, a row added, a
 * rule reworded, the score formula of the 合计 row pasted over with its value, a blank unit line;
 * plus a broken workbook and a file that is not a workbook.
 *
 *   npx tsx scripts/make-review-fixtures.ts DIR     (tests build the set in a temporary folder)
 *
 * Each unit is a list of edits on the template (REVIEW_UNITS). The expected results are worked
 * out by hand in test/engine/review.test.ts and test/cli/review.test.ts, not here.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import {
  ZAOZHUANG_HEAD,
  ZAOZHUANG_KEY_WORK,
  ZAOZHUANG_SPECIAL,
  workbookBuffer,
  type CellSpec,
  type SheetSpec,
  type StyleName,
  type TaskItem,
} from './make-examples';

export const SHEET = '任务要点';
/** Row 5 is the header, items from row 6; the template's 合计 row is 53. */
const FIRST = 6;

/** A unit's edits on the template. Rows are the template's rows (6–52). */
export interface UnitSpec {
  file: string;
  /** Written after 填报单位：; '' leaves the line as the template has it. */
  unit: string;
  /** Scores different from the item's full points, by template row ('否决', or null for blank). */
  scores: Record<number, number | string | null>;
  /** Points changed, by template row. */
  points?: Record<number, number>;
  /** Targets reworded, by template row. */
  targets?: Record<number, string>;
  /** Template rows deleted. */
  deleted?: number[];
  /** An item added after this template row (in its group). */
  added?: { after: number; item: TaskItem; score: number };
  /** The 合计 row's score formula replaced by its value. */
  totalAsValue?: boolean;
}

export const ADDED_ITEM: TaskItem = {
  name: '开展健康教育进社区活动',
  target: '全年开展健康教育讲座不少于12次。',
  points: 5,
};

export const REVIEW_UNITS: readonly UnitSpec[] = [
  { file: '01-shizhong.xlsx', unit: '市中区卫生健康局', scores: { 47: 5.5 } },
  { file: '02-xuecheng.xlsx', unit: '薛城区卫生健康局', scores: { 16: 12, 36: 14 } },
  { file: '03-yicheng.xlsx', unit: '峄城区卫生健康局', scores: { 40: 11, 21: 5 } },
  {
    file: '04-taierzhuang.xlsx',
    unit: '台儿庄区卫生健康局',
    points: { 9: 8 },
    scores: { 9: 8, 31: 6.75, 45: 7, 29: 1.5 },
  },
  { file: '05-shanting.xlsx', unit: '山亭区卫生健康局', deleted: [12], scores: { 36: 10, 33: 5 } },
  { file: '06-tengzhou.xlsx', unit: '滕州市卫生健康局', scores: { 14: 5, 16: 10, 41: 0 } },
  {
    file: '07-gaoxin.xlsx',
    unit: '高新区卫生健康局',
    targets: { 17: '执行率≥70%' },
    scores: { 38: 2.5, 40: 5, 50: 0 },
  },
  {
    file: '08-zhongyi.xlsx',
    unit: '枣庄市中医医院',
    totalAsValue: true,
    scores: { 36: 6, 43: 0, 49: 0 },
  },
  {
    file: '09-shili.xlsx',
    unit: '枣庄市立医院',
    added: { after: 50, item: ADDED_ITEM, score: 5 },
    scores: { 7: 0, 15: 0, 16: 1, 31: 0 },
  },
  { file: '10-fuyou.xlsx', unit: '枣庄市妇幼保健院', scores: { 32: 0, 34: 0, 36: 0, 22: 0 } },
  {
    file: '11-jijiu.xlsx',
    unit: '',
    scores: { 36: 0, 37: 0, 38: 0, 39: 0, 41: 0, 42: 0, 43: 0, 44: 0, 45: 0 },
  },
  { file: '12-jingshen.xlsx', unit: '枣庄市精神卫生中心', scores: { 20: null } },
  { file: '13-jiandu.xlsx', unit: '枣庄市卫生监督所', scores: { 8: '否决' } },
];

/** Files that are not readable workbooks, with their bytes. */
export const UNREADABLE: readonly { file: string; bytes: () => Promise<Buffer> }[] = [
  {
    // A workbook cut off in the middle of its zip (a failed e-mail download).
    file: '14-broken.xlsx',
    bytes: async () => (await templateBuffer()).subarray(0, 2000),
  },
  {
    file: '15-汇报材料.pdf',
    bytes: async () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1'),
  },
];

const TEMPLATE_UNIT_LINE = '填报单位：' + ' '.repeat(24) + '负责人：';

/** The items of the template, in order, with their template rows. */
function templateItems(): { row: number; item: TaskItem; group: 'key' | 'special' }[] {
  return [
    ...ZAOZHUANG_KEY_WORK.map((item) => ({ item, group: 'key' as const })),
    ...ZAOZHUANG_SPECIAL.map((item) => ({ item, group: 'special' as const })),
  ].map((x, i) => ({ ...x, row: FIRST + i }));
}

/** Full points of an item ("一票否决\n10" is 10). */
function fullPoints(p: number | string): number {
  return typeof p === 'number' ? p : Number(/\d+(?:\.\d+)?/.exec(p)?.[0] ?? 0);
}

/** The sheet of one unit (or of the template, with no unit). */
export function reviewSheet(u: UnitSpec | null): SheetSpec {
  const cells = new Map<string, CellSpec>();
  const set = (a: string, value: ExcelJS.CellValue, style: StyleName): void => {
    cells.set(a, { value, style });
  };
  const merges: string[] = [];
  const merge = (from: string, to: string, value: ExcelJS.CellValue, style: StyleName): void => {
    set(from, value, style);
    if (from !== to) merges.push(`${from}:${to}`);
  };
  const h = ZAOZHUANG_HEAD;
  set('A1', h.annex, 'annex');
  merge('A2', 'F2', h.unit, 'subtitle');
  merge('A3', 'F3', h.title, 'title');
  merge(
    'A4',
    'F4',
    u && u.unit !== '' ? `填报单位：${u.unit}` + ' '.repeat(10) + '负责人：' : TEMPLATE_UNIT_LINE,
    'line',
  );
  [...h.header, '得分'].forEach((v, i) => set(`${'ABCDEF'[i]}5`, v, 'header'));

  // The unit's rows: the template's, less the deleted, plus the added.
  type Row = { item: TaskItem; group: 'key' | 'special'; score: number | string | null };
  const rows: Row[] = [];
  for (const t of templateItems()) {
    if (u?.deleted?.includes(t.row)) continue;
    const points = u?.points?.[t.row] ?? t.item.points;
    const target = u?.targets?.[t.row] ?? t.item.target;
    const score = !u ? null : t.row in u.scores ? u.scores[t.row]! : fullPoints(points);
    rows.push({ item: { ...t.item, points, target }, group: t.group, score });
    if (u?.added && u.added.after === t.row)
      rows.push({ item: u.added.item, group: t.group, score: u.added.score });
  }
  const last = FIRST + rows.length - 1;
  const keyLast = FIRST + rows.filter((r) => r.group === 'key').length - 1;
  merge(`A${FIRST}`, `A${last}`, h.level1, 'label');
  merge(`B${FIRST}`, `B${keyLast}`, h.keyWorkLabel, 'label');
  merge(`B${keyLast + 1}`, `B${last}`, h.specialLabel, 'label');
  let pointsSum = 0;
  let scoreSum = 0;
  rows.forEach((r, i) => {
    const row = FIRST + i;
    set(`C${row}`, r.item.name, 'text');
    set(`D${row}`, r.item.target, 'text');
    set(`E${row}`, r.item.points, 'value');
    pointsSum += fullPoints(r.item.points);
    if (typeof r.score === 'number') scoreSum += r.score;
    if (r.score !== null) set(`F${row}`, r.score, 'value');
    else set(`F${row}`, null, 'value');
  });
  const totals = last + 1;
  set(`A${totals}`, '合计', 'header');
  set(`E${totals}`, { formula: `SUM(E${FIRST}:E${last})`, result: pointsSum }, 'value');
  set(
    `F${totals}`,
    u?.totalAsValue ? scoreSum : { formula: `SUM(F${FIRST}:F${last})`, result: scoreSum },
    'value',
  );
  return {
    name: SHEET,
    widths: [14, 14, 30, 62, 11, 9],
    cells,
    merges,
    hiddenRows: new Set(),
    landscape: true,
  };
}

export async function templateBuffer(): Promise<Buffer> {
  return workbookBuffer([reviewSheet(null)]);
}

/** Writes 模板.xlsx and every returned file into `dir`; returns the template's path and the files. */
export async function buildReviewSet(dir: string): Promise<{ template: string; files: string[] }> {
  await fs.mkdir(dir, { recursive: true });
  const template = path.join(dir, '模板.xlsx');
  await fs.writeFile(template, await templateBuffer());
  const files: string[] = [];
  for (const u of REVIEW_UNITS) {
    const f = path.join(dir, u.file);
    await fs.writeFile(f, await workbookBuffer([reviewSheet(u)]));
    files.push(f);
  }
  for (const x of UNREADABLE) {
    const f = path.join(dir, x.file);
    await fs.writeFile(f, await x.bytes());
    files.push(f);
  }
  return { template, files };
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'review-set');
  buildReviewSet(dir).then(
    ({ template, files }) => {
      for (const f of [template, ...files]) console.log(path.relative(process.cwd(), f));
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
