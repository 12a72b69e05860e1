/**
 * The evaluator (engine/rules/evaluate.ts) mirrored over one reading of the actual: the same
 * phases in the same order (exemptions, 清零/一票否决, the base from tiers, ranks, labels, bands,
 * gates or a ratio, then steps and conditional deductions and bonuses, caps, the clamp), giving a
 * tree whose number leaves are formulas and whose text leaves are where the engine gives no number.
 */
import type { Clause, Condition } from '../rules/program';
import { dec } from '../rules/decimal';
import { labelMet } from '../rules/values';
import { countAnswers, numericMetrics } from '../rules/evaluate-parts';
import { listedStates } from '../rules/evaluate-counts';
import { and, ifT, lit, mapNum, not, num, or, render, simplify, text, type Bool, type Tree } from './expr';
import { guard, holds, isFraction, readNumber, scoreOf, type Ctx, type Fail } from './context';
import { NATIVE_TEXT } from './messages';
import { isOneOf } from './reading';
import { silentNames } from './silent';
import { exemptHolds, hasLabelTests, judge, textAsNumber, type When } from './clauses/when';
import { gateBase } from './clauses/gate';
import { labelsBase } from './clauses/labels';
import { rankBase } from './clauses/rank';
import { ratioBase } from './clauses/ratio';
import { chooseCounter, stepAmount, type Step } from './clauses/step';
import { tiersScore } from './clauses/tiers';

export { numericMetrics };

interface State {
  base: string;
  setMatched: boolean;
  /** A clause set the score (a band, 不得分): credits counted from zero no longer add to it. */
  scoreSet: Bool;
  fromRatio: boolean;
  ded: string[];
  add: string[];
}

/** The score tree of a program for the reading in `ctx` (unrounded, as evaluateProgram gives it). */
export function scoreTree(ctx: Ctx): Tree {
  const p = ctx.p;
  const r = ctx.r;
  if (p.manual) return text(NATIVE_TEXT.MANUAL);
  if (p.deductionOnly && p.clauses.length === 0) {
    const n = readNumber(ctx, '扣分', '');
    const taken = p.deductCap ? `MIN(${n.v},${lit(p.deductCap)})` : n.v;
    return guard(n.fails, ifT(`${n.v}<0`, text(NATIVE_TEXT.ACTUAL_INVALID), num(`-${paren1(taken)}`)));
  }
  // Label tests read a text with the engine's word lists: such a text is unread.
  if (hasLabelTests(ctx) && r.kind === 'text') return text(NATIVE_TEXT.UNREAD);
  // A text value is read only where it says nothing to the labels, as a number (textAsNumber).
  // So is a named value whose name and unit the engine finds in no label (silentNames: "缺2项").
  if (hasLabelTests(ctx) && r.kind === 'value' && r.fromText && !r.silent) {
    const names = r.raw === '""' ? [] : silentNames(p);
    const named = names.length > 0 ? isOneOf(`${r.raw}&"|"&${r.unit}`, names) : false;
    return ifT(
      or(textAsNumber(ctx), named),
      scoreParts({ ...ctx, r: { ...r, silent: true } }),
      text(NATIVE_TEXT.UNREAD),
    );
  }
  return scoreParts(ctx);
}

/** scoreTree past the hand-score and deduction-only cases and the reading checks. */
function scoreParts(ctx: Ctx): Tree {
  const p = ctx.p;
  const whens = p.clauses.filter((c): c is When => c.kind === 'when');

  // 1. Exemptions: the base (the points), whatever else the rule says.
  const exempts = whens.filter((c) => c.effect.kind === 'exempt').map((c) => exemptHolds(ctx, c));
  // 2. 清零 / 一票否决 / 一票否优, in order.
  const zeros = whens.filter((c) => c.effect.kind === 'zero' || c.effect.kind === 'vetoExcellence');
  const afterZeros = (i: number): Tree => {
    if (i >= zeros.length) return baseTree(ctx, whens);
    const c = zeros[i]!;
    const j = judge(ctx, c);
    return guard(
      j.fails,
      c.effect.kind === 'zero' ? ifT(j.value, num('0'), afterZeros(i + 1)) : afterZeros(i + 1),
    );
  };
  let out = afterZeros(0);
  for (let i = exempts.length - 1; i >= 0; i--)
    out = guard(exempts[i]!.fails, ifT(exempts[i]!.value, num(ctx.w), out));
  return out;
}

