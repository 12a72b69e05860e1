/**
 * Changes against last year written as bands (docs/domain.md "Rules as real documents write them":
 * change): 增幅 and the plain 幅度 are one metric, a negative low end of a range, and values the
 * clerk writes as a direction ("下降10%"). Made-up sentences of the families real documents write,
 * values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseRule, renderRule } from '../../engine';
import { dec, DEFAULT_SETTINGS, evaluateRule, round } from '../../engine/rules';

const score = (actual: string | number, rule: string, points: number | null): number | string => {
  const p = parseRule(rule);
  if (!p.ok) return `refused ${p.reason}`;
  const out = evaluateRule(p.rule, {
    actual,
    points: dec(points ?? 0),
    settings: DEFAULT_SETTINGS,
    unbounded: points === null,
  });
  return out.ok ? round(out.score, 2).toNumber() : `${out.code} ${out.message}`;
};

const BANDS = '服务人次比上年明显增加，且增幅超过15%的，6分；服务人次基本平稳，幅度在-10%-15%之间的，3分。';

describe('growth bands', () => {
  it('增幅 and 幅度 are the same metric: one value scores both bands', () => {
    expect(score('增幅20%', BANDS, 6)).toBe(6); // > 15%
    expect(score('增幅15%', BANDS, 6)).toBe(3); // 超过 excludes 15%; −10% ≤ 15% ≤ 15%
    expect(score('12%', BANDS, 6)).toBe(3);
  });

  it('a fall written as "下降8%" is −8%, inside −10%…15%', () => {
    expect(score('下降8%', BANDS, 6)).toBe(3);
    expect(score('增加20%', BANDS, 6)).toBe(6);
  });

  it('a fall past the lowest band is not scored as a rise', () => {
    // −25% lies in no band the sentence writes: a hand score, never the 6 of "> 15%".
    const out = score('下降25%', BANDS, 6);
    expect(out).toMatch(/^MANUAL .*不在所列分段/);
  });

  it('the canonical sentence keeps the negative low end', () => {
    const p = parseRule(BANDS);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const zh = renderRule(p.rule, 'zh');
    expect(zh).toContain('增幅在-10%-15%');
    const again = parseRule(zh);
    expect(again.ok && JSON.stringify(again.rule)).toBe(JSON.stringify(p.rule));
  });
});

describe('a direction where a value is asked for', () => {
  it('"下降3%" for a rate is a change, not the rate: a hand score naming the metric', () => {
    const out = score('下降3‰', '婴儿死亡率低于8‰得满分', 5);
    expect(out).toBe('MANUAL 实际值「下降3‰」是变化量而不是婴儿死亡率本身，请填写婴儿死亡率的数值或人工评分');
  });

  it('a decline metric counts a fall up: 降幅', () => {
    // 降幅 ≥ 5% earns 4; "下降6%" is a 降幅 of 6%.
    expect(score('下降6%', '能耗降幅达到5%以上的，得4分', 4)).toBe(4);
    // A rise of 6% is a 降幅 of −6%: below the one band written, so not the band's 4.
    expect(score('上升6%', '能耗降幅达到5%以上的，得4分', 4)).toMatch(/^MANUAL /);
  });
});
