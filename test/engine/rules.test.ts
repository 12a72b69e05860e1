/** The rule reader and the PERF functions against docs/domain.md's rules table and the seeds' texts. */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../cli/xlsx';
import {
  analyseWorkbook,
  formOf,
  functions as F,
  parseOptionText,
  parseRule,
  renderRule,
} from '../../engine';
import { dec, round } from '../../engine/rules/decimal';

const value = <T>(r: F.FnResult<T>): T => {
  if (!r.ok) throw new Error(`${r.error} ${r.message}`);
  return r.value;
};
const LINEAR = '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽。';

describe('docs/domain.md rules table', () => {
  it('threshold: bounds included or excluded as the wording says', () => {
    expect(value(F.perfScore(0.8, '执行率≥80%', 5))).toBe(5);
    expect(value(F.perfScore(0.79, '执行率≥80%', 5))).toBe(0);
    expect(value(F.perfScore(0.95, '回访满意率95%以上', 5))).toBe(5);
    expect(value(F.perfScore(0.9, '准确率达到90%以上', 5))).toBe(5);
    expect(value(F.perfScore(0.9, '体检率不低于90%', 5))).toBe(5);
    expect(value(F.perfScore(0.05, '差错率不超过5%', 5))).toBe(5);
    expect(value(F.perfScore(0.05, '差错率低于5%', 5))).toBe(0);
    expect(value(F.perfScore(0.8, '体检率超过80%', 5))).toBe(0);
    expect(value(F.perfScore(0.049, '差错率不足5%', 5))).toBe(5);
    expect(value(F.perfScore(1, '“健康枣庄云”对接率100%', 10))).toBe(10);
    expect(value(F.perfScore('80%', '执行率≥80%', 5))).toBe(5);
  });

  it('threshold: a bare 80 against a percent target is reported, not guessed', () => {
    const r = F.perfScore(80, '执行率≥80%', 5);
    expect(r).toMatchObject({ ok: false, error: '#VALUE!' });
    expect(!r.ok && r.message).toBe('实际值 80 不明确：目标是百分比，请填写 80% 或 0.8');
  });

  it('several thresholds: each worth w/n by default, all-or-nothing as an option', () => {
    const rule =
      '药具发放公众满意度≥95%，药具发放服务对象满意度≥95%。免费药具发放率≥70%，避孕药具使用有效率≥95%。';
    expect(value(F.perfScore([[0.96], [0.97], [0.72], [0.9]], rule, 5))).toBe(3.75);
    expect(value(F.perfScore('96%,97%,72%,90%', rule, 5))).toBe(3.75);
    expect(value(F.perfScore([[0.96], [0.97], [0.72], [0.9]], rule, 5, null, 'thresholds=all'))).toBe(0);
    expect(F.perfScore([[0.96], [0.97]], rule, 5)).toMatchObject({ ok: false, error: '#VALUE!' });
  });

  it('linear deduction: 76.5% → 6.5 proportionally; floor and ceil as options; clamped', () => {
    expect(value(F.perfScore(0.765, LINEAR, 10))).toBe(6.5);
    expect(value(F.perfScore(0.765, LINEAR, 10, null, 'partial=floor'))).toBe(7);
    expect(value(F.perfScore(0.765, LINEAR, 10, null, 'partial=ceil'))).toBe(6);
    expect(value(F.perfScore(0.85, LINEAR, 10))).toBe(10);
    expect(value(F.perfScore(0.5, LINEAR, 10))).toBe(0);
    expect(value(F.perfScore(0.765, LINEAR, 10, 0.9))).toBe(0); // target cell overrides 80%
  });

  it('step deduction takes its target from the sentence it refers to', () => {
    const rule =
      '继续扩增机考机位400个，力争全市达1300以上，实现全市只启用一所大学长期稳定作为我市医护考试考场的能力。每少增加100个机位扣3分。';
    expect(value(F.perfScore(400, rule, 10))).toBe(10);
    expect(value(F.perfScore(250, rule, 10))).toBe(5.5);
    expect(value(F.perfScore(250, rule, 10, null, 'partial=ceil'))).toBe(4);
    expect(value(F.perfScore(0, rule, 10))).toBe(0);
    expect(value(F.perfScore(300, '每少增加100个机位扣3分', 10, 400))).toBe(7);
    expect(F.perfScore(300, '每少增加100个机位扣3分', 10)).toMatchObject({ ok: false, error: '#VALUE!' });
  });

  it('count deduction: never below 0 (扣完为止)', () => {
    expect(value(F.perfScore(1, '未完成1项扣5分', 10))).toBe(5);
    expect(value(F.perfScore(3, '未完成1项扣5分', 10))).toBe(0);
    expect(value(F.perfScore(3, '每例扣0.5分，扣完为止', 2))).toBe(0.5);
    expect(F.perfScore(1.5, '每例扣0.5分，扣完为止', 2)).toMatchObject({ ok: false });
  });

  it('graded: the whole label must match ("一般满意" is not "满意")', () => {
    const rule = '满意得2分，一般满意得1.6分，不满意不得分';
    expect(value(F.perfScore('满意', rule, 2))).toBe(2);
    expect(value(F.perfScore('一般满意', rule, 2))).toBe(1.6);
    expect(value(F.perfScore('不满意', rule, 2))).toBe(0);
    // docs/domain.md: a label the rule does not list is a hand score, never a guess.
    const bad = F.perfScore('较满意', rule, 2);
    expect(bad).toMatchObject({ ok: false, error: '#N/A' });
    expect(!bad.ok && bad.message).toBe('「较满意」不是所列等级（满意/一般满意/不满意），需人工评分');
  });

  it('rank deduction: explicit table and free ranks + step', () => {
    const table =
      '根据委属单位工作绩效综合评价结果排序情况核算得分，排序前两位不扣分，第3位扣0.2分，第4位扣0.3分，第5位扣0.4分，第6位扣0.5分，评议分数扣完为止。';
    expect(value(F.perfRankScore(2, table, 1.25))).toBe(1.25);
    expect(value(F.perfRankScore(4, table, 1.25))).toBe(0.95);
    expect(F.perfRankScore(7, table, 1.25)).toMatchObject({ ok: false, error: '#N/A' }); // past the table: not guessed
    const stepped = '排序前5位不扣分，第6位扣0.25分，随后排序每后移一位加扣0.25分，评议分数扣完为止。';
    expect(value(F.perfRankScore(5, stepped, 2.5))).toBe(2.5);
    expect(value(F.perfRankScore(6, stepped, 2.5))).toBe(2.25);
    expect(value(F.perfRankScore(8, stepped, 2.5))).toBe(1.75);
    expect(value(F.perfRankScore(20, stepped, 2.5))).toBe(0);
    expect(F.perfRankScore(3, '执行率≥80%', 1)).toMatchObject({ ok: false, error: '#VALUE!' });
  });

  it('completion ratio with cap and direction; ratio capped at 1', () => {
    expect(value(F.perfScore(90, '按完成比例计分', 90, 100))).toBe(81);
    expect(value(F.perfScore(120, '按完成比例计分', 90, 100))).toBe(90);
    expect(value(F.perfScore(120, '按完成比例计分', 90, 100, 'cap=1.2'))).toBe(108);
    expect(value(F.perfScore(50, '按完成比例计分，越低越好', 10, 40))).toBe(8);
    expect(value(F.perfScore(12, 'b/c，b>c时按1计算', 1, 10))).toBe(1);
    expect(value(F.perfScore(5, 'b/c，b>c时按1计算', 1, 10))).toBe(0.5);
  });

  it('progress, efficacy coefficient and marginal tiers', () => {
    expect(value(F.perfProgress(0.9, 0.8, 1, 10))).toBe(5);
    expect(value(F.perfProgress(0.7, 0.8, 1, 10))).toBe(0);
    expect(value(F.perfProgress(5, 8, 4, 10, '-'))).toBe(7.5);
    expect(F.perfProgress(5, 8, 4, 10, '+')).toMatchObject({ ok: false });
    expect(value(F.perfProgress(5, 8, 4, 10, '\u2212'))).toBe(7.5); // the minus sign Word types
    expect(F.perfProgress(5, 8, 4, -10)).toMatchObject({ ok: false, error: '#VALUE!' });
    expect(F.perfEfficacy(85, 60, 100, -10)).toMatchObject({ ok: false, error: '#VALUE!' });
    expect(F.perfAllocate([[1], [2]], [[1], [1]], -100)).toMatchObject({ ok: false, error: '#VALUE!' });
    expect(value(F.perfForced(95, [['得分'], ['95'], [90], [80], [70], [60]]))).toBe('优秀'); // '95' as text counts
    expect(value(F.perfEfficacy(85, 60, 100, 10))).toBe(8.5);
    expect(value(F.perfEfficacy(100, 60, 100))).toBe(100);
    expect(value(F.perfTiered(90, [[67.7, 75, 83.3]], [[0.09, 0.11, 0.13]]))).toBe(2.441);
    expect(value(F.perfTiered(80, [[67.7, 75, 83.3]], [['9%', '11%', '13%']]))).toBe(1.207);
    expect(value(F.perfTiered(60, [[67.7, 75, 83.3]], [[0.09, 0.11, 0.13]]))).toBe(0);
    const seedText = '按照完成67.7---75万之间提取9%、75---83.3万之间提取11%、83.3万以上提取13%的奖励性绩效';
    expect(value(F.perfScore(90, seedText, 0))).toBe(2.441);
    expect(value(F.perfScore(80, seedText, 0))).toBe(1.207);
  });

  it('coefficient allocation: to the cent, parts add up to the pool', () => {
    const parts = value(F.perfAllocate([[1], [2], [2]], [[3], [5], [4]], 10000)).map((r) => r[0]!);
    expect(parts).toEqual([1428.57, 4761.91, 3809.52]);
    expect(parts.reduce((a, b) => dec(a).plus(b).toNumber(), 0)).toBe(10000);
  });

  it('veto and veto of excellence are flags of the text; occurrence scores the item', () => {
    expect(parseRule('安全生产 … 一票否决')).toMatchObject({
      ok: true,
      veto: true,
      rule: { manual: { reason: 'qualitative', clause: '' } },
    });
    const p = parseRule('发生群众不满意情况，造成较大社会影响的，将对年度考核结果进行一票否优。');
    expect(p).toMatchObject({ ok: true, vetoExcellence: true, veto: false });
    expect(value(F.perfScore('发生', '全年不发生生产安全事故', 10))).toBe(0);
    expect(value(F.perfScore('未发生', '全年不发生生产安全事故', 10))).toBe(10);
    expect(value(F.perfScore(0, '全年不发生生产安全事故', 10))).toBe(10);
  });

  it('bands and forced distribution with rounding and tie settings', () => {
    expect(value(F.perfBand(90))).toBe('优秀');
    expect(value(F.perfBand(89.99))).toBe('良好');
    expect(value(F.perfBand(59.5))).toBe('不合格');
    expect(value(F.perfBand(72, '85:好,70:较好,60:一般,0:较差'))).toBe('较好');
    const scores = [[95], [90], [88], [88], [80], [70], [60]];
    // N = 7: 1.4 / 4.2 / 1.4 → largest remainder gives 1 / 4 / 2 (ties to the lower band).
    expect(value(F.perfForced(95, scores))).toBe('优秀');
    expect(value(F.perfForced(90, scores))).toBe('良好');
    expect(value(F.perfForced(70, scores))).toBe('一般');
    expect(value(F.perfForced(80, scores, '20/60/20;rounding=floor'))).toBe('良好');
    // Ties on a cut-off: 10 units, 2 优秀 places, three share the 2nd score.
    const tied = [[99], [95], [95], [95], [80], [79], [78], [77], [70], [60]];
    expect(value(F.perfForced(95, tied))).toBe('优秀');
    expect(value(F.perfForced(95, tied, '20/60/20;ties=lower'))).toBe('良好');
    expect(F.perfForced(50, tied)).toMatchObject({ ok: false, error: '#N/A' });
  });
});

