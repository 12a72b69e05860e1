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
import { isFraction } from './context';

/** One part of a list: its value (a fraction for a percent) and whether it was a percent. */
export interface ListItem {
  v: string;
  pct: Bool;
}

/** The split pads each separator to this width; it finds part k only in a shorter text. */
const WIDTH = 99;

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
  const part = (k: number): string =>
    `TRIM(MID(SUBSTITUTE(${bare},",",REPT(" ",${WIDTH})),${k * WIDTH + 1},${WIDTH}))`;
  const count = (x: string, of: string): string =>
    `(LEN(${of})-LEN(SUBSTITUTE(${of},"${x}","")))/${x.length}`;
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
