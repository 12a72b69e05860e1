/** What every part of the native compiler shares: the program, the cells, the reading of the branch. */
import type { Condition, Program } from '../rules/program';
import type { ScoringSettings } from '../rules/settings';
import { and, ifT, lit, not, num, or, str, text, type Bool, type Tree } from './expr';
import { NATIVE_TEXT } from './messages';
import { COMPARISON_WORDS, containsAny, isEmptyText, isOneOf, type Reading } from './reading';
import { CHANGE_SINCE, changeKind, GAP_NAMES, SAID_DOWN_VERBS, SAID_UP_VERBS } from '../rules/values';

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

/** The verbs of a value written as a direction (values.ts signedByDirection): "下降", "比上年增加"… */
const SAID_VERBS = [...SAID_DOWN_VERBS, ...SAID_UP_VERBS];
const said = (verbs: readonly string[]): string[] =>
  ['', ...CHANGE_SINCE].flatMap((p) => verbs.map((v) => `${p}${v}`));
/**
 * Characters NFKC turns into a space or a "=" / ":" values.ts drops before the number, and the
 * words it drops ("下降＝10%" and 下降, an ideographic space, 10% are "下降" to the engine).
 */
const NFKC_GAPS = ['\u3000', '\u00a0', '＝', '：', '=', ':', '为', '是', ' '];
/** The whole names of such a value, falling and rising. */
export const SAID_DOWN = said(SAID_DOWN_VERBS);
export const SAID_UP = said(SAID_UP_VERBS);

/** The kinds of change metric the program compares (增幅: growth, 降幅: decline), where "下降10%" has a sign. */
export function changeKinds(p: Program): Set<'growth' | 'decline'> {
  const metrics = p.clauses.flatMap((c) =>
    c.kind === 'gate'
      ? c.conditions.map((x) => x.metric)
      : c.kind === 'when' && c.test.kind === 'condition'
        ? [c.test.condition.metric]
        : c.kind === 'step'
          ? [c.metric]
          : [],
  );
  if (p.base.kind === 'ratio') metrics.push(p.base.metric);
  return new Set(metrics.flatMap((m) => changeKind(m) ?? []));
}

/**
 * Reader.number: the number for a metric, or the failures that come first. `gap`: the engine's
 * own flag (a step with no bound and no target reads "下降3个百分点" as the gap, unsigned).
 */
export function readNumber(
  ctx: Ctx,
  metric: string,
  unit: string,
  gap: Bool = false,
): { fails: Fail[]; v: string } {
  const r = ctx.r;
  if (r.kind === 'blank') return { fails: [{ c: true, msg: NATIVE_TEXT.ACTUAL_MISSING }], v: '0' };
  if (r.kind === 'text') return { fails: [{ c: true, msg: NATIVE_TEXT.UNREAD }], v: '0' };
  // A known text is one of the program's words: no number in it.
  if (r.kind === 'known') return { fails: [{ c: true, msg: NATIVE_TEXT.ACTUAL_INVALID }], v: '0' };
  if (r.kind === 'counts') return { fails: [{ c: true, msg: NATIVE_TEXT.UNREAD }], v: '0' };
  if (r.kind === 'list') {
    // Reader.number: by position among the metrics; a percent metric's bare number over 1 is
    // ambiguous (list.ts reads lists only for programs of percent metrics).
    const item = r.items[ctx.metrics.indexOf(metric)];
    if (!item) return { fails: [{ c: true, msg: NATIVE_TEXT.ACTUAL_INVALID }], v: '0' };
    const fails: Fail[] = isFraction(unit)
      ? [{ c: and(not(item.pct), `${item.v}>1`), msg: NATIVE_TEXT.ACTUAL_AMBIGUOUS }]
      : [{ c: true, msg: NATIVE_TEXT.UNREAD }];
    return { fails, v: item.v };
  }
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
  // Reader.number: a gap ("低3个百分点", "少10人") where the engine does not read it as one; not a
  // name that fits the metric (缺 of 缺科室), told apart here: r.name is long, written once.
  const gapNames = GAP_NAMES.filter((w) => !(metric !== '' && (metric.includes(w) || w.includes(metric))));
  // With several metrics such a name fits none and is invalid above, as in the engine.
  if (r.fromText && r.name !== '""' && gap !== true && gapNames.length > 0 && ctx.metrics.length <= 1)
    fails.push({ c: and(not(gap), isOneOf(r.name, gapNames)), msg: NATIVE_TEXT.MANUAL });
  if (isFraction(unit)) fails.push({ c: and(not(r.pct), `${r.v}>1`), msg: NATIVE_TEXT.ACTUAL_AMBIGUOUS });
  // signedByDirection: "下降10%" for 增幅 is −10%, for 降幅 10%; for 死亡率 it is a change, not the
  // rate (a hand score). Only a text has a name; its number is never negative (no sign is read).
  let v = r.v;
  if (r.fromText && r.name !== '""' && gap !== true) {
    const on = not(gap);
    const kind = changeKind(metric);
    // Any name with such a verb may be a direction to the engine (after NFKC): by hand.
    if (kind === null) fails.push({ c: and(on, containsAny(r.raw, SAID_VERBS)), msg: NATIVE_TEXT.MANUAL });
    else {
      const said = r.said ?? { down: false, up: false };
      // A direction once the characters NFKC changes are gone ("下降＝10%"), or one not
      // told apart when the formula was built: not read. ("增长率5%" is a value of 增长率.)
      const bare = NFKC_GAPS.reduce((e, ch) => `SUBSTITUTE(${e},${str(ch)},"")`, r.raw);
      const maybe = isOneOf(bare, [...SAID_DOWN, ...SAID_UP]);
      fails.push({ c: and(on, maybe, not(said.down), not(said.up)), msg: NATIVE_TEXT.UNREAD });
      const minus = and(on, kind === 'growth' ? said.down : said.up);
      if (minus === true) v = `(-${r.v})`;
      else if (minus !== false) v = `IF(${minus},-${r.v},${r.v})`;
    }
  }
  return { fails, v };
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
