/** Recognition on hand-built grids: the layout variations clerks actually send. */
import { describe, expect, it } from 'vitest';
import {
  analyseSheet,
  functions,
  makeSheet,
  sheetFromValues,
  type CellRange,
  type Sheet,
} from '../../engine';

const range = (top: number, left: number, bottom: number, right: number): CellRange => ({
  top,
  left,
  bottom,
  right,
});

describe('header recognition', () => {
  it('finds a header below titles and a 主管部门 line, with synonyms, spaces and line breaks', () => {
    const s = sheetFromValues('S', [
      ['附件1'],
      ['某某卫生院2024年度绩效考核指标'],
      ['主管部门：卫健局        负责人：'],
      ['序号', '考核 内容', '目标值', '标准\n分', '牵头\n科室', '责任人'],
      [1, '健康档案建档率', '≥90%', 10, '公卫科', '张三'],
      [2, '家庭医生签约率', '≥70%', 10, '公卫科', '李四'],
    ]);
    const { tables, findings } = analyseSheet(s);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({
      headerRow: 4,
      range: 'A4:F6',
      title: '某某卫生院2024年度绩效考核指标',
      columns: { seq: 'A', item: 'B', target: 'C', points: 'D', owner: 'E', person: 'F' },
      sum: 20,
    });
    expect(findings).toEqual([]);
  });

  it('does not take a data row that mentions 目标 for a header', () => {
    const s = sheetFromValues('S', [
      ['指标', '分值'],
      ['完成年度目标任务，确保目标实现', 5],
      ['指标', '分值'], // the header printed again on a new page: not a new table
      ['服务对象满意率≥95%', 5],
    ]);
    const { tables } = analyseSheet(s);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.items.map((i) => i.row)).toEqual([2, 4]);
  });

  it('reads two header rows with grouped columns carrying their own points (L4)', () => {
    const s = makeSheet(
      'L4',
      sheetFromValues('x', [
        [
          '考核指标',
          null,
          '年度目标',
          '上一年完\n成情况',
          '任务完\n成情况\n(90分)',
          '进步\n情况\n(10分)',
          '备注',
        ],
        ['一级指标', '二级指标', null, null, '完成\n比例', '进步分', null],
        ['医疗服务', '门诊人次', '12万', '10万', 0.95, 8, null],
        [null, '住院人次', '1.2万', '1万', 1, 10, null],
      ]).rows,
      {
        merges: [
          range(0, 0, 0, 1),
          range(0, 2, 1, 2),
          range(0, 3, 1, 3),
          range(0, 6, 1, 6),
          range(2, 0, 3, 0),
        ],
      },
    );
    const [t] = analyseSheet(s).tables;
    expect(t).toMatchObject({
      headerRows: 2,
      layout: 'results',
      columns: { level1: 'A', item: 'B', target: 'C', lastYear: 'D', ratio: 'E', progress: 'F', note: 'G' },
      columnPoints: { ratio: 90, progress: 10 },
    });
    expect(t!.items.map((i) => [i.row, i.name, i.path, i.lastYear])).toEqual([
      [3, '门诊人次', ['医疗服务'], '10万'],
      [4, '住院人次', ['医疗服务'], '1万'],
    ]);
  });

  it('returns no table and an info finding for a sheet of prose', () => {
    const s = sheetFromValues('说明', [['为全面贯彻落实党的二十大精神，制定本方案。'], ['一、总体目标']]);
    const r = analyseSheet(s);
    expect(r.tables).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.cell, f.severity])).toEqual([['NO_TABLE', null, 'info']]);
  });

  it('returns nothing for an empty sheet', () => {
    expect(analyseSheet(makeSheet('空', []))).toEqual({ sheet: '空', tables: [], findings: [] });
  });
});

