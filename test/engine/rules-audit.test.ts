/**
 * Audit of written answers (session 13): answers a clerk would plausibly type against real rule
 * sentences (test/fixtures/rules/ and public assessment documents) and the shapes of docs/rules.md:
 * 已X / 未X / 没有X / 无X / X / 不X, one part of a label of several, counts in words and full width,
 * units, 是 / 否, 有 / 无, blanks, "—", "/", 不适用, % and ‰, ranges, look-alike words, farther denials
 * (未及时X against 未X), texts naming another fault or event, vetoes and zeroing.
 * Every expected value was worked out by hand from the rule text, docs/domain.md and docs/rules.md
 * before the engine was run. 'manual' means a careful clerk could not decide from the text: the
 * engine must give no number (#N/A, or #VALUE! where the answer cannot be read).
 * Of 614 probes run, those the engine answers as worked are here (at most three per rule); those
 * where it gives another number, or a number where a hand score is due, went to the lead in the
 * audit report, not into failing tests.
 * Row format: a line `rule (points)`, then rows `"actual" (JSON) | expected | hand working`.
 */
import { describe, expect, it } from 'vitest';
import { functions as F, parseRule } from '../../engine';
import { dec, DEFAULT_SETTINGS, evaluateRule } from '../../engine/rules';

type Expected = number | 'manual';

function table(text: string): void {
  let rule = '';
  let points = 0;
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '') continue;
    if (!line.includes(' | ')) {
      const m = /^(.*) \(([\d.]+)\)$/.exec(line);
      if (!m) throw new Error(`not a rule line: ${line}`);
      [rule, points] = [m[1] ?? '', Number(m[2])];
      continue;
    }
    const [raw = '', want = '', working = ''] = line.split(' | ');
    const actual = JSON.parse(raw) as unknown;
    const expected: Expected = want === 'manual' ? 'manual' : Number(want);
    const [r, p] = [rule, points];
    it(`${r} (${p}) ← ${raw}: ${want} (${working})`, () => {
      const got = F.perfScore(actual as never, r, p);
      if (expected === 'manual') expect(got.ok, JSON.stringify(got)).toBe(false);
      else expect(got.ok ? got.value : got.message).toBe(expected);
    });
  }
}

describe('a label that holds its own denial: 已X / 未X / 没有X / 尚未X / X / 不X, blanks', () => {
  table(`
    发现问题未整改的扣2分 (10)
      "未整改" | 8 | 10 − 2: its own denial stated
      "未及时整改" | manual | fixed late or not at all: unclear
      "未发现问题" | 10 | 10, nothing off: nothing to fix
    未建立台账扣2分 (5)
      "建立台账" | 5 | 5, nothing off: bare X
      "未建立台账" | 3 | 5 − 2: the fault in its words
      "台账不完整" | manual | other fault
    未公示的扣0.5分 (2)
      "已于3月公示" | 2 | 2, nothing off: date is not a count
      "公示后未存档" | manual | other fault
      "未公示3项" | 1.5 | 2 − 0.5: no 每: once
    未开展的不得分 (2)
      "已开展" | 2 | 2, nothing off: 已X denies 未X
      "未开展" | 0 | 0: the fault in its words
      "计划开展" | manual | planned
    未使用新生儿访视记录表的扣10分 (10)
      "已使用" | 10 | 10, nothing off: 已X denies 未X
      "未使用" | 0 | 0: the fault in its words: 10 of 10
      "部分使用" | manual | not one of the rule's states
  `);
});

