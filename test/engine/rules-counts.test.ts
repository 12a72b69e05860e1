/**
 * Count wordings (DOMAIN.md "Rules as real documents write them": count deductions, several
 * kinds, bonuses): made-up sentences of the families real documents write, values by hand.
 */
import { describe, expect, it } from 'vitest';
import { functions as F } from '../../engine';

const score = (actual: unknown, rule: string, points: number | null): number | string => {
  const r = F.perfScore(actual as never, rule, points as never);
  return r.ok ? r.value : `${r.error} ${r.message}`;
};

describe('counts written with what they count', () => {
  it('a count with its noun after the measure word: "3份不规范"', () => {
    // 4 × 0.5 = 2 off 3 → 1; 8 × 0.5 = 4 > 3 → 0.
    expect(score('4份不规范', '台账与系统数据需一致，一份不规范扣0.5分', 3)).toBe(1);
    expect(score('8份不规范', '台账与系统数据需一致，一份不规范扣0.5分', 3)).toBe(0);
  });

  it('several counters told apart by name, a 、 inside a name', () => {
    expect(score('缺席1次，迟到2次', '缺席一次扣2分,迟到一次扣1分', 6)).toBe(2); // 6 − 2 − 2
    expect(
      score(
        '出现错别字、格式等问题2项，严重错误1项',
        '出现错别字、格式等问题的每项扣1分;出现严重错误的,每项扣2分',
        10,
      ),
    ).toBe(6); // 10 − 2 − 2
  });

  it('a name the clerk shortened still names its counter, when only one fits', () => {
    // 缺1项 × 1 + 未及时修订2项 × 0.5 = 2 off 3.
    const rule = '制度不全，每缺1项扣1分；制度内容不符合要求或未能及时修订1项扣0.5分';
    expect(score('缺1项，未及时修订2项', rule, 3)).toBe(1);
  });

  it('a text the rule states is not a count: 未建立档案 scores by its own clause', () => {
    const rule = '未建立档案不得分；档案缺项，每缺1项扣1分';
    expect(score('未建立档案', rule, 3)).toBe(0);
    expect(score('缺2项', rule, 3)).toBe(1);
  });

  it('a rate and a count in one actual, each to its clause', () => {
    // 差错率 3% is 1 point above 2%: −1; 1 complaint: −2; 10 − 3 = 7.
    const rule = '差错率2%以下，每上升1个百分点扣1分；每发现1例投诉扣2分';
    expect(score('差错率3%，投诉1例', rule, 10)).toBe(7);
    expect(score('差错率1%，投诉0例', rule, 10)).toBe(10);
  });

  it('an amount per case written after the amount: 扣0.5分/份', () => {
    expect(score('未签字2份，未建档1人', '未签字扣0.5分/份,未建档扣1分/人', 4)).toBe(2); // 4 − 1 − 1
    expect(score('越级访1批次', '越级访扣3分/批次', 5)).toBe(2);
  });

  it('a long description of the counted event, and 每 inside the clause', () => {
    expect(score('2起', '每发生一起较大以上火灾等安全生产责任事故扣10分', 30)).toBe(10);
    const rule = '①资料提前或超期上传每条扣2分;②要素未规范录入每条扣1分';
    expect(score('资料提前或超期上传1条，要素未规范录入3条', rule, 10)).toBe(5); // 10 − 2 − 3
  });
});
