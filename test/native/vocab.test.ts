/**
 * The words a clerk writes for a rule's states (engine/native/vocab.ts), read by the native formula
 * as the engine reads them: a state's first words said done or not, one clause of a label, one verb
 * of verbs sharing an object, a clause list written with 、, and the grades met as the rule writes
 * them. Values worked by hand from the rule text (docs/domain.md); HyperFormula evaluates.
 */
import { ruleScorer } from './rule-scorer';
import { describe, expect, it } from 'vitest';

const UNREAD = '完成情况无法识别，需人工评分';

function scores(rule: string, points: number, actuals: string[]): unknown[] {
  return actuals.map(ruleScorer(rule, points));
}

describe('a state said the clerk’s ways', () => {
  it('reads a state’s first words said done or not', () => {
    // 建立开展活动的得1分,反之,不得分: 未建立 → 0, 已建立开展活动 → 1.
    expect(scores('建立开展活动的得1分,反之,不得分。', 1, ['未建立', '建立开展活动'])).toEqual([0, 1]);
    // 获…得10分: 未获 → 0.
    expect(scores('获“浙江省规范教育收费示范县(区)”得10分。', 10, ['未获'])).toEqual([0]);
    // 未全部参加工伤保险不得分: 已全部参加 → 1, 未全部参加工伤保险 → 0.
    expect(scores('查资料。未全部参加工伤保险不得分', 1, ['已全部参加', '未全部参加工伤保险'])).toEqual([
      1, 0,
    ]);
  });

  it('reads one clause of a label, one verb of verbs sharing an object, and a list with 、', () => {
    // 无领导机构、管理机构不得分: 无领导机构 → 0; 无专职人员 → 2 − 1 = 1.
    expect(
      scores('查资料。无领导机构、管理机构不得分；无专职人员扣1分', 2, ['无领导机构', '无专职人员']),
    ).toEqual([0, 1]);
    // 迟报,漏报,错报妇幼保健信息扣5分: 漏报妇幼保健信息 → 30 − 5 = 25.
    expect(scores('迟报,漏报,错报妇幼保健信息扣5分', 30, ['漏报妇幼保健信息'])).toEqual([25]);
    // 不按时限,程序报告扣10分: 按时限、程序报告 → 10; 不按时限,程序报告 → 0.
    expect(
      scores('突发公共卫生事件不按时限,程序报告扣10分.', 10, ['按时限、程序报告', '不按时限,程序报告']),
    ).toEqual([10, 0]);
    // 无协同单位的专业基地，此处不失分: 无协同单位 → 1 (the clause less its closing 的).
    expect(scores('满足要求，得1分（无协同单位的专业基地，此处不失分）', 1, ['无协同单位'])).toEqual([1]);
  });

  it('reads the grades met as the rule writes them, in its order', () => {
    // 有测评机制、合理运用测评结果各1分: both → 2, one → 1.
    expect(
      scores('有测评机制、合理运用测评结果各1分', 2, ['有测评机制、合理运用测评结果', '有测评机制']),
    ).toEqual([2, 1]);
    // Written in another order or with other words: not a text the formula knows.
    expect(scores('有测评机制、合理运用测评结果各1分', 2, ['合理运用测评结果和测评机制'])).toEqual([UNREAD]);
  });

  it('reads a label without its subject, a denial of what it can do, and 已按时 (the widest words)', () => {
    // 爱卫办日常工作经费不能满足需要扣2分 (3 points): without 爱卫办 → 3 − 2 = 1; its denial dropped → 3.
    expect(
      scores('爱卫办日常工作经费不能满足需要扣2分', 3, [
        '日常工作经费不能满足需要',
        '日常工作经费能满足需要',
      ]),
    ).toEqual([1, 3]);
    // 本部门本单位出现阻挠…扣3分 (10 points): the event without its subject → 10 − 3 = 7.
    expect(
      scores('本部门本单位出现阻挠和干扰执纪执法机关查处违纪违法问题的扣3分', 10, [
        '出现阻挠和干扰执纪执法机关查处违纪违法问题',
      ]),
    ).toEqual([7]);
    // 未报告扣2分 (10 points): 已按时报告 → nothing deducted, 10.
    expect(scores('未报告扣2分', 10, ['已按时报告', '未报告'])).toEqual([10, 8]);
  });

  it('reads graded labels said by a grade’s first alternative', () => {
    // 建立或成立 1分，开展服务 1分: 已建立，未开展服务 → 1; 已建立，已开展服务 → 2.
    const graded = scores('建立或成立的得1分，开展服务的得1分', 2, [
      '已建立，未开展服务',
      '已建立，已开展服务',
    ]);
    expect(graded).toEqual([1, 2]);
  });

  it('reads a count written before the first words of what it counts', () => {
    // 国控断面未达到III类及以上水质的每个扣5分 (40 points): 2个 → 40 − 10 = 30; 9个 → 0.
    expect(
      scores('III类及以上水质比例达到年度任务书要求得40分；国控断面未达到III类及以上水质的，每个扣5分', 40, [
        '2个国控断面未达到III类',
        '9个国控断面未达到III类',
      ]),
    ).toEqual([30, 0]);
  });

  it('reads a long grade as a Chinese keyboard types it, even where the formula carries few words', () => {
    // 无平台，或平台不能满足培训所需，不得分 → 0; 有平台且能满足培训需求 → 0.5.
    const rule =
      '有用于住培管理的网络信息管理平台，且平台能满足培训需求，并能溯源病例信息的真实性，得 1 分；有平台且能满足培训需求，得 0.5分；无平台，或平台不能满足培训所需，不得分';
    expect(scores(rule, 1, ['无平台，或平台不能满足培训所需', '有平台且能满足培训需求'])).toEqual([0, 0.5]);
  });

  it('reads a grade of any one case by its count (有1项不符合要求: 1 or more is that grade)', () => {
    // 符合要求 → 3; 有1项 / 有2项不符合要求 → 0 (any one case is that grade); 0项 is no grade: by hand.
    expect(
      scores('符合要求，得满分\n有1项不符合要求，不得分', 3, [
        '符合要求',
        '有1项不符合要求',
        '有2项不符合要求',
        '0项不符合要求',
      ]),
    ).toEqual([3, 0, 0, '需人工评分']);
    // 发现有1个对象未公示,不得分: 3个 → 0; 所有对象完全公示 → 1; 1.5个 is no count: not read.
    expect(
      scores('所有对象完全公示得1分,发现有1个对象未 公示,不得分', 1, [
        '发现3个对象未公示',
        '所有对象完全公示',
        '1.5个对象未公示',
      ]),
    ).toEqual([0, 1, UNREAD]);
  });
});

describe('an event named by its last words', () => {
  it('reads 死亡事故 and 事故 as 人员死亡事故 happening, 人员 as neither', () => {
    // 发生人员死亡事故一票否决 (50 points): the accident happened → 0; not → 50; "人员" names no event.
    expect(
      scores('发生人员死亡事故一票否决', 50, ['死亡事故', '事故', '发生人员死亡事故', '未发生', '人员']),
    ).toEqual([0, 0, 0, 50, UNREAD]);
  });
});
