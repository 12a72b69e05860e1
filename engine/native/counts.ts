/**
 * Counts named in one cell: "迟报1宗，漏报1宗" against 迟报1宗扣1分，漏报1宗扣1分 (the way clerks fill
 * a cell of several counted faults). The engine (values.ts readValues, evaluate-counts.ts countFor)
 * splits the text at , and ，, reads each part as words, a number and a measure word, gives each part
 * to the one counted clause whose metric holds its words or is held by them (nameFits), and adds up
 * the parts of each clause. The formula reads such a list only where that is plain:
 * - programs of counted clauses only (每例扣N分, 每次加N分), every step one case, no cap of a clause
 *   (so a clause's amount is the sum of its parts' amounts, whatever the parts' order or number);
 * - at most one part per clause count (the list is no longer than the rule's clauses), separators
 *   , or ， (、 may stay inside a name: the engine splits at it only when that reads nothing);
 * - each part: words fitting exactly one clause (less a last : ：= 为 是, which the engine drops),
 *   a whole number of digits, then nothing or a measure word (reading.ts UNITS or the rule's own;
 *   Chinese characters, so the digits are one run); no sign, point, percent, space, wildcard, ;
 *   or character NFKC reads as one of those anywhere.
 * Anything else stays unread (完成情况无法识别，需人工评分), never a number the engine would not give.
 */
import type { Clause, Program } from '../rules/program';
import { and, str } from './expr';
import { nfkcPlain, UNITS } from './reading';
import { partOf, WIDTH } from './list';

type Step = Extract<Clause, { kind: 'step' }>;

/** Units of money and points: "迟报1分" is no count of cases. */
const NOT_COUNTED = new Set(['分', '元', '万', '万元']);

/**
 * Characters at which the engine splits a list and the formula does not: every space (JS \s) and
 * what NFKC turns into , or ; ("﹐", "；"), but "，", which the formula splits at too.
 */
const SPLITS = ((): string => {
  let out = '';
  // Control characters: CHAR(9), CHAR(10), CHAR(13) are tested apart (XML holds no others).
  for (let c = 0x20; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const ch = String.fromCharCode(c);
    if (ch !== '，' && ch !== ',' && (/\s/.test(ch) || /[,;\s]/.test(ch.normalize('NFKC')))) out += ch;
  }
  return out;
})();

/** Whether the program's counts may come named in one cell (see above). */
export function countable(p: Program): boolean {
  if (p.manual || p.deductionOnly || (p.base.kind !== 'full' && p.base.kind !== 'zero')) return false;
  if (p.clauses.length < 2) return false;
  return p.clauses.every(
    (c) =>
      c.kind === 'step' &&
      c.direction === 'count' &&
      c.size === '1' &&
      c.cap === null &&
      c.metric !== '' &&
      !/[\s"\d]/.test(c.metric),
  );
}

/** The counted clauses of a countable program, in order. */
export const counters = (p: Program): Step[] =>
  p.clauses.filter((c): c is Step => c.kind === 'step' && c.direction === 'count');

/**
 * The parse of cell `a` into at most `most` named counts: `ok`, the checks of the whole text, and
 * the deductions and additions of the counted clauses (each part's count times the amount of its
 * clause), "0" where none. The sums are errors where a part is not plain (the checks of each part
 * divide by them): the caller takes an error for unread (IFERROR), so the long part expressions
 * are written once.
 */
export function countsParse(a: string, p: Program, most: number): { ok: string; ded: string; add: string } {
  const steps = counters(p);
  const t = `SUBSTITUTE(TRIM(${a}),"，",",")`;
  const metrics = `{${steps.map((s) => str(s.metric)).join(',')}}`;
  const bits = `{${steps.map((_, j) => 2 ** j).join(',')}}`;
  const units = `{${['', ...new Set([...steps.map((s) => s.unit), ...UNITS])]
    .filter((u) => /^[\u4e00-\u9fff]{0,3}$/.test(u) && !NOT_COUNTED.has(u))
    .map((u) => str(`|${u}`))
    .join(',')}}`;
  const commas = `(LEN(${t})-LEN(SUBSTITUTE(${t},",","")))`;
  const effects = [...new Set(steps.map((s) => s.effect))];
  const parts = Array.from({ length: most }, (_, k) => {
    const q = partOf(t, k);
    // The first digit ("" has none: 1, past its end), the number of digits, the words before.
    const d = `MIN(FIND({0,1,2,3,4,5,6,7,8,9},${q}&1/17))`;
    const digits = `SUMPRODUCT(LEN(${q})-LEN(SUBSTITUTE(${q},{0,1,2,3,4,5,6,7,8,9},"")))`;
    // values.ts: the words before the number, less a last ":", "为"… right before it (the text has
    // no space to trim). "" fits every metric in Excel and none in LibreOffice: no one clause.
    const name = `LEFT(${q},${d}-1-ISNUMBER(FIND(MID(" "&${q},${d},1),":：=为是")))`;
    // The clauses the words fit (either inside the other; evaluate-parts nameFits), one bit each:
    // exactly one fits where the sum is a power of two.
    const fit = `SUMPRODUCT(((ISNUMBER(FIND(${name},${metrics}))+ISNUMBER(FIND(${metrics},${name})))>0)*${bits})`;
    const count = `MID(${q},${d},${digits})`;
    // 1–15 digits, then a unit of the list: else a division by FALSE, an error.
    const checks = `/(ABS(${digits}-8)<=7)/ISNUMBER(MATCH("|"&MID(${q},${d}+${digits},${WIDTH}),${units},0))`;
    const amount = (effect: Step['effect'], checked: boolean): string => {
      const slots = Array.from({ length: 2 ** steps.length - 1 }, (_, i) => {
        const j = steps.findIndex((_, b) => 2 ** b === i + 1);
        // Not one clause: a text no program reads as a number ("" is 0 to LibreOffice and HyperFormula).
        return j < 0 ? '"x"' : steps[j]!.effect === effect ? steps[j]!.amount : '0';
      });
      const e = `CHOOSE(${fit},${slots.join(',')})*${count}${checked ? checks : ''}`;
      // A part past the list's end counts nothing.
      return k === 0 ? e : `IF(${commas}<${k},0,${e})`;
    };
    return amount;
  });
  const sum = (effect: Step['effect']): string =>
    effects.includes(effect) ? parts.map((amount) => amount(effect, effect === effects[0])).join('+') : '0';
  const ok = and(
    `LEN(${t})<${WIDTH}`,
    `${commas}<${most}`,
    `SUMPRODUCT(--ISNUMBER(FIND({"+","-",".","*","?","~","%","‰"},${t})))=0`,
    // Where the engine splits (after NFKC: "﹐" is ",", every kind of space) and the formula does not.
    `SUMPRODUCT(--ISNUMBER(FIND(MID(${t}&REPT(",",${WIDTH}),{1,2,3,4,5,6,7,8,9,10,11}+{0;11;22;33;44;55;66;77;88},1),${str(SPLITS)})))=0`,
    `ISERROR(FIND(CHAR(10),${t}))`,
    `ISERROR(FIND(CHAR(13),${t}))`,
    `ISERROR(FIND(CHAR(9),${t}))`,
    nfkcPlain(t),
  ) as string;
  return { ok: `IFERROR(${ok},FALSE())`, ded: sum('deduct'), add: sum('add') };
}