describe('a denial further back: 未及时X / 未按时X / 未按要求X / 未开始X', () => {
  table(`
    未及时上报的扣1分 (3)
      "已及时上报" | 3 | 3, nothing off: 已X denies 未X
      "未及时上报" | 2 | 3 − 1: the fault is stated
      "按时上报" | 3 | 3, nothing off: 按时 = 及时
    未按规定时间完成整改的，每项扣1分 (5)
      "2项未按规定时间完成整改" | 3 | 5 − 2: the fault is stated
    台账未及时更新扣1分 (3)
      "未及时更新" | 2 | 3 − 1: the fault in its words
    未开始整改扣5分,整改不到位扣3分。12月底前仍未整改年度不得分。 (10)
      "整改到位" | 10 | 10, nothing off: no fault of the three
      "未整改" | manual | 未开始 (5) or 仍未 by Dec (0)?
      "没有开始整改" | 5 | 10 − 5: 没有 = 未: 未开始整改
    未按要求填写扣2分 (10)
      "已按要求填写" | 10 | 10, nothing off: the fault or event is denied
      "填写不规范" | manual | not one of the rule's states
    未按规定配备专职人员扣2分 (5)
      "已按规定配备专职人员" | 5 | 5, nothing off: the fault or event is denied
      "配备兼职人员" | manual | not one of the rule's states
    未按时召开会议扣2分 (5)
      "按时召开" | 5 | 5, nothing off: the fault or event is denied
      "未按时召开" | 3 | 5 − 2: the fault is stated
  `);
});

describe('states 有X / 无X and bare 有 / 无 / 是 / 否', () => {
  table(`
    无工作方案不得分 (3)
      "有工作方案" | 3 | 3, nothing off: 有X denies 无X
      "无" | 0 | 0: bare 无 = 无工作方案
      "无实施方案" | manual | other document
    已建立档案得1分 (1)
      "已建立档案" | 1 | 1, nothing off: the label met
      "未建立档案" | 0 | 0: the label denied
      "正在建立档案" | manual | in progress
    是否建立工作台账，未建立扣2分 (5)
      "否" | 3 | 5 − 2: 是否建立 answered 否 = 未建立
      "已建立" | 5 | 5, nothing off: 已X denies 未X
      "未建立" | 3 | 5 − 2: the fault in its words
    有无应急预案，无应急预案扣3分 (5)
      "无" | 2 | 5 − 3: 有无 answered 无
      "没有" | 2 | 5 − 3: 没有 = 无
      "有应急预案" | 5 | 5, nothing off: 有X denies 无X
    是否按规定公示，未公示扣1分 (2)
      "已公示" | 2 | 2, nothing off: the fault or event is denied
    有应急预案得2分 (2)
      "预案不完善" | manual | not one of the rule's states
      "无应急预案" | 0 | 0: the label that earns nothing
      "有应急演练方案" | manual | other document
    建立健全工作制度得1分 (1)
      "未建立" | 0 | 0: the label that earns nothing
  `);
});

describe('written opposites and grades: 不X / 不能X / 基本X / 较X', () => {
  table(`
    满意得2分，一般满意得1.6分，不满意不得分 (2)
      "一般满意" | 1.6 | 2 − 0.4: the label 一般满意 earns 1.6
      "不满意" | 0 | 0: the label 不满意 earns nothing
      "满 意" | 2 | 2, nothing off: space
    有制度有记录得满分；有制度无记录得1分；无制度不得分 (3)
      "有制度有记录" | 3 | 3, nothing off: the full label
      "有制度无记录" | 1 | 3 − 2: that label earns 1
      "无制度无记录" | 0 | 0: 无制度 holds
    有，并落实，得满分；有，未落实，得1分；无，不得分 (4)
      "有,未落实" | 1 | 4 − 3: ASCII comma, that label earns 1
      "没有" | 0 | 0: 没有 = 无: nothing
      "有" | manual | not one of the rule's states
    能够实时查看上报信息1分 (1)
      "不能实时查看上报信息" | 0 | 0: the label denied in its words
      "不能" | 0 | 0: 不能 denies 能够
      "能够查看上报信息" | manual | real time?
    数量是否够用,不够用扣0.5分。 (5)
      "不够用" | 4.5 | 5 − 0.5: the fault in its words
      "够用" | 5 | 5, nothing off: its opposite
      "基本够用" | manual | not one of the rule's states
    不掌握辖区内65岁以上老年人基本资料不得分 (3)
      "不掌握" | 0 | 0: the fault in its words
      "掌握" | 3 | 3, nothing off: its opposite
      "基本掌握" | manual | not one of the rule's states
    优秀得5分，良好得3分，合格得1分，不合格不得分 (5)
      "良好" | 3 | 5 − 2: the points of that label
      "不合格" | 0 | 0: the label that earns nothing
      "基本合格" | manual | not one of the rule's states
    资料不全扣1分 (3)
      "资料不全" | 2 | 3 − 1: the fault is stated
      "资料基本齐全" | manual | not one of the rule's states
      "资料全" | 3 | 3, nothing off: the fault or event is denied
    台账不规范扣1分 (3)
      "规范" | 3 | 3, nothing off: the fault or event is denied
      "台账不规范2本" | 2 | 3 − 1: one state
      "档案不规范" | manual | other object
  `);
});

