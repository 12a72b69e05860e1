/**
 * Count wordings (docs/domain.md "Rules as real documents write them": count deductions, several
 * kinds, bonuses): made-up sentences of the families real documents write, values by hand.
 */
import { describe, expect, it } from 'vitest';
import { functions as F, parseRule, renderRule } from '../../engine';
import { dec, DEFAULT_SETTINGS, evaluateRule, round } from '../../engine/rules';

const score = (actual: unknown, rule: string, points: number | null): number | string => {
  if (points !== null) {
    const r = F.perfScore(actual as never, rule, points as never);
    return r.ok ? r.value : `${r.error} ${r.message}`;
  }
  // A bonus item without points of its own (the table's 加分项): what the rule gives.
  const p = parseRule(rule);
  if (!p.ok) return `refused ${p.reason}`;
  const out = evaluateRule(p.rule, {
    actual: actual as string,
    points: dec(0),
    settings: DEFAULT_SETTINGS,
    unbounded: true,
  });
  return out.ok ? round(out.score, 2).toNumber() : `${out.code} ${out.message}`;
};

describe('counts written with what they count', () => {
  it('a count with its noun after the measure word: "3份不规范"', () => {
    // 4 × 0.5 = 2 off 3 → 1; 8 × 0.5 = 4 > 3 → 0.
    expect(score('4份不规范', '台账与系统数据需一致，一份不规范扣0.5分', 3)).toBe(1);
    expect(score('8份不规范', '台账与系统数据需一致，一份不规范扣0.5分', 3)).toBe(0);
  });

  it('several counters told apart by name, a 、 inside a name', () => {
    expect(score('缺席1次，迟到2次', '缺席一次扣2分,迟到一次扣1分', 6)).toBe(2); // 6 − 2 − 2
    expect(
      score(
        '出现错别字、格式等问题2项，严重错误1项',
        '出现错别字、格式等问题的每项扣1分;出现严重错误的,每项扣2分',
        10,
      ),
    ).toBe(6); // 10 − 2 − 2
  });

  it('a name the clerk shortened still names its counter, when only one fits', () => {
    // 缺1项 × 1 + 未及时修订2项 × 0.5 = 2 off 3.
    const rule = '制度不全，每缺1项扣1分；制度内容不符合要求或未能及时修订1项扣0.5分';
    expect(score('缺1项，未及时修订2项', rule, 3)).toBe(1);
  });

  it('a text the rule states is not a count: 未建立档案 scores by its own clause', () => {
    const rule = '未建立档案不得分；档案缺项，每缺1项扣1分';
    expect(score('未建立档案', rule, 3)).toBe(0);
    expect(score('缺2项', rule, 3)).toBe(1);
  });

  it('a rate and a count in one actual, each to its clause', () => {
    // 差错率 3% is 1 point above 2%: −1; 1 complaint: −2; 10 − 3 = 7.
    const rule = '差错率2%以下，每上升1个百分点扣1分；每发现1例投诉扣2分';
    expect(score('差错率3%，投诉1例', rule, 10)).toBe(7);
    expect(score('差错率1%，投诉0例', rule, 10)).toBe(10);
  });

  it('an amount per case written after the amount: 扣0.5分/份', () => {
    expect(score('未签字2份，未建档1人', '未签字扣0.5分/份,未建档扣1分/人', 4)).toBe(2); // 4 − 1 − 1
    expect(score('越级访1批次', '越级访扣3分/批次', 5)).toBe(2);
  });

  it('a long description of the counted event, and 每 inside the clause', () => {
    expect(score('2起', '每发生一起较大以上火灾等安全生产责任事故扣10分', 30)).toBe(10);
    const rule = '①资料提前或超期上传每条扣2分;②要素未规范录入每条扣1分';
    expect(score('资料提前或超期上传1条，要素未规范录入3条', rule, 10)).toBe(5); // 10 − 2 − 3
  });
});

