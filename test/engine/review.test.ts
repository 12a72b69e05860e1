/**
 * The reviewer's desk in the engine (issue 14): a returned table against its template
 * (TEMPLATE_* findings), each unit's name, total, band and vetoes, the competition ranking, the
 * forced distribution with its ties, and the item matrix. The test set is the one of
 * scripts/make-review-fixtures.ts; every expected figure below is worked out from the edits listed
 * there (the template's 47 items add up to 400 points), not read from the engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  consolidate,
  makeSheet,
  parseOptionText,
  prepareTemplate,
  readUnitName,
  reviewWorkbook,
  sheetFromValues,
  SheetView,
  unreadableUnit,
  DEFAULT_SETTINGS,
  type Consolidation,
  type UnitReview,
  type Workbook,
} from '../../engine';
import { loadWorkbook } from '../../xlsx/load';
import { REVIEW_UNITS, reviewSheet, templateBuffer } from '../../scripts/make-review-fixtures';
import { workbookBuffer } from '../../scripts/make-examples';

let units: UnitReview[];
let review: Consolidation;
const byUnit = (name: string): Consolidation['units'][number] => review.units.find((u) => u.unit === name)!;

beforeAll(async () => {
  const template = prepareTemplate(await loadWorkbook(await templateBuffer()));
  units = [];
  for (const u of REVIEW_UNITS) {
    const wb: Workbook = await loadWorkbook(await workbookBuffer([reviewSheet(u)]));
    units.push(reviewWorkbook(template, wb, `/in/${u.file}`));
  }
  units.push(unreadableUnit('/in/14-broken.xlsx', '不是有效的 .xlsx 文件'));
  review = consolidate(units, template.items, DEFAULT_SETTINGS.forced);
}, 60_000);

describe('units of the test set', () => {
  it('reads the unit after 填报单位：, else the file name', () => {
    expect(units.map((u) => u.unit)).toEqual([
      '市中区卫生健康局',
      '薛城区卫生健康局',
      '峄城区卫生健康局',
      '台儿庄区卫生健康局',
      '山亭区卫生健康局',
      '滕州市卫生健康局',
      '高新区卫生健康局',
      '枣庄市中医医院',
      '枣庄市立医院',
      '枣庄市妇幼保健院',
      '11-jijiu', // left 填报单位 blank
      '枣庄市精神卫生中心',
      '枣庄市卫生监督所',
      '14-broken',
    ]);
  });

  it('totals add the entered scores of the returned rows', () => {
    expect(units.map((u) => u.total)).toEqual([
      395.5, // 400 − (10 − 5.5)
      391, // 400 − 3 − 6
      391, // 400 − 4 − 5
      388.25, // 403 (信访稳定 5 → 8, scored 8) − 3.25 − 3 − 8.5
      380, // 395 (直达资金支出进度 deleted) − 10 − 5
      380, // 400 − 5 − 5 − 10
      372.5, // 400 − 7.5 − 10 − 10
      366, // 400 − 14 − 10 − 10
      361, // 405 (an item of 5 added, scored 5) − 10 − 10 − 14 − 10
      355, // 400 − 10 − 10 − 20 − 5
      300, // 400 − 20 − 30 − 50
      null, // 做好基层卫生创建技术服务工作 left blank
      null, // 安全生产 scored 否决
      null, // unreadable
    ]);
    expect(units.map((u) => u.outOf).slice(0, 11)).toEqual([
      400, 400, 400, 403, 395, 400, 400, 400, 405, 400, 400,
    ]);
  });

  it('bands by the share of the unit’s own points; a veto gives 不合格 without a total', () => {
    // 90 / 80 / 60 of 100: 388.25/403 = 96.3 %, 380/395 = 96.2 %, 361/405 = 89.1 %, 355/400 = 88.75 %, 300/400 = 75 %.
    expect(units.map((u) => u.band)).toEqual([
      '优秀',
      '优秀',
      '优秀',
      '优秀',
      '优秀',
      '优秀',
      '优秀',
      '优秀',
      '良好',
      '良好',
      '合格',
      null,
      '不合格',
      null,
    ]);
    expect(units.map((u) => u.veto)).toEqual(units.map((u) => u.unit === '枣庄市卫生监督所'));
    const veto = units[12]!.findings.find((f) => f.code === 'VETO_TRIGGERED')!;
    expect(veto.cell).toBe('F8');
    expect(units[12]!.findings.some((f) => f.code === 'ACTUAL_INVALID')).toBe(false);
    const blank = units[11]!.findings.find((f) => f.code === 'ACTUAL_MISSING')!;
    expect(blank.cell).toBe('F20');
    expect(blank.message).toContain('做好基层卫生创建技术服务工作');
  });

  it('reports the template changes with the cell and both values', () => {
    const changes = (i: number): string[] =>
      units[i]!.changes.map((c) => `${c.code} ${c.cell} ${c.data.template} → ${c.data.returned}`);
    expect(
      units.flatMap((u, i) => (i === 3 || i === 4 || i === 6 || i === 7 || i === 8 ? [] : u.changes)),
    ).toEqual([]);
    expect(changes(3)).toEqual(['TEMPLATE_POINTS_CHANGED E9 5 → 8', 'TEMPLATE_POINTS_CHANGED E53 400 → 403']);
    // The deleted row is named at the template's cell; the 合计 row moved up to 52.
    expect(changes(4)).toEqual([
      'TEMPLATE_ITEM_REMOVED C12 直达资金支出进度 → ',
      'TEMPLATE_POINTS_CHANGED E52 400 → 395',
    ]);
    expect(changes(6)).toEqual(['TEMPLATE_TARGET_CHANGED D17 执行率≥80% → 执行率≥70%']);
    expect(changes(7)).toEqual(['TEMPLATE_FORMULA_REPLACED F53 =SUM(F6:F52) → 366']);
    expect(changes(8)).toEqual([
      'TEMPLATE_ITEM_ADDED C51  → 开展健康教育进社区活动',
      'TEMPLATE_POINTS_CHANGED E54 400 → 405',
    ]);
    expect(units[3]!.changes[0]!.message).toBe('「信访稳定」的分值由模板的「5」改为「8」');
    expect(units[3]!.changes[0]!.severity).toBe('warning');
  });

  it('a row that only moved is not a change', () => {
    const tpl = prepareTemplate({
      sheets: [
        sheetFromValues('S', [
          ['指标名称', '分值', '得分'],
          ['甲', 5, null],
          ['乙', 5, null],
        ]),
      ],
    });
    const r = reviewWorkbook(
      tpl,
      {
        sheets: [
          sheetFromValues('S', [
            ['指标名称', '分值', '得分'],
            ['乙', 5, 4],
            ['甲', 5, 5],
          ]),
        ],
      },
      'x.xlsx',
    );
    expect(r.changes).toEqual([]);
    expect(r.total).toBe(9);
    expect(r.unit).toBe('x');
  });
});

describe('ranking and the forced distribution', () => {
  it('ranks by total with shared places (1, 2, 2, 4); no total, a veto or no file: no rank', () => {
    expect(review.units.map((u) => u.rank)).toEqual([1, 2, 2, 4, 5, 5, 7, 8, 9, 10, 11, null, null, null]);
  });

  it('counts by largest remainder over the 11 ranked units and says which tie straddles a cut-off', () => {
    // 11 × 20 % = 2.2, 11 × 60 % = 6.6, 11 × 20 % = 2.2 → 2 / 6 / 2 and the one left to the largest remainder (.6).
    expect(review.distribution.counts).toEqual([2, 7, 2]);
    expect(review.distribution.ranked).toBe(11);
    // 薛城 and 峄城 (391) share places 2 and 3 across the cut after place 2: both 优秀 (ties=higher).
    expect(review.distribution.ties).toEqual([
      {
        total: 391,
        units: ['薛城区卫生健康局', '峄城区卫生健康局'],
        files: ['/in/02-xuecheng.xlsx', '/in/03-yicheng.xlsx'],
        positions: [2, 3],
        cutoff: 2,
        above: '优秀',
        below: '良好',
        band: '优秀',
      },
    ]);
    expect(review.distribution.assigned).toEqual([3, 6, 2]);
    expect(byUnit('薛城区卫生健康局').quotaBand).toBe('优秀');
    // Places 4–9 良好 (山亭 and 滕州 tie at 5–6, inside the band: not reported), 10–11 一般.
    expect(review.units.map((u) => u.quotaBand)).toEqual([
      '优秀',
      '优秀',
      '优秀',
      '良好',
      '良好',
      '良好',
      '良好',
      '良好',
      '良好',
      '一般',
      '一般',
      null,
      null,
      null,
    ]);
  });

  it('follows the tie policy and the rounding mode of the settings', () => {
    const forced = parseOptionText('ties=lower;rounding=floor').forced;
    const r = consolidate(units, [], forced);
    // floor: 2 / 6 / 2 and the one left to the largest quota (良好): 2 / 7 / 2; ties=lower: 391s are 良好.
    expect(r.distribution.counts).toEqual([2, 7, 2]);
    expect(r.distribution.assigned).toEqual([1, 8, 2]);
    expect(r.distribution.ties[0]!.band).toBe('良好');
    expect(r.distribution.tiePolicy).toBe('lower');
    const two = consolidate(units, [], parseOptionText('quotas=30/70;labels=前列/其余').forced);
    // 11 × 30 % = 3.3 → 3, 11 × 70 % = 7.7 → 8 (largest remainder); 391 at 2–3 is inside 前列.
    expect(two.distribution.counts).toEqual([3, 8]);
    expect(two.distribution.ties).toEqual([]);
    expect(two.units.map((u) => u.quotaBand).slice(0, 4)).toEqual(['前列', '前列', '前列', '其余']);
  });
});

describe('item matrix', () => {
  it('lists the template items, then the added one, with each unit’s score', () => {
    const m = review.matrix;
    expect(m.items).toHaveLength(48);
    expect(m.items[47]).toMatchObject({ name: '开展健康教育进社区活动', added: true, points: 5 });
    const row = (name: string): (number | null)[] => m.scores[m.items.findIndex((i) => i.name === name)]!;
    // 巡诊服务 (10 points): 市中区 5.5, every other readable unit 10; none for the broken file.
    expect(row('巡诊服务')).toEqual([5.5, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, null]);
    // 直达资金支出进度: deleted by 山亭 (no score there).
    expect(row('直达资金支出进度')[4]).toBeNull();
    expect(row('信访稳定')[3]).toBe(8);
    expect(row('开展健康教育进社区活动')).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      5,
      null,
      null,
      null,
      null,
      null,
    ]);
    // 安全生产 scored 否决: no number.
    expect(row('安全生产')[12]).toBeNull();
  });
});

describe('unit line', () => {
  it('stops at the next label or a wide gap', () => {
    const name = (line: string): string | null =>
      readUnitName(new SheetView(makeSheet('S', [[{ value: { kind: 'text', value: line } }]])), 1);
    expect(name('填报单位：山亭区卫生健康局          负责人：王某')).toBe('山亭区卫生健康局');
    expect(name('单位名称:市立医院 负责人：')).toBe('市立医院');
    expect(name('填报单位：' + ' '.repeat(20) + '负责人：')).toBeNull();
    expect(name('主管部门：市卫健委')).toBeNull();
  });
});