function paren1(e: string): string {
  return /^[\w.$]+$/.test(e) ? e : `(${e})`;
}

/** 3. The base, then 4–5. */
function baseTree(ctx: Ctx, whens: When[]): Tree {
  const p = ctx.p;
  const tiers = p.clauses.find((c) => c.kind === 'tiers');
  if (tiers && tiers.kind === 'tiers') return tiersScore(ctx, tiers);
  const rank = p.clauses.find((c) => c.kind === 'rank');
  const labels = p.clauses.find((c) => c.kind === 'labels');
  const sets = whens.filter((c) => c.test.kind === 'condition' && c.effect.kind === 'set');
  const gate = p.clauses.find((c) => c.kind === 'gate');
  const steps = p.clauses.filter((c): c is Step => c.kind === 'step');
  const start = (base: string, setMatched: boolean, scoreSet: boolean = setMatched): Tree =>
    afterBase(ctx, whens, steps, { base, setMatched, scoreSet, fromRatio: false, ded: [], add: [] });
  // "未安排" against "＜2张或未安排，不得分", "各专业基地…符合要求" beside count bands: a known text
  // that states a state scoring a band (evaluate.ts `stated`). Decided when the formula is built.
  const r0 = ctx.r;
  const stated =
    r0.kind === 'known' && sets.length > 0
      ? whens.filter(
          (c) =>
            c.effect.kind === 'set' &&
            c.test.kind === 'label' &&
            ((r0.vals.values.length === 0 && labelMet(c.test.label, c.test.negative, r0.vals) === true) ||
              countAnswers(p, c, r0.vals) === true),
        )
      : [];
  if (stated.length > 1) return text(NATIVE_TEXT.MANUAL);
  const alternative = stated[0];
  if (rank && rank.kind === 'rank') {
    const byRank = rankBase(ctx, rank, (b) => start(b, true, false));
    // "达到85%得10分；低于85%的按从高到低排序…": a percent that meets a percent band is scored by the band.
    const r = ctx.r;
    if (r.kind !== 'value' || r.pct === false) return byRank;
    const bands = sets.flatMap((s) =>
      s.test.kind === 'condition' && isFraction(s.test.condition.unit) ? [s.test.condition] : [],
    );
    if (bands.length === 0) return byRank;
    return ifT(
      and(r.pct, or(...bands.map((c) => holds(r.v, c)))),
      setsTree(ctx, whens, sets, steps, gate),
      byRank,
    );
  }
  if (labels && labels.kind === 'labels') return labelsBase(ctx, labels, (b) => start(b, true, false));
  if (alternative && alternative.effect.kind === 'set')
    return start(alternative.effect.score === 'full' ? ctx.w : lit(alternative.effect.score), true, true);
  if (sets.length > 0) return setsTree(ctx, whens, sets, steps, gate);
  return otherBase(ctx, whens, steps, null);
}

