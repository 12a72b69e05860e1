/**
 * `step` clauses (每低1个百分点扣1分; 每超0.1个百分点扣0.5分; 每例扣0.5分; 比上年每增加1人加0.1分):
 * the amount one clause deducts or adds, as the evaluator's step loop computes it, including the
 * shortfall ("少2例") and gap ("下降3个百分点") a clerk writes when the rule has no bound.
 */
import type { Clause } from '../../rules/program';
import { and, boolText, ifT, lit, not, or, str, text, type Bool, type Tree } from '../expr';
import { guard, isFraction, nameFits, partialSteps, readNumber, type Ctx } from '../context';
import { NATIVE_TEXT } from '../messages';
import { containsAny, isEmptyText, startsWithAny } from '../reading';
import { targetSwitch } from './ratio';
import { eventMet, NOTHING_WRONG } from '../../rules/values';
import { listedCount } from '../../rules/evaluate-counts';
import { dec, dmin } from '../../rules/decimal';
import type { Reading } from '../reading';

export type Step = Extract<Clause, { kind: 'step' }>;

export const spec = {
  kind: 'step',
  zh: '按步长扣分或加分（每低/每超一个百分点、每例、与上年相比的变化），可有上限',
  refuse: (): string | null => null,
};

const capped = (x: string, s: Step): string => (s.cap === null ? x : `MIN(${x},${lit(s.cap)})`);

/**
 * countFor's test that a count is a whole number ≥ 0 fails. A value read from text has no sign
 * (the text parses read none), so only its fraction is tested; MOD names the value once.
 */
function wholeNot(r: Extract<Reading, { kind: 'value' }>): string {
  return r.fromText ? `MOD(${r.v},1)<>0` : `OR(${r.v}<0,MOD(${r.v},1)<>0)`;
}