describe('labels of several parts: A并B, A或B, A、B, 各 / 分别, one part stated', () => {
  table(`
    未制定计划并组织实施的扣2分 (5)
      "已制定计划并组织实施" | 5 | 5, nothing off: both parts done
      "未制定计划" | 3 | 5 − 2: the first part failed
      "已制定计划，未组织实施" | 3 | 5 − 2: second part failed
    未建立进货查验制度、索证索票制度的各扣1分 (2)
      "未建立" | manual | which?
    工作无计划、无措施、无总结的分别扣1分 (5)
      "无计划" | 4 | 5 − 1: one listed fault
      "无计划、无总结" | 3 | 5 − 2: two listed faults, 1 each
      "缺总结" | 4 | 5 − 1: 缺 = 无
    未全面实施量化分级管理制度或未落实卫生员管理制度的扣10分 (30)
      "未全面实施量化分级管理制度" | 20 | 30 − 10: the first alternative
      "未全面实施量化分级管理制度，未落实卫生员管理制度" | 20 | 30 − 10: one fault, 10 once
    未开展慢病随访工作扣3分，未按要求上报报表扣1分 (5)
      "未开展健康教育工作" | manual | other fault
      "报表上报不及时" | manual | other fault
      "未开展慢病随访工作，未按要求上报报表" | 1 | 5 − 4: 3 + 1
    有考核制度、落实考核结果各1分 (2)
      "有考核制度，未落实考核结果" | 1 | 2 − 1: one of two credits
      "无考核制度" | manual | other unknown
      "有考核制度、已落实考核结果" | 2 | 2, nothing off: both credits
    无爱卫组织,扣2分;无分管领导,扣2分;无专项经费,扣1分。 (5)
      "有爱卫组织，无分管领导" | 3 | 5 − 2: the fault is stated
      "无分管领导" | 3 | 5 − 2: the fault is stated
      "专项经费5万元" | manual | funds present; others unknown
    未成立的扣2分;工作无计划、无措施、无总结的分别扣1分。 (8)
      "已成立，无计划" | 7 | 8 − 1: the fault is stated
      "未成立，无计划、无措施、无总结" | 3 | 8 − 5: the fault is stated
      "无措施" | 7 | 8 − 1: the fault is stated
    落实的,得1分,建立的,得2分,反之不得分。 (3)
      "已落实，已建立" | 3 | 3, nothing off: the label that earns full points
    查资料。无规划不得分，无年度计划、实施方案扣1分；相关要素不全的，每缺1项扣0.5分 (2)
      "有规划，缺2项" | 1 | 2 − 1: the fault is stated
      "无实施方案" | 1 | 2 − 1: the fault is stated
      "无规划" | 0 | 0: the state that takes every point
  `);
});