/** Bands (得N分 for a condition): the first that holds, a clash of two is a hand score. */
function setsTree(ctx: Ctx, whens: When[], sets: When[], steps: Step[], gate: Clause | undefined): Tree {
  const p = ctx.p;
  const start = (base: string, setMatched: boolean): Tree =>
    afterBase(ctx, whens, steps, {
      base,
      setMatched,
      scoreSet: setMatched,
      fromRatio: false,
      ded: [],
      add: [],
    });
  const fails: Fail[] = [];
  const hs: { h: Bool; score: string; side: string }[] = [];
  for (const s of sets) {
    if (s.test.kind !== 'condition' || s.effect.kind !== 'set') continue;
    const n = readNumber(ctx, s.test.condition.metric, s.test.condition.unit);
    fails.push(...n.fails);
    hs.push({ h: holds(n.v, s.test.condition), score: scoreOf(ctx, s.effect.score), side: sideOf(s) });
  }
  const firstIs = (i: number): Bool => and(hs[i]!.h, ...hs.slice(0, i).map((x) => not(x.h)));
  /** Whether band j, holding beside band i (the first that holds), contradicts it (a hand score). */
  const clashWith = (i: number, j: number): Bool => {
    const a = hs[i]!;
    const b = hs[j]!;
    if (a.side === b.side && b.side !== 'range') return false;
    if (ctx.metrics.length <= 1 && !overlap(sets[i]!, sets[j]!)) return false;
    const differ: Bool =
      a.score === b.score ? false : /^[\d.()-]+$/.test(a.score + b.score) ? true : `${a.score}<>${b.score}`;
    return and(b.h, differ);
  };
  const clashes: Bool[] = [];
  for (let i = 0; i < hs.length; i++)
    for (let j = i + 1; j < hs.length; j++) clashes.push(and(firstIs(i), clashWith(i, j)));
  let band = '0';
  for (let i = hs.length - 1; i >= 0; i--) band = `IF(${hs[i]!.h},${hs[i]!.score},${band})`;
  const any = or(...hs.map((x) => x.h));
  const noBand =
    p.base.kind !== 'ratio' && steps.length === 0 && !gate
      ? sets.every((s) => s.effect.kind === 'set' && s.effect.score === '0')
        ? start(initialBase(ctx), false)
        : text(NATIVE_TEXT.MANUAL)
      : otherBase(ctx, whens, steps, anchorScore(ctx, sets, steps));
  const together = guard(
    fails,
    ifT(any, ifT(or(...clashes), text(NATIVE_TEXT.MANUAL), start(band, true)), noBand),
  );
  // The same band by band (each condition tested once on the way, the rest of the rule written
  // for each band): shorter where the value is a long text parse and little follows the base.
  let chain = noBand;
  for (let i = hs.length - 1; i >= 0; i--) {
    const later = hs.slice(i + 1).map((_, k) => clashWith(i, i + 1 + k));
    chain = ifT(hs[i]!.h, ifT(or(...later), text(NATIVE_TEXT.MANUAL), start(hs[i]!.score, true)), chain);
  }
  const byBand = guard(fails, chain);
  return size(byBand) < size(together) ? byBand : together;
}

const size = (t: Tree): number => render(simplify(t)).length;

/** The base before any clause: the points, or 0 for credits counted from zero (1项1分). */
const initialBase = (ctx: Ctx): string => (ctx.p.base.kind === 'zero' ? '0' : ctx.w);

/**
 * "准确率≥98%得2分，每降低1个百分点扣0.5分": below the band, the steps count down from the band's
 * score (the band whose bound the steps start from), not from the points.
 */
function anchorScore(ctx: Ctx, sets: When[], steps: Step[]): string | null {
  const p = ctx.p;
  if (p.clauses.some((c) => c.kind === 'gate') || p.base.kind === 'ratio') return null;
  const anchor = sets.find((s) => {
    if (s.test.kind !== 'condition') return false;
    const c = s.test.condition;
    const low = c.op === '>=' || c.op === '>';
    return steps.some(
      (st) =>
        st.effect === 'deduct' &&
        st.from === c.value &&
        st.metric === c.metric &&
        (st.direction === 'below' ? low : st.direction === 'above' && (c.op === '<=' || c.op === '<')),
    );
  });
  if (!anchor || anchor.effect.kind !== 'set' || anchor.effect.score === 'full') return null;
  return `MIN(${ctx.w},${lit(anchor.effect.score)})`;
}

/** Can both conditions hold for one number? (Their intervals meet.) */
function overlap(x: When, y: When): boolean {
  if (x.test.kind !== 'condition' || y.test.kind !== 'condition') return true;
  // A bound that is the target cell: not known here.
  const numeric = (c: Condition): boolean =>
    /^-?\d+(\.\d+)?$/.test(c.value) && (c.to === null || /^-?\d+(\.\d+)?$/.test(c.to.value));
  if (!numeric(x.test.condition) || !numeric(y.test.condition)) return true;
  const a = interval(x.test.condition);
  const b = interval(y.test.condition);
  const lo = !a.lo ? b.lo : !b.lo ? a.lo : pick(a.lo, b.lo, 1);
  const hi = !a.hi ? b.hi : !b.hi ? a.hi : pick(a.hi, b.hi, -1);
  if (!lo || !hi) return true;
  const c = dec(lo.v).cmp(dec(hi.v));
  return c < 0 || (c === 0 && lo.inc && hi.inc);
}

