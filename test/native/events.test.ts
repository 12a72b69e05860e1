/**
 * Events with a number (出现6胎或以上的出生该项为0分): the native formula compares the number a clerk
 * writes with the event's, as the engine's eventMet does, and leaves a smaller one to a hand score.
 * Values worked by hand from the rule text; HyperFormula evaluates.
 */
import { ruleScorer } from './rule-scorer';
import { describe, expect, it } from 'vitest';
import { compileRuleText } from '../../engine/native';
import { DEFAULT_SETTINGS } from '../../engine/rules';
import { evaluateRows } from './hf';

describe('an event with a number', () => {
  it('happens for the event’s number or more, and is left to a hand score below it', () => {
    const at = ruleScorer('出现6胎或以上的出生该项为0分。', 60);
    // 6胎 and 7胎 are 6胎或以上: 0. 未出现: nothing happened, 60.
    expect(['出现6胎出生', '出现7胎出生', '出现10胎出生', '未出现6胎出生'].map(at)).toEqual([0, 0, 0, 60]);
    // 5胎 is not the event, 6人 is not 胎, two numbers say two things: no number from the formula.
    for (const a of ['出现5胎出生', '出现6人出生', '出现6胎，7胎出生'])
      expect(at(a), a).toBe('完成情况无法识别，需人工评分');
  });
});

describe('an event said with a count of none', () => {
  it('did not happen: 发生0起 keeps the points, 发生1起 fires the veto', () => {
    const at = ruleScorer('发生安全生产事故的，实行一票否决', 10);
    // 0起 of the accident: nothing happened, the 10 points; 1起: it happened, 0.
    expect(['发生0起', '发生安全生产事故0起', '出现0次', '发生安全生产事故1起', '发生'].map(at)).toEqual([
      10, 10, 10, 0, 0,
    ]);
  });
});

describe('an event said happened, with other words after it', () => {
  it('is another event, or this one in other words: a hand score, never the veto', () => {
    const at = ruleScorer('发生重大安全事故的，实行一票否决', 10);
    // A 交通事故 or 一般事故 is not said to be 重大安全事故; 2人次 is no count of events.
    for (const a of ['发生交通事故', '发生一般事故', '发生交通事故2起', '发生2人次', '发生1.5起'])
      expect(at(a), a).toBe('完成情况无法识别，需人工评分');
    // The event's words, its last words, or a count of it: happened, 0; 0起: not, the 10 points.
    expect(
      ['发生重大安全事故', '发生事故', '发生2起', '出现1次', '发生重大安全事故2起', '发生0起'].map(at),
    ).toEqual([0, 0, 0, 0, 0, 10]);
  });
});

describe('an event named by its last words, in a rule with a long event', () => {
  it('fires the veto: the formula is short enough to carry the event’s last words', () => {
    const f = compileRuleText(
      '发生较大及以上生产安全责任事故一票否决',
      { actual: 'A1', points: 'B1' },
      DEFAULT_SETTINGS,
    );
    if (!f.ok) throw new Error(f.reason);
    const at = (a: string): unknown => evaluateRows([[a, 10, f.formula]])[0]![2];
    // 责任事故, 安全责任事故: the event, said by its last words → 一票否决, 0. 未发生 → 10.
    expect(['责任事故', '安全责任事故', '未发生'].map(at)).toEqual([0, 0, 10]);
  });
});
