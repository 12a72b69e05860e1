/**
 * More of a clerk's shortened answers (engine/native/clerk.ts), on rules outside the corpus: the
 * state less a closing word of time, the subject kept before one piece's state, a requirement's
 * verb and object, the state without 进行, without words of scope and from its preposition, one
 * grade's verb with the other grade's object, and four grades said with their own mark. Values
 * worked by hand from the rule text (docs/domain.md); HyperFormula and our own recalc evaluate.
 */
import { ruleScorer } from './rule-scorer';
import { describe, expect, it } from 'vitest';
import { clerkWords } from '../../engine/native/clerk';
import { compileNative } from '../../engine/native';
import { dec, DEFAULT_SETTINGS, evaluateRule, parseRule, round } from '../../engine/rules';
import { loadCorpus } from '../../scripts/rules-corpus';
import { evaluateRows, type HfCell } from './hf';

const UNREAD = '完成情况无法识别，需人工评分';

/** Each actual's value in HyperFormula; our own recalc must give the same. */
function scores(rule: string, points: number, actuals: string[]): unknown[] {
  return actuals.map(ruleScorer(rule, points));
}

describe('a clerk’s shortened answers', () => {
  it('reads a state without its closing word of time', () => {
    // 年底前仍未整改全年不得分 (10): "年底前仍未整改" is the state → 0.
    expect(scores('年底前仍未整改全年不得分', 10, ['年底前仍未整改'])).toEqual([0]);
    // 问题未整改年度扣5分 (10): "问题未整改" → 10 − 5 = 5.
    expect(scores('问题未整改年度扣5分', 10, ['问题未整改'])).toEqual([5]);
  });

  it('reads one piece of a label denied after the label’s subject', () => {
    // 工作方案有具体目标,有责任分工,有时间安排2分: without one of them the condition fails → 0; all → 2.
    expect(
      scores('工作方案有具体目标,有责任分工,有时间安排2分', 2, [
        '工作方案无责任分工',
        '工作方案无时间安排',
        '工作方案有具体目标,有责任分工,有时间安排',
      ]),
    ).toEqual([0, 0, 2]);
  });

  it('reads a requirement met or not by its verb and object', () => {
    // 达到省定考核要求得20分, 达不到不得分: 未达要求 / 不达要求 → 0; 达到省定考核要求 → 20.
    expect(
      scores('空气质量达到省定考核要求得20分,达不到不得分', 20, ['未达要求', '不达要求', '达到省定考核要求']),
    ).toEqual([0, 0, 20]);
    // 符合国家标准得5分: 不符合标准 → 0; 符合国家标准 → 5.
    expect(scores('饮用水水质符合国家标准得5分', 5, ['不符合标准', '符合国家标准'])).toEqual([0, 5]);
  });

  it('reads a state without the light verb 进行', () => {
    // 未全部进行登记不得分 (2): 已全部登记 denies it → 2.
    expect(scores('未全部进行登记不得分', 2, ['已全部登记'])).toEqual([2]);
    // 未按规定进行公示扣3分 (10): 已按规定公示 → nothing deducted, 10.
    expect(scores('未按规定进行公示扣3分', 10, ['已按规定公示'])).toEqual([10]);
  });

  it('reads a state from its preposition, without words of scope', () => {
    // 乡镇卫生院与辖区村卫生室签订责任书得2分: 未与村卫生室签订责任书 → 0.
    expect(scores('乡镇卫生院与辖区村卫生室签订责任书得2分', 2, ['未与村卫生室签订责任书'])).toEqual([0]);
    // The state without its denial and subject says neither: the engine asks for a hand score.
    expect(scores('乡镇卫生院与辖区村卫生室签订责任书得2分', 2, ['与村卫生室签订责任书'])).toEqual([UNREAD]);
  });

  it('reads a passive without its note and level, from 被 or with the subject before the denial', () => {
    // 典型经验被省级(含)以上认可并推广的得5分: not recognised → 0, however the clerk shortens it.
    expect(
      scores('典型经验被省级(含)以上认可并推广的得5分', 5, [
        '未被认可推广',
        '未被认可并推广',
        '典型经验未被认可推广',
      ]),
    ).toEqual([0, 0, 0]);
    // 创新做法被县级以上部门采纳的得3分: 未被部门采纳 → 0.
    expect(scores('创新做法被县级以上部门采纳的得3分', 3, ['未被部门采纳', '创新做法未被部门采纳'])).toEqual([
      0, 0,
    ]);
    // 乡镇卫生院与辖区村卫生室签订责任书得2分: the subject kept before the denial → 0.
    expect(
      scores('乡镇卫生院与辖区村卫生室签订责任书得2分', 2, ['乡镇卫生院未与村卫生室签订责任书']),
    ).toEqual([0]);
  });

  it('reads one grade’s verb with the other grade’s object', () => {
    // 建立健全安全生产责任制得1分，无责任制不得分: 已建立责任制 denies 无责任制 → 1.
    expect(scores('建立健全安全生产责任制得1分，无责任制不得分', 1, ['已建立责任制', '无责任制'])).toEqual([
      1, 0,
    ]);
  });

  it('reads four grades said with their own mark, a grade with 并 by its first part', () => {
    const rule = '有工作台账计1分,有宣传栏计1分,有公示牌计1分,有专用电脑并联网计1分';
    // Two of the four credits → 1 + 1 = 2; all four → 4.
    expect(
      scores(rule, 4, [
        '有工作台账，有宣传栏，无公示牌，无专用电脑',
        '有工作台账，有宣传栏，有公示牌，有专用电脑并联网',
      ]),
    ).toEqual([2, 4]);
  });

  it('keeps only words the engine scores', () => {
    for (const rule of [
      '乡镇卫生院与辖区村卫生室签订责任书得2分',
      '未全部进行登记不得分',
      '问题未整改年度扣5分',
    ]) {
      const p = parseRule(rule);
      if (!p.ok) throw new Error(p.reason);
      const words = clerkWords(p.rule);
      expect(words.length, rule).toBeGreaterThan(0);
      for (const w of words) {
        const out = evaluateRule(p.rule, { actual: w, points: dec(10), settings: DEFAULT_SETTINGS });
        expect(out.ok || out.code !== 'MANUAL', `${rule}: ${w}`).toBe(true);
      }
    }
  });

  it('scores every clerk word of every corpus rule as the engine does, or leaves it unread', () => {
    const rows: HfCell[][] = [];
    const engine: (number | null)[] = [];
    for (const c of loadCorpus().flatMap((f) => f.cases)) {
      const p = parseRule(c.rule);
      if (!p.ok) continue;
      const points = c.points ?? 10;
      const f = compileNative(p.rule, { actual: 'A1', points: 'B1' }, DEFAULT_SETTINGS, {
        mode: 'function',
        round: 2,
      });
      if (!f.ok) continue;
      for (const w of clerkWords(p.rule)) {
        const r = rows.length + 1;
        rows.push([w, points, f.formula.replace(/\b([AB])1\b/g, `$1${r}`)]);
        const out = evaluateRule(p.rule, { actual: w, points: dec(points), settings: DEFAULT_SETTINGS });
        engine.push(out.ok ? round(out.score, 2).toNumber() : null);
      }
    }
    const got = evaluateRows(rows);
    const wrong = got.flatMap((g, i) =>
      typeof g[2] === 'number' && (engine[i] === null || Math.abs(g[2] - engine[i]!) > 1e-9)
        ? [`${String(rows[i]![0])}: engine ${String(engine[i])}, formula ${g[2]}`]
        : [],
    );
    expect(wrong).toEqual([]);
    // Most are read (the rest where the widest words make the formula too long).
    const read = got.filter((g, i) => typeof g[2] === 'number' && g[2] === engine[i]).length;
    expect(read).toBeGreaterThan(rows.length / 2);
  }, 120_000);
});

describe('a label that holds its own denial, in the formula as in the engine', () => {
  it('发现问题未整改的扣2分: 已整改 keeps the points, 未整改 / 没有整改 lose 2', () => {
    // The problem fixed: nothing deducted (10); not fixed, in either word: 10 − 2 = 8.
    expect(scores('发现问题未整改的扣2分', 10, ['已整改', '未整改', '没有整改'])).toEqual([10, 8, 8]);
  });
  it('未及时整改: 已整改 and 未整改 are neither, so the formula shows a hand score', () => {
    const got = scores('发现问题未及时整改的扣2分', 10, ['已整改', '未整改', '发现问题未及时整改']);
    expect(got.slice(0, 2).every((g) => typeof g === 'string' && /人工/.test(g))).toBe(true);
    expect(got[2]).toBe(8); // the label itself: 10 − 2
  });
});
