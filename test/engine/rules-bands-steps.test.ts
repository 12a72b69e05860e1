/**
 * Wordings of bands, steps and ratios found in real documents (test/fixtures/rules/), each
 * scored by hand from the sentence and docs/domain.md's conventions.
 */
import { describe, expect, it } from 'vitest';
import { functions as F } from '../../engine';
import { DEFAULT_SETTINGS, dec, evaluateRule } from '../../engine/rules';
import { readItemRule } from '../../engine/rules/item-rule';

const score = (
  actual: unknown,
  rule: string,
  points: number,
  target: number | null = null,
): number | string => {
  const r = F.perfScore(actual as never, rule, points, target);
  return r.ok ? r.value : `${r.error} ${r.message}`;
};

describe('否则 after bands', () => {
  it('"5000元以上的记2分，否则不计分": below the band scores 0, not a hand score', () => {
    const rule = '每年信访工作经费5000元以上的记2分,否则不计分。';
    expect(score('4800元', rule, 2)).toBe(0);
    expect(score('5000元', rule, 2)).toBe(2);
  });
  it('"≥90%得满分，≥80%得3分，否则不得分": below the loosest band scores 0', () => {
    const rule = '完成率≥90%得满分，≥80%得3分，否则不得分';
    expect(score('95%', rule, 5)).toBe(5);
    expect(score('85%', rule, 5)).toBe(3);
    expect(score('79%', rule, 5)).toBe(0);
  });
});

describe('steps below a band that is not 得满分', () => {
  it('"≥98%得2分，每降低1个百分点扣0.5分": counts down from the band', () => {
    const rule = '低保对象准确率高于或等于98%得2 分,每降低1个百分点扣0.5分,扣完为止';
    expect(score('96%', rule, 2)).toBe(1); // 2 − 2×0.5
    expect(score('97.5%', rule, 2)).toBe(1.75); // 2 − 0.5×0.5
    expect(score('99%', rule, 2)).toBe(2);
    expect(score('90%', rule, 2)).toBe(0);
  });
  it('a band below the points counts down from the band, not from the points', () => {
    // ≥98% earns 2 of 5; at 96%: 2 − 1 = 1.
    expect(score('96%', '准确率≥98%得2分,每降低1个百分点扣0.5分', 5)).toBe(1);
  });
  it('"控制在5%以内记6分，超过0.1个百分点扣1分": a step without 每 counts the excess', () => {
    const rule = '人口出生统计误差控制在5%以内记6分,超过0.1个百分点扣1分。';
    expect(score('5.3%', rule, 6)).toBe(3);
    expect(score('6%', rule, 6)).toBe(0);
    expect(score('4%', rule, 6)).toBe(6);
  });
});

describe('one metric named twice', () => {
  it('"欠税压缩率…，压缩率每下降…": the short name is the same metric', () => {
    const rule = '欠税压缩率达5%以上满分，压缩率每下降一个百分点扣4分，压缩率0%及以下为零分。';
    expect(score('3%', rule, 20)).toBe(12); // 20 − 2×4
    expect(score('0%', rule, 20)).toBe(0);
    expect(score('6%', rule, 20)).toBe(20);
  });
});

describe('bands written without 得', () => {
  it('"高于80%，20分；在50%-80%的，10分": points alone after the condition', () => {
    const rule = '稿件经同行评议录用比例高于80%，20分；录用比例在50%-80%的，10分；录用比例在30%-50%的，5分。';
    expect(score('85%', rule, 20)).toBe(20);
    expect(score('60%', rule, 20)).toBe(10);
    expect(score('40%', rule, 20)).toBe(5);
    // 50% lies in both written ranges with different points: a hand score, not a guess.
    expect(score('50%', rule, 20)).toMatch(/边界矛盾/);
  });
  it('pages and an aside in brackets: "期刊年收入（版面费除外，下同）超过30万元的，10分"', () => {
    const pages =
      '期刊年度出版总页数超过1000页的，10分；年度出版总页数500-1000页的，5分；年度出版总页数300-500页的，3分。';
    expect(score(1200, pages, 10)).toBe(10);
    expect(score(1000, pages, 10)).toBe(5);
    expect(score(400, pages, 10)).toBe(3);
    const income =
      '期刊年收入（版面费除外，下同）超过30万元的，10分；期刊年收入在10-30万元的，5分；期刊年收入在5-10万元的，3分。';
    expect(score('40万元', income, 10)).toBe(10);
    expect(score('6万元', income, 10)).toBe(3);
  });
});