interface End {
  v: string;
  inc: boolean;
}

/** The tighter of two ends: the larger low end (sign 1), the smaller high end (sign -1). */
function pick(a: End, b: End, sign: 1 | -1): End {
  const c = dec(a.v).cmp(dec(b.v)) * sign;
  if (c !== 0) return c > 0 ? a : b;
  return a.inc ? b : a;
}

function interval(c: Condition): { lo: End | null; hi: End | null } {
  const lo =
    c.op === '>=' || c.op === '='
      ? { v: c.value, inc: true }
      : c.op === '>'
        ? { v: c.value, inc: false }
        : null;
  let hi =
    c.op === '<=' || c.op === '='
      ? { v: c.value, inc: true }
      : c.op === '<'
        ? { v: c.value, inc: false }
        : null;
  if (c.to !== null) hi = { v: c.to.value, inc: c.to.op === '<=' };
  return { lo, hi };
}

function sideOf(s: When): string {
  if (s.test.kind !== 'condition') return 'eq';
  const c = s.test.condition;
  if (c.to !== null) return 'range';
  return c.op === '>=' || c.op === '>' ? 'low' : c.op === '=' ? 'eq' : 'high';
}

/** No band matched: a gate, else a ratio, else the points. */
function otherBase(ctx: Ctx, whens: When[], steps: Step[], anchor: string | null): Tree {
  const p = ctx.p;
  const gate = p.clauses.find((c) => c.kind === 'gate');
  const go = (base: string, fromRatio: boolean): Tree =>
    afterBase(ctx, whens, steps, { base, setMatched: false, scoreSet: false, fromRatio, ded: [], add: [] });
  if (gate && gate.kind === 'gate') return gateBase(ctx, gate, (b) => go(b, false));
  if (p.base.kind === 'ratio') return ratioBase(ctx, p.base, (b) => go(b, true));
  return go(anchor ?? initialBase(ctx), false);
}

/** 4. Steps, 5. conditional deductions, bonuses and sets, caps and the clamp. */
function afterBase(ctx: Ctx, whens: When[], steps: Step[], st: State): Tree {
  const counters = steps.filter((s) => s.direction === 'count');
  // A text naming faults of the rule's list: counted and measured faults it does not state did
  // not occur (only where nothing else sets the base); a counted clause that lists states
  // ("无计划、无检查、无总结") counts the ones the text names.
  const named = faultsNamed(ctx, whens, st);
  const r = ctx.r;
  if (counters.length > 1 && r.kind === 'value')
    return chooseCounter(ctx, r, counters, (chosen, read) =>
      runStepsWith({ ...ctx, r: read }, whens, steps, counters, named, st, chosen),
    );
  return runStepsWith(ctx, whens, steps, counters, named, st, null);
}

/** afterBase's step loop, with the counter a value counts for where several count. */
function runStepsWith(
  ctx: Ctx,
  whens: When[],
  steps: Step[],
  counters: Step[],
  named: boolean,
  st: State,
  chosen: Step | null,
): Tree {
  const runSteps = (i: number, s0: State): Tree => {
    if (i >= steps.length) return runWhens(ctx, whens, s0);
    const s = steps[i]!;
    if (s0.setMatched && s.direction !== 'count') return runSteps(i + 1, s0);
    if (named && !(s.direction === 'count' && listedStates(s.metric).length > 0)) return runSteps(i + 1, s0);
    return stepAmount(
      ctx,
      s,
      counters,
      (amount) =>
        runSteps(
          i + 1,
          s.effect === 'add' ? { ...s0, add: [...s0.add, amount] } : { ...s0, ded: [...s0.ded, amount] },
        ),
      chosen,
    );
  };
  return runSteps(0, st);
}

