/**
 * Several values in one cell, in the order of the rule's metrics: "97%,65%" against 合格率达95%以上,
 * 成功率达60%以上 (the PERF functions' help tells clerks to write them so). The engine splits the
 * text at , ， ; ； and reads each part; the formula reads a list only where that is plain: parts
 * that are each a plain percent ("97%", "98.5%"), separated by , or ，, exactly one per metric, no
 * empty part, no space (the engine splits at spaces too), and only in programs whose every clause
 * reads its metric through readNumber, with percent units (gates, bounded steps above or below,
 * conditions). Any other list stays unread.
 */
import type { Program } from '../rules/program';
import { and, type Bool } from './expr';
import { isFraction, SAID_DOWN, SAID_UP } from './context';
import { arr } from './reading';

/** One part of a list: its value (a fraction for a percent) and whether it was a percent. */
export interface ListItem {
  v: string;
  pct: Bool;
}

/** The split pads each separator to this width; it finds part k only in a shorter text. */
export const WIDTH = 99;

/** Whether the program's values may come as one list, by position (see above). */
export function listable(p: Program, metrics: readonly string[]): boolean {
  if (metrics.length < 2 || metrics.some((m) => m === '') || p.manual || p.deductionOnly) return false;
  if (p.base.kind !== 'full' && p.base.kind !== 'zero') return false;
  return p.clauses.every((c) =>
    c.kind === 'gate'
      ? c.conditions.every((x) => isFraction(x.unit))
      : c.kind === 'step'
        ? c.direction !== 'count' && !c.change && c.from !== null && isFraction(c.unit)
        : c.kind === 'when' && c.test.kind === 'condition' && isFraction(c.test.condition.unit),
  );
}

/** Part k of text expression `s` split at "," (shorter than WIDTH). */
export const partOf = (s: string, k: number): string =>
  `TRIM(MID(SUBSTITUTE(${s},",",REPT(" ",${WIDTH})),${k * WIDTH + 1},${WIDTH}))`;

/** How many times `x` occurs in text expression `of`. */
const occurrences = (x: string, of: string): string =>
  `(LEN(${of})-LEN(SUBSTITUTE(${of},"${x}","")))/${x.length}`;

/** Positions of a list's characters checked one by one (its length stays below WIDTH). */
const POSITIONS = `{${Array.from({ length: WIDTH - 1 }, (_, i) => i + 1).join(',')}}`;

/**
 * The list parse of cell `a` into `n` percents ("97%,65%" or "97%，65%"): whether it holds, and
 * each part as a fraction (97% → 97/100, the double nearest 0.97 as the engine's 0.97 is).
 */
export function listParse(a: string, n: number): { ok: string; items: ListItem[] } {
  const t = `TRIM(${a})`;
  const s = `SUBSTITUTE(${t},"，",",")`;
  // The digits and points of the parts, "," between them.
  const bare = `SUBSTITUTE(${s},"%","")`;
  const part = (k: number): string => partOf(bare, k);
  const count = occurrences;
  const ok = and(
    `LEN(${s})<${WIDTH}`,
    `${count(',', s)}=${n - 1}`,
    // Each part ends in its one "%".
    `${count('%', s)}=${n}`,
    `${count('%,', `${s}&","`)}=${n}`,
    `LEFT(${s},1)<>","`,
    // Nothing but digits, points and commas besides ("" past the end reads as "0").
    `SUMPRODUCT(--ISERROR(FIND(MID(${bare}&REPT("0",${WIDTH}),${POSITIONS},1),"0123456789.,")))=0`,
    ...Array.from({ length: n }, (_, k) => {
      const p = part(k);
      return and(
        `LEN(${p})>0`,
        `LEN(${p})<=15`,
        `LEN(${p})-LEN(SUBSTITUTE(${p},".",""))<=1`,
        `LEFT(${p},1)<>"."`,
        `RIGHT(${p},1)<>"."`,
      ) as string;
    }),
  ) as string;
  return {
    ok: `IFERROR(${ok},FALSE())`,
    items: Array.from({ length: n }, (_, k) => ({ v: `(VALUE(${part(k)})/100)`, pct: true })),
  };
}

/** Words in a value's name that make the engine ask for a hand score (evaluate-parts.ts Reader.number). */
const ASKING = /超过|超出|低于|高于|不足|以上|以下|约|左右|[为是]$/;

