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

describe('steps of change after 与上年度相比持平得N分', () => {
  // Made-up, of the family of 食品安全 rules: no change scores the points; each point down or up moves it.
  const rule =
    '(12分)注:该项设有加分项(最多加6分)与上年度相比持平得12分,每下降一个百分点扣4分;加分项:每上升一个百分点加0.5分';

  it('reads the steps as changes against last year, with the bonus cap', () => {
    expect(score('下降1.5个百分点', rule, 12)).toBe(6); // 1.5 × 4 = 6 off 12
    expect(score('上升4个百分点', rule, 12)).toBe(14); // 12 + 4 × 0.5
    expect(score('上升20个百分点', rule, 12)).toBe(18); // 10 more, at most 6
    expect(score(0, rule, 12)).toBe(12); // 持平
    expect(score('下降5个百分点', rule, 12)).toBe(0); // 20 off 12
  });

  it('says back the same program', () => {
    const p = parseRule(rule);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const said = renderRule(p.rule);
    expect(said).toBe(
      '比上年每减少1个百分点扣4分；比上年每增加1个百分点加0.5分；加分合计最高加6分；满分12分',
    );
    const back = parseRule(said);
    expect(back.ok && back.rule).toEqual(p.rule);
  });

  it('refuses a 持平 score that is not the points the rule states', () => {
    expect(score(0, '(12分)与上年度相比持平得10分,每下降一个百分点扣4分', 12)).toMatch(
      /^refused 写明的分值不一致（12分与10分）/,
    );
  });

  it('does not read 持平 as a score without steps of change', () => {
    // Alone, "持平得12分" says nothing of other changes: a label, not the points.
    const p = parseRule('与上年度相比持平得12分');
    expect(p.ok && p.rule.points).toBe(null);
  });
});
