/**
 * Gaps to the target in a measured unit (docs/domain.md "lower is better"): 每差1微克/立方米扣0.5分.
 * 差 names no side: a pollutant's concentration is better lower, so the gap counts above the
 * target; for a metric the engine cannot tell, the item is a hand score. Values by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseRule } from '../../engine';
import { dec, DEFAULT_SETTINGS, evaluateRule, round } from '../../engine/rules';

const score = (actual: number, rule: string, points: number, target: number | null): number | string => {
  const p = parseRule(rule);
  if (!p.ok) return `refused ${p.reason}`;
  const out = evaluateRule(p.rule, {
    actual,
    points: dec(points),
    target: target === null ? null : dec(target),
    settings: DEFAULT_SETTINGS,
  });
  return out.ok ? round(out.score, 2).toNumber() : `${out.code} ${out.message}`;
};

const PM =
  '二氧化氮年均浓度(4分):未达到年度目标值的,按实际完成值与年度目标值的差距绝对值进行扣分,每差2微克/立方米扣1分,扣完为止。';

describe('a gap in 微克/立方米 to the target', () => {
  it('a concentration above the target loses points per step of the gap', () => {
    // target 30: 33 is 3 above → 1.5 steps × 1 = 1.5 off 4 → 2.5.
    expect(score(33, PM, 4, 30)).toBe(2.5);
    // 40 is 10 above → 5 off 4, 扣完为止 → 0.
    expect(score(40, PM, 4, 30)).toBe(0);
  });

  it('a concentration at or below the target keeps the points', () => {
    expect(score(30, PM, 4, 30)).toBe(4);
    expect(score(25, PM, 4, 30)).toBe(4);
  });

  it('asks for the target when the item has none', () => {
    expect(score(33, PM, 4, null)).toMatch(/^ARGUMENT .*目标值/);
  });

  it('差 for a metric that is not known to be better lower: a hand score naming the clause', () => {
    const out = score(33, '人均住院天数:未达到年度目标值的,按差距扣分,每差1天/人扣1分', 4, 30);
    // "天/人" is a slash unit; 住院天数 says no side, so nothing is scored.
    expect(out).toMatch(/^MANUAL 需人工评分：「每差1天\/人扣1分（“差”未写明高于还是低于目标时扣分）」/);
  });
});
