/**
 * What the evaluator reads from an actual value for a program: the number of each metric (by
 * name, by position, or the only one), whether a state, an event or a condition holds, which
 * states of a fault list the text names, the count of each counter, the base a rank gives.
 */
import { dec, max0, type Dec } from './decimal';
import type { Clause, Condition, Program, Test } from './program';
import type { EvaluateInput, Outcome } from './types';
import { fail } from './types';
import {
  eventMet,
  GAP_NAMES,
  labelMet,
  labelSays,
  NEG_MARK,
  NOTHING_WRONG,
  POS_MARK,
  readValues,
  signedByDirection,
  squash,
  type Value,
  type Values,
} from './values';
import { showCondition, showValue } from './render';

export type Num = { ok: true; value: Dec } | { ok: false; outcome: Outcome };

export const isFraction = (u: string): boolean => u === '%' || u === '‰';

/** The metrics the actual must give numbers for, in the order the rule names them. */
export function numericMetrics(p: Program): string[] {
  const out: string[] = [];
  const add = (m: string): void => {
    if (!out.includes(m)) out.push(m);
  };
  if (p.base.kind === 'ratio' && !p.base.best) add(p.base.metric);
  for (const c of p.clauses) {
    if (c.kind === 'gate') c.conditions.forEach((x) => add(x.metric));
    else if (c.kind === 'when' && c.test.kind === 'condition') add(c.test.condition.metric);
    else if (c.kind === 'step' && c.direction !== 'count' && !c.change) add(c.metric);
  }
  // A clause that names no metric is about the one the others name.
  const named = out.filter((m) => m !== '');
  return named.length > 0 ? named : out;
}

/** A value as the clerk wrote it: "15%" rather than 0.15. */
function written(v: Value): string {
  if (v.unit === '个百分点') return `${v.value.times(100).toString()}个百分点`;
  return showValue(v.value.toString(), v.percent && v.unit !== '‰' ? '%' : v.unit);
}

export function manual(zh: string, en: string): Outcome {
  return fail('MANUAL', zh, en);
}

export class Reader {
  readonly v: Values;
  readonly metrics: string[];
  notes: string[] = [];
  /** Whether the last number read was written as a percent (or a percent cell's fraction). */
  lastPercent = false;
  constructor(
    readonly p: Program,
    input: EvaluateInput,
  ) {
    this.v = readValues(input.actual);
    this.metrics = numericMetrics(p);
  }

