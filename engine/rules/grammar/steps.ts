/**
 * Per-step clauses: 每低1个百分点扣1分; 下降1个百分点扣1分 (no 每); 每低0.5个百分点扣0.2分;
 * 每下降5%扣1分; 每超过0.1个百分点扣0.5分; 每少增加100个机位扣3分; 每例扣0.5分; 未完成1项扣5分;
 * 每缺一项制度扣0.5分; 扣10分/户; 每超1个百分点加2分; 比上年每增加1人加0.1分.
 */
import { dec } from '../decimal';
import { overlaps, wordsBefore, type ClauseReader, type Piece, type StepPiece } from './types';
import { metricName, NUM, unitOf, valueOf, withoutTargetWord } from './words';

const BELOW = '低于目标|低于标准|低于|少于|缺少|漏报|下降|降低|减少|低|少|差|不足|欠|缺|漏';
const ABOVE = '超过|超出|高出|高于|多于|增加|提高|上升|升高|提升|增长|新增|超|多|高';
const COUNT = '未按时完成|未按要求|未完成|未开展|未落实|未达标|未提交|未报送|错报|迟报|发现|出现|发生';
const S_UNIT =
  '(个百分点|百分点|%|‰|批次|月次|个月|个|项|次|例|人次|人|户|张|家|所|篇|件|处|条|起|台|份|期|批|名|位|本|套|种|类|天|万元|元|万|床|辆|场|盏|宗|页|分)?';
// "每超一例计2分": 计/记 after an excess adds (checked below: only after an ABOVE verb).
const EFFECT = '(扣除|扣|减去|减|加计|加|奖励|奖|另加|计|记)';
// 每 or a verb must start the step: a step does not begin in the middle of a word.
const STEP = new RegExp(
  `(?<![没未不无])(?:(每)(${BELOW}|${ABOVE}|${COUNT}|[\\u4e00-\\u9fff]{1,8}?(?=\\d))?|(${BELOW}|${ABOVE}|${COUNT}))(增加|新增|完成|扩增|开展|建设|达到)?${NUM}?${S_UNIT}((?:(?!每)[\\u4e00-\\u9fff]|(?<=[\\u4e00-\\u9fff])[IVX]+(?=类|级)){0,20}?)(?:\\([^()]{1,20}\\))?(?:的|者)?[,]?${EFFECT}${NUM}分`,
  'g',
);
/** 档案不真实1份扣3分; 1份不一致扣0.5分: one case and its deduction, without 每. */
const ONE_CASE = new RegExp(
  `(?<![\\d.≥≤<>=])1(批次|份|例|处|次|项|人|户|件|条|起|个|家|所|名|篇|张|本|套|盏|宗|台|期|种|位|块|座)([\\u4e00-\\u9fff]{0,8}?)(?:的)?[,]?(扣除|扣|减|加|奖)${NUM}分`,
  'g',
);
/**
 * 超过规定时限1天扣0.5分: days past a time limit, per day as 下降1个百分点扣1分 is per point (no
 * 每); the actual is the days past the limit (never 超过1天 once: the limit is not 1天).
 */
const PAST_LIMIT = new RegExp(
  `(?:超过|超出|超|逾期|延迟|推迟|延误)(?:规定|要求|约定)?的?(?:办结|完成|上报|报送|报告)?(?:时限|期限|时间|日期)${NUM}(天|日|个工作日|工作日)(?:的|者)?[,]?(扣除|扣|减)${NUM}分`,
  'g',
);
/** 扣30分/次, 扣10分/户: an amount per counted case. */
const PER_CASE = new RegExp(`${EFFECT}${NUM}分/([\\u4e00-\\u9fff]{1,4})`, 'g');
const COMPARATOR = /^(?:低于目标|低于标准|低于|少于|不足|高于|超过|超出|高出|多于)$/;
/** Words that say the actual is a change against last year. */
const CHANGE = /比上年|较上年|与上年度?相比|同比|比去年|较去年|比上一年|较上一年/;

/** A change step's name that only says it is a change ("比上年每下降…" is the same as "…每下降…" after 与上年相比). */
const CHANGE_ONLY = new RegExp(`^(?:${CHANGE.source})$`);

/**
 * "与上年度相比持平得15分" before steps of change (每下降1个百分点扣7.5分): no change scores the points;
 * the steps measure the change from there. Read before the labels, which would take it for a state.
 */
const STEADY = new RegExp(
  `(?:与|和|比|较)上一?年度?(?:同期)?(?:相比)?,?(?:基本)?持平(?:的|者)?,?(?:得|计|记)(?:满分|${NUM}分)`,
);
const CHANGE_STEP = /每(?:下降|上升|降低|提高|增加|减少|增长)/;

/** A count named only by its verb ("每缺1项"): the clause before says what is missing. */
export const BARE_COUNT_VERB = new RegExp(`^(?:${BELOW}|${COUNT})$`);

