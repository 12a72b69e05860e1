/**
 * Conditions, with or without an effect: 执行率≥80%; 达标率≥95%得满分; ＜75%不得分;
 * 60%-70%得1分; 现场评分≥90分得满分; 建档率、随访率均达到90%; 合格率80%以下的记零分.
 */
import type { Comparator, Condition } from '../program';
import { overlaps, type ClauseReader, type Piece } from './types';
import {
  comparatorOf,
  condition,
  EFFECT,
  effectOf,
  metricList,
  metricName,
  NUM,
  POST_WORDS,
  PRE_WORDS,
  unitOf,
  valueOf,
} from './words';

const C_UNIT = '(%|‰|分|个|项|次|例|人次|人|户|张|家|所|篇|件|处|条|起|台|份|期|名|位|天|万元|元|万|床|页)?';
/**
 * "门急诊量≥规定数的80%": the bound is a share of a quota the document sets elsewhere; the clerk
 * writes the share (85%). Never a bare quota word without its share.
 */
export const QUOTA = '(?:规定数|计划数|任务数|目标数)(?=的?\\d+(?:\\.\\d+)?%)';
/** "幅度在-20%-20%之间": a minus sign after 在/为/从 (never after a number: that is a range). */
const COND = new RegExp(
  `(${PRE_WORDS})?(?:${QUOTA}的?)?((?<=[在为从于是])-)?${NUM}${C_UNIT}(\\((?:不)?含\\))?(?:(?:-|至|到)(${PRE_WORDS})?${NUM}${C_UNIT}(\\((?:不)?含\\))?(?:之间)?)?(${POST_WORDS})?`,
  'g',
);
const AFTER = new RegExp(`^(?:的|者|时|为)?,?(?:可|则|即)?${EFFECT}`);
const FAR = /(达到|不低于|不少于|低于|不足|超过|高于)([^░\d≥≤<>=,]{1,10})$/;
/** "28分≤平均得分<32分,得14分": the metric between its two bounds. */
const BETWEEN = new RegExp(`${NUM}(分|%)?(≤|<)([^\\d≤<≥>,░]{1,12}?)(<|≤)${NUM}(分|%)?`, 'g');
/** "超过20%的,20分", "高于80%,20分": points alone after the condition, without 得. */
const BARE = new RegExp(`^(?:(?:的|者|时|为),?|,)?${NUM}分(?=$|[,░])`);
/** Count units a noun may follow ("1次的定期督导"). */
const COUNTED = /^(?:次|个|项|场|期|篇|件|名|人|家|所)$/;
const NOUN_AFTER = new RegExp(`^(?:的)?([\\u4e00-\\u9fff、]{1,20}?),?(?:可|则|即)?(${EFFECT})`);
/** Verbs of doing that a counted bonus follows ("召开1次…会议加2分"). */
const DOING = /(?:召开|开展|举办|组织|参加|完成)$/;
/** "或未安排": a negative state after a condition and before its effect. */
const OR_STATE = /^,?或((?:未|无|没有)[\u4e00-\u9fff]{1,8}?)(?:的|者)?(?=,)/;
/** Metrics whose bare number with % is a condition to reach ("对接率100%"). */
const RATE = /(?:率|度|比例|占比|覆盖面|知晓|合格|达标)$/;

