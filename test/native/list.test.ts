/**
 * Several percents in one cell, one per metric in the rule's order ("98%,75%,92%"; engine/native/
 * list.ts): the formula (HyperFormula) scores them as worked by hand, leaves any other list to a
 * hand score or unread, and never gives a number the engine does not.
 */
import { describe, expect, it } from 'vitest';
import { compileRuleText } from '../../engine/native';
import { dec, DEFAULT_SETTINGS, evaluateRule, parseRule, round } from '../../engine/rules';
import { evaluateRows, type HfCell } from './hf';

// Three rates, each 1 point off when missed (c-zhenjiang-jiuye-05).
const THREE =
  '再就业培训合格率达98%以上,被征地农民培训率达80%以上,农村低收入家庭劳动力培训率达90%以上。 全部完成的,得3分,一项未完成的,扣1分。';
// Two rates, 2 points each when met (c-zhenjiang-jiuye-04).
const TWO = '加强创业培训,创业培训后合格率达95%以上,创业成功率达60%以上。 每完成一项得2分,反之,不得分。';

function scores(
  rule: string,
  points: number,
  actuals: string[],
): { formula: HfCell; engine: number | null }[] {
  const f = compileRuleText(rule, { actual: 'A1', points: 'B1' }, DEFAULT_SETTINGS);
  if (!f.ok) throw new Error(f.reason);
  const p = parseRule(rule);
  if (!p.ok) throw new Error(p.reason);
  return actuals.map((a) => {
    const out = evaluateRule(p.rule, { actual: a, points: dec(points), settings: DEFAULT_SETTINGS });
    return {
      formula: evaluateRows([[a, points, f.formula]])[0]![2] ?? null,
      engine: out.ok ? round(out.score, 2).toNumber() : null,
    };
  });
}

describe('a list of percents in one cell', () => {
  it('scores each rate in the rule order, as worked by hand', () => {
    // 75% misses 80%: 3 − 1 = 2; all met: 3; 97% < 98%, 70% < 80%, 80% < 90%: 3 − 3 = 0.
    expect(scores(THREE, 3, ['98%,75%,92%', '99%，85%，95%', '97%,70%,80%']).map((x) => x.formula)).toEqual([
      2, 3, 0,
    ]);
    // 96% meets 95%, 55% misses 60%: 2; both: 4; neither: 0.
    expect(scores(TWO, 4, ['96%,55%', '97%，65%', '90%,50%']).map((x) => x.formula)).toEqual([2, 4, 0]);
  });

  it('leaves any other list unread, never a number the engine does not give', () => {
    const odd = [
      '98%,75%',
      '98%,75%,92%,1%',
      '98%, 75%,92%',
      '0.98,0.75,0.92',
      '98%,,75%,92%',
      '98,75,92',
      '98%;75%;92%',
      '9.8.5%,75%,92%',
      '98%%,75%,92%',
    ];
    for (const { formula } of scores(THREE, 3, odd)) expect(typeof formula).toBe('string');
    const all = scores(THREE, 3, ['100%,80%,90%', '0%,0%,0%', '98.5%,79.99%,90%', ...odd]);
    for (const { formula, engine } of all) if (typeof formula === 'number') expect(formula).toBe(engine);
  });
});