describe('rule texts of the seeds', () => {
  it('reads all 47 枣庄 targets: parsed, qualitative (manual) or reported, never guessed', async () => {
    const wb = await readWorkbookFile(
      path.join(__dirname, '..', '..', 'examples', 'zaozhuang-2022-tasks.xlsx'),
    );
    const items = analyseWorkbook(wb)[0]!.tables[0]!.items;
    const kinds = Object.fromEntries(
      items.map((i) => {
        const p = parseRule(i.target ?? '');
        return [i.row, p.ok ? formOf(p.rule) : 'UNPARSED'];
      }),
    );
    // Changed from the pattern reader, each by hand: 6 says 将进行扣分 with no amount (reported, not
    // qualitative); 7, 46, 51 say 据实/酌情 (judgement, named); 8, 9 zero the item when the event
    // occurs; 37's 2-3次 is the task, not a band (reported); 49 is the 未完成… label.
    expect(kinds).toEqual({
      6: 'UNPARSED',
      7: 'judgement',
      8: 'zeroing',
      9: 'zeroing',
      10: 'threshold',
      11: 'manual',
      12: 'manual',
      13: 'manual',
      14: 'manual',
      15: 'count',
      16: 'UNPARSED',
      17: 'threshold',
      18: 'threshold',
      19: 'manual',
      20: 'manual',
      21: 'manual',
      22: 'UNPARSED',
      23: 'threshold',
      24: 'threshold',
      25: 'threshold',
      26: 'threshold',
      27: 'threshold',
      28: 'manual',
      29: 'threshold',
      30: 'UNPARSED',
      31: 'manual',
      32: 'threshold',
      33: 'threshold',
      34: 'manual',
      35: 'UNPARSED',
      36: 'UNPARSED',
      37: 'UNPARSED',
      38: 'manual',
      39: 'manual',
      40: 'manual',
      41: 'manual',
      42: 'manual',
      43: 'step',
      44: 'threshold',
      45: 'manual',
      46: 'judgement',
      47: 'linear',
      48: 'manual',
      49: 'labelled',
      50: 'manual',
      51: 'judgement',
      52: 'threshold',
    });
    const sentence = (row: number): string => {
      const p = parseRule(items.find((i) => i.row === row)!.target!);
      return p.ok ? renderRule(p.rule) : '';
    };
    expect(sentence(10)).toBe('办结及时率≥100%，回访满意率≥95%，每项达到得分值的1/2');
    expect(sentence(15)).toBe(
      '未完成的，每1项扣5分；年内因违反相关卫生健康法律法规收到行政处罚以上处理不得分',
    );
    expect(sentence(43)).toBe('机位≥400个得满分，每少100个扣3分');
    expect(sentence(47)).toBe('保健对象满意率≥80%得满分，每低1个百分点扣1分，最多扣10分');
    // What is said is read back as the same program.
    for (const row of [10, 15, 43, 47]) {
      const p = parseRule(items.find((i) => i.row === row)!.target!);
      const again = parseRule(sentence(row));
      expect(again.ok && p.ok && again.rule).toEqual(p.ok && p.rule);
    }
    expect(parseRule(items[0]!.target!)).toMatchObject({ vetoExcellence: true });
  });

  it('PERF.RULE says back how a text was read', () => {
    expect(value(F.perfRule('执行率≥80%'))).toBe('执行率≥80%得满分，否则不得分');
    expect(value(F.perfRule('党风廉政建设情况（实行扣分制）…10分扣完为止'))).toBe(
      '实行扣分制；扣分合计最多10分',
    );
    expect(value(F.perfRule('资料不全的酌情扣分，缺1项扣1分'))).toBe('资料不全的酌情扣分：需人工评分');
    expect(F.perfRule('每月2期，分别于每月1日、15日刊出')).toMatchObject({ ok: false, error: '#N/A' });
  });
});

