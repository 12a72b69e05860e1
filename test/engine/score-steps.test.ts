/**
 * scoreSheetSteps (issue 15, progress by rows): the analysis tells its stages and, while scoring,
 * the sheet row of each item in turn; run through, it scores as scoreSheet does.
 */
import { describe, expect, it } from 'vitest';
import { generateSheet } from '../../bench/generate';
import { scoreSheetSteps, type SheetProgress } from '../../engine/index';

describe('scoring a sheet in steps', () => {
  it('tells recognise, check, then each item row (1-based) of the sheet’s 5 rows, then the scores', () => {
    // Title row 1, header row 2, items in rows 3–5 (bench/generate.ts):
    //   执行率≥80%, 5 分, actual 70% → below the bound: 0
    //   80%以上，每低一个百分点扣1分，直至10分扣尽, 10 分, actual 76% → 4 points below: 10 − 4 = 6
    //   未完成1项扣5分, 10 分, actual 未完成2项 → 10 − 2 × 5 = 0
    const steps = scoreSheetSteps(generateSheet(3), { lang: 'zh' });
    const seen: SheetProgress[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) seen.push(step.value);
    expect(seen).toEqual([
      { stage: 'recognise', row: 0, lastRow: 5 },
      { stage: 'check', row: 0, lastRow: 5 },
      { stage: 'score', row: 3, lastRow: 5 },
      { stage: 'score', row: 4, lastRow: 5 },
      { stage: 'score', row: 5, lastRow: 5 },
    ]);
    const table = step.value.tables[0]!;
    expect(table.score.items.map((i) => i.score)).toEqual([0, 6, 0]);
    expect(table.score.total).toBe(6);
  });
});