export const steps: ClauseReader = {
  id: 'steps',
  form: 'linear / step / count / lower-better / bonus / change',
  zh: '按步扣分或加分（每低1个百分点扣1分、下降1个百分点扣1分、每超0.1个百分点扣0.5分、每例扣0.5分、扣10分/户、每多1例奖0.1分、比上年每增加1人加0.1分、与上年相比持平得N分）',
  examples: [
    '每低1个百分点扣1分',
    '下降1个百分点扣1分',
    '每例扣0.5分',
    '每超1个百分点加2分',
    '比上年每增加1人加0.1分',
    '与上年度相比持平得15分,每下降1个百分点扣7.5分',
  ],
  read(clause) {
    const pieces: Piece[] = [];
    const spans: [number, number][] = [];
    const t = clause.text;
    const change =
      CHANGE.test(clause.original) ||
      (CHANGE.test(clause.rule) && /增加|减少|增长|下降|上升|降低|提高/.test(t));
    const steady = CHANGE_STEP.test(clause.rule) ? STEADY.exec(t) : null;
    if (steady) {
      if (steady[1] !== undefined) pieces.push({ t: 'points', value: dec(steady[1]).toString() });
      spans.push([steady.index, steady.index + steady[0].length]);
    }
    for (const m of t.matchAll(STEP)) {
      const [all, per, verbAfterPer, verbAlone, , n, unitRaw, noun, eff, amount] = m;
      const verb = verbAfterPer ?? verbAlone;
      if (!per && !verb) continue;
      const size = n ?? '1';
      if (dec(size).isZero()) continue; // "每低0个百分点": no step to divide by
      const unit = unitOf(unitRaw);
      // A bare "每…扣N分" with no unit and no number is a count only with a noun ("每处扣1分" has 处).
      if (!unitRaw && !n && !(noun && noun.length > 0)) continue;
      // "未开展健康教育活动扣10分", "迟报妇幼保健信息扣5分", "经费少于上年度的扣2分": a written fault
      // or comparison without 每, a number or a unit is a state (the labels reader), not a step.
      if (!per && !unitRaw && !n && !/每/.test(noun ?? '') && verbAlone) continue;
      if (unit === '分') continue; // "每扣1分…": not a step
      // "合格率低于90%扣2分", "少于2次扣2分": a comparator and a bound without 每 is a condition
      // (the conditions reader); only a change in points (下降1个百分点扣1分) is a step without 每.
      if (!per && verbAlone && COMPARATOR.test(verbAlone) && !/百分点/.test(unitRaw ?? '')) continue;
      // A long description as the counted thing needs a number and a unit ("每发生1起…事件扣10分").
      if ((noun ?? '').length > 8 && !(n && unitRaw)) continue;
      const direction: StepPiece['direction'] =
        verb && new RegExp(`^(?:${ABOVE})$`).test(verb)
          ? 'above'
          : verb && new RegExp(`^(?:${BELOW})$`).test(verb)
            ? 'below'
            : 'count';
      if (/^[计记]$/.test(eff!) && direction !== 'above') continue;
      const effect = /加|奖|计|记/.test(eff!) ? 'add' : 'deduct';
      const countable =
        (direction === 'count' || !/目标/.test(t.slice(0, m.index))) &&
        (direction === 'count' ||
          (direction === 'below' &&
            /^(?:缺少|缺|漏报|漏|不足)$/.test(verb ?? '') &&
            unit !== '%' &&
            unit !== '‰'));
      pieces.push({
        t: 'step',
        metric:
          direction === 'count'
            ? `${wordsBefore(t, m.index)}${verb ?? ''}${noun ?? ''}` || unit
            : withoutTargetWord(metricName(t.slice(0, m.index))).replace(change ? CHANGE_ONLY : /^$/, '') ||
              // "少1期扣1分": a shortfall of a count is named by its verb.
              (countable || (direction === 'below' && unit !== '' && unit !== '%' && unit !== '‰')
                ? `${verb ?? ''}${noun ?? ''}`
                : (noun ?? '')),
        direction,
        from: null,
        size: unit === '%' || unit === '‰' ? valueOf(size, unit) : dec(size).toString(),
        unit: unit === '‰' ? '‰' : unit,
        effect,
        amount: dec(amount!).toString(),
        change: change && direction !== 'count',
        countable,
      });
      spans.push([m.index, m.index + all.length]);
    }
    for (const m of t.matchAll(PAST_LIMIT)) {
      if (overlaps(spans, m)) continue;
      const [all, n, unit, , amount] = m;
      if (dec(n!).isZero()) continue;
      pieces.push({
        t: 'step',
        metric: '超过时限天数',
        direction: 'above',
        from: '0',
        size: dec(n!).toString(),
        unit: unit!,
        effect: 'deduct',
        amount: dec(amount!).toString(),
        change: false,
        countable: false,
      });
      spans.push([m.index, m.index + all.length]);
    }
    // 档案不真实1份扣3分 (one case, its noun after the unit) and 扣10分/户 (an amount per case).
    const perCase = (
      m: RegExpMatchArray,
      metric: string,
      unit: string,
      eff: string,
      amount: string,
    ): void => {
      pieces.push({
        t: 'step',
        metric: metric || unit,
        direction: 'count',
        from: null,
        size: '1',
        unit,
        effect: /加|奖/.test(eff) ? 'add' : 'deduct',
        amount: dec(amount).toString(),
        change: false,
        countable: true,
      });
      spans.push([m.index!, m.index! + m[0].length]);
    };
    for (const m of t.matchAll(ONE_CASE)) {
      if (overlaps(spans, m)) continue;
      const [, unit, noun, eff, amount] = m;
      perCase(m, `${t.slice(0, m.index).replace(/[░\s]+/g, '')}${noun ?? ''}`, unit!, eff!, amount!);
    }
    for (const m of t.matchAll(PER_CASE)) {
      const [, eff, amount, unit] = m;
      perCase(m, wordsBefore(t, m.index), unit!, eff!, amount!);
    }
    return pieces.length > 0 ? { pieces, spans } : null;
  },
};
