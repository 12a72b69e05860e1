/** Defects the fuzzers found, pinned as examples (each failed before its fix). */
import { describe, expect, it } from 'vitest';
import { dec, DEFAULT_SETTINGS, evaluateRule, parseRule } from '../../engine/rules';
import { perfScore } from '../../engine/functions';

describe('zero step sizes are not rules (they divided by zero: NaN scores)', () => {
  it.each([
    ['继续扩增机考机位400个，每少增加0个机位扣3分'],
    ['满意率80%以上，每低0个百分点扣1分，直至10分扣尽'],
    ['未完成0项扣5分'],
  ])('%s → reported as not understood', (text) => {
    const p = parseRule(text);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toBe('含有无法识别的数字或条件');
  });

  it('PERF.SCORE says so instead of returning NaN', () => {
    expect(perfScore(400, '继续扩增机考机位0个，每少增加0个机位扣0分', 10)).toMatchObject({
      ok: false,
      error: '#VALUE!',
      message: '无法识别的规则：含有无法识别的数字或条件，请人工评分',
    });
  });

  it('a non-zero step still reads and scores', () => {
    const p = parseRule('继续扩增机考机位400个，每少增加100个机位扣3分');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const out = evaluateRule(p.rule, { actual: 250, points: dec(10), settings: DEFAULT_SETTINGS });
    expect(out.ok && out.score.toString()).toBe('5.5');
  });
});
