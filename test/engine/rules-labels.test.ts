/**
 * Written states, events and graded labels (docs/domain.md "Rules as real documents write them":
 * labelled conditions, exemptions, graded labels, veto, zeroing). Made-up sentences in the
 * documents' wordings; every expected value worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { functions as F, parseRule, renderRule } from '../../engine';
import { dec, DEFAULT_SETTINGS, evaluateRule } from '../../engine/rules';

import { manual, score } from './perf-score';

describe('a written fault without 每 or a number is a state, not a count', () => {
  const rule = '未开展慢病随访工作扣3分，未按要求上报报表扣1分';
  it('deducts the named fault', () => {
    expect(score('未开展慢病随访工作', rule, 5)).toBe(2); // 5 − 3
    expect(score('未按要求上报报表', rule, 5)).toBe(4); // 5 − 1
    expect(score('未开展慢病随访工作，未按要求上报报表', rule, 5)).toBe(1); // 5 − 3 − 1
  });
  it('reads "经费少于上年度的扣2分" as a state too', () => {
    expect(score('经费少于上年度', '经费少于上年度的扣2分，本年度未安排的扣4分', 4)).toBe(2);
  });
});

describe('a text that names faults: counted faults it does not state did not occur', () => {
  const rule = '未成立领导小组的扣4分；小组不健全的扣1分；查会议记录，少一次扣2分';
  it('scores the named fault and says the count was taken as none', () => {
    const r = F.perfScore('小组不健全', rule, 10);
    expect(r).toMatchObject({ ok: true, value: 9 }); // 10 − 1
    expect(score('未成立领导小组', rule, 10)).toBe(6); // 10 − 4
    expect(score('少2次', rule, 10)).toBe(6); // 10 − 2 × 2
  });
  it('a text that names no fault of the list stays a hand score', () => {
    manual('资料齐全但格式不对', rule, 10);
  });
});

describe('a denial of a positive label, in the label own words', () => {
  it('不能… against 能够…得N分 earns nothing', () => {
    const rule = '能够实时上传随访数据1分';
    expect(score('能够实时上传随访数据', rule, 1)).toBe(1);
    expect(score('不能实时上传随访数据', rule, 1)).toBe(0);
  });
  it('不达要求 against 达到…要求得N分 earns nothing', () => {
    expect(score('不达要求', '培训经费达到“两提高”要求得6分', 6)).toBe(0);
  });
  it('已全部… against 未全部…不得分 keeps the points', () => {
    const rule = '未全部进行体检告知不得分';
    expect(score('已全部告知', rule, 2)).toBe(2);
    expect(score('未全部进行体检告知', rule, 2)).toBe(0);
  });
  it('a part denied of a label that only earns 得满分: a hand score', () => {
    manual('无专人管理', '药品柜整洁并有专人管理得满分', 4);
  });
  it('"2项不符合要求" never meets 符合要求', () => {
    manual('有2项不符合要求', '符合要求，得满分；不符合要求，不得分', 3);
  });
});

describe('a label that holds its own denial (发现问题未整改)', () => {
  const rule = '发现问题未整改的扣2分';
  it('"已整改" says the opposite of 未整改: nothing deducted', () => {
    expect(score('已整改', rule, 10)).toBe(10); // the problem was fixed: 10
    expect(score('已整改', '问题未整改扣2分', 10)).toBe(10);
  });
  it('"未整改" and "没有整改" state it: 2 deducted', () => {
    expect(score('未整改', rule, 10)).toBe(8); // 10 − 2
    expect(score('没有整改', rule, 10)).toBe(8); // 没有 is 未: 10 − 2
  });
  it('words behind a farther denial (未及时整改) are a hand score either way', () => {
    // "已整改" does not say whether in time; "未整改" is not the label's words.
    manual('已整改', '发现问题未及时整改的扣2分', 10);
    manual('未整改', '发现问题未及时整改的扣2分', 10);
  });
  it('the second denial of a label joined by 或 is met in its own words', () => {
    const r = '未全面实施量化分级管理制度或未落实卫生员管理制度的扣10分';
    expect(score('未落实卫生员管理制度', r, 30)).toBe(20); // 30 − 10
  });
  it('one part of such a label said done says nothing of the other: a hand score', () => {
    const r = '未全面实施量化分级管理制度或未落实卫生员管理制度的扣10分';
    manual('已落实卫生员管理制度', r, 30);
    manual('落实卫生员管理制度', r, 30);
  });
});

describe('a bare 无 / 没有 / 否 against a state that earns points', () => {
  it('earns nothing: the state is denied', () => {
    // 有应急预案得2分 (2): no plan → 0 (the 2 points are for having one).
    for (const a of ['无', '没有', '否']) expect(score(a, '有应急预案得2分', 2)).toBe(0);
    // 有纳入考核的文件得10分,否则不得分 (10): 否则不得分 → 0.
    for (const a of ['无', '没有', '否']) expect(score(a, '有纳入考核的文件得10分,否则不得分', 10)).toBe(0);
    // 已建立档案得1分 (1): not built → 0.
    expect(score('没有', '已建立档案得1分', 1)).toBe(0);
    expect(score('否', '按时上报得2分', 2)).toBe(0);
  });
  it('a fault denied so deducts nothing', () => {
    expect(score('无', '资料零乱扣2分', 5)).toBe(5); // no 资料零乱: 5
    expect(score('否', '资料零乱扣2分', 5)).toBe(5);
  });
});

describe('a bare denial (没有该项不得分, 没有不得分)', () => {
  it('names the other grade denied', () => {
    const rule = '糖尿病患者管理台账2分，没有该项不得分';
    expect(score('没有糖尿病患者管理台账', rule, 2)).toBe(0);
    expect(score('有糖尿病患者管理台账', rule, 2)).toBe(2);
  });
  it('a statement of having does not meet 没有', () => {
    const rule = '村规民约制定并公开，没有不得分';
    expect(score('已制定并公开', rule, 5)).toBe(5);
    expect(score('没有', rule, 5)).toBe(0);
  });
});

describe('a state written over several clauses', () => {
  const rule = '有，并落实，得满分；有，未落实，得1分；无，不得分';
  it('is the whole state, commas and all', () => {
    expect(score('有，并落实', rule, 4)).toBe(4);
    expect(score('有，未落实', rule, 4)).toBe(1);
    expect(score('无', rule, 4)).toBe(0);
  });
  it('a fault over two clauses is met by its words, and denied by them', () => {
    const fault = '突发传染病疫情不按时限,程序报告扣6分';
    expect(score('不按时限，程序报告', fault, 6)).toBe(0);
    expect(score('按时限、程序报告', fault, 6)).toBe(6);
  });
  it('a requirement before its denial is not part of the state', () => {
    const r = '按时向县卫健委报告工作情况，未报告的，扣2分';
    expect(score('未报告', r, 5)).toBe(3);
    expect(score('已按时报告', r, 5)).toBe(5);
  });
});

describe('lettered options (A. … B. …) are grades', () => {
  const rule = 'A. 建立了管理制度和工作台账 1分B. 既未建立制度又无台账 0 分';
  it('scores the option the actual names, and leaves others to a hand score', () => {
    expect(score('建立了管理制度和工作台账', rule, 1)).toBe(1);
    expect(score('既未建立制度又无台账', rule, 1)).toBe(0);
    manual('只建立了管理制度', rule, 1);
  });
});

describe('lists with 各 / 分别', () => {
  it('a deduction for each listed fault, the shared 未建立 carried over', () => {
    const rule = '未建立进货查验制度、索证索票制度的各扣1分；未开展培训的扣2分';
    expect(score('未建立索证索票制度', rule, 5)).toBe(4); // 5 − 1
    expect(score('未建立进货查验制度、未建立索证索票制度', rule, 5)).toBe(3); // 5 − 1 − 1
    expect(score('未开展培训', rule, 5)).toBe(3); // 5 − 2
  });
  it('无 carried over to the items after it, 及 before the last', () => {
    const rule = '无工作方案、工作记录及总结分别扣2分';
    expect(score('无工作记录', rule, 6)).toBe(4);
    expect(score('无工作方案、无总结', rule, 6)).toBe(2);
  });
  it('a credit for each listed state, added up', () => {
    const rule = '有考核制度、落实考核结果各1分';
    expect(score('有考核制度', rule, 2)).toBe(1);
    expect(score('有考核制度、落实考核结果', rule, 2)).toBe(2);
    expect(score('建立和使用的各得3分，反之，不得分', '建立和使用的各得3分，反之，不得分', 6)).not.toBe(6);
    expect(score('已建立，未使用', '建立和使用的各得3分，反之，不得分', 6)).toBe(3);
  });
});

describe('numbers that belong to the state, not to the rule', () => {
  it('未对评分≥30分的孕妇…: the number says who is meant', () => {
    const rule = '未对评分≥25分的高危儿进行专案管理扣3分';
    expect(score('未对评分≥25分的高危儿进行专案管理', rule, 10)).toBe(7);
    expect(score('已对评分≥25分的高危儿进行专案管理', rule, 10)).toBe(10);
  });
  it('有1个…未…: any one', () => {
    const rule = '所有对象全部公示得2分，发现有1个对象未公示，不得分';
    expect(score('所有对象全部公示', rule, 2)).toBe(2);
    expect(score('1个对象未公示', rule, 2)).toBe(0);
  });
  it('a hotline named by its number (12345平台)', () => {
    expect(score('未明确12320热线职责', '未明确12320热线职责，扣1分；未公布热线号码的，扣1分', 2)).toBe(1);
  });
  it('一起 meaning together is not a count; 发生一起 is one case', () => {
    expect(score('没有记录', '将控烟工作与卫生创建一起部署、检查的记2分，没有记录不计分', 2)).toBe(0);
    const r = F.perfScore('发生事故1起', '发生一起较大安全事故，安全管理考核分清零', 20);
    expect(r).toMatchObject({ ok: true, value: 0 });
    expect(score('未发生', '发生一起较大安全事故，安全管理考核分清零', 20)).toBe(20);
  });

  it('发生 with other words is another event, or this one in other words: a hand score, no veto', () => {
    const rule = '发生重大安全事故的，实行一票否决';
    // A 交通事故 or 一般事故 is not said to be a 重大安全事故: the unit is not failed on it.
    for (const a of ['发生交通事故', '发生一般事故', '出现交通事故2起', '发生2人次']) manual(a, rule, 10);
    // The event's words, its last words (事故), a count: it happened, 0 and the veto.
    for (const a of ['发生重大安全事故', '发生安全事故', '发生事故1起', '发生2起', '出现一次'])
      expect(score(a, rule, 10), a).toBe(0);
    expect(score('发生0起', rule, 10)).toBe(10);
  });
});

describe('exemptions and effects as documents write them', () => {
  it('a bracket that holds clauses: (无…的，此处不失分)', () => {
    const rule = '按要求开展督导，得2分（无下属机构的，此处不失分）';
    expect(score('无下属机构', rule, 2)).toBe(2);
    expect(score('按要求开展督导', rule, 2)).toBe(2);
  });
  it('不记分 is 不得分; 每逢 is not a step', () => {
    const rule = '每逢节假日安排专人值班的记2分，没有记录不记分';
    expect(score('没有记录', rule, 2)).toBe(0);
    expect(score('每逢节假日安排专人值班', rule, 2)).toBe(2);
  });
});

describe('words that look like rule words inside a state', () => {
  it('各类 and 奖金 are words of the state', () => {
    const rule = '村卫生室与乡镇卫生院信息互通,能查看各类服务记录2分';
    expect(score('村卫生室与乡镇卫生院信息互通,能查看各类服务记录', rule, 2)).toBe(2);
    expect(score('未与乡镇卫生院信息互通', rule, 2)).toBe(0);
    const bonus = '有考评办法，并与奖金挂钩，得满分；有考评办法，未与奖金挂钩，得1分；无，不得分';
    expect(score('有考评办法，未与奖金挂钩', bonus, 3)).toBe(1);
    expect(score('无', bonus, 3)).toBe(0);
  });
  it('a negative score (-10分) is not read as a state "-"', () => {
    const p = parseRule('审读结果为优的，10分；审读结果为中的，-10分');
    expect(p.ok).toBe(false);
  });
});

describe('every program here says itself back as a sentence that reads the same', () => {
  it.each([
    '未开展慢病随访工作扣3分，未按要求上报报表扣1分',
    '糖尿病患者管理台账2分，没有该项不得分',
    '未全部进行体检告知不得分',
    '有，并落实，得满分；有，未落实，得1分；无，不得分',
    '未建立进货查验制度、索证索票制度的各扣1分；未开展培训的扣2分',
    '有考核制度、落实考核结果各1分',
    'A. 建立了管理制度和工作台账 1分B. 既未建立制度又无台账 0 分',
  ])('%s', (rule) => {
    const p = parseRule(rule);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const again = parseRule(renderRule(p.rule));
    expect(again.ok && again.rule).toEqual(p.rule);
  });
});

describe('verbs sharing the object written after the last one', () => {
  const rule = '漏登,错登,重登接种信息扣3分';
  it('each verb with the object is the state: 错登接种信息, 漏登接种信息', () => {
    expect(score('错登接种信息', rule, 10)).toBe(7);
    expect(score('漏登接种信息', rule, 10)).toBe(7);
    expect(score('重登接种信息', rule, 10)).toBe(7);
  });
  it('nothing wrong keeps the points; another state is a hand score', () => {
    expect(score('未发生', rule, 10)).toBe(10);
    manual('按时登记接种信息', rule, 10);
  });
});

describe('a count with what it counts after it', () => {
  const rule = '每季度开展不少于 2 次的入户随访，得 1 分；未开展，不得分';
  it('"开展不少于2次的入户随访，得1分": the count is the condition, the noun its name', () => {
    expect(score('开展3次', rule, 1)).toBe(1);
    expect(score('未开展', rule, 1)).toBe(0);
  });
  it('a count of 开展 answers 未开展: 0 is not done', () => {
    expect(score('开展0次', rule, 1)).toBe(0);
  });
  it('a bonus for holding a meeting once: 召开一次…会议加2分', () => {
    const bonus = '召开一次全镇健康教育工作会议加 2 分';
    const p = parseRule(bonus);
    if (!p.ok) throw new Error(p.reason);
    const at = (a: string): number | string => {
      const o = evaluateRule(p.rule, {
        actual: a,
        points: dec(0),
        settings: DEFAULT_SETTINGS,
        unbounded: true,
      });
      return o.ok ? o.score.toNumber() : o.message;
    };
    expect(at('召开1次')).toBe(2);
    expect(at('召开2次')).toBe(2); // no 每: one bonus for holding it
    expect(at('召开0次')).toBe(0);
  });
});

describe('a counted clause that lists its states', () => {
  const rule = '台账不规范扣3分,资料无目录、无索引、无封面,每项扣1分。';
  it('counts the listed states the text names', () => {
    expect(score('无目录、无封面', rule, 6)).toBe(4); // 2 × 1
    expect(score('无索引', rule, 6)).toBe(5);
    expect(score('无目录、无索引、无封面', rule, 6)).toBe(3);
  });
  it('adds the other clauses the text names, and nothing for what it does not name', () => {
    expect(score('台账不规范,无目录', rule, 6)).toBe(2); // 3 + 1
    expect(score('台账不规范', rule, 6)).toBe(3);
  });
  it('a state the rule does not list is a hand score', () => {
    manual('无页码', rule, 6);
  });
});

describe('an event and its veto written without a comma (发生X的实行一票否决, 发生X一票否决)', () => {
  const veto = (rule: string, actual: unknown): { score: string; veto: boolean | undefined } | string => {
    const p = parseRule(rule);
    if (!p.ok) return p.reason;
    const r = evaluateRule(p.rule, {
      actual: actual as never,
      points: dec(10),
      target: null,
      settings: DEFAULT_SETTINGS,
    });
    return r.ok ? { score: r.score.toString(), veto: r.veto } : `${r.code} ${r.message}`;
  };
  it.each(['发生安全生产事故的实行一票否决', '发生安全生产事故一票否决', '发生安全生产事故的，实行一票否决'])(
    '%s: the event is the whole 安全生产事故, never its first character',
    (rule) => {
      const p = parseRule(rule);
      expect(p.ok && p.rule.clauses).toEqual([
        {
          kind: 'when',
          test: { kind: 'event', event: '安全生产事故' },
          effect: { kind: 'zero', total: false, veto: true },
        },
      ]);
      // It happened: 0 and the unit's veto; it did not: the points.
      expect(veto(rule, '发生安全生产事故')).toEqual({ score: '0', veto: true });
      expect(veto(rule, '未发生')).toMatchObject({ score: '10' });
    },
  );
  it('a subject after 的 before the effect is still read as one (…的，安全管理考核分清零)', () => {
    const p = parseRule('发生生产安全事故的，安全管理考核分清零');
    expect(p.ok && p.rule.clauses).toEqual([
      {
        kind: 'when',
        test: { kind: 'event', event: '生产安全事故' },
        effect: { kind: 'zero', total: true, veto: false },
      },
    ]);
  });
  it('reads a denial before the event and a count after it (全年未发生…, …0起)', () => {
    const rule = '发生安全生产事故的，实行一票否决';
    // No accident, in the words clerks write: the points, no veto.
    for (const a of [
      '全年未发生安全生产事故',
      '本年度无安全生产事故',
      '今年没有发生安全生产事故',
      '全年安全生产事故0起',
    ])
      expect(veto(rule, a), a).toMatchObject({ score: '10' });
    // Two accidents: 0 and the unit's veto.
    expect(veto(rule, '安全生产事故2起')).toEqual({ score: '0', veto: true });
    // Said with a count of none: no accident either.
    for (const a of ['发生0起', '发生安全生产事故0起', '出现0次'])
      expect(veto(rule, a), a).toMatchObject({ score: '10' });
    expect(veto(rule, '发生安全生产事故1起')).toEqual({ score: '0', veto: true });
    // A denial after the words is not read: a hand score.
    expect(String(veto(rule, '安全生产事故无'))).toMatch(/人工/);
  });
  it('names the event by its last words (死亡事故, 事故), not by its first (人员, 安全)', () => {
    const rule = '发生人员死亡事故一票否决';
    expect(veto(rule, '死亡事故')).toEqual({ score: '0', veto: true });
    expect(veto(rule, '事故')).toEqual({ score: '0', veto: true });
    // "人员" and "安全" say nothing of an accident: a hand score, never the unit's veto.
    expect(String(veto(rule, '人员'))).toMatch(/人工/);
    expect(String(veto('发生安全生产事故的实行一票否决', '安全'))).toMatch(/人工/);
  });
});