/** The amount of one step clause (≥ 0), handed to `k`; texts where the evaluator stops. */
export function stepAmount(
  ctx: Ctx,
  s: Step,
  counters: readonly Step[],
  k: (amount: string) => Tree,
  chosen: Step | null = null,
): Tree {
  const r = ctx.r;
  const settings = ctx.settings;
  if (s.direction === 'count') {
    if (r.kind === 'blank') return text(NATIVE_TEXT.ACTUAL_MISSING);
    // No digits ("无"): the engine asks whether the counted event happened (its word lists).
    if (r.kind === 'text') return text(NATIVE_TEXT.UNREAD);
    if (r.kind === 'known') {
      // "无计划、无总结" against 工作无计划、无检查、无总结，每项扣1分: the listed states it names.
      const listed = r.vals.values.length === 0 && r.vals.text !== null ? listedCount(s, r.vals.text) : null;
      if (listed !== null) {
        const n = dec(listed).div(s.size).floor().mul(s.amount);
        return k(s.cap === null ? lit(n.toString()) : lit(dmin(n, dec(s.cap)).toString()));
      }
      // A text that a clause of the rule states, or that says nothing went wrong: no cases.
      if (explained(ctx, r)) return k('0');
      if (counters.length > 1) return text(NATIVE_TEXT.MANUAL);
      // "无", "未发生": no case of the counted event.
      return eventMet(s.metric, r.vals) === false ? k('0') : text(NATIVE_TEXT.ACTUAL_INVALID);
    }
    // Counts named in one cell (counts.ts): the first clause of each effect takes the sum of all.
    if (r.kind === 'counts') {
      const first = counters.find((c) => c.effect === s.effect);
      return k(first !== s ? '0' : s.effect === 'add' ? r.add : r.ded);
    }
    // Several counters: chooseCounter picked the one this value counts for (none: a measured
    // metric's value, below).
    if (counters.length > 1 && chosen !== s) return k('0');
    if (r.kind === 'list') return text(NATIVE_TEXT.UNREAD); // list.ts: not for counts
    const v = r.v;
    return ifT(
      namesMeasured(ctx, r),
      k('0'),
      ifT(
        wholeNot(r),
        text(NATIVE_TEXT.ACTUAL_INVALID),
        k(capped(`INT(ROUND(${v}/${lit(s.size)},10))*${lit(s.amount)}`, s)),
      ),
    );
  }
  if (s.change) {
    if (r.kind === 'blank') return text(NATIVE_TEXT.ACTUAL_MISSING);
    if (r.kind === 'text') return text(NATIVE_TEXT.UNREAD);
    if (r.kind === 'known') return text(NATIVE_TEXT.ACTUAL_INVALID);
    if (r.kind === 'list' || r.kind === 'counts') return text(NATIVE_TEXT.UNREAD); // not for changes
    // changeOf: words of decrease make the change negative.
    const down = containsAny(r.raw, ['减少', '下降', '降低', '少', '减']);
    const ch = down === false ? r.v : `IF(${down},-ABS(${r.v}),${r.v})`;
    const gap = s.direction === 'above' ? `MAX(0,${ch})` : `MAX(0,-(${ch}))`;
    return k(capped(`${partialSteps(`${gap}/${lit(s.size)}`, settings.partial)}*${lit(s.amount)}`, s));
  }
  // The engine's gap flag: no bound in the rule and no target (a blank target cell is none).
  const gap = s.from !== null ? false : ctx.target === null ? true : `LEN(${ctx.target}&"")=0`;
  const n0 = readNumber(ctx, s.metric, s.unit, gap);
  // "每低2个点扣1分" against a percent: steps of 2 what? Never divide a percent by a count.
  if (r.kind === 'value' && !isFraction(s.unit)) n0.fails.push({ c: r.pct, msg: NATIVE_TEXT.MANUAL });
  const withFrom = (from: string | null): Tree => {
    if (from !== null) {
      const gap = s.direction === 'above' ? `MAX(0,${n0.v}-${from})` : `MAX(0,${from}-${n0.v})`;
      return k(capped(`${partialSteps(`${gap}/${lit(s.size)}`, settings.partial)}*${lit(s.amount)}`, s));
    }
    if (r.kind !== 'value') return text(NATIVE_TEXT.ARGUMENT); // not reached: n0 failed first
    const v = r.v;
    // "少2例" against 每少一例扣1分 with no bound: the clerk wrote the shortfall.
    const shortfall =
      s.direction === 'below' && !isFraction(s.unit)
        ? startsWithAny(r.raw, ['少', '缺', '差', '低', '欠'])
        : false;
    const downGap = startsWithAny(r.raw, ['下降', '降低', '低于', '减少']);
    const upGap = startsWithAny(r.raw, ['上升', '提高', '增加', '超过', '超出', '高出']);
    const samePct = isFraction(s.unit) ? r.pct : not(r.pct);
    const gapSide = and(or(downGap, upGap), samePct);
    const onSide = s.direction === 'below' ? downGap : and(not(downGap), upGap);
    const gapAmount = capped(
      `${partialSteps(`IF(${boolText(onSide)},${v},0)/${lit(s.size)}`, settings.partial)}*${lit(s.amount)}`,
      s,
    );
    return ifT(
      shortfall,
      ifT(
        wholeNot(r),
        text(NATIVE_TEXT.ACTUAL_INVALID),
        k(capped(`INT(ROUND(${v}/${lit(s.size)},10))*${lit(s.amount)}`, s)),
      ),
      ifT(gapSide, ifT(`${v}<0`, text(NATIVE_TEXT.ACTUAL_INVALID), k(gapAmount)), text(NATIVE_TEXT.ARGUMENT)),
    );
  };
  const own = s.from === null ? null : lit(s.from);
  const body = ctx.target === null ? withFrom(own) : targetSwitch(ctx, withFrom(own), (t) => withFrom(t));
  return guard(n0.fails, body);
}

/**
 * Several counters and one value (evaluate-counts countFor / countersOf): the value counts for the
 * one counter its name fits ("空白月2个" against 出现“空白月”的每个月扣10分), else for the one counter of
 * its unit when it has no name or fits several; the other counters count none. `go(chosen)` is the
 * score once the counter is chosen. A name that fits none may still fit one by the order of its
 * characters, which only the engine checks: not read. The choice is a branch of the tree, so the
 * long text-parse expressions are not repeated inside every amount.
 */
