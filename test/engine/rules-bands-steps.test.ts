/**
 * Wordings of bands, steps and ratios found in real documents (test/fixtures/rules/), each
 * scored by hand from the sentence and DOMAIN.md's conventions.
 */
import { describe, expect, it } from 'vitest';
import { functions as F } from '../../engine';

const score = (
  actual: unknown,
  rule: string,
  points: number,
  target: number | null = null,
): number | string => {
  const r = F.perfScore(actual as never, rule, points, target);
  return r.ok ? r.value : `${r.error} ${r.message}`;
};

describe('否则 after bands', () => {
  it('"5000元以上的记2分，否则不计分": below the band scores 0, not a hand score', () => {
    const rule = '每年信访工作经费5000元以上的记2分,否则不计分。';
    expect(score('4800元', rule, 2)).toBe(0);
    expect(score('5000元', rule, 2)).toBe(2);
  });
  it('"≥90%得满分，≥80%得3分，否则不得分": below the loosest band scores 0', () => {
    const rule = '完成率≥90%得满分，≥80%得3分，否则不得分';
    expect(score('95%', rule, 5)).toBe(5);
    expect(score('85%', rule, 5)).toBe(3);
    expect(score('79%', rule, 5)).toBe(0);
  });
});

describe('steps below a band that is not 得满分', () => {
  it('"≥98%得2分，每降低1个百分点扣0.5分": counts down from the band', () => {
    const rule = '低保对象准确率高于或等于98%得2 分,每降低1个百分点扣0.5分,扣完为止';
    expect(score('96%', rule, 2)).toBe(1); // 2 − 2×0.5
    expect(score('97.5%', rule, 2)).toBe(1.75); // 2 − 0.5×0.5
    expect(score('99%', rule, 2)).toBe(2);
    expect(score('90%', rule, 2)).toBe(0);
  });
  it('a band below the points counts down from the band, not from the points', () => {
    // ≥98% earns 2 of 5; at 96%: 2 − 1 = 1.
    expect(score('96%', '准确率≥98%得2分,每降低1个百分点扣0.5分', 5)).toBe(1);
  });
  it('"控制在5%以内记6分，超过0.1个百分点扣1分": a step without 每 counts the excess', () => {
    const rule = '人口出生统计误差控制在5%以内记6分,超过0.1个百分点扣1分。';
    expect(score('5.3%', rule, 6)).toBe(3);
    expect(score('6%', rule, 6)).toBe(0);
    expect(score('4%', rule, 6)).toBe(6);
  });
});

describe('one metric named twice', () => {
  it('"欠税压缩率…，压缩率每下降…": the short name is the same metric', () => {
    const rule = '欠税压缩率达5%以上满分，压缩率每下降一个百分点扣4分，压缩率0%及以下为零分。';
    expect(score('3%', rule, 20)).toBe(12); // 20 − 2×4
    expect(score('0%', rule, 20)).toBe(0);
    expect(score('6%', rule, 20)).toBe(20);
  });
});
