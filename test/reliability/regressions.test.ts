/** Defects the fuzzers found, pinned as examples (each failed before its fix). */
import { describe, expect, it } from 'vitest';
import { dec, DEFAULT_SETTINGS, evaluateRule, parseOptionText, parseRule } from '../../engine/rules';
import { perfScore } from '../../engine/functions';
import { makeSheet, scoreSheet, type Cell } from '../../engine';

describe('zero step sizes are not rules (they divided by zero: NaN scores)', () => {
  it.each([
    ['继续扩增机考机位400个，每少增加0个机位扣3分'],
    ['满意率80%以上，每低0个百分点扣1分，直至10分扣尽'],
    ['未完成0项扣5分'],
  ])('%s → reported as not understood', (text) => {
    const p = parseRule(text);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toMatch(/^含有无法识别的数字或条件：「.*0.*」$/);
  });

  it('PERF.SCORE says so instead of returning NaN', () => {
    expect(perfScore(400, '继续扩增机考机位0个，每少增加0个机位扣0分', 10)).toMatchObject({
      ok: false,
      error: '#VALUE!',
      message: expect.stringMatching(/^无法识别的规则：含有无法识别的数字或条件：「.+」，请人工评分$/),
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

const t = (v: string): Cell => ({ value: { kind: 'text', value: v } });
const n = (v: number): Cell => ({ value: { kind: 'number', value: v } });

describe('scores never leave [0, points]', () => {
  it('a negative deduction is an input error at its cell, not extra points', () => {
    const sheet = makeSheet('表', [
      [t('指标'), t('分值'), t('扣分')],
      [t('甲'), n(5), n(-1)],
      [t('乙'), n(5), n(1)],
    ]);
    const r = scoreSheet(sheet);
    expect(r.tables[0]!.score.items.map((i) => i.score)).toEqual([null, 4]);
    expect(r.tables[0]!.score.total).toBeNull();
    expect(r.findings).toContainEqual(
      expect.objectContaining({ code: 'ACTUAL_INVALID', cell: 'C2', message: '扣分「-1」不是非负数字' }),
    );
  });

  it('rounding does not lift a score or a total above the points (0.5 of 0.5 at decimals=0)', () => {
    const sheet = makeSheet('表', [
      [t('指标'), t('分值'), t('扣分')],
      [t('甲'), n(0.5), n(0)],
    ]);
    for (const totals of ['roundItems', 'roundOnce'] as const) {
      const r = scoreSheet(sheet, { scoring: { ...DEFAULT_SETTINGS, decimals: 0, totals } });
      expect(r.tables[0]!.score.total).toBeLessThanOrEqual(0.5);
      expect(r.tables[0]!.score.items[0]!.score).toBeLessThanOrEqual(0.5);
    }
  });

  it('扣分制 text on an item with its own points takes the deduction off those points', () => {
    const sheet = makeSheet('表', [
      [t('考核内容'), t('计分办法'), t('分值'), t('完成情况')],
      [t('党风廉政'), t('实行扣分制，10分扣完为止'), n(10), n(3)],
      [t('网站建设'), t('未完成网站建设不得分'), n(5), t('完成')],
    ]);
    const s = scoreSheet(sheet).tables[0]!.score;
    expect(s.items.map((i) => i.score)).toEqual([7, 5]);
    expect(s.total).toBe(12);
  });

  it('a score beyond the double range is reported, not Infinity', () => {
    const rule = '67.7-75万提取9%，75万以上200%';
    expect(perfScore(1.7e308, rule, 10)).toMatchObject({
      ok: false,
      message: '结果超出 Excel 可表示的数值范围',
    });
    const sheet = makeSheet('表', [
      [t('考核内容'), t('计分办法'), t('分值'), t('完成情况')],
      [t('奖励'), t(rule), n(10), n(1.7e308)],
    ]);
    const r = scoreSheet(sheet);
    expect(r.tables[0]!.score.items[0]!.score).toBeNull();
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'ACTUAL_INVALID', cell: 'D2' }));
  });
});

describe('--options as the README writes them', () => {
  it('a band scheme with commas is one option, not four', () => {
    const s = parseOptionText(
      'decimals=2;partial=floor;cap=1.2;thresholds=all;bands=90:优秀,80:良好,60:合格,0:不合格',
    );
    expect(s).toMatchObject({ decimals: 2, partial: 'floor', ratioCap: 1.2, thresholds: 'all' });
    expect(s.bands).toBe('90:优秀,80:良好,60:合格,0:不合格');
    // Commas still separate options.
    expect(parseOptionText('decimals=1,partial=ceil')).toMatchObject({ decimals: 1, partial: 'ceil' });
    expect(() => parseOptionText('decimals=1,80:良好')).toThrow(/decimals/); // still refused, naming the key
  });
});