describe('table extent', () => {
  it('stops at a 合计 row, at 注： notes, and finds the next table after a section row', () => {
    const s = sheetFromValues('S', [
      ['一、考核类指标'],
      ['指标', '分值', '责任科室'],
      ['甲', 6, '办公室'],
      ['乙', 4, '医务科'],
      ['合 计', 10, null],
      ['注：1.分值以年度考核办法为准；'],
      ['2.责任科室可填写多个。'],
      [],
      ['二、考察类指标'],
      ['指标', '计分办法', '责任科室'],
      ['丙', '另行制定', '办公室'],
    ]);
    const { tables, findings } = analyseSheet(s);
    expect(tables.map((t) => [t.range, t.section, t.totalsRow, t.declaredTotal, t.sum])).toEqual([
      ['A2:C5', '一、考核类指标', 5, 10, 10],
      ['A10:C11', '二、考察类指标', null, null, 0],
    ]);
    expect(tables[0]!.notes.map((n) => n.row)).toEqual([6, 7]);
    expect(findings).toEqual([]);
  });

  it('keeps going over a single blank row inside the body but stops at two', () => {
    const s = sheetFromValues('S', [['指标', '分值'], ['甲', 5], [], ['乙', 5], [], [], ['丙', 5]]);
    const [t] = analyseSheet(s).tables;
    expect(t!.items.map((i) => i.name)).toEqual(['甲', '乙']);
    expect(t!.range).toBe('A1:B4');
  });

  it('reads a table from a selection that does not start at A1', () => {
    const base = sheetFromValues('S', [
      ['指标', '分值'],
      ['甲', 5],
    ]);
    const s: Sheet = { ...base, origin: { row: 9, col: 3 } };
    const [t] = analyseSheet(s).tables;
    expect(t).toMatchObject({ range: 'D10:E11', columns: { item: 'D', points: 'E' } });
    expect(t!.items[0]).toMatchObject({ row: 11, cell: 'D11', pointsCell: 'E11' });
  });
});

describe('hierarchy', () => {
  it('forward-fills blank level cells (same as above) and resets under a new parent', () => {
    const s = sheetFromValues('S', [
      ['一级指标', '二级指标', '指标', '分值'],
      ['甲类（10分）', '子一（6分）', 'a', 6],
      [null, '子二（4分）', 'b', 4],
      ['乙类（5分）', null, 'c', 5],
    ]);
    const [t] = analyseSheet(s).tables;
    expect(t!.items.map((i) => i.path)).toEqual([['甲类', '子一'], ['甲类', '子二'], ['乙类']]);
    expect(t!.groups.map((g) => [g.path.join('/'), g.declared, g.sum])).toEqual([
      ['甲类', 10, 10],
      ['甲类/子一', 6, 6],
      ['甲类/子二', 4, 4],
      ['乙类', 5, 5],
    ]);
  });

  it('treats a label merged across both level columns as one level', () => {
    const s = makeSheet(
      'S',
      sheetFromValues('x', [
        ['项目', null, '指标设定', '责任科室'],
        ['自身\n建设\n5分', '党建\n(5分)', '落实党建责任', '办公室'],
        ['改革创新\n(10分)', null, '创新成果', '各科室'],
      ]).rows,
      { merges: [range(0, 0, 0, 1), range(2, 0, 2, 1)] },
    );
    const [t] = analyseSheet(s).tables;
    expect(t!.columns).toMatchObject({ level1: 'A', level2: 'B', item: 'C', owner: 'D' });
    expect(t!.items.map((i) => i.path)).toEqual([['自身建设', '党建'], ['改革创新']]);
    expect(t!.declaredTotal).toBeNull();
    expect(t!.sum).toBe(15);
  });
});

describe('points', () => {
  it('reads "权重(%)" numbers above 1 as percents and checks them against 100%', () => {
    const s = sheetFromValues('S', [
      ['类别', '权重(%)'],
      ['德、勤指标', 25],
      ['服务数量、质量指标', 70],
      ['群众满意度指标', 10],
    ]);
    const r = analyseSheet(s);
    expect(r.tables[0]).toMatchObject({
      pointsUnit: 'percent',
      declaredTotal: 1,
      declaredTotalCell: 'B1',
      sum: 1.05,
    });
    expect(r.tables[0]!.items.map((i) => i.points)).toEqual([0.25, 0.7, 0.1]);
    expect(r.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['POINTS_SUM_MISMATCH', 'B1', '「权重合计」申报100%，下级合计105%，相差5%'],
    ]);
  });

  it('takes points from labels when there is no points column and flags an item without', () => {
    const s = sheetFromValues('S', [
      ['评价项目', '评价方法'],
      ['甲（2分）', '…'],
      ['乙', '…'],
      ['丙（实行扣分制）', '每例扣0.5分'],
    ]);
    const r = analyseSheet(s);
    expect(r.tables[0]!.items.map((i) => [i.name, i.points, i.deductionOnly])).toEqual([
      ['甲', 2, false],
      ['乙', null, false],
      ['丙', null, true],
    ]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([['POINTS_MISSING', 'A3']]);
  });

  it('reports text that is not points, and negative points', () => {
    const s = sheetFromValues('S', [
      ['指标', '分值'],
      ['甲', '待定'],
      ['乙', -5],
      ['丙', '一票否决'],
    ]);
    const r = analyseSheet(s);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
      ['POINTS_INVALID', 'B2'],
      ['POINTS_INVALID', 'B3'],
    ]);
    expect(r.tables[0]!.items[2]).toMatchObject({ veto: true, points: null });
  });

  it('does not count points merged over several items twice', () => {
    const s = makeSheet(
      'S',
      sheetFromValues('x', [
        ['指标', '分值'],
        ['甲', 10],
        ['乙', null],
      ]).rows,
      { merges: [range(1, 1, 2, 1)] },
    );
    const r = analyseSheet(s);
    expect(r.tables[0]!.sum).toBe(10);
    expect(r.findings).toEqual([]);
  });
});