  /**
   * The number for a metric: by name, by position, or the only one. `gap`: a step with no bound
   * reads "下降3个百分点" as the gap itself, so a value written as a direction passes as written.
   */
  number(metric: string, unit: string, gap = false): Num {
    const { values } = this.v;
    const what = metric || '该指标';
    if (this.v.blank)
      return {
        ok: false,
        outcome: fail('ACTUAL_MISSING', `缺少${what}的实际值`, `No actual value for ${what}`),
      };
    if (values.length === 0)
      return {
        ok: false,
        outcome: fail(
          'ACTUAL_INVALID',
          `实际值「${this.v.text ?? ''}」不是数字`,
          `Actual value "${this.v.text ?? ''}" is not a number`,
        ),
      };
    let v: Value | undefined;
    const named = values.filter((x) => x.name !== '');
    if (named.length > 0 && metric !== '')
      v = named.find((x) => metric.includes(x.name) || x.name.includes(metric));
    if (!v && this.metrics.length > 1) {
      if (values.length !== this.metrics.length)
        return {
          ok: false,
          outcome: fail(
            'ACTUAL_INVALID',
            `此规则有${this.metrics.length}个指标（${this.metrics.join('、')}），请按名称或顺序填写${this.metrics.length}个实际值，如「${this.metrics.map((m, i) => `${m}${90 - i}%`).join('，')}」`,
            `This rule measures ${this.metrics.length} metrics (${this.metrics.join(', ')}): give ${this.metrics.length} values by name or in order`,
          ),
        };
      v = values[this.metrics.indexOf(metric)];
    }
    // A count the rule counts elsewhere ("未落实1项") is not this metric's value.
    const counted = (x: Value): boolean =>
      x.name !== '' &&
      !nameFits(x.name, metric) &&
      this.p.clauses.some((c) => c.kind === 'step' && c.direction === 'count' && nameFits(x.name, c.metric));
    if (!v && values.length === 1 && !counted(values[0]!)) v = values[0];
    // "2" beside counted clauses: which counter it is cannot be told.
    if (
      v &&
      v.name === '' &&
      !v.percent &&
      !isFraction(unit) &&
      metric !== '' &&
      this.p.clauses.some((c) => c.kind === 'step' && c.direction === 'count')
    )
      return {
        ok: false,
        outcome: manual(
          `实际值「${v.value.toString()}」没有写明是「${metric}」还是其他计数，请写明（如“${metric}1${unit}”）或人工评分`,
          `"${v.value.toString()}" does not say which count it is: name it or score by hand`,
        ),
      };
    // "超过规定数量70%": a comparison, not a value; the clerk should give the value itself.
    if (v && /超过|超出|低于|高于|不足|以上|以下|约|左右/.test(v.name))
      return {
        ok: false,
        outcome: manual(
          `实际值「${v.name}${written(v)}」是比较而不是数值，请只填数值或人工评分`,
          `"${v.name}…" is a comparison, not a value: give the value or score by hand`,
        ),
      };
    // "低3个百分点" against 满意率80%以上, "少10人" against 达到100人: the gap, not the value.
    // Not where the metric is itself a shortfall ("缺1个科室" against 缺科室).
    if (v && !gap && (GAP_NAMES as readonly string[]).includes(v.name) && !nameFits(v.name, metric))
      return {
        ok: false,
        outcome: manual(
          `实际值「${v.name}${written(v)}」是与标准的差距而不是${what}本身，请填写${what}的数值或人工评分`,
          `"${v.name}…" is a gap from the bound, not the value of ${what}: give the value or score by hand`,
        ),
      };
    if (!v)
      return {
        ok: false,
        outcome: fail('ACTUAL_INVALID', `实际值中找不到${what}`, `The actual value does not give ${what}`),
      };
    if (isFraction(unit) && !v.percent && v.value.gt(1))
      return {
        ok: false,
        outcome: fail(
          'ACTUAL_AMBIGUOUS',
          `实际值 ${v.value.toString()} 不明确：目标是百分比，请填写 ${v.value.toString()}% 或 ${v.value.div(100).toString()}`,
          `Actual ${v.value.toString()} is ambiguous against a percent target: enter ${v.value.toString()}% or ${v.value.div(100).toString()}`,
        ),
      };
    // "下降10%" for 增幅 is −10%; for 死亡率 it is a change, not the rate.
    const signed = gap ? undefined : signedByDirection(v, metric);
    if (signed === null)
      return {
        ok: false,
        outcome: manual(
          `实际值「${v.name}${written(v)}」是变化量而不是${what}本身，请填写${what}的数值或人工评分`,
          `"${v.name}…" is a change, not the value of ${what}: give the value or score by hand`,
        ),
      };
    this.lastPercent = v.percent;
    return { ok: true, value: signed ?? v.value };
  }

  /** Whether a test holds; null when the actual says neither. */
  test(t: Test): boolean | null | Outcome {
    if (t.kind === 'condition') {
      const n = this.number(t.condition.metric, t.condition.unit);
      return n.ok ? holds(n.value, t.condition) : n.outcome;
    }
    if (t.kind === 'label') return labelMet(t.label, t.negative, this.v);
    return eventMet(t.event, this.v);
  }
}

