/**
 * Written answers the session 13 audit found scored wrongly: states said with no case, yes/no
 * against a denial, lists, pieces of labels, degrees, states denied again. Values worked by hand
 * from the rule text (docs/domain.md).
 */
import { describe, expect, it } from 'vitest';
import { functions as F } from '../../engine';

import { manual, score } from './perf-score';

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