export const conditions: ClauseReader = {
  id: 'conditions',
  form: 'threshold / bands',
  zh: '条件（率≥80%、90%以上、不低于、控制在…以内、60%-70%），可带效果（得满分、得N分、不得分、扣N分、记零分）',
  examples: ['执行率≥80%', '达标率≥95%得满分', '＜75%不得分', '60%-70%得1分', '建档率、随访率均达到90%'],
  read(clause) {
    const pieces: Piece[] = [];
    const spans: [number, number][] = [];
    const t = clause.text;
    let last = 0;
    for (const m of t.matchAll(BETWEEN)) {
      const [all, lo, u1, op1, metric, op2, hi, u2] = m;
      const unit = unitOf(u1 ?? u2);
      const after = AFTER.exec(t.slice(m.index + all.length)) ?? BARE.exec(t.slice(m.index + all.length));
      const effect = after ? effectOf(after[0].replace(/^(?:的|者|时|为)?,?/, '')) : null;
      if (!effect || !after) continue;
      const cond: Condition = {
        metric: metricName(metric!),
        op: op1 === '≤' ? '>=' : '>',
        value: valueOf(lo!, unit),
        unit,
        to: { op: op2 === '≤' ? '<=' : '<', value: valueOf(hi!, unit) },
      };
      pieces.push({ t: 'when', test: { kind: 'condition', condition: cond }, effect });
      spans.push([m.index, m.index + all.length + after[0].length]);
    }
    for (const m of t.matchAll(COND)) {
      if (overlaps(spans, m)) continue;
      const [all, pre, minus, n1abs, u1raw, inc1, pre2, n2, u2raw, inc2, post] = m;
      if (!n1abs) continue;
      const n1 = minus ? `-${n1abs}` : n1abs;
      // A negative bound is read only as the low end of a range ("在-20%-20%之间").
      if (minus && n2 === undefined) continue;
      const start = m.index;
      const u1 = unitOf(u1raw);
      const u2 = unitOf(u2raw);
      const unit = u1 || u2;
      const words = t.slice(last, start);
      let end = start + all.length;
      // "＜规定数60%或未安排,不得分": a state beside the condition, with the same effect.
      const alt = OR_STATE.exec(t.slice(end));
      const afterAt = end + (alt ? alt[0].length : 0);
      let after = AFTER.exec(t.slice(afterAt)) ?? BARE.exec(t.slice(afterAt));
      let effect = after ? effectOf(after[0].replace(/^(?:的|者|时)?,?/, '')) : null;
      let cond: Condition | null = null;
      let metrics: string[] | null = null;
      if (n2 !== undefined && (u1 === u2 || !u1 || !u2) && !pre2) {
        // "开展宣传2-3次" with no effect is the task, not a band.
        if (!effect) continue;
        // A range: both ends included unless (不含) says otherwise.
        const lowOp: Comparator = inc1 === '(不含)' ? '>' : '>=';
        const highOp: '<' | '<=' = inc2 === '(不含)' ? '<' : '<=';
        cond = {
          ...condition(metricName(words), lowOp, n1, unit),
          to: { op: highOp, value: valueOf(n2, unit) },
        };
      } else if (n2 === undefined) {
        let op = comparatorOf(pre, post);
        let name = metricName(words);
        // "人数达到农村总人口的10%": the comparator a few words before the number.
        const far = !op ? FAR.exec(words) : null;
        if (far && (far[2] ?? '').length > 0) {
          op = comparatorOf(far[1], undefined);
          name = metricName(words.slice(0, far.index));
        }
        // "排序位于前20%(含),得2分": among the top 20% of the ranking.
        if (!op && u1 === '%' && /前$/.test(words) && effect) {
          op = '<=';
          name = '排名';
        }
        // "…前80%(含)得0.5分；位于80%以下不得分": below the top 80% of the ranking.
        if (
          u1 === '%' &&
          post === '以下' &&
          /(?:位于|居于|处于|排在|排名)$/.test(words) &&
          /前\d+(?:\.\d+)?%/.test(clause.rule)
        ) {
          op = '>';
          name = '排名';
        }
        // "对接率100%"; "农村规范化建档20%,得40分": a bare percent to reach.
        if (
          !op &&
          (u1 === '%' || u1 === '‰') &&
          ((RATE.test(name) && (effect || end === t.length || /^[,，]/.test(t.slice(end)))) ||
            (effect !== null && name !== '' && !/[扣减加奖前后]$/.test(words)))
        )
          op = '>=';
        // "开展不少于1次的定期督导，得0.5分", "召开1次…工作会议加2分": what is counted after the
        // count, then the effect; a bare count only for a bonus after a verb of doing.
        const noun = !after && COUNTED.test(u1) ? NOUN_AFTER.exec(t.slice(afterAt)) : null;
        const nounEffect = noun ? effectOf(noun[2]!) : null;
        if (noun && nounEffect && (op || (nounEffect.kind === 'add' && DOING.test(words)))) {
          op ??= '>=';
          after = noun;
          effect = nounEffect;
          name = metricName(`${name}${noun[1]!}`);
        }
        if (!op) continue;
        // "不低于…的" inside a longer phrase is still a condition; a bare "扣5分" is not.
        // ("参加不少于4次": a comparator between the verb and the number makes it a bound.)
        if (
          (!pre && /^(?:扣|加|奖|得|计|记)$/.test(words.slice(-1))) ||
          (u1 === '分' && /(?:扣|加|奖|得|计|记)$/.test(words))
        )
          continue;
        cond = condition(name, op, n1, u1);
        metrics = metricList(words);
      } else continue;
      if (inc1 && n2 === undefined && !post) {
        // "90%(含)": the bound is included whatever the comparator said.
        if (cond.op === '>') cond = { ...cond, op: '>=' };
        if (cond.op === '<') cond = { ...cond, op: '<=' };
      }
      if (after && effect) {
        end = afterAt + after[0].length;
        if (alt)
          pieces.push({
            t: 'when',
            test: { kind: 'label', label: alt[1]!, negative: true, or: true },
            effect,
          });
        if (metrics) {
          if (effect.kind !== 'set' || effect.score !== 'full') continue;
          pieces.push({ t: 'cond', conditions: metrics.map((x) => ({ ...cond, metric: x })) });
        } else pieces.push({ t: 'when', test: { kind: 'condition', condition: cond }, effect });
      } else if (metrics)
        pieces.push({ t: 'cond', conditions: metrics.map((x) => ({ ...cond, metric: x })) });
      else pieces.push({ t: 'cond', conditions: [cond] });
      spans.push([start, end]);
      last = end;
    }
    // "继续扩增机考机位400个" with "每少增加100个机位扣3分" elsewhere: the target of that step.
    const step = STEP_NOUN.exec(clause.rule);
    if (step && step[2]) {
      const [, unit, noun] = step;
      const m = new RegExp(`${noun}${NUM}${unit}|${NUM}${unit}${noun}`).exec(t);
      if (m && !/每/.test(t.slice(Math.max(0, m.index - 3), m.index))) {
        pieces.push({ t: 'cond', conditions: [condition(noun!, '>=', (m[1] ?? m[2])!, unit!)] });
        spans.push([m.index, m.index + m[0].length]);
      }
    }
    return pieces.length > 0 ? { pieces, spans } : null;
  },
};

const STEP_NOUN =
  /每少(?:增加|新增|完成|扩增|建设)?\d+(?:\.\d+)?(个|台|张|所|家|人|项|次)([\u4e00-\u9fff]{1,6}?)扣/;
