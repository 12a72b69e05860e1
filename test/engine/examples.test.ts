/**
 * The bundled example workbooks (built from the seed documents by scripts/make-examples.ts):
 * tables, groups, items and findings a clerk or reviewer would see, by cell.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../cli/xlsx';
import { analyseWorkbook, type Finding, type SheetAnalysis, type Table } from '../../engine';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

async function analyse(file: string): Promise<SheetAnalysis[]> {
  return analyseWorkbook(await readWorkbookFile(path.join(EXAMPLES, file)));
}
const codes = (fs: Finding[]): string[] => fs.map((f) => `${f.sheet}!${f.cell} ${f.code}`);
const tablesOf = (r: SheetAnalysis[]): Table[] => r.flatMap((s) => s.tables);
const findingsOf = (r: SheetAnalysis[]): Finding[] => r.flatMap((s) => s.findings);

describe('枣庄 2022 task points (L1)', () => {
  it('recognises one table of 47 items, 400 = 380 + 20, the veto item, and no findings', async () => {
    const r = await analyse('zaozhuang-2022-tasks.xlsx');
    const [t, ...rest] = tablesOf(r);
    expect(rest).toHaveLength(0);
    expect(t).toMatchObject({
      sheet: '任务要点',
      range: 'A5:E52',
      headerRow: 5,
      layout: 'task',
      columns: { level1: 'A', level2: 'B', item: 'C', target: 'D', points: 'E' },
      title: '2022年度服务高质量发展绩效考核工作任务要点',
      declaredTotal: 400,
      sum: 400,
    });
    expect(t!.items).toHaveLength(47);
    expect(t!.groups.map((g) => [g.cell, g.path, g.declared, g.sum])).toEqual([
      ['A6', ['围绕中心履职尽责'], 400, 400],
      ['B6', ['围绕中心履职尽责', '重点（职能）工作'], 380, 380],
      ['B51', ['围绕中心履职尽责', '专项考核'], 20, 20],
    ]);
    const safety = t!.items.find((i) => i.name === '安全生产')!;
    expect(safety).toMatchObject({ row: 8, points: 10, veto: true, vetoExcellence: false, pointsCell: 'E8' });
    expect(safety.path).toEqual(['围绕中心履职尽责', '重点（职能）工作']);
    // 一票否优 is written in the target of the first item.
    expect(t!.items[0]).toMatchObject({ name: '做好群众满意度提升工作', vetoExcellence: true, veto: false });
    expect(t!.items.filter((i) => i.veto).map((i) => i.name)).toEqual(['安全生产']);
    // A name written with a leading line break reads clean.
    expect(t!.items.map((i) => i.name)).toContain('增加3岁以下婴幼儿照护服务供给');
    expect(findingsOf(r)).toEqual([]);
  });

  it('reports the clerk mistakes of the variant, each at its cell', async () => {
    const r = await analyse('zaozhuang-2022-tasks-mistakes.xlsx');
    expect(codes(findingsOf(r))).toEqual([
      '任务要点!B6 POINTS_SUM_MISMATCH',
      '任务要点!E9 NUMBER_AS_TEXT',
      '任务要点!E14 NUMBER_AS_TEXT',
      '任务要点!E20 POINTS_MISSING',
      '任务要点!E25 CELL_ERROR',
      '任务要点!D33 TARGET_MISSING',
      '任务要点!C40 HIDDEN_ROW',
      '任务要点!C44 DUPLICATE_ITEM',
    ]);
    const f = findingsOf(r);
    expect(f.find((x) => x.code === 'POINTS_SUM_MISMATCH')!.message).toBe(
      '「重点（职能）工作（380分）」申报380分，下级合计370分，相差10分',
    );
    expect(f.find((x) => x.code === 'POINTS_MISSING')!.message).toBe(
      '指标「做好基层卫生创建技术服务工作。」没有分值',
    );
    expect(f.find((x) => x.code === 'CELL_ERROR')).toMatchObject({
      severity: 'error',
      data: { error: '#DIV/0!', formula: '=E7/0' },
    });
    expect(f.find((x) => x.code === 'NUMBER_AS_TEXT')).toMatchObject({
      severity: 'warning',
      data: { text: '5分' },
    });
    expect(f.find((x) => x.code === 'DUPLICATE_ITEM')!.message).toBe(
      '指标「持续扩增医师、护士考试机考机位」与第43行重复',
    );
    // Text numbers still count toward the sum: 380 − 5 (blank E20) − 5 (error E25) = 370.
    expect(tablesOf(r)[0]!.groups[1]!.sum).toBe(370);
  });
});

describe('三明 2023 responsibility breakdown (L2 + L3 on one sheet)', () => {
  it('finds both tables under their section rows with owners and people split', async () => {
    const r = await analyse('sanming-2023-responsibility.xlsx');
    const [a, b] = tablesOf(r);
    expect(tablesOf(r)).toHaveLength(2);
    expect(a).toMatchObject({
      range: 'A3:G4',
      layout: 'responsibility',
      section: '一、考核类指标',
      columns: {
        level1: 'A',
        level2: 'B',
        item: 'C',
        direction: 'D',
        standard: 'E',
        owner: 'F',
        person: 'G',
      },
    });
    expect(a!.headers.owner).toBe('数据采集责任科室单位');
    expect(a!.items[0]).toMatchObject({
      name: '医疗服务群众满意率',
      direction: '+',
      standard: '上年值',
      owner: '医政科',
      person: '邱盛瑾',
    });
    expect(b).toMatchObject({ range: 'A7:F9', layout: 'observation', section: '二、考察类指标' });
    expect(b!.items.map((i) => [i.row, i.name, i.path])).toEqual([
      [8, '深化医改成效(含中医药工作)', ['便利福建', '医疗服务']],
      [9, '国家基本公共卫生服务项目实施成效', ['便利福建', '医疗服务']],
    ]);
    // 计分办法 merged over both items applies to both.
    expect(b!.items[1]!.method).toMatch(/^参照省对市相关指标的专项考察办法/);
    expect(b!.items[0]!.owners).toEqual(['体改科', '中医科教科', '有关科室']);
    expect(b!.items[0]!.persons).toEqual(['周显葆', '童军']);
    expect(findingsOf(r)).toEqual([]);
  });

  it('reports direction, standard, owner and person mistakes', async () => {
    const r = await analyse('sanming-2023-responsibility-mistakes.xlsx');
    expect(codes(findingsOf(r))).toEqual([
      '指标责任分解!D4 DIRECTION_INVALID',
      '指标责任分解!E4 STANDARD_MISSING',
      '指标责任分解!F8 PERSON_MISSING',
      '指标责任分解!E9 OWNER_MISSING',
    ]);
    expect(findingsOf(r)[0]!.message).toBe('指标「医疗服务群众满意率」的方向「↑」无效，应为 + 或 −');
    expect(findingsOf(r)[3]!.message).toBe(
      '指标「国家基本公共卫生服务项目实施成效」未填写数据采集责任科室单位',
    );
  });
});

describe('三明 2023 business results standard (L4, two header rows)', () => {
  it('reads grouped columns with their own points and says the template is empty', async () => {
    const r = await analyse('sanming-2023-results-standard.xlsx');
    const [t] = tablesOf(r);
    expect(t).toMatchObject({
      range: 'A2:I3',
      headerRow: 2,
      headerRows: 2,
      layout: 'results',
      columns: {
        level1: 'A',
        item: 'B',
        target: 'C',
        basis: 'D',
        attribute: 'E',
        lastYear: 'F',
        ratio: 'G',
        progress: 'H',
        note: 'I',
      },
      columnPoints: { ratio: 90, progress: 10 },
    });
    expect(codes(findingsOf(r))).toEqual(['业务实绩考核标准!B2 TABLE_EMPTY']);
    expect(findingsOf(r)[0]!.severity).toBe('info');
  });
});

describe('三明 2024 self-building standard (L5, points in labels)', () => {
  it('builds 45 = 11+11+11+6+6 and 55 = 45 + 10 with items scored at group level', async () => {
    const r = await analyse('sanming-2024-self-building.xlsx');
    const [t] = tablesOf(r);
    expect(t).toMatchObject({
      layout: 'standard',
      declaredTotal: 55,
      declaredTotalCell: 'A1',
      sum: 55,
      range: 'A2:E22',
    });
    expect(t!.columns).toEqual({ level1: 'A', level2: 'B', item: 'C', target: 'D', owner: 'E' });
    expect(t!.items).toHaveLength(20);
    expect(t!.groups.map((g) => [g.cell, g.path.join('/'), g.declared, g.scoredAsWhole])).toEqual([
      ['A3', '自身建设', 45, false],
      ['B3', '自身建设/从严治党', 11, true],
      ['B8', '自身建设/依法履职', 11, true],
      ['B16', '自身建设/机关效能', 11, true],
      ['B20', '自身建设/文明创建', 6, true],
      ['B21', '自身建设/平安建设', 6, true],
      ['A22', '改革创新成效', 10, true],
    ]);
    expect(t!.groups[0]!.sum).toBe(45);
    expect(t!.items.every((i) => i.points === null)).toBe(true);
    expect(t!.items[19]!.path).toEqual(['改革创新成效']);
    // Items without points of their own are not POINTS_MISSING here.
    expect(findingsOf(r)).toEqual([]);
  });

  it('treats repeated (unmerged) labels as the same groups and reports the mistakes', async () => {
    const r = await analyse('sanming-2024-self-building-mistakes.xlsx');
    const [t] = tablesOf(r);
    expect(t!.groups.map((g) => g.path.join('/'))).toEqual([
      '自身建设',
      '自身建设/从严治党',
      '自身建设/依法履职',
      '自身建设/机关效能',
      '自身建设/文明创建',
      '自身建设/平安建设',
      '改革创新成效',
    ]);
    expect(codes(findingsOf(r))).toEqual([
      '自身建设和改革创新!A3 POINTS_SUM_MISMATCH',
      '自身建设和改革创新!E20 OWNER_MISSING',
      '自身建设和改革创新!D21 TARGET_MISSING',
    ]);
    expect(findingsOf(r)[0]!.message).toBe('「自身建设45分」申报45分，下级合计46分，相差1分');
  });
});

describe('温州 2024 evaluation standard (L6)', () => {
  it('finds three sections with totals 10, 5, 5 and the 扣分制 item', async () => {
    const r = await analyse('wenzhou-2024-evaluation.xlsx');
    const ts = tablesOf(r);
    expect(ts.map((t) => [t.range, t.layout, t.sum, t.totalsRow])).toEqual([
      ['A4:C9', 'evaluation', 10, 9],
      ['A12:D17', 'evaluation', 5, 17],
      ['A20:D25', 'evaluation', 5, 25],
    ]);
    expect(ts[0]!.items.map((i) => [i.name, i.points, i.deductionOnly, i.deduction])).toEqual([
      ['评议工作及市卫生健康发展机会清单落实情况', 5, false, 0.4],
      ['问题清单管理情况', 3, false, 0.5],
      ['行风作风日常监督情况', 2, false, null],
      ['党风廉政建设情况', null, true, 1],
    ]);
    // "(1)" beside "(1.25分)" labels is read as 1 point.
    expect(ts[1]!.items.map((i) => i.points)).toEqual([2, 1.25, 1, 0.75]);
    expect(ts[1]!.items[0]!.path).toEqual(['委属公共卫生健康单位评价']);
    expect(ts[2]!.items.map((i) => i.points)).toEqual([1, 2.5, 1, 0.5]);
    expect(findingsOf(r)).toEqual([]);
  });

  it('reports a deduction above the points, a text number and an error value', async () => {
    const r = await analyse('wenzhou-2024-evaluation-mistakes.xlsx');
    expect(codes(findingsOf(r))).toEqual([
      '评价标准!C6 NUMBER_AS_TEXT',
      '评价标准!C7 DEDUCTION_EXCEEDS',
      '评价标准!D15 CELL_ERROR',
    ]);
    expect(findingsOf(r)[1]!.message).toBe('指标「行风作风日常监督情况」扣分2.5超过其分值2分，该项按0分计');
    expect(tablesOf(r)[2]!.sum).toBe(5.5);
  });
});

describe('温州 2024 rectification list (L7)', () => {
  it('reads the minimum from the note and accepts five problems from a 综合性医院', async () => {
    const r = await analyse('wenzhou-2024-rectification.xlsx');
    const [t] = tablesOf(r);
    expect(t).toMatchObject({ layout: 'rectification', range: 'A4:D9' });
    expect(t!.items).toHaveLength(5);
    expect(t!.notes[0]!.text).toMatch(/^注[:：]1\.综合性医院整改至少5个问题/);
    expect(findingsOf(r)).toEqual([]);
  });

  it('reports MIN_ROWS at the first empty line when only three are filled', async () => {
    const r = await analyse('wenzhou-2024-rectification-mistakes.xlsx');
    expect(codes(findingsOf(r))).toEqual(['整改清单!B8 MIN_ROWS']);
    expect(findingsOf(r)[0]!.message).toBe('仅填写了3个问题，综合性医院至少应填写5个');
  });
});

describe('永昌 2011 scorecard and allocation inputs (L8)', () => {
  it('catches the published 25% + 70% + 10% = 105% error', async () => {
    const r = await analyse('yongchang-2011-scorecard.xlsx');
    const ts = tablesOf(r);
    expect(ts.map((t) => [t.sheet, t.layout, t.items.length])).toEqual([
      ['平衡记分卡权重', 'weights', 3],
      ['科室系数', 'coefficients', 18],
      ['核定任务数', 'quotas', 10],
    ]);
    expect(ts[0]).toMatchObject({ pointsUnit: 'percent', declaredTotal: 1, sum: 1.05, totalsRow: 6 });
    expect(ts[0]!.items.map((i) => i.points)).toEqual([0.25, 0.7, 0.1]);
    expect(codes(findingsOf(r))).toEqual(['平衡记分卡权重!B6 POINTS_SUM_MISMATCH']);
    expect(findingsOf(r)[0]!.message).toBe('「合计」申报100%，下级合计105%，相差5%');
    expect(findingsOf(r)[0]!.messageEn).toBe(
      '"合计" declares 100% but its parts add up to 105% (difference 5%)',
    );
  });

  it('reports text weights, a full-width coefficient, a duplicate department and #N/A', async () => {
    const r = await analyse('yongchang-2011-scorecard-mistakes.xlsx');
    expect(codes(findingsOf(r))).toEqual([
      '平衡记分卡权重!B3 NUMBER_AS_TEXT',
      '平衡记分卡权重!B4 NUMBER_AS_TEXT',
      '平衡记分卡权重!B5 NUMBER_AS_TEXT',
      '平衡记分卡权重!B6 POINTS_SUM_MISMATCH',
      '科室系数!B14 NUMBER_AS_TEXT',
      '科室系数!A16 DUPLICATE_ITEM',
      '核定任务数!B10 CELL_ERROR',
    ]);
  });
});
