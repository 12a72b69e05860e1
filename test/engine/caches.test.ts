/**
 * What the engine remembers across sheets and workbooks (rules by their two cells, resolved
 * options, the template's keyed items) never carries one workbook's answer into another's: a
 * rule is read again beside another target, settings and options are those of each call, and a
 * changed template is compared as changed. Expected scores are worked from the rule texts.
 */
import { describe, expect, it } from 'vitest';
import {
  parseOptionText,
  prepareTemplate,
  reviewWorkbook,
  scoreSheet,
  sheetFromValues,
  type Sheet,
} from '../../engine';

const HEAD = ['指标名称', '年度目标', '计分办法', '分值', '完成情况'];
const METHOD = '每低1个百分点扣1分';

function sheet(rows: unknown[][]): Sheet {
  return sheetFromValues('S', [HEAD, ...rows]);
}
const scores = (s: Sheet, options?: Parameters<typeof scoreSheet>[1]): (number | null)[] =>
  scoreSheet(s, options).tables[0]!.score.items.map((i) => i.score);

describe('rules remembered by their cells', () => {
  it('read the same method again beside another target, in one table and in the next', () => {
    // 87.5% against ≥90%: 2.5 points short, 2.5 off the 5; against ≥80%: nothing short.
    expect(
      scores(
        sheet([
          ['甲', '≥90%', METHOD, 5, 0.875],
          ['乙', '≥80%', METHOD, 5, 0.875],
        ]),
      ),
    ).toEqual([2.5, 5]);
    expect(scores(sheet([['乙', '≥80%', METHOD, 5, 0.875]]))).toEqual([5]);
    expect(scores(sheet([['甲', '≥90%', METHOD, 5, 0.875]]))).toEqual([2.5]);
  });

  it('score the same rule text by the settings of each workbook', () => {
    const s = sheet([['甲', '≥90%', METHOD, 5, 0.875]]);
    // Proportional: 2.5 off; whole steps (partial=floor): 2 steps of 1 off.
    expect(scores(s)).toEqual([2.5]);
    expect(scores(s, { scoring: parseOptionText('partial=floor') })).toEqual([3]);
    expect(scores(s)).toEqual([2.5]);
  });
});

describe('the review remembers nothing of one workbook or template for another', () => {
  const returned = { sheets: [sheet([['甲', '≥90%', METHOD, 5, 0.875]])] };

  it('scores each workbook with its own settings and language', () => {
    const template = prepareTemplate({ sheets: [sheet([['甲', '≥90%', METHOD, 5, null]])] });
    const floor = { scoring: parseOptionText('partial=floor') };
    expect(reviewWorkbook(template, returned, 'a.xlsx').total).toBe(2.5);
    expect(reviewWorkbook(template, returned, 'b.xlsx', floor).total).toBe(3);
    expect(reviewWorkbook(template, returned, 'c.xlsx', floor).total).toBe(3);
    expect(reviewWorkbook(template, returned, 'd.xlsx').total).toBe(2.5);
    const changed = sheet([['甲', '≥95%', METHOD, 5, null]]);
    const zh = reviewWorkbook(prepareTemplate({ sheets: [changed] }), returned, 'e.xlsx', { lang: 'zh' });
    const en = reviewWorkbook(prepareTemplate({ sheets: [changed] }), returned, 'e.xlsx', { lang: 'en' });
    expect(zh.changes[0]!.message).toContain('目标或计分办法');
    expect(en.changes[0]!.message).toContain('Target or scoring method');
  });

  it('compares a returned workbook with the template as it is now', () => {
    const same = prepareTemplate({ sheets: [sheet([['甲', '≥90%', METHOD, 5, null]])] });
    const raised = prepareTemplate({ sheets: [sheet([['甲', '≥90%', METHOD, 8, null]])] });
    const reworded = prepareTemplate({ sheets: [sheet([['甲', '≥80%', METHOD, 5, null]])] });
    expect(reviewWorkbook(same, returned, 'a.xlsx').changes).toEqual([]);
    expect(reviewWorkbook(raised, returned, 'a.xlsx').changes.map((c) => c.code)).toEqual([
      'TEMPLATE_POINTS_CHANGED',
    ]);
    expect(reviewWorkbook(reworded, returned, 'a.xlsx').changes.map((c) => c.code)).toEqual([
      'TEMPLATE_TARGET_CHANGED',
    ]);
    expect(reviewWorkbook(same, returned, 'a.xlsx').changes).toEqual([]);
  });
});