export function holds(a: Dec, c: Condition): boolean {
  const v = dec(c.value);
  const first =
    c.op === '>='
      ? a.gte(v)
      : c.op === '>'
        ? a.gt(v)
        : c.op === '<='
          ? a.lte(v)
          : c.op === '<'
            ? a.lt(v)
            : a.eq(v);
  if (!first || c.to === null) return first;
  return c.to.op === '<' ? a.lt(c.to.value) : a.lte(c.to.value);
}

/** Which side a condition bounds: a contradiction is two sides holding at once with other scores. */
export function side(c: Condition): 'low' | 'high' | 'range' | 'eq' {
  if (c.to !== null) return 'range';
  return c.op === '>=' || c.op === '>' ? 'low' : c.op === '=' ? 'eq' : 'high';
}

export const NEG_LEAD = /^(?:未|无|没有|不|缺)/;

/**
 * The label clauses a text states: a fault list (资料零乱扣2分，登记不全扣1分) is answered by naming
 * the faults ("资料零乱，登记不全"); a part that names none of them, and is not "无"/"合格", makes
 * the item a hand score.
 */
export function labelVerdicts(
  whens: readonly Extract<Clause, { kind: 'when' }>[],
  v: Values,
  listed: readonly string[] = [],
): Map<Clause, boolean> | Outcome {
  const out = new Map<Clause, boolean>();
  const labels = whens.filter((c) => c.test.kind === 'label' && c.effect.kind !== 'exempt');
  if (labels.length === 0 || v.text === null) return out;
  const text = v.text;
  const exacts = labels.filter(
    (c) => c.test.kind === 'label' && c.test.label.replace(/\s+/g, '') === text.replace(/\s+/g, ''),
  );
  if (exacts.length > 1)
    return fail(
      'MANUAL',
      `「${text}」在规则中出现了${exacts.length}次（扣分不同），需人工评分`,
      `"${text}" appears ${exacts.length} times in the rule: score by hand`,
    );
  const exact = exacts[0];
  if (exact) {
    for (const c of labels) out.set(c, c === exact);
    return out;
  }
  // "按时限、程序报告" against 不按时限，程序报告: a text that is a piece of one label is not a list.
  const unify = (x: string): string => x.replace(/[，、；;\s]/g, ',');
  const piece = labels.some((c) => c.test.kind === 'label' && unify(c.test.label).includes(unify(text)));
  const parts = carried(
    labels,
    (piece ? [text] : text.split(/[,，;；、]/)).map((x) => x.trim()).filter((x) => x !== ''),
  );
  let explained = 0;
  const unmatched: string[] = [];
  const known = listed.map(squash);
  for (const part of parts) {
    // A state a counted clause lists is counted there.
    if (known.includes(squash(part))) {
      explained++;
      continue;
    }
    const says = labels.map((c) =>
      c.test.kind === 'label' ? labelSays(c.test.label, c.test.negative, part) : null,
    );
    const yes = labels.filter((_, i) => says[i] === true);
    if (yes.length > 1)
      return fail(
        'MANUAL',
        `「${part}」符合多条规则（${yes.map((c) => testText(c.test)).join('、')}），需人工评分`,
        `"${part}" fits several clauses: score by hand`,
      );
    // "未建立进货查验制度和索证索票制度", "无计划和总结": one label and more joined to it, which the
    // label does not hold: which others are meant cannot be told.
    const joined = /和|及|与|并/.exec(squash(part));
    const label = yes[0]?.test.kind === 'label' ? squash(yes[0].test.label) : null;
    if (label !== null && joined && !label.includes(joined[0]) && squash(part).length > label.length)
      return fail(
        'MANUAL',
        `「${part}」除「${label}」外还连着其他情形，需人工评分`,
        `"${part}" joins more to "${label}": score by hand`,
      );
    if (yes.length === 1) out.set(yes[0]!, true);
    labels.forEach((c, i) => {
      if (says[i] === false && !out.get(c)) out.set(c, false);
    });
    if (yes.length === 1 || says.some((x) => x === false) || NOTHING_WRONG.test(part)) explained++;
    else if (v.values.length === 0) unmatched.push(part);
  }
  for (const part of unmatched) {
    // "已制定计划，未组织实施" against 未制定计划并组织实施: the part said done is a piece of a label
    // another part states.
    const done = squash(part).replace(POS_MARK, '');
    const piece = labels.some(
      (c) =>
        c.test.kind === 'label' &&
        out.get(c) === true &&
        done.length >= 2 &&
        squash(c.test.label).includes(done),
    );
    if (!piece)
      return fail(
        'MANUAL',
        `实际值「${part}」与规则所列情形都不对应，需人工评分`,
        `"${part}" matches none of the rule's cases: score by hand`,
      );
  }
  if (explained > 0) for (const c of labels) if (!out.has(c)) out.set(c, false);
  return out;
}