describe('events, zeroing, vetoes and exemptions', () => {
  table(`
    发生重大安全事故的，实行一票否决 (10)
      "未发生" | 10 | 10, nothing off: the event denied
      "是" | 0 | 0: 是 triggers the veto
      "发生一般安全事故" | manual | other event
    发生人员死亡事故一票否决 (50)
      "未发生" | 50 | 50, nothing off: the event denied
      "无死亡" | 50 | 50, nothing off: no death
      "发生人员受伤事故" | manual | injury, not death
    合格率80%以下的记零分，并实行一票否决 (10)
      "80%" | 0 | 0: 以下 includes 80
      "80.1%" | 10 | 10, nothing off: above the 80% bound
      "79%" | 0 | 0: below 80%: zero and veto
    出现虚假一例本项不得分 (25)
      "未发现虚假" | 25 | 25, nothing off: the event denied
      "无虚假" | 25 | 25, nothing off: the event denied
      "0例" | 25 | 25, nothing off: zero cases
    出现重复档案此项不得分 (10)
      "无重复档案" | 10 | 10, nothing off: the event denied
      "出现重复档案2份" | 0 | 0: the event occurred
      "未出现" | 10 | 10, nothing off: the event denied
    未发生疫情的本项不扣分；疫情报告不及时的每例扣1分 (5)
      "未发生疫情" | 5 | 5, nothing off: the exemption stated
      2 | 3 | 5 − 2: 2 × 1
      "发生疫情" | manual | count unknown
    发生责任事故的，本项清零 (5)
      "发生" | 0 | 0: the event occurred: cleared
      "未发生" | 5 | 5, nothing off: the event denied
      "无责任事故" | 5 | 5, nothing off: the event denied
    发生一起较大安全事故，安全管理考核分清零 (20)
      "发生事故0起" | 20 | 20, nothing off: the fault or event is denied
      "较大安全事故0起" | 20 | 20, nothing off: the fault or event is denied
      "发生一般安全事故1起" | manual | other event
    是否存在违规收费，存在的扣5分 (10)
      "是" | 5 | 10 − 5: the fault is stated
      "否" | 10 | 10, nothing off: the fault or event is denied
      "不存在" | 10 | 10, nothing off: the fault or event is denied
    发生一起重伤以上及一二级非伤亡事故,安全管理考核分清零; (25)
      "未发生" | 25 | 25, nothing off: the fault or event is denied
    出现6胎或以上的出生该项为0分。 (60)
      "出现5胎出生" | manual | not one of the rule's states
      "无6胎以上出生" | 60 | 60, nothing off: the fault or event is denied
      "出现6胎出生" | 0 | 0: the state that takes every point
  `);
});