describe('numbers that belong to the metric name', () => {
  it('"两年一次体检率": not a condition', () => {
    expect(score('85%', '65岁以上老年人两年一次体检率每下降5个百分点扣1分', 3, 0.9)).toBe(2);
  });
  it('"全年开展两次免费生殖健康服务达80%以上": the frequency is part of what is measured', () => {
    const rule = '全年开展两次免费生殖健康服务达80%以上,建立服务档案记5分,每下降1个百分点扣0.1分;';
    expect(score('70%', rule, 5)).toBe(4);
    expect(score('85%', rule, 5)).toBe(5);
    expect(score('25%', rule, 5)).toBe(0);
  });
});

describe('bounds that name the target', () => {
  it('"达到镇考核指标得满分，低于镇考核指标的不得分": the target cell is the bound', () => {
    const rule = '达到镇考核指标得满分,低于镇考核指标的不得分。';
    expect(score('97%', rule, 15, 0.96)).toBe(15);
    expect(score('96%', rule, 15, 0.96)).toBe(15);
    expect(score('95.5%', rule, 15, 0.96)).toBe(0);
    expect(score('97%', rule, 15)).toMatch(/请提供目标值/);
    // A percent target and a bare 97: ambiguous, never compared with 0.96.
    expect(score(97, rule, 15, 0.96)).toMatch(/不明确/);
  });
  it('"小于或等于控制数，该项得标准分；大于控制数，该项不得分"', () => {
    const rule = '实际发生数小于或等于控制数,该项得标准分;大于控制数,该项不得分。';
    expect(score(4, rule, 50, 4)).toBe(50);
    expect(score(5, rule, 50, 4)).toBe(0);
  });
  it('"通过率≥全国平均通过率，得2分；低于…，每降低1个百分点扣0.5分"', () => {
    const rule =
      '本基地通过率≥全国平均通过率，得 2 分；低于全国平均通过率，每降低 1 个百分点，扣 0.5 分，扣完为止';
    expect(score('87.5%', rule, 2, 0.9)).toBe(0.75); // 2 − 2.5×0.5
    expect(score('91%', rule, 2, 0.9)).toBe(2);
  });
});

describe('ratios as documents write them', () => {
  it('"得分=新生儿访视率90%*15分(90%以上得满分)"', () => {
    const rule = '得分=新生儿访视率90%*15分(90%以上得满分)';
    expect(score('81%', rule, 15)).toBe(13.5);
    expect(score('95%', rule, 15)).toBe(15);
  });
  it('"普查率达100%,得10低于100按百分比得分": 得10 is 10 points, the bare 100 is 100%', () => {
    const rule = '普查率达100%,得10低于100按百分比得分。';
    expect(score('85%', rule, 10)).toBe(8.5);
    expect(score('92.5%', rule, 10)).toBe(9.25);
  });
  it('"规范管理率≥85,得40低于85%,按百分比得分": 85 is the 85% written after it', () => {
    expect(score('68%', '规范管理率≥85,得 40低于85%,按百分比得分', 40)).toBe(32);
  });
  it('"建档20%，得40分；低于要求按比例得分": the band that earns points is the ratio\'s base', () => {
    const rule = '2010年农村规范化建档20%,得40分;低于要求按比例得分。';
    expect(score('15%', rule, 40)).toBe(30);
    expect(score('12.3%', rule, 40)).toBe(24.6);
  });
});

describe('rank percentiles', () => {
  it('"排序位于前20%（含），得2分；…位于80%以下不得分"', () => {
    const rule =
      '通过率排序位于本地区前 20%（含），得 2分；位于前 40%（含），得 1.5 分；位于前 60%（含），得 1 分；位于前 80%（含），得 0.5 分；位于 80%以下不得分';
    expect(score('前20%', rule, 2)).toBe(2);
    expect(score('前35%', rule, 2)).toBe(1.5);
    expect(score('前80%', rule, 2)).toBe(0.5);
    expect(score('前90%', rule, 2)).toBe(0);
  });
});

