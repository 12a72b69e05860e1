/** What every part of the native compiler shares: the program, the cells, the reading of the branch. */
import type { Condition, Program } from '../rules/program';
import type { ScoringSettings } from '../rules/settings';
import { and, ifT, lit, not, num, or, str, text, type Bool, type Tree } from './expr';
import { NATIVE_TEXT } from './messages';
import { COMPARISON_WORDS, containsAny, isEmptyText, type Reading } from './reading';

export interface Ctx {
  p: Program;
  /** The actual cell. */
  a: string;
  /** Points (a cell or a number). */
  w: string;
  /** The target cell (the score function's 4th argument), or null. */
  target: string | null;
  settings: ScoringSettings;
  unbounded: boolean;
  /** The metrics the actual must give numbers for (evaluate-parts numericMetrics). */
  metrics: string[];
  r: Reading;
}

/** A failure that, when its condition holds, ends the evaluation with a text. */
export interface Fail {
  c: Bool;
  msg: string;
}

/** Applies failures in order before `t`. */
export function guard(fails: readonly Fail[], t: Tree): Tree {
  let out = t;
  for (let i = fails.length - 1; i >= 0; i--) out = ifT(fails[i]!.c, text(fails[i]!.msg), out);
  return out;
}

export const isFraction = (u: string): boolean => u === '%' || u === '‰';

/** Reader.number: the number for a metric, or the failures that come first. */
export function readNumber(ctx: Ctx, metric: string, unit: string): { fails: Fail[]; v: string } {
  const r = ctx.r;
  if (r.kind === 'blank') return { fails: [{ c: true, msg: NATIVE_TEXT.ACTUAL_MISSING }], v: '0' };
  if (r.kind === 'text') return { fails: [{ c: true, msg: NATIVE_TEXT.UNREAD }], v: '0' };
  // A known text is one of the program's words: no number in it.
  if (r.kind === 'known') return { fails: [{ c: true, msg: NATIVE_TEXT.ACTUAL_INVALID }], v: '0' };
  const fails: Fail[] = [];
  if (ctx.metrics.length > 1) {
    // One value: found only by its name ("建档率92%"), else the rule's metrics want more values.
    const named =
      metric === ''
        ? false
        : and(
            not(isEmptyText(r.name)),
            or(`ISNUMBER(FIND(${r.name},${str(metric)}))`, `ISNUMBER(FIND(${str(metric)},${r.name}))`),
          );
    fails.push({ c: not(named), msg: NATIVE_TEXT.ACTUAL_INVALID });
  }
  const counters = ctx.p.clauses.flatMap((c) =>
    c.kind === 'step' && c.direction === 'count' ? [c.metric] : [],
  );
  if (counters.length > 0) {
    // A count the rule counts elsewhere ("未落实1项") is not this metric's value.
    if (ctx.metrics.length <= 1)
      fails.push({
        c: and(
          not(isEmptyText(r.name)),
          not(nameFits(r.name, metric)),
          or(...counters.map((m) => nameFits(r.name, m))),
        ),
        msg: NATIVE_TEXT.ACTUAL_INVALID,
      });
    // "2" beside counted clauses: which count it is cannot be told.
    if (metric !== '' && !isFraction(unit))
      fails.push({ c: and(isEmptyText(r.name), not(r.pct)), msg: NATIVE_TEXT.MANUAL });
  }
  fails.push({ c: containsAny(r.raw, COMPARISON_WORDS), msg: NATIVE_TEXT.MANUAL });
  if (isFraction(unit)) fails.push({ c: and(not(r.pct), `${r.v}>1`), msg: NATIVE_TEXT.ACTUAL_AMBIGUOUS });
  return { fails, v: r.v };
}

/** nameFits (evaluate-parts.ts): the name written before a value names the metric (either holds the other). */
export function nameFits(name: string, metric: string): Bool {
  if (metric === '' || name === '""') return false;
  return and(
    not(isEmptyText(name)),
    or(`ISNUMBER(FIND(${name},${str(metric)}))`, `ISNUMBER(FIND(${str(metric)},${name}))`),
  );
}

const OPS: Record<Condition['op'], string> = { '>=': '>=', '>': '>', '<=': '<=', '<': '<', '=': '=' };

/** holds(v, c) as a formula. */
export function holds(v: string, c: Condition): string {
  const first = `${v}${OPS[c.op]}${lit(c.value)}`;
  return c.to === null ? first : `AND(${first},${v}${c.to.op}${lit(c.to.value)})`;
}

/** A score of a program ("full" or a number) as a formula. */
export const scoreOf = (ctx: Ctx, s: string): string => (s === 'full' ? ctx.w : lit(s));

/** partial(steps, mode): whole steps floor or ceil (on the value at 10 places: 9.9999…8 is 10). */
export function partialSteps(x: string, mode: ScoringSettings['partial']): string {
  if (mode === 'floor') return `INT(ROUND(${x},10))`;
  if (mode === 'ceil') return `-INT(-ROUND(${x},10))`;
  return x;
}

export const numTree = num;