describe('counts that void the item, credits from zero, lists of kinds', () => {
  it('N及以上 cases void the item; one case is at least one', () => {
    const rule = '抽查20户,3分,2户及以上未入户不得分';
    expect(score('1户未入户', rule, 3)).toBe(3);
    expect(score('2户未入户', rule, 3)).toBe(0);
    expect(score('0台不合格', '1台不合格不得分', 2)).toBe(2);
    expect(score('1台不合格', '1台不合格不得分', 2)).toBe(0);
  });

  it('a bare number beside two counters is not guessed', () => {
    expect(score('2', '发现1处隐患扣0.5分，1台设备不合格不得分', 2)).toMatch(/^#N\/A/);
    expect(score('隐患2处，设备不合格0台', '发现1处隐患扣0.5分，1台设备不合格不得分', 2)).toBe(1);
  });

  it('credits counted from zero, at most the points or the written cap', () => {
    expect(score('完成3项', '1项1分，完成即得分', 4)).toBe(3);
    expect(score('完成5项', '1项1分，完成即得分', 4)).toBe(4); // 5 > 4 points
    expect(score('具备3项', '制度、台账、人员、场地每项各2.5分', 10)).toBe(7.5);
    expect(score('3个科室', '每个科室得0.5分，最多得1分', 2)).toBe(1);
    expect(score('2个', '新建示范点的，5分/个', null)).toBe(10); // no points: no cap
  });

  it('a clause that sets the score stops the credits', () => {
    const rule = '每个科室得0.5分，最多得1分；全科未设置不得分';
    expect(score('全科未设置', rule, 2)).toBe(0);
  });

  it('kinds listed with 、 and their amounts with 分别, capped together', () => {
    const rule = '在国家、省级期刊发表1篇分别加2分和1分,最多不超过5分';
    expect(score('国家级1篇，省级2篇', rule, null)).toBe(4);
    expect(score('国家级3篇，省级1篇', rule, null)).toBe(5); // 7, at most 5
  });

  it('可倒扣 / 扣分不封顶: a score that would pass 0 is a hand score, never a number below 0', () => {
    expect(score('缺2项', '每缺1项扣2分,可倒扣', 5)).toBe(1);
    expect(score('缺3项', '每缺1项扣2分,可倒扣', 5)).toMatch(/^#N\/A.*可倒扣/);
    expect(score('1起', '每发生一起责任事故扣15分,扣分不封顶', 20)).toBe(5);
    expect(score('2起', '每发生一起责任事故扣15分,扣分不封顶', 20)).toMatch(/^#N\/A/);
  });

  it('words that describe the count are not rules: 按…扣分, 无一例X, 5分(…)', () => {
    expect(score('未整改3项', '按照未整改问题扣分,每项扣2分', 10)).toBe(4);
    expect(score(1, '无一例责任事故(10分),每出现一例扣5分', 10)).toBe(5);
    expect(score('迟到1次，缺席1次', '5分(迟到一次扣1分,缺席一次扣2分)', 5)).toBe(2);
  });

  it('credits say themselves back as credits, and read the same again', () => {
    for (const rule of ['每个科室得0.5分，最多得1分', '1项1分', '每缺1项扣2分,可倒扣', '1台不合格不得分']) {
      const p = parseRule(rule);
      expect(p.ok).toBe(true);
      if (!p.ok) continue;
      const again = parseRule(renderRule(p.rule));
      expect(again.ok && again.rule).toEqual(p.rule);
    }
    const p = parseRule('每个科室得0.5分，最多得1分');
    expect(p.ok && renderRule(p.rule)).toBe('科室的，每1个得0.5分，最多得1分');
  });
});

describe('the goal and the duty around counted deductions', () => {
  it('a 100% goal followed by the errors counted: the errors are what falls short', () => {
    const rule = '报表准确率100%(6分),错报、漏报每例扣2分,迟报每例扣1分,扣完为止';
    expect(score('漏报1例，迟报2例', rule, 6)).toBe(2); // 6 − 2 − 2
  });

  it('a duty worth the points, then what is taken off', () => {
    const rule = '每月按时参加例会记10分,每缺席一次扣2分';
    expect(score('缺席2次', rule, 10)).toBe(6);
    expect(score(0, rule, 10)).toBe(10);
  });

  it('a shortfall named by its verb beside another count; Roman class names inside a count', () => {
    expect(score('少1期，烟头3处', '宣传栏每季度更新1期,少1期扣1分;发现烟头每处扣0.5分', 5)).toBe(2.5);
    expect(score('2个断面未达到III类', '每1个断面未达到III类水质扣5分', 20)).toBe(10);
  });
});

describe('two kinds with one amount each (分别加2分、1分)', () => {
  it('levels without a counted unit: 市、县现场会…分别加3分、1分', () => {
    const rule = '市、县培训班在本地举办分别加3分、1分';
    expect(score('市级培训班1次', rule, null)).toBe(3);
    expect(score('县级培训班2次', rule, null)).toBe(2); // 2 × 1
    expect(score('市级培训班1次，县级培训班1次', rule, null)).toBe(4);
    // One number behind two kinds cannot be told apart.
    expect(score(1, rule, null)).toMatch(/^MANUAL 有2种计数/);
  });

  it('two kinds joined by 和 share their head: 优秀集体和个人 = 优秀集体, 优秀个人', () => {
    const rule = '获省级以上优秀集体和个人分别加4分、2分';
    expect(score('优秀集体1个', rule, null)).toBe(4);
    expect(score('优秀个人1人', rule, null)).toBe(2);
    expect(score('优秀集体1个，优秀个人2人', rule, null)).toBe(8);
  });
});

describe('bands of a count of failures', () => {
  const rule =
    '各科室病历书写符合要求，得 2 分；1 个科室不符合要求，得 1 分；2 个及以上科室不符合要求，不得分';

  it('an exact count beside "N个及以上…不得分" is a band of that count', () => {
    expect(score('1个科室不符合要求', rule, 2)).toBe(1);
    expect(score('2个科室不符合要求', rule, 2)).toBe(0);
    expect(score('5个科室不符合要求', rule, 2)).toBe(0);
  });

  it('no failures, said in words or as 0, is the state that earns the points', () => {
    expect(score('各科室病历书写符合要求', rule, 2)).toBe(2);
    expect(score('0个科室不符合要求', rule, 2)).toBe(2);
  });

  it('a bare number does not say what it counts', () => {
    expect(score(1, rule, 2)).toBe('#N/A 实际值「1」无法判断是否「各科室病历书写符合要求」，需人工评分');
  });

  it('"1个…得N分" alone is not a band: nothing says what 2 would score', () => {
    expect(score('2个示范点', '建成1个示范点，得2分', 4)).not.toBe(2);
  });
});

describe('per-incident tiers (重伤1人扣15分/次；重伤2人及以上扣30分/次)', () => {
  // The deduction of each incident depends on how many people it hurt: "重伤1人" is one incident
  // (60−15=45), "重伤3人" may be one incident (60−30=30) or three. No program form holds that.
  const rule =
    '发生伤残事故:重伤1人扣15分/次;重伤2人及以上扣30分/次;轻伤1人扣10分/次;轻伤2人及以上扣20分/次。';

  it('is refused with the reason, never read as counters or as a bound', () => {
    for (const actual of ['重伤1人', '重伤2人，轻伤2人', '0'])
      expect(score(actual, rule, 60)).toBe(
        '#VALUE! 无法识别的规则：“重伤1人…/次”按每次事件的人数分档扣分，每次事件的扣分需逐次核定，请人工评分',
      );
  });

  it('a plain per-person deduction is still read: 3 people × 15 = 45 off 60', () => {
    expect(score('3', '发生伤残事故每1人扣15分', 60)).toBe(15);
  });
});

describe('a standard per period, and the periods that miss it counted', () => {
  // Made-up, of the family of 信息公开 rules: "每月不低于40条" is the standard; the deductions
  // count the months that fall short of it, so it is no gate over the whole item.
  const rule =
    '1、每月不低于30条。2、数量低于规定标准,出现一个月扣4分,扣完为止。3、出现“空白月”的,每个月扣8分。';

  it('counts months short and blank months by name', () => {
    expect(score('数量低于规定标准2个月', rule, 30)).toBe(22); // 30 − 2×4
    expect(score('空白月1个月', rule, 30)).toBe(22); // 30 − 8
    expect(score('低于规定标准1个月，空白月2个月', rule, 30)).toBe(10); // 30 − 4 − 16
    expect(score('空白月5个月', rule, 30)).toBe(0); // 40 off 30
  });

  it('a bare number of months is not guessed, and a monthly figure is no shortfall count', () => {
    expect(score('3个月', rule, 30)).toMatch(/^#N\/A .*哪一种计数/);
    // One month's figure says nothing of how many months fell short.
    expect(score('每月35条', rule, 30)).toMatch(/^#N\/A /);
  });

  it('says back the months counted, with no gate, and reads back as itself', () => {
    const p = parseRule(rule);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const said = renderRule(p.rule);
    expect(said).not.toContain('否则不得分');
    expect(said).toContain('每1个月扣4分');
    const back = parseRule(said);
    expect(back.ok && back.rule).toEqual(p.rule);
  });

  it('a frequency inside a metric said back first in its clause is no number of the rule', () => {
    const p = parseRule('全年开展两次入户随访达90%以上记6分,每下降1个百分点扣0.2分');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const said = renderRule(p.rule);
    expect(said).toMatch(/^开展2次入户随访≥90%/);
    const back = parseRule(said);
    expect(back.ok && back.rule).toEqual(p.rule);
    expect(score('80%', said, 6)).toBe(4); // 10 points short × 0.2 = 2; 6 − 2
  });
});

describe('a measured count beside a counted bonus', () => {
  // Made-up, of the family of 食品安全 rules: the leaders' attendance is measured against a bound;
  // the bonus counts another event.
  const rule =
    '(6分)注:该项设有加分项(最多加4分)全年分管领导参加不少于三次,每少一次扣2分。加分项:主要领导参加一次加2分';

  it('reads the bound after a verb ending in 加 (参加不少于3次), and the name without the bracket', () => {
    const p = parseRule(rule);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(renderRule(p.rule)).toBe(
      '分管领导参加≥3次得满分，每少1次扣2分；主要领导参加的，每1次加2分；加分合计最高加4分；满分6分',
    );
  });

  it('a value of the measured metric counts no bonus events', () => {
    expect(score('分管领导参加1次', rule, 6)).toBe(2); // 2 short × 2 = 4 off 6; no bonus stated
    expect(score('分管领导参加3次', rule, 6)).toBe(6);
    expect(score('分管领导参加3次，主要领导参加1次', rule, 6)).toBe(8); // 6 + 2
    expect(score('分管领导参加3次，主要领导参加3次', rule, 6)).toBe(10); // 6 + 6, at most 4 more
  });
});