describe('rank tables as documents write them', () => {
  it('"排名前5位，得1分": every rank up to 5', () => {
    const rule = '通过率居于各培训基地排名前5位，得1分';
    expect(score('第3名', rule, 1)).toBe(1);
    expect(score('第5名', rule, 1)).toBe(1);
    expect(score('第6名', rule, 1)).toMatch(/第6名不在名次表中/);
  });
  it('"辍学率按从低到高分别得10、8、6、4分"', () => {
    expect(score('第3名', '初中生辍学率按从低到高分别得10、8、6、4分。', 10)).toBe(6);
  });
  it('"达到85%得10分；低于85%的县(区)按从高到低排序，分别得8、6、4、2分"', () => {
    const rule = '区域内标准化学校达到85%得10分;低于85%的县(区)按从高到低排序,分别得8、6、4、2分。';
    expect(score('88%', rule, 10)).toBe(10);
    expect(score('第2名', rule, 10)).toBe(6);
  });
});

describe('more step wordings', () => {
  it('"按完成比例计分，每超一例计2分": 计 after an excess adds', () => {
    const rule = '生育效劳证办理计75分,按完成比例计分,每超一例计2分。';
    expect(score(36, rule, 75, 40)).toBe(67.5);
    expect(score(42, rule, 75, 40)).toBe(79);
  });
  it('"4分每少1次会议扣1分": points before the step, bound from 至少召开4次会议', () => {
    const rule = '每年至少召开4次会议,专门研究信访工作。4分每少1次会议扣1分。';
    expect(score('召开2次', rule, 4)).toBe(2);
    expect(score('召开5次', rule, 4)).toBe(4);
  });
  it('"采用不少于4篇4分，采稿每少一篇扣1分": points right after the bound', () => {
    expect(score('采用2篇', '并被省、市民政网站采用不少于4篇4分,采稿每少一篇扣1分', 4)).toBe(2);
  });
  it('"满意度每下降2个点扣一分" beside percents: 个点 are percentage points', () => {
    const rule = '满分10分，满意度100%得满分，满意度每下降2个点扣一分，满意度低于80%得零分。';
    expect(score('95%', rule, 10)).toBe(7.5);
    expect(score('79%', rule, 10)).toBe(0);
  });
});

describe('several conditions scored item by item', () => {
  it('"合格率达95%以上，成功率达60%以上。每完成一项得2分，反之，不得分"', () => {
    const rule = '加强创业培训,创业培训后合格率达95%以上,创业成功率达60%以上。 每完成一项得2分,反之,不得分。';
    expect(score('合格率96%，成功率55%', rule, 4)).toBe(2);
    expect(score('97%,65%', rule, 4)).toBe(4);
    expect(score('90%,50%', rule, 4)).toBe(0);
  });
  it('"全部完成的，得3分，一项未完成的，扣1分"', () => {
    const rule =
      '再就业培训合格率达98%以上,被征地农民培训率达80%以上,农村低收入家庭劳动力培训率达90%以上。 全部完成的,得3分,一项未完成的,扣1分。';
    expect(score('98%,75%,92%', rule, 3)).toBe(2);
    expect(score('99%,85%,95%', rule, 3)).toBe(3);
    expect(score('97%,70%,80%', rule, 3)).toBe(0);
  });
  it('a count rule with one condition keeps 未完成1项 as a count', () => {
    expect(score('未完成2项', '未完成1项扣5分', 10)).toBe(0);
    expect(score('未完成1项', '未完成1项扣5分', 10)).toBe(5);
  });
});