describe('options', () => {
  it('gives English messages, disables codes and overrides severities', () => {
    const s = sheetFromValues('S', [
      ['指标', '分值', '责任人'],
      ['甲', '5分', null],
    ]);
    const en = analyseSheet(s, { lang: 'en' }).findings;
    expect(en.map((f) => f.message)).toEqual([
      '"5分" is a number stored as text, read as 5; make it a number so formulas can use it',
      'Item "甲" has no responsible person (责任人)',
    ]);
    const tuned = analyseSheet(s, {
      disable: ['NUMBER_AS_TEXT'],
      severity: { PERSON_MISSING: 'warning' },
    }).findings;
    expect(tuned.map((f) => [f.code, f.severity])).toEqual([['PERSON_MISSING', 'warning']]);
    expect(() => analyseSheet(s, { lang: 'fr' as 'en' })).toThrow();
  });

  it('uses the unit type option for rectification minimums', () => {
    const s = sheetFromValues('S', [
      ['填报单位：温州市第七人民医院'],
      ['序号', '排查的重点问题', '整改措施及时限', '整改成效'],
      [1, '候诊时间长', '增设窗口，6月底前', '已完成'],
      [2, '回访不及时', '专人回访，即日起', '已完成'],
      [3],
      ['注：1.综合性医院整改至少5个问题、专科性医院整改至少3个问题，其他卫生健康单位整改至少2个问题；'],
    ]);
    const unclear = analyseSheet(s).findings;
    expect(unclear.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['MIN_ROWS', 'B5', '仅填写了2个问题，综合性医院至少应填写5个（未写明医院类别，按最严格要求）'],
    ]);
    const specialist = analyseSheet(s, { unitType: '专科性医院' }).findings;
    expect(specialist.map((f) => f.message)).toEqual(['仅填写了2个问题，专科性医院至少应填写3个']);
    expect(analyseSheet(s, { unitType: '其他卫生健康单位' }).findings).toEqual([]);
  });
});

describe('hidden rows and columns', () => {
  it('warns about hidden rows and columns inside a table only', () => {
    const s = sheetFromValues('S', [['说明'], ['指标', '分值', '备注'], ['甲', 5, null], ['乙', 5, null]], {
      hiddenRows: [0, 3],
      hiddenColumns: [2],
    });
    expect(analyseSheet(s).findings.map((f) => [f.code, f.cell])).toEqual([
      ['HIDDEN_COLUMN', 'C2'],
      ['HIDDEN_ROW', 'A4'],
    ]);
  });
});

describe('numbers typed as text', () => {
  it('are read the same way by recognition, checks, scoring and functions', () => {
    const s = sheetFromValues('S', [
      ['指标', '分值', '扣分'],
      ['甲', '10项', '1,000'],
      ['乙', '５分', '0.5分'],
    ]);
    const r = analyseSheet(s);
    expect(r.tables[0]!.items.map((i) => i.points)).toEqual([10, 5]);
    expect(r.findings.map((f) => [f.cell, f.code])).toEqual([
      ['B2', 'NUMBER_AS_TEXT'],
      ['C2', 'DEDUCTION_EXCEEDS'],
      ['C2', 'NUMBER_AS_TEXT'],
      ['B3', 'NUMBER_AS_TEXT'],
      ['C3', 'NUMBER_AS_TEXT'],
    ]);
    expect(functions.perfBand('1,000', '90:优秀,0:不合格')).toEqual({ ok: true, value: '优秀' });
  });
});
