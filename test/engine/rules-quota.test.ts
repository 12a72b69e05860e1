/**
 * Bands written as shares of a quota the document sets elsewhere (住院医师培训 standards): "门诊量
 * ≥规定数的80%，得2分", beside "达到要求，得满分" (the whole quota) and "＜规定数60%或未安排，不得分"
 * (a state on the other side of the condition). Made-up sentences of that family; values by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseRule, renderRule } from '../../engine';
import { dec, DEFAULT_SETTINGS, evaluateRule, round } from '../../engine/rules';

const score = (actual: string | number, rule: string, points: number, target?: number): number | string => {
  const p = parseRule(rule);
  if (!p.ok) return `refused ${p.reason}`;
  const out = evaluateRule(p.rule, {
    actual,
    points: dec(points),
    target: target === undefined ? null : dec(target),
    settings: DEFAULT_SETTINGS,
  });
  return out.ok ? round(out.score, 2).toNumber() : `${out.code} ${out.message}`;
};

const QUOTA =
  '手术例数达到要求，得满分\n手术例数≥规定数的90%，得3分\n手术例数≥规定数的70%，得1分\n手术例数＜规定数的70%，不得分';

describe('bands as shares of a quota', () => {
  it('reads the comparator before the quota word: "＜规定数的70%" is below 70%', () => {
    expect(score('95%', QUOTA, 4)).toBe(3);
    expect(score('70%', QUOTA, 4)).toBe(1);
    expect(score('69%', QUOTA, 4)).toBe(0);
  });

  it('达到要求 is the whole quota: 100% and more earn the full points, not the 90% band', () => {
    expect(score('100%', QUOTA, 4)).toBe(4);
    expect(score('120%', QUOTA, 4)).toBe(4);
  });

  it('达到要求 elsewhere is not read as 100%', () => {
    // No quota bands: 达到要求 stays a state the clerk names.
    expect(score('资料达到要求', '资料达到要求，得满分；资料不全，得1分', 4)).toBe(4);
    expect(score('资料不全', '资料达到要求，得满分；资料不全，得1分', 4)).toBe(1);
  });
});

describe('a state on the other side of a condition', () => {
  const RULE = '带教量达到要求，得满分\n带教量≥规定数的80%，得2分\n带教量＜规定数80%或未安排，不得分';

  it('the state named scores the effect it shares with the condition', () => {
    expect(score('未安排', RULE, 3)).toBe(0);
  });

  it('a number means the task was arranged: scored by its band', () => {
    expect(score('85%', RULE, 3)).toBe(2);
    expect(score('50%', RULE, 3)).toBe(0);
  });

  it('is said back with its condition, and reads back the same', () => {
    const p = parseRule(RULE);
    if (!p.ok) throw new Error(p.reason);
    const zh = renderRule(p.rule, 'zh');
    expect(zh).toContain('带教量<80%或未安排，不得分');
    const again = parseRule(zh);
    expect(again.ok && JSON.stringify(again.rule)).toBe(JSON.stringify(p.rule));
  });

  it('a comma before 或 keeps the alternative with its condition', () => {
    const rule = '床位数≥4张，得2分\n床位数＜4张，或未安排，不得分';
    expect(score(5, rule, 2)).toBe(2);
    expect(score(3, rule, 2)).toBe(0);
    expect(score('未安排', rule, 2)).toBe(0);
  });
});

describe('a gate beside other clauses is said without 得满分', () => {
  it('reads back as the same gate, not as a band', () => {
    const rule = '参训率达到100%，且培训记录完整的，得1分；否则不得分';
    const p = parseRule(rule);
    if (!p.ok) throw new Error(p.reason);
    const zh = renderRule(p.rule, 'zh');
    expect(zh).toMatch(/^参训率≥100%，否则不得分；/);
    const again = parseRule(zh);
    expect(again.ok && JSON.stringify(again.rule)).toBe(JSON.stringify(p.rule));
  });
});