/**
 * The names a part may carry for metric `k`: the metric, its beginnings and its endings ("小学",
 * "初中入学率", "合格率"), in Chinese characters only, none of which fits another metric (either
 * name inside the other) or holds a word the engine reads otherwise (a comparison, a direction,
 * 为/是 at the end). Empty when the metrics are not such words.
 */
export function partNames(metrics: readonly string[], k: number): string[] {
  const m = metrics[k]!;
  if (!nameable(metrics)) return [];
  const fits = (x: string, o: string): boolean => o.includes(x) || x.includes(o);
  const out = new Set<string>();
  for (let i = 1; i <= m.length; i++) out.add(m.slice(0, i)).add(m.slice(m.length - i));
  return [...out].filter(
    (x) =>
      /^[\u4e00-\u9fff]+$/.test(x) &&
      !ASKING.test(x) &&
      !isSaid(x) &&
      metrics.every((o, j) => j === k || !fits(x, o)),
  );
}

/** A direction the engine reads as a sign ("下降", "比上年增加"), not a name. */
const isSaid = (x: string): boolean => SAID_DOWN.includes(x) || SAID_UP.includes(x);

/**
 * Whether the metrics let the formula read parts named by them ("小学100%，初中97.8%"): each a
 * word without spaces or digits (the rule's own, NFKC-normalised: a name the formula accepts is
 * the name the engine reads).
 */
export function nameable(metrics: readonly string[]): boolean {
  return metrics.length >= 2 && metrics.every((m) => m !== '' && !/[\s"\d]/.test(m));
}

/**
 * The list parse of cell `a` into one percent per metric, each part named by words of its own
 * metric or by none: "小学100%，初中97.8%" against 小学适龄儿童入学率…, 初中入学率…. The engine
 * (Reader.number) takes for a metric the first named value that fits it (either name inside the
 * other), else the value in the metric's place; the formula reads a list only where both give
 * the part in the metric's place: each part's name is empty or one of partNames. Its number is
 * digits with at most one point, not last (no date reading: VALUE("1.2.3") is a date in
 * some locales); separators , or ，, no space. Otherwise unread.
 */
export function namedListParse(a: string, metrics: readonly string[]): { ok: string; items: ListItem[] } {
  const n = metrics.length;
  const s = `SUBSTITUTE(TRIM(${a}),"，",",")`;
  const part = (k: number): string => partOf(s, k);
  const start = (p: string): string => `MIN(FIND({0,1,2,3,4,5,6,7,8,9},${p}&1/17))`;
  // The part from its first digit, with its "%" at the end (the checks on s below).
  const from = (k: number): string => {
    const p = part(k);
    return `MID(${p},${start(p)},${WIDTH})`;
  };
  const count = occurrences;
  const ok = and(
    `VALUE("1.5")=1.5`,
    `LEN(${s})<${WIDTH}`,
    `ISERROR(FIND(" ",${s}))`,
    `ISERROR(FIND(".%",${s}))`,
    `${count(',', s)}=${n - 1}`,
    `${count('%', s)}=${n}`,
    `${count('%,', `${s}&","`)}=${n}`,
    ...metrics.map((_, k) => {
      const p = part(k);
      const d = from(k);
      return and(
        // MATCH (which our own recalc reads over an array, as EXACT it does not): the names are
        // Chinese characters only, which no case or width folding can confuse; "|" keeps "" apart.
        `ISNUMBER(MATCH("|"&LEFT(${p},${start(p)}-1),${arr(['', ...partNames(metrics, k)].map((x) => `|${x}`))},0))`,
        // Digits and one point at most (".%" is ruled out above), then the "%".
        `LEN(${d})<17`,
        `SUMPRODUCT(--ISERROR(FIND(MID(${d}&"%%%%%%%%%%%%%%%%",{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16},1),"0123456789.%")))=0`,
        `LEN(${d})-LEN(SUBSTITUTE(${d},".",""))<=1`,
      ) as string;
    }),
  ) as string;
  return {
    ok: `IFERROR(${ok},FALSE())`,
    items: metrics.map((_, k) => ({ v: `VALUE(SUBSTITUTE(${from(k)},"%","E-2"))`, pct: true })),
  };
}
