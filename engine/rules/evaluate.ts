/**
 * Evaluates a program for an actual value, in decimal (docs/domain.md's conventions): exemptions
 * first, then 清零 / 一票否决, then the base (a band, a label, a rank, a gate share or a ratio),
 * minus the deductions (each clause capped, then all together), plus the bonuses (capped), never
 * below 0, above the points only by what bonus clauses add. Missing segments, labels that are
 * neither, boundaries that contradict each other: a hand score with the reason.
 */
import { D, dec, dmin, max0, type Dec } from './decimal';
import type { Clause, Condition, Program } from './program';
import type { EvaluateInput, Outcome } from './types';
import { fail } from './types';
import { changeOf, labelMet, NOTHING_WRONG } from './values';
import { showCondition } from './render';
import { marginal } from './grammar/tiers-math';
import { bindTarget } from './bind';
import {
  holds,
  isFraction,
  isOutcome,
  labelVerdicts,
  manual,
  orState,
  countAnswers,
  partial,
  rankBase,
  Reader,
  side,
  testLabel,
  testText,
} from './evaluate-parts';
import { countFor, listedStates, programListedStates, shortfallOf } from './evaluate-counts';
import { gradeFor } from './evaluate-labels';

export { holds } from './evaluate-parts';

/** Scores a program. Never throws on bad input: errors are outcomes. */
export function evaluateProgram(program: Program, input: EvaluateInput): Outcome {
  const bound = bindTarget(program, input.target ?? null);
  if (isOutcome(bound)) return bound;
  const p = bound;
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
  // 1. Exemptions, before the actual is matched against the other states.
  for (const c of whens) {
    if (c.effect.kind !== 'exempt') continue;
    if (r.test(c.test) === true) return { ok: true, score: w };
  }
  const verdicts = labelVerdicts(whens, r.v, programListedStates(p));
  if (isOutcome(verdicts)) return verdicts;
  const numericActual = r.v.values.length > 0;
  /** A text that a clause of the rule states, or that says nothing went wrong: no cases to count. */
  const explained =
    r.v.text !== null &&
    r.v.values.length === 0 &&
    ([...verdicts.values()].some((x) => x) ||
      NOTHING_WRONG.test(r.v.text.replace(/\s+/g, '')) ||
      // A grade of the rule's table, as written ("完成招收任务").
      p.clauses.some(
        (c) =>
          c.kind === 'labels' &&
          c.grades.some((g) => g.label.replace(/\s+/g, '') === (r.v.text ?? '').replace(/\s+/g, '')),
      ));
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
    const shown = r.v.text ?? r.v.values.map((x) => x.value.toString()).join(',');
    const counted = countAnswers(p, c, r.v);
    if (counted !== null) return counted;
    if (numericActual && (p.clauses.some((x) => x.kind !== 'when') || orState(p, c))) {
      r.notes.push(`实际值未说明「${testText(c.test)}」，按未发生计`);
      return false;
    }
    return manual(
      `实际值「${shown}」无法判断是否「${testText(c.test)}」，需人工评分`,
      `Cannot tell from "${shown}" whether "${testText(c.test)}": score by hand`,
    );
  };

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
  // Credits counted from zero (1项1分): the base is 0.
  let base: Dec = p.base.kind === 'zero' ? new D(0) : w;
  let setMatched = false;
  /** A clause set the score (不得分, 得满分): credits from zero no longer add to it. */
  let scoreSet = false;
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

  // "达到85%得10分；低于85%的按从高到低排序，分别得8、6、4、2分": a percent is scored by the band.
  const bandFirst =
    rankClause !== undefined &&
    r.v.values.length === 1 &&
    r.v.values[0]!.percent &&
    sets.some(
      (s) =>
        s.test.kind === 'condition' &&
        isFraction(s.test.condition.unit) &&
        holds(r.v.values[0]!.value, s.test.condition),
    );
  // "未安排" against "＜2张或未安排，不得分", "各专业基地符合要求" beside count bands: the state the text
  // names scores, not a number to look for.
  const stated =
    sets.length > 0
      ? whens.filter(
          (c) =>
            c.effect.kind === 'set' &&
            c.test.kind === 'label' &&
            ((r.v.values.length === 0 && labelMet(c.test.label, c.test.negative, r.v) === true) ||
              countAnswers(p, c, r.v) === true),
        )
      : [];
  if (stated.length > 1)
    return manual(
      `实际值「${r.v.text ?? ''}」符合多个情形（${stated.map((c) => testLabel(c)).join('、')}），需人工评分`,
      `"${r.v.text ?? ''}" states several cases: score by hand`,
    );
  const statedAlternative = stated[0];
  if (rankClause && rankClause.kind === 'rank' && !bandFirst) {
    const out = rankBase(rankClause, r, w, p);
    if (!out.ok) return out.outcome;
    base = out.value;
    setMatched = true;
  } else if (labelsClause && labelsClause.kind === 'labels') {
    const g = gradeFor(labelsClause, r, w);
    if (!g.ok) return g.outcome;
    base = g.score === 'full' ? w : dec(g.score);
    setMatched = true;
  } else if (statedAlternative) {
    // "未安排" against "＜2张或未安排，不得分": the state the text names, not a number to look for.
    const e = statedAlternative.effect;
    base = e.kind === 'set' && e.score !== 'full' ? dec(e.score) : w;
    setMatched = true;
    scoreSet = true;
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
      scoreSet = true;
    } else if (p.base.kind !== 'ratio' && stepsList.length === 0 && !gate) {
      const allZero = sets.every((s) => s.effect.kind === 'set' && s.effect.score === '0');
      if (!allZero)
        return manual(
          '实际值不在所列分段中（缺少该段的得分），需人工评分',
          'The actual falls in no band the rule lists: score by hand',
        );
    }
  }
  // "准确率≥98%得2分，每降低1个百分点扣0.5分": below the band, the steps count down from its score.
  if (!setMatched && !gate && p.base.kind !== 'ratio') {
    const anchor = sets.find((s) => {
      if (s.test.kind !== 'condition') return false;
      const c = s.test.condition;
      const low = c.op === '>=' || c.op === '>';
      return stepsList.some(
        (st) =>
          st.effect === 'deduct' &&
          st.from === c.value &&
          st.metric === c.metric &&
          (st.direction === 'below' ? low : st.direction === 'above' && (c.op === '<=' || c.op === '<')),
      );
    });
    if (anchor && anchor.effect.kind === 'set' && anchor.effect.score !== 'full')
      base = D.min(w, dec(anchor.effect.score));
  }
  if (!setMatched && gate && gate.kind === 'gate') {
    let met = 0;
    for (const c of gate.conditions) {
      const n = r.number(c.metric, c.unit);
      if (!n.ok) return n.outcome;
      if (holds(n.value, c)) met++;
    }
    const all = gate.conditions.length;
    if (gate.each?.effect === 'credit') base = D.min(w, dec(gate.each.amount).mul(met));
    else if (gate.each?.effect === 'deduct') base = max0(w.minus(dec(gate.each.amount).mul(all - met)));
    else base = settings.thresholds === 'all' ? (met === all ? w : new D(0)) : w.mul(met).div(all);
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
  // "组织不健全" against 未成立组织的扣10分；组织不健全的扣2分；少一次扣5分: the actual names the
  // faults of the list it states; counted and measured faults it does not state did not occur
  // (only where nothing else sets the base).
  const faultsNamed =
    r.v.values.length === 0 &&
    r.v.text !== null &&
    [...verdicts.values()].some((x) => x) &&
    !setMatched &&
    !gate &&
    sets.length === 0 &&
    p.base.kind === 'full';
  const unstated = (what: string): void => {
    r.notes.push(`实际值未说明「${what}」，按未发生计`);
  };
  for (const s of stepsList) {
    if (setMatched && s.direction !== 'count') continue;
    // A counted clause that lists states ("无计划、无检查、无总结") counts the ones the text names.
    if (faultsNamed && !(s.direction === 'count' && listedStates(s.metric).length > 0)) {
      unstated(s.metric || s.unit);
      continue;
    }
    let n: Dec;
    if (s.direction === 'count') {
      const c = countFor(s, countSteps, r, explained);
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
      const n0 = r.number(s.metric, s.unit, s.from === null && input.target == null);
      if (!n0.ok) return n0.outcome;
      // "每低2个点扣1分" against a percent: steps of 2 what? Never divide a percent by a count.
      if (r.lastPercent && !isFraction(s.unit))
        return manual(
          `「每${s.direction === 'above' ? '多' : '低'}${s.size}${s.unit}」与百分比的实际值单位不一致，需人工评分`,
          `The step's unit (${s.size}${s.unit}) does not fit a percent actual: score by hand`,
        );
      const from = input.target ?? (s.from === null ? null : dec(s.from));
      // "少2例" against 每少一例扣1分 with no target: the clerk wrote the shortfall itself.
      const only =
        r.v.values.length === 1
          ? r.v.values[0]!
          : // "少2期，烟头2处": the shortfall named in its unit, beside other counts.
            (shortfallOf(s, r.v.values) ?? null);
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
      // "下降3个百分点" / "上升1个百分点" with no bound: the clerk wrote the gap itself, in percentage points.
      const gapSide = only
        ? /^(?:下降|降低|低于|减少)/.test(only.name)
          ? 'below'
          : /^(?:上升|提高|增加|超过|超出|高出)/.test(only.name)
            ? 'above'
            : null
        : null;
      if (from === null && only && gapSide && only.percent === isFraction(s.unit) && !s.change) {
        if (only.value.isNeg())
          return fail('ACTUAL_INVALID', '变化量应为非负数', 'The change must not be negative');
        const gap = gapSide === s.direction ? only.value : new D(0);
        let amount1 = partial(gap.div(s.size), settings.partial).mul(s.amount);
        if (s.cap !== null) amount1 = dmin(amount1, dec(s.cap));
        if (s.effect === 'add') added = added.plus(amount1);
        else deducted = deducted.plus(amount1);
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
    if (faultsNamed && c.test.kind === 'condition') {
      unstated(testText(c.test));
      continue;
    }
    const t = judge(c);
    if (isOutcome(t)) return t;
    if (!t) continue;
    if (c.effect.kind === 'deduct') deducted = deducted.plus(c.effect.amount);
    else if (c.effect.kind === 'add') added = added.plus(c.effect.amount);
    else if (c.effect.kind === 'set') {
      base = c.effect.score === 'full' ? w : dec(c.effect.score);
      scoreSet = true;
    }
  }
  // A single "已建立档案得1分" that is not met: nothing earned. "垃圾池干净整洁并有专人负责清运得满分"
  // with only a part denied: the rule does not say what a partly met state earns.
  for (const c of whens)
    if (
      c.effect.kind === 'set' &&
      c.test.kind === 'label' &&
      !c.test.negative &&
      labelMet(c.test.label, false, r.v) === false
    ) {
      if (c.effect.score === 'full' && /并|且|和|及|、|,/.test(c.test.label) && !whens.some((x) => x !== c))
        return manual(
          `「${r.v.text ?? ''}」只否定了「${c.test.label}」的一部分，规则只写了全部做到得满分，需人工评分`,
          `"${r.v.text ?? ''}" denies only part of "${c.test.label}"; the rule gives only full points: score by hand`,
        );
      base = new D(0);
    }
  if (p.deductCap !== null) deducted = dmin(deducted, dec(p.deductCap));
  if (p.bonusCap !== null) added = dmin(added, dec(p.bonusCap));
  if (scoreSet && p.base.kind === 'zero') added = new D(0);
  if (p.belowZero && deducted.gt(base))
    return manual(
      `可倒扣：扣分（${deducted.toString()}分）超过得分（${base.toString()}分），而得分不低于0分，需人工评分`,
      `Deductions (${deducted.toString()}) pass the score (${base.toString()}) and the rule lets them: score by hand`,
    );
  let score = max0(base.minus(deducted));
  const hasBonus = added.gt(0);
  // A ratio may go up to its own cap (cap=1.2); anything else stops at the points.
  if (!hasBonus && score.gt(w) && !input.unbounded && !fromRatio) score = w;
  score = score.plus(added);
  // Credits from zero earn at most the points.
  if (p.base.kind === 'zero' && !input.unbounded && score.gt(w)) score = w;
  const out: Outcome = { ok: true, score };
  if (veto) out.veto = true;
  if (vetoExcellence) out.vetoExcellence = true;
  if (hasBonus && score.gt(w) && p.base.kind !== 'zero') r.notes.push(`加分后超过分值（${w.toString()}分）`);
  if (r.notes.length > 0) out.note = r.notes.join('；');
  return out;
}
