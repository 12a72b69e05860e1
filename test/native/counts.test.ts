/**
 * Counts named in one cell (engine/native/counts.ts): "缺席1次，迟到2次" against 缺席一次扣2分，迟到一次扣1分
 * is read part by part, as the engine reads it; a part the engine would read otherwise, or that
 * the formula cannot tell, leaves no number. Characters that NFKC turns into digits or points
 * ("１", "①", "．") make the engine read another number: the formula reads none. Values worked
 * by hand from the rule texts; HyperFormula and our own recalc evaluate.
 */
import { describe, expect, it } from 'vitest';
import { ruleScorer } from './rule-scorer';

const UNREAD = '完成情况无法识别，需人工评分';

describe('counts named in one cell', () => {
  const at = ruleScorer('积极参加镇食品安全工作例会及培训活动。5分(缺席一次扣2分,迟到一次扣1分)', 5);

  it('deducts each part by its own clause, in any order', () => {
    // 5 − 1×2 − 2×1 = 1; 5 − 2 − 1 = 2; 0 of each: 5; 迟到 twice: 5 − 1 − 1 = 3.
    expect(['缺席1次，迟到2次', '迟到1次,缺席1次', '缺席0次，迟到0次', '迟到1次，迟到1次'].map(at)).toEqual([
      1, 2, 5, 3,
    ]);
    // One part: 缺席3次 takes 6 of 5 points: 0. The ":" and "为" before the number are dropped.
    expect(['缺席3次', '缺席：3次', '缺席为1次，迟到：2次'].map(at)).toEqual([0, 0, 1]);
  });

  it('leaves what it cannot tell as the engine would to a hand score, never a number', () => {
    for (const a of [
      '3次', // which count? (the engine asks)
      '：3次',
      '缺席1次，迟到2次，早退1次', // 早退 is no clause of the rule
      '缺席1.5次', // not a whole number
      '缺席１次', // full-width 1: the engine reads it, the formula does not
      '缺席①1次', // ① is "1" to the engine: 11 times
      '缺席．1次', // "." to the engine: no count
      '缺席1次 ,迟到1次', // a space: the engine splits there too
      '缺席1次，迟到1元', // money is no count
      '缺席﹐1次，迟到1次', // "﹐" is "," to the engine: three parts, one without a count
      '缺席1次\u2003迟到1次', // an em space: the engine splits there too
    ])
      expect(at(a), a).toBe(UNREAD);
  });

  it('adds credits counted from zero by their own clause', () => {
    // 牵头举办外地招商推介会，每举办1次加3分；每提供1个有效招商项目信息加0.5分, a bonus item (no points):
    // 1×3 + 4×0.5 = 5; 3×0.5 = 1.5.
    const add = ruleScorer(
      '牵头举办外地招商推介会,每举办1次加3分;在县级或县级以上招商活动中,每提供1个有效招商项目信息加0.5分',
      0,
      // A bonus item as PERF.指标得分 scores it (the corpus' items without points).
      { mode: 'function', round: 2, unbounded: true },
    );
    expect(['举办推介会1次，提供有效招商项目信息4个', '提供有效招商项目信息3个'].map(add)).toEqual([5, 1.5]);
  });

  it('reads three named counts of a rule of three', () => {
    // 10 − 1×5 − 2×1 = 3; 10 − 5 − 2 − 1 = 2.
    const three = ruleScorer(
      '①公文提前或超期公开每条扣5分;②标题、索引号等要素未规范录入每条扣1分;③正文内容未能正常显示每条扣1分。',
      10,
    );
    expect(three('公文提前或超期公开1条，要素未规范录入2条')).toBe(3);
    const all = three('正文内容未能正常显示1条，公文提前或超期公开1条，要素未规范录入2条');
    // Three parts may not fit the formula beside the rest: then no number, never another.
    expect([2, UNREAD]).toContain(all);
  });
});

describe('characters NFKC reads as digits or points, in one value', () => {
  it('give no number where the engine reads another', () => {
    const at = ruleScorer('每缺1项扣1分', 10);
    // 缺2项: 10 − 2 = 8. "缺１2项" is 缺12项 to the engine (0), "缺．2项" no count at all.
    expect(at('缺2项')).toBe(8);
    for (const a of ['缺１2项', '缺．2项', '缺①2项', '缺²2项']) expect(at(a), a).toBe(UNREAD);
  });
});