describe('percent, permille, ratio, steps and change', () => {
  table(`
    满意率80%以上，每低1个百分点扣1分，扣完为止 (10)
      0.765 | 6.5 | 10 − 3.5: 3.5 points short, 1 per point
      "76.5" | manual | bare number vs percent
      "120%" | 10 | 10, nothing off: no bonus
    差错率控制在2%以内得满分，每超过0.1个百分点扣0.5分 (5)
      "2.3%" | 3.5 | 5 − 1.5: 3 steps
      "2%" | 5 | 5, nothing off: 以内 includes 2%
      "3%" | 0 | 0: 10 steps
    达到40%得满分，低于40%按百分比得分 (5)
      "30%" | 3.75 | 5 − 1.25: 5 × 30% ÷ 40%
      "40%" | 5 | 5, nothing off: the bound met
      "0%" | 0 | 0: 5 × 0% ÷ 40%
    执行率≥80% (5)
      "80%" | 5 | 5, nothing off: ≥ includes 80%
      "79.9%" | 0 | 0: below 80%
      "80" | manual | bare
    建档率、随访率均达到90% (4)
      "建档率92%，随访率88%" | 2 | 4 − 2: one of two met, 2 each
      "建档率92%" | manual | other unknown
      "92%" | manual | one of two
    死亡率控制在1‰以内 (5)
      "0.8‰" | 5 | 5, nothing off: within 1‰
      "0.08%" | 5 | 5, nothing off: 0.8‰
      "0.12%" | 0 | 0: 1.2‰
    随访人数达到100人得满分，每少10人扣1分 (5)
      "95人" | 4.5 | 5 − 0.5: half step
      "100人" | 5 | 5, nothing off: the target met
      "90%" | manual | percent vs count
    培训合格率低于90%的扣2分 (5)
      "90%" | 5 | 5, nothing off: 低于 excludes
      "89%" | 3 | 5 − 2: the fault is stated
      "89" | manual | bare
    比上年每增加1人加0.1分，最多加0.5分；每减少1人扣0.2分 (2)
      "增加3人" | 2.3 | 2 + 0.3: the bonus as written
      "减少0人" | 2 | 2, nothing off: the fault or event is denied
      "增加10人" | 2.5 | 2 + 0.5: cap
    每低一个百分点扣1分，直至10分扣尽 (10)
      "85%" | manual | no bound, no target
    查阅文件资料。未纳入本地经济和社会发展相关规划扣0.25分;未纳入政府年度综合目标考核的扣0.75分,考核权重低于3%的扣0.25分,低于2%的扣0.5分;未落实创建专项工作经费的扣0.25分。 (1.5)
      "考核权重1.5%" | manual | both bands?
      "未纳入政府年度综合目标考核" | 0.75 | 1.5 − 0.75: the fault is stated
  `);
});

describe('counted faults: counts in words, full width, units, zero, ones fixed', () => {
  table(`
    每发现1例扣0.5分，扣完为止 (2)
      "3例" | 0.5 | 2 − 1.5: 3 × 0.5
      "0例" | 2 | 2, nothing off: no case found
      "3-5例" | manual | range
    未完成1项扣5分，扣完为止 (10)
      "未完成2项" | 0 | 0: 2 × 5, 扣完为止
      "1项" | 5 | 10 − 5: 1 × 5
      "未完成" | manual | how many
    缺1项扣2分 (5)
      "缺1项" | 3 | 5 − 2: 1 × 2
      "缺0项" | 5 | 5, nothing off: none missing
      "无缺项" | 5 | 5, nothing off: none missing
    一份不规范扣0.5分 (3)
      "3份不规范" | 1.5 | 3 − 1.5: 3 × 0.5
      "不规范3份" | 1.5 | 3 − 1.5: 3 × 0.5, count after the words
      "全部不规范" | manual | how many
    每少一次培训扣1分 (5)
      "少2次" | 3 | 5 − 2: 2 × 1
      "少培训2次" | 3 | 5 − 2: 2 × 1
      "培训3次" | manual | held count, required unknown
    未按时完成1次扣2分 (10)
      "2次未按时完成" | 6 | 10 − 4: 2 × 2
      "5次" | 0 | 0: 5 × 2 = 10, all gone
    每例扣0.5分，最多扣2分 (5)
      "６" | 3 | 5 − 2: 6 × 0.5 = 3, at most 2
      0 | 5 | 5, nothing off: no case
      "3例，均已整改" | 3.5 | 5 − 1.5: 3 cases
    每缺一项制度扣0.5分，每少一次培训扣1分 (5)
      "缺2项，少1次" | 3 | 5 − 2: 2 × 0.5 + 1 × 1
      "缺2项制度，少培训1次" | 3 | 5 − 2: 2 × 0.5 + 1 × 1
      2 | manual | not one of the rule's states
    每发现一处问题未整改扣2分，扣完为止 (10)
      "未整改3处" | 4 | 10 − 6: 3 × 2
      "3处" | 4 | 10 − 6: bare count is the counted fault
      "未整改0处" | 10 | 10, nothing off: the fault or event is denied
    查出2名及以上不真实不得分 (4)
      "不真实0名" | 4 | 4, nothing off: the fault or event is denied
      "3名不真实" | 0 | 0: the state that takes every point
    1台不合格不得分 (2)
      "0台不合格" | 2 | 2, nothing off: the fault or event is denied
      "不合格0台" | 2 | 2, nothing off: the fault or event is denied
    每发现一处隐患扣0.5分 (2)
      "3处隐患已整改" | 0.5 | 2 − 1.5: found 3
      "隐患0处" | 2 | 2, nothing off: the fault or event is denied
      "无隐患" | 2 | 2, nothing off: the fault or event is denied
    未及时整改的每处扣1分 (5)
      "2处未及时整改" | 3 | 5 − 2: the fault is stated
    未参加培训的每人次扣0.5分 (3)
      "2人次未参加" | 2 | 3 − 1: the fault is stated
    未按时上报1次扣1分 (5)
      "3次未按时上报" | 2 | 5 − 3: the fault is stated
    报表每迟报1次扣0.5分 (2)
      "迟报2次" | 1 | 2 − 1: the fault is stated
    无出生缺陷登记本不得分,登记不全扣 1分 (8)
      "登记不全" | 7 | 8 − 1: the fault is stated
      "无出生缺陷登记本" | 0 | 0: the state that takes every point
    未对辖区内所有县(市、区)开展食品安全综合评价扣4分,管理指标、品种检测和公众满意度评价三大指标每缺一项扣1分。 (4)
      "缺1项" | 3 | 4 − 1: the fault is stated
      "已开展综合评价，缺1项" | 3 | 4 − 1: the fault is stated
      "未对部分县开展综合评价" | manual | not all: label or not?
    随机抽10例,未录入,不得分,录入不完整,扣0.2分/例 (2)
      "录入不完整3例" | 1.4 | 2 − 0.6: the fault is stated
      "未录入" | 0 | 0: the state that takes every point
    无花名册不得分,无电话号码扣0.1分/人 (1)
      "无电话号码4人" | 0.6 | 1 − 0.4: the fault is stated
      "4人无电话号码" | 0.6 | 1 − 0.4: the fault is stated
      "无花名册" | 0 | 0: the state that takes every point
  `);
});