function faultsNamed(ctx: Ctx, whens: When[], st: State): boolean {
  const r = ctx.r;
  const p = ctx.p;
  return (
    r.kind === 'known' &&
    r.vals.values.length === 0 &&
    [...r.verdicts.values()].some((x) => x) &&
    !st.setMatched &&
    !p.clauses.some((c) => c.kind === 'gate') &&
    !whens.some((c) => c.test.kind === 'condition' && c.effect.kind === 'set') &&
    p.base.kind === 'full'
  );
}

function runWhens(ctx: Ctx, whens: When[], st: State): Tree {
  const fails: Fail[] = [];
  let base = st.base;
  let scoreSet = st.scoreSet;
  const ded = [...st.ded];
  const add = [...st.add];
  for (const c of whens) {
    const e = c.effect;
    if (e.kind !== 'deduct' && e.kind !== 'add' && !(e.kind === 'set' && c.test.kind !== 'condition'))
      continue;
    if (c.test.kind === 'condition' && faultsNamed(ctx, whens, st)) continue;
    const j = judge(ctx, c);
    fails.push(...j.fails);
    if (j.value === false) continue;
    const on = j.value === true ? null : j.value;
    if (e.kind === 'deduct') ded.push(on === null ? lit(e.amount) : `(${on})*${lit(e.amount)}`);
    else if (e.kind === 'add') add.push(on === null ? lit(e.amount) : `(${on})*${lit(e.amount)}`);
    else if (e.kind === 'set') {
      base = on === null ? scoreOf(ctx, e.score) : `IF(${on},${scoreOf(ctx, e.score)},${base})`;
      scoreSet = on === null ? true : or(scoreSet, on);
    }
  }
  // A single "已建立档案得1分" that the text denies: nothing earned.
  const r = ctx.r;
  if (r.kind === 'known')
    for (const c of whens)
      if (
        c.effect.kind === 'set' &&
        c.test.kind === 'label' &&
        !c.test.negative &&
        labelMet(c.test.label, false, r.vals) === false
      ) {
        // Only a part of "干净整洁并有专人负责" denied: the rule does not say what that earns.
        if (c.effect.score === 'full' && /并|且|和|及|、|,/.test(c.test.label) && !whens.some((x) => x !== c))
          return guard(fails, text(NATIVE_TEXT.MANUAL));
        base = '0';
      }
  return guard(fails, finish(ctx, { ...st, base, scoreSet, ded, add }));
}

function finish(ctx: Ctx, st: State): Tree {
  const p = ctx.p;
  const zero = p.base.kind === 'zero';
  let ded = st.ded.length === 0 ? '' : st.ded.join('+');
  if (ded !== '' && p.deductCap !== null) ded = `MIN(${ded},${lit(p.deductCap)})`;
  let add = st.add.length === 0 ? '' : st.add.join('+');
  if (add !== '' && p.bonusCap !== null) add = `MIN(${add},${lit(p.bonusCap)})`;
  // Credits from zero do not add to a score a clause set (不得分, a band).
  if (add !== '' && zero && st.scoreSet !== false)
    add = st.scoreSet === true ? '' : `IF(${st.scoreSet},0,${add})`;
  const kept = ded === '' ? `MAX(0,${st.base})` : `MAX(0,${st.base}-(${ded}))`;
  const clamp = !ctx.unbounded && !st.fromRatio;
  let score =
    add === ''
      ? clamp
        ? `MIN(${kept},${ctx.w})`
        : kept
      : clamp
        ? `MIN(${kept},IF(${add}>0,1000000000000000,${ctx.w}))+${add}`
        : `${kept}+${add}`;
  // Credits from zero earn at most the points.
  if (zero && !ctx.unbounded) score = `MIN(${score},${ctx.w})`;
  // 可倒扣: deductions past the score are a hand score (scores never go below 0).
  if (p.belowZero && ded !== '')
    return ifT(`${ded}>${paren1(st.base)}`, text(NATIVE_TEXT.MANUAL), num(score));
  return num(score);
}

export const clauseKinds = (cs: readonly Clause[]): string[] => cs.map((c) => c.kind);
export { mapNum };