describe('an item with both a target cell and a method cell', () => {
  it('the method is the rule and the target cell its bound', () => {
    const r = readItemRule('每低1个百分点扣1分', '≥95%');
    expect(r?.from).toBe('method');
    expect(r?.target?.toString()).toBe('0.95');
  });
  it('"符合标准，得1分；不达标准，不得分" against a target of ≥1500例', () => {
    const r = readItemRule('符合标准，得1分\n不达标准，不得分', '≥1500例');
    expect(r?.parsed.ok).toBe(true);
    const at = (a: number): string | number => {
      if (!r?.parsed.ok) return 'refused';
      const o = evaluateRule(r.parsed.rule, {
        actual: a,
        points: dec(1),
        target: r.target,
        settings: DEFAULT_SETTINGS,
      });
      return o.ok ? o.score.toNumber() : o.message;
    };
    expect(at(1620)).toBe(1);
    expect(at(1400)).toBe(0);
  });
  it('a ceiling target (≤3名) reverses 不达标准', () => {
    const r = readItemRule('不达标准，不得分', '≤3名');
    const parsed = r?.parsed;
    if (!r || !parsed?.ok) throw new Error('not read');
    const at = (a: number): number | string => {
      const o = evaluateRule(parsed.rule, {
        actual: a,
        points: dec(3),
        target: r.target,
        settings: DEFAULT_SETTINGS,
      });
      return o.ok ? o.score.toNumber() : o.message;
    };
    expect(at(2)).toBe(3);
    expect(at(4)).toBe(0);
  });
  it('"低于平均合格率3个百分点以上，不得分" against a target of 80%: the floor is 77%', () => {
    const rule =
      '合格率≥省平均合格率，得5分；低于省平均合格率，每降低1个百分点，扣1分；低于省平均合格率3个百分点以上，不得分';
    const r = readItemRule(rule, '80%');
    const parsed = r?.parsed;
    if (!r || !parsed?.ok) throw new Error('not read');
    const at = (a: string): number | string => {
      const o = evaluateRule(parsed.rule, {
        actual: a,
        points: dec(5),
        target: r.target,
        settings: DEFAULT_SETTINGS,
      });
      return o.ok ? o.score.toNumber() : o.message;
    };
    expect(at('81%')).toBe(5);
    expect(at('78%')).toBe(3); // 2 points below × 1
    expect(at('77.5%')).toBe(2.5); // 2.5 below: proportional part step
    expect(at('77%')).toBe(0); // 3 below: 以上 includes 3
    expect(at('70%')).toBe(0);
  });
  it('without a target the offset clause asks for one', () => {
    const rule = '合格率≥省平均合格率，得5分；低于省平均合格率3个百分点以上，不得分';
    expect(score('78%', rule, 5)).toBe(
      '#N/A 需人工评分：「低于省平均合格率3个百分点以上,不得分（以目标值为界，请填写目标值）」需要人为判断',
    );
  });
  it('a method with nothing to score leaves the target as the rule', () => {
    expect(readItemRule('按相关规定考核', '执行率≥80%')?.from).toBe('target');
  });
  it('PERF.SCORE with a target reads 符合标准 against it', () => {
    expect(score(1620, '符合标准，得1分；不达标准，不得分', 1, 1500)).toBe(1);
    expect(score(1400, '符合标准，得1分；不达标准，不得分', 1, 1500)).toBe(0);
  });
  it('a step counted in 个 against a percent actual is a hand score, never a fraction of a step', () => {
    expect(score('86%', '每低2个扣1分', 4, 0.9)).toMatch(/单位不一致/);
  });
});

describe('failures listed before the effect they share', () => {
  it('"全年低于90%，上半年低于30%不得分": either failure scores 0; meeting both keeps the points', () => {
    const rule = '设备检修计划完成率全年低于90%，上半年低于30%不得分';
    expect(score('全年95%，上半年50%', rule, 2)).toBe(2);
    expect(score('全年85%，上半年50%', rule, 2)).toBe(0);
    expect(score('全年95%，上半年20%', rule, 2)).toBe(0);
  });
  it('a ceiling written as a requirement stays a requirement: 控制在2%以内，超过2%不得分', () => {
    const rule = '差错率控制在2%以内，超过2%不得分';
    expect(score('1.5%', rule, 3)).toBe(3);
    expect(score('2.5%', rule, 3)).toBe(0);
  });
});

describe('a comparator without 每 is a condition, not a step', () => {
  it('"合格率低于90%扣2分": below 90% costs 2 points once, whatever the target', () => {
    expect(score('85%', '合格率低于90%扣2分', 10)).toBe(8);
    expect(score('85%', '合格率低于90%扣2分', 10, 0.95)).toBe(8);
    expect(score('92%', '合格率低于90%扣2分', 10)).toBe(10);
  });
  it('"少于2次扣2分" counts once too', () => {
    expect(score('产后访视1次', '产后访视少于2次扣2分', 20)).toBe(18);
    expect(score('产后访视3次', '产后访视少于2次扣2分', 20)).toBe(20);
  });
  it('a change in percentage points without 每 stays a step: 超过0.1个百分点扣1分', () => {
    // 控制在5%以内; 5.3% is 3 steps of 0.1 over → 3 off 6.
    expect(score('5.3%', '统计误差控制在5%以内记6分,超过0.1个百分点扣1分。', 6)).toBe(3);
  });
});
