/**
 * Written states, events and graded labels (DOMAIN.md "Rules as real documents write them":
 * labelled conditions, exemptions, graded labels, veto, zeroing). Made-up sentences in the
 * documents' wordings; every expected value worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { functions as F, parseRule, renderRule } from '../../engine';

const score = (actual: unknown, rule: string, points: number): number | string => {
  const r = F.perfScore(actual as never, rule, points);
  return r.ok ? (r.value as number) : `${r.error} ${r.message}`;
};
const manual = (actual: unknown, rule: string, points: number): void => {
  expect(String(score(actual, rule, points))).toMatch(/人工/);
};

describe('a written fault without 每 or a number is a state, not a count', () => {
  const rule = '未开展慢病随访工作扣3分，未按要求上报报表扣1分';
  it('deducts the named fault', () => {
    expect(score('未开展慢病随访工作', rule, 5)).toBe(2); // 5 − 3
    expect(score('未按要求上报报表', rule, 5)).toBe(4); // 5 − 1
    expect(score('未开展慢病随访工作，未按要求上报报表', rule, 5)).toBe(1); // 5 − 3 − 1
  });
  it('reads "经费少于上年度的扣2分" as a state too', () => {
    expect(score('经费少于上年度', '经费少于上年度的扣2分，本年度未安排的扣4分', 4)).toBe(2);
  });
});

describe('a text that names faults: counted faults it does not state did not occur', () => {
  const rule = '未成立领导小组的扣4分；小组不健全的扣1分；查会议记录，少一次扣2分';
  it('scores the named fault and says the count was taken as none', () => {
    const r = F.perfScore('小组不健全', rule, 10);
    expect(r).toMatchObject({ ok: true, value: 9 }); // 10 − 1
    expect(score('未成立领导小组', rule, 10)).toBe(6); // 10 − 4
    expect(score('少2次', rule, 10)).toBe(6); // 10 − 2 × 2
  });
  it('a text that names no fault of the list stays a hand score', () => {
    manual('资料齐全但格式不对', rule, 10);
  });
});

describe('a denial of a positive label, in the label own words', () => {
  it('不能… against 能够…得N分 earns nothing', () => {
    const rule = '能够实时上传随访数据1分';
    expect(score('能够实时上传随访数据', rule, 1)).toBe(1);
    expect(score('不能实时上传随访数据', rule, 1)).toBe(0);
  });
  it('不达要求 against 达到…要求得N分 earns nothing', () => {
    expect(score('不达要求', '培训经费达到“两提高”要求得6分', 6)).toBe(0);
  });
  it('已全部… against 未全部…不得分 keeps the points', () => {
    const rule = '未全部进行体检告知不得分';
    expect(score('已全部告知', rule, 2)).toBe(2);
    expect(score('未全部进行体检告知', rule, 2)).toBe(0);
  });
  it('a part denied of a label that only earns 得满分: a hand score', () => {
    manual('无专人管理', '药品柜整洁并有专人管理得满分', 4);
  });
  it('"2项不符合要求" never meets 符合要求', () => {
    manual('有2项不符合要求', '符合要求，得满分；不符合要求，不得分', 3);
  });
});

describe('a bare denial (没有该项不得分, 没有不得分)', () => {
  it('names the other grade denied', () => {
    const rule = '糖尿病患者管理台账2分，没有该项不得分';
    expect(score('没有糖尿病患者管理台账', rule, 2)).toBe(0);
    expect(score('有糖尿病患者管理台账', rule, 2)).toBe(2);
  });
  it('a statement of having does not meet 没有', () => {
    const rule = '村规民约制定并公开，没有不得分';
    expect(score('已制定并公开', rule, 5)).toBe(5);
    expect(score('没有', rule, 5)).toBe(0);
  });
});

describe('every program here says itself back as a sentence that reads the same', () => {
  it.each([
    '未开展慢病随访工作扣3分，未按要求上报报表扣1分',
    '糖尿病患者管理台账2分，没有该项不得分',
    '未全部进行体检告知不得分',
  ])('%s', (rule) => {
    const p = parseRule(rule);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const again = parseRule(renderRule(p.rule));
    expect(again.ok && again.rule).toEqual(p.rule);
  });
});
