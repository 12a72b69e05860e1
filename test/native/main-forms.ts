/**
 * Rule forms the scoring program gained on main (8b06c96) and what their native formulas must show,
 * worked out by hand from the rule text and docs/domain.md (never copied from the engine): a number
 * where the rule gives one, else the short text (NATIVE_TEXT) where the engine asks for a hand
 * score, has no target, or where the formula cannot read the actual as the engine does.
 * compile.test.ts evaluates them in HyperFormula, libreoffice.test.ts in LibreOffice.
 */
import type { NativeTextCode } from '../../engine/native';

export interface HandCase {
  rule: string;
  points: number;
  target: number | null;
  actual: number | string;
  want: number | NativeTextCode;
  why: string;
}

const QUOTA =
  '门急诊工作量达到要求，得满分；门急诊量≥规定数的80%，得2分；门急诊量≥规定数的60%，得1分；门急诊量＜规定数60%或未安排，不得分';
const BASES =
  '各专业基地容量测算符合要求，得 1 分；1 个专业基地不符合要求，得 0.5 分；2 个及以上专业基地不符合要求，不得分';
const GROWTH =
  '期刊年度电子订阅及纸版发行数量整体提高，且增幅超过20%的，5分；期刊年度电子订阅及纸版发行数量基本平稳，幅度在-20%-20%之间的，2分。';
const RATE = '病死率低于5%的，得满分；5%及以上不得分';
const GAP = '每下降1个百分点扣1分';
const PM10 =
  '可吸入颗粒物(PM10)年均值(3分):未达到年度目标值的,按实际完成值与年度目标值的差距绝对值进行扣分,每差1微克/立方米扣0.5分,扣完为止。';
const LISTED = '组织不到位扣2分,工作无计划、无检查、无总结,每项扣1分。';
const LINEAR = '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽';
const OFFENCE =
  '针对网格内纳税人违法处罚行为进行考核，满分10分，违法发生率0%得满分，每增加一个百分点扣2.5分，违法发生率4%以上得0分。';

const LATE = '迟到一次扣1分，缺席一次扣2分';
const MONTHS =
  '1、每月不低于40条。2、数量低于规定标准,出现一个月扣5分,扣完为止。3、凡出现发布信息“空白月”的,每个月扣10分。';

const c = (
  rule: string,
  points: number,
  target: number | null,
  actual: number | string,
  want: HandCase['want'],
  why: string,
): HandCase => ({ rule, points, target, actual, want, why });