describe('arithmetic', () => {
  it('rounds half away from zero on x.xx5 ties and like Excel at 15 digits', () => {
    expect(round(dec(2.675), 2).toNumber()).toBe(2.68); // binary floats would give 2.67
    expect(round(dec(-2.675), 2).toNumber()).toBe(-2.68);
    expect(round(dec(1.005), 2).toNumber()).toBe(1.01);
    expect(round(dec(21.9 / 0.2), 0).toNumber()).toBe(110);
    expect(dec(0.1).plus(0.2).toNumber()).toBe(0.3);
    expect(dec(10).minus(dec(0.25).mul(3)).toNumber()).toBe(9.25);
    expect(value(F.perfScore(0.7655, LINEAR, 10, null, 'decimals=2'))).toBe(6.55);
  });

  it('rejects unknown or bad options with a message naming them', () => {
    expect(() => parseOptionText('partial=sometimes')).toThrow(/partial/);
    expect(() => parseOptionText('colour=red')).toThrow(/未知选项「colour」/);
    expect(F.perfScore(0.8, '执行率≥80%', 5, null, 'cap=-1')).toMatchObject({ ok: false, error: '#VALUE!' });
  });
});

describe('properties', () => {
  const pts = fc.integer({ min: 1, max: 100 });
  it('scores stay within [0, points] for every rule kind', () => {
    const rules = [
      LINEAR,
      '每少增加100个机位扣3分',
      '未完成1项扣5分',
      '执行率≥80%',
      '排序前5位不扣分，第6位扣0.25分，随后排序每后移一位加扣0.25分',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.integer({ min: 0, max: 2000 }), pts, (rule, a, w) => {
        const actual = rule === LINEAR || rule.includes('%') ? a / 2000 : rule.includes('排序') ? a + 1 : a;
        const r = F.perfScore(actual, rule, w, rule.includes('机位') ? 400 : null);
        if (!r.ok) return;
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(w);
      }),
      { numRuns: 2000 },
    );
  });

  it('deductions are monotone in the shortfall', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        pts,
        fc.constantFrom('proportional', 'floor', 'ceil'),
        (x, y, w, partial) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const opt = `partial=${partial}`;
          expect(value(F.perfScore(lo / 1000, LINEAR, w, null, opt))).toBeLessThanOrEqual(
            value(F.perfScore(hi / 1000, LINEAR, w, null, opt)),
          );
          expect(value(F.perfScore(lo, '每少增加100个机位扣3分', w, 1000, opt))).toBeLessThanOrEqual(
            value(F.perfScore(hi, '每少增加100个机位扣3分', w, 1000, opt)),
          );
          expect(value(F.perfScore(hi, '每例扣0.5分，扣完为止', w))).toBeLessThanOrEqual(
            value(F.perfScore(lo, '每例扣0.5分，扣完为止', w)),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('allocations always add up to the pool exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 40 })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (rows, cents) => {
          if (rows.every(([, n]) => n === 0)) return;
          const r = F.perfAllocate(
            rows.map(([k]) => [k]),
            rows.map(([, n]) => [n]),
            cents / 100,
          );
          const parts = value(r).map((x) => x[0]!);
          expect(parts.reduce((a, b) => dec(a).plus(b), dec(0)).toNumber()).toBe(cents / 100);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('forced distribution never gives more of a band than rounding allows, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 40 }), (scores) => {
        const range = scores.map((s) => [s]);
        const reversed = [...scores].reverse().map((s) => [s]);
        for (const s of scores) expect(value(F.perfForced(s, range))).toBe(value(F.perfForced(s, reversed)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a hand-score program said back', () => {
  // Two limits, then "达不到要求不给分": whether both must hold or each earns half is not said.
  const rule = '小学在校生年辍学率控制在1%以内;初中在校生年辍学率控制在2%以内。(20分) 达不到要求不给分';

  it('says its reason and its points, and reads back as the same program', () => {
    const p = parseRule(rule);
    if (!p.ok) throw new Error(p.reason);
    const said = renderRule(p.rule);
    expect(said).toBe(
      '多项条件之后的“达不到不得分”：全部达到才得分还是按项得分，需人工判断：需人工评分（满分20分）',
    );
    const back = parseRule(said);
    expect(back.ok && back.rule).toEqual(p.rule);
  });

  it('gives no number for any actual, read or said back', () => {
    const p = parseRule(rule);
    if (!p.ok) throw new Error(p.reason);
    for (const text of [rule, renderRule(p.rule)]) {
      const r = F.perfScore('0.8%,1.5%' as never, text, 20 as never);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.message).toContain('需人工评分');
    }
  });

  it('a clause of a source text said with 需人工评分 is read as that clause (酌情扣分 stays a judgement)', () => {
    const p = parseRule('资料不全的酌情扣分：需人工评分');
    expect(p.ok && p.rule.manual).toEqual({ reason: 'judgement', clause: '资料不全的酌情扣分' });
  });
});