/**
 * "未建立进货查验制度、索证索票制度", "无爱卫组织、分管领导": a bare part after a denied one is denied
 * with the same words, where a label says so (未建立索证索票制度, 无分管领导); it would otherwise read
 * as the thing had.
 */
function carried(labels: readonly Extract<Clause, { kind: 'when' }>[], parts: string[]): string[] {
  const out: string[] = [];
  let opened = '';
  for (const part of parts) {
    const p = squash(part);
    if (NEG_MARK.test(p) || POS_MARK.test(p) || opened === '') {
      opened = NEG_MARK.test(p) ? p : '';
      out.push(part);
      continue;
    }
    const pres = labels.flatMap((c) => {
      if (c.test.kind !== 'label') return [];
      const l = squash(c.test.label);
      const pre = l.slice(0, l.length - p.length);
      return l.length > p.length && l.endsWith(p) && NEG_MARK.test(pre) && opened.startsWith(pre)
        ? [pre]
        : [];
    });
    out.push(pres.length === 1 ? pres[0]! + p : part);
  }
  return out;
}

export const isOutcome = (x: unknown): x is Outcome => typeof x === 'object' && x !== null && 'ok' in x;

export function partial(steps: Dec, mode: 'proportional' | 'floor' | 'ceil'): Dec {
  return mode === 'floor' ? steps.floor() : mode === 'ceil' ? steps.ceil() : steps;
}

export function testText(t: Test): string {
  if (t.kind === 'condition') return showCondition(t.condition);
  return t.kind === 'label' ? t.label : `发生${t.event}`;
}

/** Whether a name the clerk wrote ("未及时修订") names a counter ("制度内容…或未能及时修订"). */
export function nameFits(name: string, metric: string): boolean {
  return name !== '' && metric !== '' && (metric.includes(name) || name.includes(metric));
}