export const HAND_CASES: readonly HandCase[] = [
  // A half at the second place, reached through binary arithmetic: 0.07个百分点 × 2.5 = 0.175,
  // 10 − 0.175 = 9.825 → 四舍五入 9.83 (a plain ROUND of the double 9.8249999… gives 9.82).
  c(OFFENCE, 10, null, 0.0007, 9.83, '0.07% → 扣0.175分 → 9.825 → 9.83'),
  c(OFFENCE, 10, null, '0.07%', 9.83, 'the same written as text'),
  // Quota bands and a state on the other side of the last band (the label's `or`).
  c(QUOTA, 3, null, 0.85, 2, '85% of the quota: ≥80%, 2分'),
  c(QUOTA, 3, null, '85%', 2, 'the same written as text'),
  c(QUOTA, 3, null, '60%', 1, '≥60%: 1分'),
  c(QUOTA, 3, null, 0.5, 0, '＜60%: 不得分'),
  c(QUOTA, 3, null, 1, 3, '达到要求 is 100% of the quota: 满分'),
  c(QUOTA, 3, null, '未安排', 0, '或未安排，不得分'),
  c(
    QUOTA,
    3,
    null,
    '已安排',
    'ACTUAL_INVALID',
    'the other side of 未安排 gives no quota to band: no number, never a guess',
  ),
  // A count band beside the state that says there are none.
  c(BASES, 1, null, '各专业基地容量测算符合要求', 1, 'the state itself: 得1分'),
  c(BASES, 1, null, 1, 'MANUAL', 'a bare 1 does not say whether every base fits: by hand'),
  c(BASES, 1, null, '1个专业基地不符合要求', 'UNREAD', 'a count in words beside a state: not read'),
  // A growth metric with a range from below zero; values written as a direction.
  c(GROWTH, 5, null, '增幅25%', 5, '增幅超过20%: 5分'),
  c(GROWTH, 5, null, 0.25, 5, 'the same as a number'),
  c(GROWTH, 5, null, '下降10%', 2, '下降10% is −10%, inside −20%–20%: 2分'),
  c(GROWTH, 5, null, -0.1, 2, 'the same as a number'),
  c(GROWTH, 5, null, '比上年增加10%', 2, '+10%, inside −20%–20%: 2分'),
  c(GROWTH, 5, null, -0.2, 2, '−20% is the range’s low end, included'),
  c(GROWTH, 5, null, '下降30%', 'MANUAL', '−30%: below every band, the rule gives no score'),
  c(GROWTH, 5, null, -0.25, 'MANUAL', 'the same as a number'),
  c(GROWTH, 5, null, '下降\u300010%', 'UNREAD', 'an ideographic space the formula cannot normalise'),
  c(GROWTH, 5, null, '增幅为25%', 5, '增幅 25% named: 5分'),
  // A direction for a metric that is not a change: a change, not the rate.
  c(RATE, 4, null, 0.03, 4, '3% is below 5%: 满分'),
  c(RATE, 4, null, '3%', 4, 'the same as text'),
  c(RATE, 4, null, 0.06, 0, '5%及以上不得分'),
  c(RATE, 4, null, '下降3%', 'MANUAL', 'a fall of 3% does not give the rate'),
  c(RATE, 4, null, '比上年下降3%', 'MANUAL', 'the same against last year'),
  // A step with no bound: the clerk writes the gap itself; with a target the value is needed.
  c(GAP, 10, null, '下降3个百分点', 7, 'no bound, no target: 3 points down, 3 × 1 off 10'),
  c(GAP, 10, null, 0.87, 'ARGUMENT', 'a rate with nothing to compare it with'),
  c(GAP, 10, 0.9, 0.87, 7, '3 points below the 90% target: 10 − 3'),
  c(GAP, 10, 0.9, '87%', 7, 'the same as text'),
  c(GAP, 10, 0.9, '下降3个百分点', 'MANUAL', 'with a target the rate is needed, not its change'),
  // Gap steps in a slash unit against the target (a pollutant: above the target loses points).
  c(PM10, 3, 85, 89, 1, '4 微克/立方米 above 85: 4 × 0.5 = 2 off 3'),
  c(PM10, 3, 85, 84, 3, 'below the target: nothing off'),
  c(PM10, 3, 85, 95, 0, '10 above: 5 off 3, 扣完为止'),
  c(PM10, 3, null, 89, 'ARGUMENT', 'no target to measure the gap from'),
  c('年均值:每差1微克/立方米扣0.5分', 3, 85, 89, 'MANUAL', '差 names no side for 年均值'),
  // A counted clause that lists its states.
  c(LISTED, 5, null, '无计划、无总结', 3, 'two listed states, 1 each: 5 − 2'),
  c(LISTED, 5, null, '无计划', 4, 'one listed state: 5 − 1'),
  c(LISTED, 5, null, '组织不到位', 3, '组织不到位扣2分: 5 − 2'),
  c(LISTED, 5, null, 2, 3, 'two of the listed states, as a count: 5 − 2'),
  // MATCH wildcards: "85?" is no value (the engine reads no number in it).
  c(LINEAR, 10, null, '85?', 'UNREAD', '? is not a unit'),
  c(LINEAR, 10, null, '85*', 'UNREAD', '* is not a unit'),
  // Several counters, one value: counted for the counter its name fits. These rules' formulas read
  // counts named in one cell (counts.ts) in place of the one-value text parse: a text neither
  // reads gives 无法识别 where the engine gives its own text (no number either way).
  c(LATE, 10, null, '迟到2次', 8, '2 × 1 off 10'),
  c(LATE, 10, null, '缺席1次', 8, '1 × 2 off 10'),
  c(LATE, 10, null, '缺席：3次', 4, '3 × 2 off 10 (the colon is no part of the name)'),
  c(LATE, 10, null, '缺席6次', 0, '12 off 10'),
  c(LATE, 10, null, '2次', 'UNREAD', 'no name: 迟到 or 缺席 cannot be told'),
  c(LATE, 10, null, '缺席1次，迟到2次', 6, 'both named: 2 + 2 off 10'),
  c(LATE, 10, null, 2, 'MANUAL', 'a number alone: the same'),
  c(LATE, 10, null, '缺席1.5次', 'UNREAD', 'half an absence'),
  c(LATE, 10, null, '缺席50%', 'UNREAD', 'a percent is no count'),
  c(
    LATE,
    10,
    null,
    '早退1次',
    'UNREAD',
    'a name of neither counter (the engine checks the order of its characters)',
  ),
  c(MONTHS, 40, null, '空白月2个', 20, '2 blank months × 10 off 40'),
  c(MONTHS, 40, null, '数量低于规定标准3个月', 25, '3 short months × 5 off 40'),
  c(MONTHS, 40, null, '3个月', 'UNREAD', 'both counters count months'),
];
