/** Table scoring: entered scores, deductions, rules on actual values, totals and bands. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../cli/xlsx';
import { scoreSheet, sheetFromValues, type ScoredSheet } from '../../engine';

async function scoreExample(file: string): Promise<ScoredSheet[]> {
  const wb = await readWorkbookFile(path.join(__dirname, '..', '..', 'examples', file));
  return wb.sheets.map((s) => scoreSheet(s));
}

describe('温州 evaluation standard scored from its 扣分情况 column', () => {
  it('gives points minus deductions, takes the 扣分制 item off the total, bands each section', async () => {
    const [s] = await scoreExample('wenzhou-2024-evaluation.xlsx');
    const [a, b, c] = s!.tables;
    expect(a!.score.items.map((i) => [i.row, i.source, i.score])).toEqual([
      [5, 'deduction', 4.6],
      [6, 'deduction', 2.5],
      [7, 'deduction', 2],
      [8, 'deduction', -1],
    ]);
    expect(a!.score).toMatchObject({ total: 8.1, deductions: 1, outOf: 10, band: '良好', unscored: 0 });
    expect(b!.score).toMatchObject({ total: 4.3, outOf: 5, band: '良好' });
    expect(c!.score).toMatchObject({ total: 4.25, outOf: 5, band: '良好' });
    expect(b!.score.items[1]!.rule).toBe(
      '前2名不扣分；第3名扣0.2分；第4名扣0.3分；第5名扣0.4分；第6名扣0.5分',
    );
    expect(s!.findings).toEqual([]);
  });

  it('scores a deduction above the points as 0 and reports it; an error cell leaves the total open', async () => {
    const [s] = await scoreExample('wenzhou-2024-evaluation-mistakes.xlsx');
    const [a, b] = s!.tables;
    expect(a!.score.items[2]).toMatchObject({ row: 7, score: 0, source: 'deduction' });
    // "0.5分" typed as text still reads as 0.5 (and is reported as NUMBER_AS_TEXT).
    expect(a!.score.items[1]).toMatchObject({ row: 6, score: 2.5 });
    expect(a!.score.total).toBe(6.1);
    expect(b!.score).toMatchObject({ total: null, unscored: 1, partialTotal: 3.3 });
    expect(s!.findings.map((f) => `${f.cell} ${f.code}`)).toEqual([
      'C6 NUMBER_AS_TEXT',
      'C7 DEDUCTION_EXCEEDS',
      'D15 CELL_ERROR',
    ]);
  });
});

describe('a task table with actual values', () => {
  const header = ['指标', '年度目标', '分值', '完成情况', '得分'];
  it('applies rules, uses entered scores, adds up and bands', () => {
    const sheet = sheetFromValues('S', [
      header,
      ['巡诊服务', '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽。', 10, 0.765, null],
      ['编制预算', '执行率≥80%', 5, '85%', null],
      ['法治建设', '未完成1项扣5分', 10, 1, null],
      ['女职工权益', '做好女职工权益保障，执行法定节假日休息制度。未做到的酌情扣分。', 5, null, 4.5],
      ['机考机位', '继续扩增机考机位400个。每少增加100个机位扣3分。', 10, 250, null],
    ]);
    const r = scoreSheet(sheet);
    const t = r.tables[0]!;
    expect(t.score.items.map((i) => [i.row, i.source, i.score])).toEqual([
      [2, 'rule', 6.5],
      [3, 'rule', 5],
      [4, 'rule', 5],
      [5, 'entered', 4.5],
      [6, 'rule', 5.5],
    ]);
    expect(t.score).toMatchObject({ total: 26.5, outOf: 40, band: '合格' }); // 66.25%
    // "85%" typed as text is read as 0.85 and still reported, so the clerk can fix it.
    expect(r.findings.map((f) => [f.cell, f.code])).toEqual([['D3', 'NUMBER_AS_TEXT']]);
  });

  it('leaves the total open while items need a manual score, and says which', () => {
    const sheet = sheetFromValues('S', [
      header,
      ['思想作风', '扎实推进干部思想作风能力建设。', 5, '良好', null],
      ['保健通讯', '每月2期，分别于每月1日、15日刊出。', 10, '按时', null],
      ['编制预算', '执行率≥80%', 5, 80, null],
      ['体检', '体检率≥80%', 5, null, null],
    ]);
    const r = scoreSheet(sheet);
    expect(r.tables[0]!.score).toMatchObject({ total: null, unscored: 4, band: null });
    expect(r.findings.map((f) => [f.cell, f.code, f.severity])).toEqual([
      ['E2', 'MANUAL_SCORE', 'info'],
      ['B3', 'RULE_UNPARSED', 'warning'],
      ['D4', 'ACTUAL_INVALID', 'error'],
      ['D5', 'ACTUAL_MISSING', 'warning'],
    ]);
    expect(r.findings[2]!.message).toBe(
      '指标「编制预算」：实际值 80 不明确：目标是百分比，请填写 80% 或 0.8',
    );
  });

  it('a triggered 一票否决 fails the unit; 一票否优 keeps it out of the top band', () => {
    const rows = (safety: string, satisfaction: string): unknown[][] => [
      header,
      ['安全生产', '全年不发生生产安全事故。', '一票否决\n10', safety, null],
      [
        '群众满意度',
        '发生群众不满意情况，造成较大社会影响的，将对年度考核结果进行一票否优。',
        10,
        satisfaction,
        10,
      ],
      ['编制预算', '执行率≥80%', 80, 0.9, null],
    ];
    const clean = scoreSheet(sheetFromValues('S', rows('未发生', '未发生')));
    expect(clean.tables[0]!.score).toMatchObject({ total: 100, band: '优秀', bandNote: null });
    const vetoed = scoreSheet(sheetFromValues('S', rows('发生', '未发生')));
    expect(vetoed.tables[0]!.score).toMatchObject({ total: 90, band: '不合格', bandNote: '触发一票否决' });
    expect(vetoed.findings.map((f) => [f.cell, f.code])).toEqual([['D2', 'VETO_TRIGGERED']]);
    const capped = scoreSheet(sheetFromValues('S', rows('未发生', '发生')));
    expect(capped.tables[0]!.score).toMatchObject({ total: 100, band: '良好', bandNote: '触发一票否优' });
  });

  it('does not use an entered score outside 0..points (reported by validation)', () => {
    const r = scoreSheet(sheetFromValues('S', [header, ['甲', '执行率≥80%', 5, 0.9, 6]]));
    expect(r.tables[0]!.score.items[0]).toMatchObject({ score: null });
    expect(r.findings.map((f) => [f.cell, f.code])).toEqual([['E2', 'SCORE_OUT_OF_RANGE']]);
  });

  it('rounds items half away from zero before adding, or once at the end', () => {
    const sheet = sheetFromValues('S', [
      ['指标', '分值', '扣分'],
      ['甲', 1, 0.125],
      ['乙', 1, 0.125],
    ]);
    const byItem = scoreSheet(sheet, { scoring: { decimals: 2 } }).tables[0]!.score;
    expect(byItem.items.map((i) => i.score)).toEqual([0.88, 0.88]);
    expect(byItem.total).toBe(1.76);
    const once = scoreSheet(sheet, { scoring: { decimals: 2, totals: 'roundOnce' } }).tables[0]!.score;
    expect(once.total).toBe(1.75);
  });
});

describe('a table with a target column and a method column', () => {
  it('scores by the method, bounded by the target cell; reports an unreadable method at its cell', () => {
    const sheet = sheetFromValues('S', [
      ['指标', '年度目标', '计分办法', '分值', '完成情况', '得分'],
      ['建档率', '≥95%', '每低1个百分点扣1分，扣完为止', 10, '93%', null],
      ['分娩量', '≥1500例', '符合标准，得5分；不达标准，不得分', 5, 1400, null],
      ['带教人数', '≤3名', '不达标准，不得分', 3, 2, null],
      ['随访率', '≥90%', '达到要求得满分，每低2个点扣1分', 4, '86%', null],
    ]);
    const t = scoreSheet(sheet).tables[0]!;
    // 93% against ≥95%: 2 points short × 1 = 2 off 10; 1400 < 1500: 0; 2 ≤ 3: full; 86%: 4 − 2×1.
    expect(t.score.items.map((i) => [i.row, i.source, i.score])).toEqual([
      [2, 'rule', 8],
      [3, 'rule', 0],
      [4, 'rule', 3],
      [5, 'rule', 2],
    ]);
  });
});