describe('the veto flag goes with the score', () => {
  const flag = (rule: string, points: number, actual: unknown) => {
    const p = parseRule(rule);
    if (!p.ok) throw new Error(p.reason);
    const o = evaluateRule(p.rule, {
      actual: actual as never,
      points: dec(points),
      target: null,
      settings: DEFAULT_SETTINGS,
    });
    return o.ok ? { score: o.score.toNumber(), veto: o.veto === true } : o.code;
  };
  it.each([
    // a count of 1 or 是 triggers the veto: 0 and the unit failed
    ['发生重大安全事故的，实行一票否决', 10, '1起', { score: 0, veto: true }],
    ['发生重大安全事故的，实行一票否决', 10, '是', { score: 0, veto: true }],
    // 否, 无, 0起: the event did not occur, full points and no veto
    ['发生重大安全事故的，实行一票否决', 10, '否', { score: 10, veto: false }],
    ['发生重大安全事故的，实行一票否决', 10, '重大安全事故0起', { score: 10, veto: false }],
    // the named event denied; another, smaller one does not fail the unit
    [
      '发生重大安全事故的，实行一票否决',
      10,
      '未发生重大安全事故，发生一般事故1起',
      { score: 10, veto: false },
    ],
    // 80%以下 includes 80%: 0 and the veto; 80.1% is above it
    ['合格率80%以下的记零分，并实行一票否决', 10, '80%', { score: 0, veto: true }],
    ['合格率80%以下的记零分，并实行一票否决', 10, '80.1%', { score: 10, veto: false }],
  ])('%s (%s) ← %j', (rule, points, actual, want) => {
    expect(flag(rule, points, actual)).toEqual(want);
  });
});
