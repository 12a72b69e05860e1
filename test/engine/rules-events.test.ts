/**
 * Events said otherwise (another event, a denied event, a near miss), gaps written as actuals, and
 * days past a time limit (docs/domain.md: veto, zeroing, linear deduction, deduction without 每).
 * Every expected value worked by hand from the rule text; a text a careful clerk could not decide
 * from is a hand score (需人工评分), never a number.
 */
import { describe, expect, it } from 'vitest';

import { manual, score } from './perf-score';

describe('an event said otherwise than happened never triggers the veto or the zeroing', () => {
  const veto = '发生重大安全事故的，实行一票否决';
  it('a non-major accident, a near miss, a prevention: not the event (hand score, never 0)', () => {
    // 非重大 is another kind of accident; 险些 / 防止 say it did not (quite) happen.
    manual('发生非重大安全事故', veto, 10);
    manual('险些发生重大安全事故', veto, 10);
    manual('防止发生重大安全事故', veto, 10);
  });
  it('its hazard or first signs are not the accident: a hand score', () => {
    manual('发生重大安全事故隐患', veto, 10);
    manual('发生重大安全事故苗头', veto, 10);
  });
  it('the event as written still vetoes; its denial keeps the points', () => {
    expect(score('发生重大安全事故', veto, 10)).toBe(0); // happened: 0 and the veto
    expect(score('发生1起', veto, 10)).toBe(0); // happened once
    expect(score('未发生重大安全事故', veto, 10)).toBe(10); // did not happen: full
  });
  it('发生非人员死亡事故 does not veto 人员死亡事故 (corpus c-qiye-sgkz-01)', () => {
    manual('发生非人员死亡事故', '发生人员死亡事故一票否决', 50);
    expect(score('发生人员死亡事故', '发生人员死亡事故一票否决', 50)).toBe(0);
  });
  const zero = '发生责任事故的，本项清零';
  it('a non-liability accident or a prevention does not zero 责任事故', () => {
    manual('发生非责任事故', zero, 5);
    manual('非责任事故1起', zero, 5);
    manual('发生事故，非责任事故', zero, 5);
    manual('防止发生责任事故', zero, 5);
    manual('发生责任事故隐患', zero, 5);
  });
  it('the liability accident itself zeroes; none keeps 5', () => {
    expect(score('发生责任事故', zero, 5)).toBe(0);
    expect(score('责任事故1起', zero, 5)).toBe(0);
    expect(score('责任事故0起', zero, 5)).toBe(5); // none: 5
    expect(score('未发生', zero, 5)).toBe(5);
  });
  it('an event whose own words hold 非 is still read', () => {
    // 非法行医 is the event: 发生非法行医 happened.
    expect(score('发生非法行医', '发生非法行医的，本项不得分', 3)).toBe(0);
  });
});

describe('a gap written as the actual where the rule states its bound', () => {
  const rate = '满意率80%以上，每低1个百分点扣1分，扣完为止';
  it('"低3个百分点" is not a 满意率 of 3%: a hand score (by hand 10 − 3 = 7, not 0)', () => {
    manual('低3个百分点', rate, 10);
    manual('比目标低3个百分点', rate, 10);
    // The rate itself is read: 77% is 3 points below 80%: 10 − 3 = 7.
    expect(score(0.77, rate, 10)).toBe(7);
  });
  const people = '随访人数达到100人得满分，每少10人扣1分';
  it('"少10人" is not 10 people: a hand score (by hand 5 − 1 = 4, not 0)', () => {
    manual('少10人', people, 5);
    manual('差10人', people, 5);
    // 90人: 10 short of 100, one step: 5 − 1 = 4.
    expect(score('90人', people, 5)).toBe(4);
  });
  it('a shortfall is still the count where the rule has no bound, and where the metric is one', () => {
    expect(score('少2例', '每少1例扣1分', 5)).toBe(3); // 5 − 2 × 1
    expect(score('缺1个科室', '缺1个科室，不得分', 1)).toBe(0); // the metric is the shortfall
  });
});

describe('days past a time limit (超过规定时限1天扣0.5分): per day, not "more than 1 day"', () => {
  const rule = '超过规定时限1天扣0.5分';
  it('3 days late deducts 3 × 0.5', () => {
    expect(score('超时3天', rule, 2)).toBe(0.5); // 2 − 1.5
    expect(score(3, rule, 2)).toBe(0.5); // 2 − 1.5
    expect(score(1, rule, 2)).toBe(1.5); // one day late: 2 − 0.5 (was 2: "> 1天")
    expect(score(0, rule, 2)).toBe(2); // on time
    expect(score(5, rule, 2)).toBe(0); // 2.5 due, never below 0
  });
  it('finishing early is no lateness: never read as 3 days late', () => {
    manual('提前3天完成', rule, 2);
  });
});
