/**
 * Evaluates a program for an actual value, in decimal (DOMAIN.md's conventions): exemptions
 * first, then 清零 / 一票否决, then the base (a band, a label, a rank, a gate share or a ratio),
 * minus the deductions (each clause capped, then all together), plus the bonuses (capped), never
 * below 0, above the points only by what bonus clauses add. Missing segments, labels that are
 * neither, boundaries that contradict each other: a hand score with the reason.
 */
import { D, dec, dmin, max0, type Dec } from './decimal';
import type { Clause, Condition, Program, Test } from './program';
import type { EvaluateInput, Outcome } from './types';
import { fail } from './types';
import {
  changeOf,
  eventMet,
  labelMet,
  labelSays,
  NOTHING_WRONG,
  readValues,
  type Value,
  type Values,
} from './values';
import { showCondition } from './render';
import { marginal } from './grammar/tiers-math';

type Num = { ok: true; value: Dec } | { ok: false; outcome: Outcome };

const isFraction = (u: string): boolean => u === '%' || u === '‰';

/** The metrics the actual must give numbers for, in the order the rule names them. */
function numericMetrics(p: Program): string[] {
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

function manual(zh: string, en: string): Outcome {
  return fail('MANUAL', zh, en);
}

class Reader {
  readonly v: Values;
  readonly metrics: string[];
  notes: string[] = [];
  constructor(
    readonly p: Program,
    input: EvaluateInput,
  ) {
    this.v = readValues(input.actual);
    this.metrics = numericMetrics(p);
  }

  /** The number for a metric: by name, by position, or the only one. */
  number(metric: string, unit: string): Num {
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
    if (!v && values.length === 1) v = values[0];
    // "超过规定数量70%": a comparison, not a value; the clerk should give the value itself.
    if (v && /超过|超出|低于|高于|不足|以上|以下|约|左右/.test(v.name))
      return {
        ok: false,
        outcome: manual(
          `实际值「${v.name}${v.value.toString()}」是比较而不是数值，请只填数值或人工评分`,
          `"${v.name}…" is a comparison, not a value: give the value or score by hand`,
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
    return { ok: true, value: v.value };
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
function side(c: Condition): 'low' | 'high' | 'range' | 'eq' {
  if (c.to !== null) return 'range';
  return c.op === '>=' || c.op === '>' ? 'low' : c.op === '=' ? 'eq' : 'high';
}

const NEG_LEAD = /^(?:未|无|没有|不|缺)/;

/**
 * The label clauses a text states: a fault list (资料零乱扣2分，登记不全扣1分) is answered by naming
 * the faults ("资料零乱，登记不全"); a part that names none of them, and is not "无"/"合格", makes
 * the item a hand score.
 */
function labelVerdicts(
  whens: readonly Extract<Clause, { kind: 'when' }>[],
  v: Values,
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
  const parts = text
    .split(/[,，;；、]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  let explained = 0;
  for (const part of parts) {
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
    if (yes.length === 1) out.set(yes[0]!, true);
    labels.forEach((c, i) => {
      if (says[i] === false && !out.get(c)) out.set(c, false);
    });
    if (yes.length === 1 || says.some((x) => x === false) || NOTHING_WRONG.test(part)) explained++;
    else if (v.values.length === 0)
      return fail(
        'MANUAL',
        `实际值「${part}」与规则所列情形都不对应，需人工评分`,
        `"${part}" matches none of the rule's cases: score by hand`,
      );
  }
  if (explained > 0) for (const c of labels) if (!out.has(c)) out.set(c, false);
  return out;
}

const isOutcome = (x: unknown): x is Outcome => typeof x === 'object' && x !== null && 'ok' in x;

/** Scores a program. Never throws on bad input: errors are outcomes. */
export function evaluateProgram(p: Program, input: EvaluateInput): Outcome {
  if (p.manual)
    return p.manual.reason === 'qualitative'
      ? manual('定性指标，需人工评分', 'Qualitative target: score by hand')
      : manual(
          `需人工评分：「${p.manual.clause}」需要人为判断`,
          `Score by hand: "${p.manual.clause}" calls for judgement`,
        );
  const w = input.points;
  const r = new Reader(p, input);
  const { settings } = input;
  let veto = false;
  let vetoExcellence = false;
  let zeroTotal = false;

  if (p.deductionOnly && p.clauses.length === 0) {
    const n = r.number('扣分', '');
    if (!n.ok) return n.outcome;
    if (n.value.isNeg()) return fail('ACTUAL_INVALID', '扣分不能为负数', 'A deduction cannot be negative');
    return { ok: true, score: (p.deductCap ? D.min(n.value, dec(p.deductCap)) : n.value).neg() };
  }
  const whens = p.clauses.filter((c): c is Extract<Clause, { kind: 'when' }> => c.kind === 'when');
  const verdicts = labelVerdicts(whens, r.v);
  if (isOutcome(verdicts)) return verdicts;
  const numericActual = r.v.values.length > 0;
  /** A label or event test the actual does not speak to: not triggered, said in a note. */
  const judge = (c: Extract<Clause, { kind: 'when' }>): boolean | Outcome => {
    const known = verdicts.get(c);
    const t = known !== undefined ? known : r.test(c.test);
    if (isOutcome(t)) return t;
    if (t !== null) return t;
    if (r.v.blank)
      return fail(
        'ACTUAL_MISSING',
        `请填写「${testText(c.test)}」的情况`,
        `Say whether "${testText(c.test)}" applies`,
      );
    if (numericActual && p.clauses.some((x) => x.kind !== 'when')) {
      r.notes.push(`实际值未说明「${testText(c.test)}」，按未发生计`);
      return false;
    }
    return manual(
      `实际值「${r.v.text ?? ''}」无法判断是否「${testText(c.test)}」，需人工评分`,
      `Cannot tell from "${r.v.text ?? ''}" whether "${testText(c.test)}": score by hand`,
    );
  };

  // 1. Exemptions.
  for (const c of whens) {
    if (c.effect.kind !== 'exempt') continue;
    const t = verdicts.get(c) ?? r.test(c.test);
    if (t === true) return { ok: true, score: w };
  }
  // 2. 清零 / 一票否决 / 一票否优.
  for (const c of whens) {
    if (c.effect.kind !== 'zero' && c.effect.kind !== 'vetoExcellence') continue;
    const t = judge(c);
    if (isOutcome(t)) return t;
    if (!t) continue;
    if (c.effect.kind === 'vetoExcellence') vetoExcellence = true;
    else {
      veto ||= c.effect.veto;
      zeroTotal ||= c.effect.total;
      return { ok: true, score: new D(0), triggered: true, veto, zeroTotal, vetoExcellence };
    }
  }

  // 3. The base.
  let base: Dec = w;
  let setMatched = false;
  let fromRatio = false;
  const tiersClause = p.clauses.find((c) => c.kind === 'tiers');
  if (tiersClause && tiersClause.kind === 'tiers') {
    const n = r.number('金额', '');
    if (!n.ok) return n.outcome;
    const brackets = tiersClause.brackets.map((b) => ({
      from: dec(b.from),
      to: b.to === null ? null : dec(b.to),
      rate: dec(b.rate),
    }));
    return { ok: true, score: marginal(n.value, brackets) };
  }
  const rankClause = p.clauses.find((c) => c.kind === 'rank');
  const labelsClause = p.clauses.find((c) => c.kind === 'labels');
  const sets = whens.filter((c) => c.test.kind === 'condition' && c.effect.kind === 'set');
  const gate = p.clauses.find((c) => c.kind === 'gate');
  const stepsList = p.clauses.filter((c): c is Extract<Clause, { kind: 'step' }> => c.kind === 'step');

  if (rankClause && rankClause.kind === 'rank') {
    const out = rankBase(rankClause, r, w, p);
    if (!out.ok) return out.outcome;
    base = out.value;
    setMatched = true;
  } else if (labelsClause && labelsClause.kind === 'labels') {
    if (r.v.blank) return fail('ACTUAL_MISSING', '缺少评价等级', 'No grade given');
    const a = (r.v.text ?? r.v.values.map((x) => x.value.toString()).join(',')).replace(/\s+/g, '');
    let g = labelsClause.grades.find((x) => x.label.replace(/\s+/g, '') === a);
    if (!g) {
      // "有高血压患者任务分配表" against 高血压患者任务分配表 / 没有该项: the grade the text states, or
      // with two grades, the other one when the text denies a grade.
      const grades = labelsClause.grades;
      const parts = (r.v.text ?? '')
        .split(/[,，;；、]/)
        .map((x) => x.replace(/\s+/g, ''))
        .filter((x) => x !== '');
      const named = new Set<(typeof grades)[number]>();
      for (const part of parts) {
        const exactPart = grades.filter((x) => x.label.replace(/\s+/g, '') === part);
        const hits =
          exactPart.length > 0
            ? exactPart
            : grades.filter((x) => labelSays(x.label, NEG_LEAD.test(x.label), part, true) === true);
        if (hits.length > 1)
          return manual(
            `「${part}」符合多个等级，需人工评分`,
            `"${part}" fits several grades: score by hand`,
          );
        if (hits[0]) named.add(hits[0]);
      }
      const says = grades.map((x) => labelSays(x.label, NEG_LEAD.test(x.label), a, true));
      const yes = [...named];
      if (yes.length > 1) {
        // Several credits named ("已建立，已开展服务"): a checklist of positive items adds up.
        if (
          grades.every((x) => !NEG_LEAD.test(x.label) || x.score === '0') &&
          yes.every((x) => x.score !== 'full')
        ) {
          const sum = yes.reduce((t, x) => t.plus(x.score), new D(0));
          g = { label: a, score: dmin(sum, w).toString() };
        }
      } else if (yes.length === 1) g = yes[0];
      else if (grades.length === 2) {
        // {X, 无X}: denying one names the other.
        const denied = says.findIndex((x) => x === false);
        const other = grades[1 - denied];
        if (
          denied >= 0 &&
          other &&
          says[1 - denied] !== false &&
          NEG_LEAD.test(grades[denied]!.label) &&
          !NEG_LEAD.test(other.label)
        )
          g = other;
      }
    }
    if (!g) {
      const options = labelsClause.grades.map((x) => x.label).join('/');
      return manual(
        `「${a}」不是所列等级（${options}），需人工评分`,
        `"${a}" is not one of the grades (${options}): score by hand`,
      );
    }
    base = g.score === 'full' ? w : dec(g.score);
    setMatched = true;
  } else if (sets.length > 0) {
    const matched: { c: Condition; score: Dec }[] = [];
    for (const s of sets) {
      if (s.test.kind !== 'condition' || s.effect.kind !== 'set') continue;
      const n = r.number(s.test.condition.metric, s.test.condition.unit);
      if (!n.ok) return n.outcome;
      if (holds(n.value, s.test.condition))
        matched.push({ c: s.test.condition, score: s.effect.score === 'full' ? w : dec(s.effect.score) });
    }
    if (matched.length > 0) {
      const first = matched[0]!;
      const clash = matched.find(
        (m) => !m.score.eq(first.score) && (side(m.c) !== side(first.c) || side(m.c) === 'range'),
      );
      if (clash)
        return manual(
          `边界矛盾：「${showCondition(first.c)}」与「${showCondition(clash.c)}」同时成立，需人工评分`,
          `Contradictory bounds: "${showCondition(first.c)}" and "${showCondition(clash.c)}" both hold; score by hand`,
        );
      base = first.score;
      setMatched = true;
    } else if (p.base.kind !== 'ratio' && stepsList.length === 0 && !gate) {
      const allZero = sets.every((s) => s.effect.kind === 'set' && s.effect.score === '0');
      if (!allZero)
        return manual(
          '实际值不在所列分段中（缺少该段的得分），需人工评分',
          'The actual falls in no band the rule lists: score by hand',
        );
    }
  }
  if (!setMatched && gate && gate.kind === 'gate') {
    let met = 0;
    for (const c of gate.conditions) {
      const n = r.number(c.metric, c.unit);
      if (!n.ok) return n.outcome;
      if (holds(n.value, c)) met++;
    }
    const all = gate.conditions.length;
    base = settings.thresholds === 'all' ? (met === all ? w : new D(0)) : w.mul(met).div(all);
  } else if (!setMatched && p.base.kind === 'ratio') {
    const b = p.base;
    const bound = b.best
      ? (input.target ?? null)
      : (input.target ?? (b.bound === null ? null : dec(b.bound)));
    if (bound === null)
      return b.best
        ? manual(
            '按与第1名的比例计分，需要第1名的值（目标值）',
            "Ratio to the best unit: give the best unit's value as the target",
          )
        : manual(
            '按比例计分，但规则和目标值都没有给出比例的基数，需人工评分',
            'A ratio with no base in the rule or the target: score by hand',
          );
    const n = r.number(b.metric, b.unit || (isFraction(b.unit) ? b.unit : ''));
    if (!n.ok) return n.outcome;
    if (bound.isZero() || (b.lowerIsBetter && n.value.isZero()))
      return fail(
        'ACTUAL_INVALID',
        '目标值或实际值为0，无法计算比例',
        'Target or actual is 0: the ratio cannot be computed',
      );
    const ratio = b.lowerIsBetter ? bound.div(n.value) : n.value.div(bound);
    const cap = b.cap ? dec(b.cap) : dec(settings.ratioCap);
    base = w.mul(D.max(0, D.min(ratio, cap)));
    fromRatio = true;
  }

  // 4. Deductions and 5. bonuses.
  let deducted = new D(0);
  let added = new D(0);
  const countSteps = stepsList.filter((s) => s.direction === 'count');
  for (const s of stepsList) {
    if (setMatched && s.direction !== 'count') continue;
    let n: Dec;
    if (s.direction === 'count') {
      const c = countFor(s, countSteps, r);
      if (!c.ok) return c.outcome;
      n = c.value.div(s.size).floor();
    } else if (s.change) {
      const ch = changeOf(r.v);
      if (ch === null)
        return r.v.blank
          ? fail('ACTUAL_MISSING', '缺少与上年相比的变化量', 'No change against last year given')
          : fail(
              'ACTUAL_INVALID',
              '请填写与上年相比的变化（如“增加3人”“减少2人”）',
              'Give the change against last year',
            );
      const gap = s.direction === 'above' ? max0(ch) : max0(ch.neg());
      n = partial(gap.div(s.size), settings.partial);
    } else {
      const n0 = r.number(s.metric, s.unit);
      if (!n0.ok) return n0.outcome;
      const from = input.target ?? (s.from === null ? null : dec(s.from));
      // "少2例" against 每少一例扣1分 with no target: the clerk wrote the shortfall itself.
      const only = r.v.values.length === 1 ? r.v.values[0]! : null;
      if (
        from === null &&
        only &&
        /^(?:少|缺|差|低|欠)/.test(only.name) &&
        s.direction === 'below' &&
        !isFraction(s.unit)
      ) {
        if (!only.value.isInteger() || only.value.isNeg())
          return fail(
            'ACTUAL_INVALID',
            `请填写少了几${s.unit}（非负整数）`,
            'Give the shortfall as a whole number',
          );
        let amount0 = only.value.div(s.size).floor().mul(s.amount);
        if (s.cap !== null) amount0 = dmin(amount0, dec(s.cap));
        deducted = deducted.plus(amount0);
        continue;
      }
      if (from === null)
        return fail(
          'ARGUMENT',
          `规则未写明${s.metric || '该指标'}的目标值，请提供目标值`,
          `The rule names no bound for ${s.metric || 'the metric'}: give a target value`,
        );
      const gap = s.direction === 'above' ? max0(n0.value.minus(from)) : max0(from.minus(n0.value));
      n = partial(gap.div(s.size), settings.partial);
    }
    let amount = n.mul(s.amount);
    if (s.cap !== null) amount = dmin(amount, dec(s.cap));
    if (s.effect === 'add') added = added.plus(amount);
    else deducted = deducted.plus(amount);
  }
  for (const c of whens) {
    if (
      c.effect.kind !== 'deduct' &&
      c.effect.kind !== 'add' &&
      !(c.effect.kind === 'set' && c.test.kind !== 'condition')
    )
      continue;
    const t = judge(c);
    if (isOutcome(t)) return t;
    if (!t) continue;
    if (c.effect.kind === 'deduct') deducted = deducted.plus(c.effect.amount);
    else if (c.effect.kind === 'add') added = added.plus(c.effect.amount);
    else if (c.effect.kind === 'set') base = c.effect.score === 'full' ? w : dec(c.effect.score);
  }
  // A single "已建立档案得1分" that is not met: nothing earned.
  for (const c of whens)
    if (
      c.effect.kind === 'set' &&
      c.test.kind === 'label' &&
      !c.test.negative &&
      labelMet(c.test.label, false, r.v) === false
    )
      base = new D(0);
  if (p.deductCap !== null) deducted = dmin(deducted, dec(p.deductCap));
  if (p.bonusCap !== null) added = dmin(added, dec(p.bonusCap));
  let score = max0(base.minus(deducted));
  const hasBonus = added.gt(0);
  // A ratio may go up to its own cap (cap=1.2); anything else stops at the points.
  if (!hasBonus && score.gt(w) && !input.unbounded && !fromRatio) score = w;
  score = score.plus(added);
  const out: Outcome = { ok: true, score };
  if (veto) out.veto = true;
  if (vetoExcellence) out.vetoExcellence = true;
  if (hasBonus && score.gt(w)) r.notes.push(`加分后超过分值（${w.toString()}分）`);
  if (r.notes.length > 0) out.note = r.notes.join('；');
  return out;
}

function partial(steps: Dec, mode: 'proportional' | 'floor' | 'ceil'): Dec {
  return mode === 'floor' ? steps.floor() : mode === 'ceil' ? steps.ceil() : steps;
}

function testText(t: Test): string {
  if (t.kind === 'condition') return showCondition(t.condition);
  return t.kind === 'label' ? t.label : `发生${t.event}`;
}

/** The count for one counted clause; two counters behind one plain number are ambiguous. */
function countFor(
  s: Extract<Clause, { kind: 'step' }>,
  all: readonly Extract<Clause, { kind: 'step' }>[],
  r: Reader,
): Num {
  const { values } = r.v;
  if (r.v.blank)
    return { ok: false, outcome: fail('ACTUAL_MISSING', `缺少${s.unit || s.metric}数`, `No count given`) };
  let v: Value | undefined;
  if (all.length > 1) {
    const named = values.filter((x) => x.name !== '' || x.unit !== '');
    if (named.length === 0 || named.length !== values.length)
      return {
        ok: false,
        outcome: manual(
          `有${all.length}种计数（${all.map((x) => x.metric).join('、')}），一个数字无法区分，请分别写明（如“缺2项，少1次”）或人工评分`,
          `${all.length} counters share one number: name them ("缺2项，少1次") or score by hand`,
        ),
      };
    let total = new D(0);
    for (const x of named) {
      const byUnit = all.filter((y) => x.unit !== '' && y.unit === x.unit);
      const byName = all.filter(
        (y) => x.name !== '' && (y.metric.includes(x.name) || x.name.includes(y.metric)),
      );
      const fits = byName.length === 1 ? byName : byUnit.length === 1 ? byUnit : [];
      if (fits.length !== 1)
        return {
          ok: false,
          outcome: manual(
            `无法确定「${x.name}${x.value.toString()}${x.unit}」属于哪一种计数，需人工评分`,
            `Cannot tell which counter "${x.name}${x.value.toString()}" belongs to: score by hand`,
          ),
        };
      if (fits[0] === s) total = total.plus(x.value);
    }
    v = { name: s.metric, value: total, percent: false, unit: s.unit };
  } else if (values.length === 1) v = values[0];
  else if (values.length === 0 && r.v.text !== null) {
    const e = eventMet(s.metric, r.v);
    if (e === false) return { ok: true, value: new D(0) };
  }
  if (!v)
    return {
      ok: false,
      outcome: fail(
        'ACTUAL_INVALID',
        `实际值「${r.v.text ?? ''}」不是次数/项数`,
        `"${r.v.text ?? ''}" is not a count`,
      ),
    };
  if (v.value.isNeg() || !v.value.isInteger())
    return {
      ok: false,
      outcome: fail(
        'ACTUAL_INVALID',
        `次数/项数应为非负整数，实际为 ${v.value.toString()}`,
        `The count must be a whole number ≥ 0, got ${v.value.toString()}`,
      ),
    };
  return { ok: true, value: v.value };
}

function rankBase(c: Extract<Clause, { kind: 'rank' }>, r: Reader, w: Dec, p: Program): Num {
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
