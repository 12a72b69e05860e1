/**
 * Words written with a count that may count the opposite of what the rule counts (found by the
 * session 13 audit: "完成3项" against 未完成1项扣5分 scored 0). Such a count is a hand score; the
 * rule's own words, a lack word (缺, 少) or a word of finding (发现, 发生) keep the count. Values
 * worked by hand from the rule text (docs/domain.md).
 */
import { describe, expect, it } from 'vitest';
import { functions as F } from '../../engine';

const score = (actual: string, rule: string, points: number): number | string => {
  const r = F.perfScore(actual as never, rule, points);
  return r.ok ? (r.value as number) : `${r.error} ${r.message}`;
};
const manual = (actual: string, rule: string, points: number): void => {
  expect(String(score(actual, rule, points))).toMatch(/人工/);
};

describe('a count of things done is no count of faults', () => {
  it('完成 / 齐全 / 规范 / 参加 / 按时 against a counted fault: a hand score', () => {
    for (const a of ['完成3项', '已完成3项', '3项已完成']) manual(a, '未完成1项扣5分，扣完为止', 10);
    manual('齐全3项', '缺1项扣2分', 5);
    manual('完成1项', '缺1项扣2分', 5);
    manual('3份规范', '一份不规范扣0.5分', 3);
    manual('参加培训2人次', '未参加培训的每人次扣0.5分', 3);
    manual('按时报送12次', '报表每迟报1次扣0.5分', 2);
    manual('3处已整改', '每发现一处问题未整改扣2分，扣完为止', 10);
    manual('整改3处，未整改1处', '每发现一处问题未整改扣2分，扣完为止', 10);
  });
  it('other words than the counted name, or a denial of a credited thing: a hand score', () => {
    manual('排除3例', '每发现1例扣0.5分', 2);
    manual('3例均不成立', '每发现1例扣0.5分', 2);
    manual('2项未开展', '每开展一项加1分，最高加3分', 5);
  });
  it('the rule’s own words, a lack word, a word of finding or a bare count keep the count', () => {
    expect(score('未完成1项', '未完成1项扣5分，扣完为止', 10)).toBe(5); // 10 − 5
    expect(score('1项未完成', '未完成1项扣5分，扣完为止', 10)).toBe(5);
    expect(score('1项', '未完成1项扣5分，扣完为止', 10)).toBe(5);
    expect(score('缺1项', '缺1项扣2分', 5)).toBe(3); // 5 − 2
    expect(score('3份不规范', '一份不规范扣0.5分', 3)).toBe(1.5); // 3 − 3 × 0.5
    expect(score('迟报1次', '报表每迟报1次扣0.5分', 2)).toBe(1.5); // 2 − 0.5
    expect(score('发现3例', '每发现1例扣0.5分', 2)).toBe(0.5); // 2 − 1.5
    expect(score('开展2项', '每开展一项加1分，最高加3分', 5)).toBe(7); // 5 + 2
    expect(score('未整改2处', '每发现一处问题未整改扣2分，扣完为止', 10)).toBe(6); // 10 − 4
  });
});

describe('a state said with no case of it', () => {
  it('"未公示0项" is not the state: nothing deducted', () => {
    expect(score('未公示0项', '未公示的扣0.5分', 2)).toBe(2);
    expect(score('未公示1项', '未公示的扣0.5分', 2)).toBe(1.5); // 2 − 0.5
  });
});

describe('a bare yes or no against a denial (未建立台账扣2分)', () => {
  it('TRUE, FALSE, √, 存在 say neither the state nor the thing: a hand score', () => {
    // A Chinese 否 / 无 echoes the label's denial: 5 − 2 = 3.
    expect(score('无', '无工作方案不得分', 3)).toBe(0);
    for (const a of [true, false, '√', '存在', '是']) {
      const r = F.perfScore(a as never, '未建立台账扣2分', 5);
      expect(r.ok, JSON.stringify(a)).toBe(false);
    }
  });
  it('a veto event still reads TRUE as happened', () => {
    // 发生重大安全事故的，实行一票否决 (10): TRUE → vetoed, 0; FALSE → 10.
    expect(F.perfScore(true as never, '发生重大安全事故的，实行一票否决', 10)).toMatchObject({
      ok: true,
      value: 0,
    });
    expect(F.perfScore(false as never, '发生重大安全事故的，实行一票否决', 10)).toMatchObject({
      ok: true,
      value: 10,
    });
  });
});

describe('several states of a list named in one text', () => {
  const rule = '未建立进货查验制度、索证索票制度的各扣1分';
  it('a bare part after a denied one carries its denial (各扣: both deducted)', () => {
    expect(score('未建立进货查验制度、索证索票制度', rule, 2)).toBe(0); // 2 − 1 − 1
    expect(score('未建立索证索票制度', rule, 2)).toBe(1); // 2 − 1
    // 无爱卫组织扣2分, 无分管领导扣2分 (5): both → 5 − 2 − 2 = 1.
    expect(score('无爱卫组织、分管领导', '无爱卫组织,扣2分;无分管领导,扣2分;无专项经费,扣1分', 5)).toBe(1);
  });
  it('a state joined by 和 to words of another: a hand score, never one deduction for two', () => {
    manual('未建立进货查验制度和索证索票制度', rule, 2);
  });
});

describe('a piece of a label said done is not the whole label', () => {
  it('已建立 against 建立健全工作制度得1分: 健全 unsaid, a hand score', () => {
    manual('已建立', '建立健全工作制度得1分', 1);
    expect(score('已建立健全工作制度', '建立健全工作制度得1分', 1)).toBe(1);
    expect(score('未建立', '建立健全工作制度得1分', 1)).toBe(0); // not built: nothing earned
  });
  it('已制定计划 against 未制定计划并组织实施的扣2分: 组织实施 unsaid, a hand score', () => {
    const rule = '未制定计划并组织实施的扣2分';
    manual('已制定计划', rule, 5);
    expect(score('已制定计划并组织实施', rule, 5)).toBe(5); // both done: nothing off
    expect(score('已制定计划，未组织实施', rule, 5)).toBe(3); // the second part failed: 5 − 2
  });
  it('a quality the text says too asks nothing more (按时 is 及时)', () => {
    expect(score('按时上报', '未及时上报的扣1分', 3)).toBe(3);
  });
});

describe('a word of degree after a denial', () => {
  it('不太满意 is not the grade 不满意: a hand score', () => {
    const rule = '满意得2分，一般满意得1.6分，不满意不得分';
    for (const a of ['不太满意', '不很满意', '不大满意']) manual(a, rule, 2);
    expect(score('不满意', rule, 2)).toBe(0);
    expect(score('一般满意', rule, 2)).toBe(1.6);
  });
});

describe('a state denied again, or of another thing', () => {
  it('未建立台账的情况不存在 and 未建立台账管理制度 against 未建立台账扣2分: hand scores', () => {
    manual('未建立台账的情况不存在', '未建立台账扣2分', 5);
    manual('未建立台账管理制度', '未建立台账扣2分', 5);
    expect(score('未建立台账', '未建立台账扣2分', 5)).toBe(3); // 5 − 2
  });
});

describe('a bound or a rate written with a count', () => {
  it('"3例以上", "每月1例" are no counts of cases: hand scores', () => {
    manual('3例以上', '每发现1例扣0.5分', 2);
    manual('每月1例', '每例扣0.5分，最多扣2分', 5);
    // The rule's own words keep the count: 市政府以上 is the rule's.
    expect(score('3例', '每发现1例扣0.5分', 2)).toBe(0.5); // 2 − 1.5
  });
});