export function rankBase(c: Extract<Clause, { kind: 'rank' }>, r: Reader, w: Dec, p: Program): Num {
  const { values } = r.v;
  if (r.v.blank) return { ok: false, outcome: fail('ACTUAL_MISSING', '缺少名次', 'No rank given') };
  const rankValue = values.find((x) => x.name === '' || /第|名次/.test(x.name)) ?? values[0];
  if (!rankValue)
    return {
      ok: false,
      outcome: fail('ACTUAL_INVALID', `名次「${r.v.text ?? ''}」不是数字`, `The rank is not a number`),
    };
  let n = rankValue.value;
  const bottomWritten = /倒数/.test(rankValue.name);
  if (!n.isInteger() || n.lt(1))
    return {
      ok: false,
      outcome: fail(
        'ACTUAL_INVALID',
        `名次应为正整数，实际为 ${n.toString()}`,
        `The rank must be a whole number ≥ 1`,
      ),
    };
  if (c.fromBottom && !bottomWritten) {
    const total = values.find((x) => x.name === '总数');
    if (!total)
      return {
        ok: false,
        outcome: manual(
          '倒数名次表需要“倒数第N名”或“名次/单位总数”（如 8/10）',
          'A bottom-rank table needs "倒数第N名" or rank/total',
        ),
      };
    n = total.value.minus(n).plus(1);
  } else if (!c.fromBottom && bottomWritten) {
    return {
      ok: false,
      outcome: manual(
        '名次表按正数排列，请填写正数名次',
        'The table counts from the top: give the rank from the top',
      ),
    };
  }
  const k = n.toNumber();
  if (k <= c.free) return { ok: true, value: w };
  const e = c.entries.find((x) => x.rank === k);
  if (e) {
    const amount = e.amount === 'full' ? w : dec(e.amount);
    return { ok: true, value: e.effect === 'set' ? amount : max0(w.minus(amount)) };
  }
  const last = c.entries[c.entries.length - 1];
  if (c.step && last && k > last.rank && last.effect === 'deduct')
    return {
      ok: true,
      value: max0(
        w.minus(dec(last.amount === 'full' ? w : last.amount).plus(dec(c.step).mul(k - last.rank))),
      ),
    };
  if (c.fromBottom) return { ok: true, value: w }; // not among the bottom ranks the table lists
  if (p.base.kind === 'ratio' && p.base.best)
    return {
      ok: false,
      outcome: manual('按与第1名的比例计分：请给出实际值与第1名的值', 'Ratio to the best unit'),
    };
  return {
    ok: false,
    outcome: manual(
      `第${k}名不在名次表中（表中列到第${last?.rank ?? c.free}名），需人工评分`,
      `Rank ${k} is not in the table (it lists up to ${last?.rank ?? c.free}); score by hand`,
    ),
  };
}

/**
 * "门急诊量＜规定数60%或未安排，不得分": a negative state written as the other side of the condition
 * right after it, with the same effect. A number for that metric means the state is not the case.
 */
export function orState(p: Program, c: Extract<Clause, { kind: 'when' }>): boolean {
  const i = p.clauses.indexOf(c);
  const next = p.clauses[i + 1];
  return (
    c.test.kind === 'label' &&
    c.test.or === true &&
    next !== undefined &&
    next.kind === 'when' &&
    next.test.kind === 'condition' &&
    JSON.stringify(next.effect) === JSON.stringify(c.effect)
  );
}

export const testLabel = (c: Extract<Clause, { kind: 'when' }>): string =>
  c.test.kind === 'label' ? c.test.label : '';

/** Counts of what fails a requirement: "1个专业基地不符合要求" beside "各专业基地…符合要求". */
const FAILS = /(?:不符合要求|不符合|不合格|不达标|未达到要求|未达标)$/;

/**
 * A count of failures answers the state that says there are none: "3个专业基地不符合要求" denies
 * 各专业基地容量测算符合要求, "0个…" states it. null when the actual is not such a count.
 */
export function countAnswers(p: Program, c: Extract<Clause, { kind: 'when' }>, v: Values): boolean | null {
  if (c.test.kind !== 'label' || v.values.length !== 1) return null;
  const x = v.values[0]!;
  const label = c.test.label;
  if (c.test.negative) {
    // "开展2次" against 未开展: the count of what the state denies.
    const core = label.replace(NEG_MARK, '');
    if (x.name.length < 2 || core !== x.name || x.percent || !x.value.isInteger() || x.value.isNeg())
      return null;
    return x.value.isZero();
  }
  const counts = p.clauses.some((k) => {
    if (k.kind !== 'when' || k.test.kind !== 'condition') return false;
    const m = k.test.condition.metric;
    const fails = FAILS.exec(m);
    if (!fails || !nameFits(x.name, m)) return false;
    const head = m.slice(0, fails.index);
    return head.length >= 2 && label.includes(head) && label.endsWith(fails[0].replace(/^[不未]/, ''));
  });
  if (!counts || !x.value.isInteger() || x.value.isNeg()) return null;
  return x.value.isZero();
}