export function chooseCounter(
  ctx: Ctx,
  r: Extract<Reading, { kind: 'value' }>,
  counters: readonly Step[],
  go0: (chosen: Step | null, r: Extract<Reading, { kind: 'value' }>) => Tree,
): Tree {
  if (!r.fromText) return text(NATIVE_TEXT.MANUAL);
  // Past the percent test below the value is no percent: its shorter number serves.
  const plain = r.plain ? { ...r, v: r.plain, pct: false } : r;
  const go = (chosen: Step | null): Tree => go0(chosen, plain);
  // Units that tell the counters apart (each its own), else none.
  const units = counters.map((c) => c.unit);
  const unitsTell = units.every((u) => u !== '') && new Set(units).size === units.length;
  // A name and unit known when the formula is built ("3份不一致", count-noun.ts): chosen here.
  const name = literal(r.name);
  const unit = literal(r.unit);
  if (name !== null && unit !== null && r.pct === false) {
    const fit = (m: string): boolean => name !== '' && m !== '' && (m.includes(name) || name.includes(m));
    const byUnit = (): Tree => {
      const hit = unitsTell ? counters.filter((c) => c.unit === unit) : [];
      return hit.length === 1 ? go(hit[0]!) : text(NATIVE_TEXT.MANUAL);
    };
    if (ctx.metrics.some((m) => m !== '' && fit(m))) return go0(null, r);
    if (name === '') return byUnit();
    const hits = counters.filter((c) => fit(c.metric));
    return hits.length === 1 ? go(hits[0]!) : hits.length === 0 ? text(NATIVE_TEXT.UNREAD) : byUnit();
  }
  // The name is a long expression: each copy costs formula length, so the fits are counted in
  // one SUMPRODUCT over the metrics, and the empty name is told apart first (FIND("",x) is 1).
  const metrics = `{${counters.map((c) => str(c.metric)).join(',')}}`;
  const byName = `SUMPRODUCT(--((ISNUMBER(FIND(${r.name},${metrics}))+ISNUMBER(FIND(${metrics},${r.name})))>0))`;
  // context.ts nameFits without its empty-name test, which the tree makes once below.
  const fits = (c: Step): Bool =>
    or(`ISNUMBER(FIND(${r.name},${str(c.metric)}))`, `ISNUMBER(FIND(${str(c.metric)},${r.name}))`);
  const pick = (test: (c: Step) => Bool, i = 0): Tree =>
    i === counters.length - 1
      ? go(counters[i]!)
      : ifT(test(counters[i]!), go(counters[i]!), pick(test, i + 1));
  // Counters that share one unit are never told apart by it.
  const byUnit = unitsTell
    ? ifT(
        `SUMPRODUCT(--EXACT(${r.unit},{${units.map(str).join(',')}}))=1`,
        pick((c) => `EXACT(${r.unit},${str(c.unit)})`),
        text(NATIVE_TEXT.MANUAL),
      )
    : text(NATIVE_TEXT.MANUAL);
  return ifT(
    // A measured metric's value ("控制率4.5%"): no counted event stated, none counted.
    namesMeasured(ctx, r),
    go0(null, r),
    ifT(
      // A percent is no count.
      r.pct,
      text(NATIVE_TEXT.MANUAL),
      ifT(
        isEmptyText(r.name),
        byUnit,
        ifT(`${byName}=1`, pick(fits), ifT(`${byName}=0`, text(NATIVE_TEXT.UNREAD), byUnit)),
      ),
    ),
  );
}

/** The text of a formula string literal ("\"份\"" → 份), or null for any other expression. */
function literal(e: string): string | null {
  return /^"(?:[^"]|"")*"$/.test(e) ? e.slice(1, -1).replace(/""/g, '"') : null;
}

/**
 * countFor: a value named for a measured metric ("分管领导参加2次" against 分管领导参加不少于4次) states no
 * counted event; none is counted.
 */
function namesMeasured(ctx: Ctx, r: Extract<Reading, { kind: 'value' }>): Bool {
  const measured = ctx.metrics.filter((m) => m !== '');
  if (measured.length === 0 || !r.fromText) return false;
  return or(...measured.map((m) => nameFits(r.name, m)));
}

/** The evaluator's `explained`: a text without numbers that no case of the count can be in. */
function explained(ctx: Ctx, r: Extract<Reading, { kind: 'known' }>): boolean {
  if (r.vals.values.length > 0 || r.vals.text === null) return false;
  const t = r.vals.text.replace(/\s+/g, '');
  return (
    [...r.verdicts.values()].some((x) => x) ||
    NOTHING_WRONG.test(t) ||
    ctx.p.clauses.some((c) => c.kind === 'labels' && c.grades.some((g) => g.label.replace(/\s+/g, '') === t))
  );
}
