/**
 * How a native formula reads the actual cell, as engine/rules/values.ts does: a number cell; a
 * blank; a text that is one value ("85%", "缺2项", "建档率92.5%", "下降3个百分点": words before
 * the number, the number, a unit); or another text. The text parse is strict: it accepts a text
 * only where the engine reads the same single value (digits and one point; the unit %, ‰,
 * 个百分点 or a listed measure word), so it never gives a number the engine would not.
 */
import { and, str, type Bool } from './expr';
import type { Clause } from '../rules/program';
import type { Values } from '../rules/values';

/** What the formula knows about the actual in one branch. */
export type Reading =
  | { kind: 'blank' }
  /**
   * One value: `v` its number (a fraction for percent text), `name` the words before it ("" for a
   * number cell), `pct` whether it was written as a percent, `fromText` whether the cell is text.
   */
  | {
      kind: 'value';
      v: string;
      name: string;
      /**
       * The words before the number before a last ":", "为"… is dropped: the same answer as `name`
       * for tests of words without those characters (starts with 少, contains 超过), and shorter.
       */
      raw: string;
      pct: Bool;
      unit: string;
      fromText: boolean;
      /**
       * Whether the name is a falling or a rising direction (values.ts signedByDirection: "下降",
       * "比上年增加"), told apart for programs with change metrics (增幅, 降幅); undefined otherwise.
       */
      said?: { down: Bool; up: Bool };
      /** The number where the text is known not to be a percent (no exponent to add): shorter. */
      plain?: string;
      /**
       * Checked to say nothing to the program's label tests (a number, or a named value of
       * silent.ts silentNames): label tests neither hold nor fail for it.
       */
      silent?: boolean;
    }
  /** Values by position, one per metric ("97%,65%"; list.ts). */
  | { kind: 'list'; items: { v: string; pct: Bool }[] }
  /**
   * Counts named in one cell ("迟报1宗，漏报1宗"; counts.ts): what the program's counted clauses
   * deduct and add together.
   */
  | { kind: 'counts'; ded: string; add: string }
  /** A text that is not one value; `t` is the text without spaces (for whole-label matches). */
  | { kind: 'text'; t: string }
  /**
   * A text known at compile time (one of the program's own words: 未公示, 资料零乱, 发生, 无…): the
   * engine's own readers decide every test of it when the formula is built.
   */
  | { kind: 'known'; text: string; vals: Values; verdicts: ReadonlyMap<Clause, boolean> };

/** Measure words the engine reads after a number (PART: up to three CJK characters). */
export const UNITS = [
  '分',
  '万元',
  '万',
  '元',
  '个',
  '项',
  '例',
  '人',
  '次',
  '天',
  '家',
  '份',
  '名',
  '户',
  '条',
  '篇',
  '起',
  '件',
  '处',
  '所',
  '间',
  '批',
  '只',
  '台',
  '张',
  '本',
  '期',
  '场',
  '年',
  '月',
  '周',
  '小时',
  '人次',
  '床',
  '张床',
  '册',
  '套',
  '位',
  '种',
  '门',
  '组',
  '篇次',
  '例次',
  '家次',
  '所次',
  '个月',
];
export const PERCENT_UNITS = ['%', '‰', '个百分点'];

/** Words before a value that make it a comparison, not a value (Reader.number). */
export const COMPARISON_WORDS = ['超过', '超出', '低于', '高于', '不足', '以上', '以下', '约', '左右'];

/** An array constant of words. */
export const arr = (xs: readonly string[]): string => `{${xs.map(str).join(',')}}`;

/** Does the text expression contain any of the words? */
export function containsAny(e: string, words: readonly string[]): Bool {
  if (e === '""') return false;
  return `SUMPRODUCT(--ISNUMBER(FIND(${arr(words)},${e})))>0`;
}

/** Does the text expression start with any of the words? */
export function startsWithAny(e: string, words: readonly string[]): Bool {
  if (e === '""') return false;
  // The words' lengths as numbers: the words are written once (this test comes often).
  return `SUMPRODUCT(--(LEFT(${e},{${words.map((w) => w.length).join(',')}})=${arr(words)}))>0`;
}

/** Is the text expression exactly one of the words? (EXACT: MATCH would read ? and * as wildcards.) */
export function isOneOf(e: string, words: readonly string[]): Bool {
  if (e === '""') return words.includes('');
  return words.length === 1 ? `EXACT(${e},${str(words[0]!)})` : `SUMPRODUCT(--EXACT(${e},${arr(words)}))>0`;
}

/** Is the text expression empty? */
export function isEmptyText(e: string): Bool {
  return e === '""' ? true : `${e}=""`;
}

/**
 * Characters NFKC turns into digits, signs or points ("１", "①", "²", "⒈", "．", "＋"): the engine
 * reads the text after NFKC, so "缺１2项" is 12 to it (the formula would read 2) and "缺．2项" no
 * count at all. Other characters NFKC changes ("％", "，", "：", an ideographic space) the parses
 * either read as the engine does or refuse by their own checks. Characters beyond the BMP (𝟏,
 * mathematical digits) are not listed: a spreadsheet's MID may split them, and no keyboard types them.
 */
const NFKC_NUMERIC = ((): string => {
  let out = '';
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const ch = String.fromCharCode(c);
    const n = ch.normalize('NFKC');
    if (n !== ch && /[\d+\-.]/.test(n)) out += ch;
  }
  return out;
})();

/**
 * Positions 1–81 of a text, as a 9 × 9 array (a row plus a column: every program adds them so),
 * far shorter than the 81 numbers written out.
 */
const POSITIONS_81 = '{1,2,3,4,5,6,7,8,9}+{0;9;18;27;36;45;54;63;72}';

/**
 * Whether text expression `t` (at most 81 characters; a longer one is unread) holds none of
 * NFKC_NUMERIC: each character is looked up, the text padded with spaces (MID past the end gives
 * "", which FIND finds in Excel and not in LibreOffice).
 */
export function nfkcPlain(t: string): string {
  return `AND(LEN(${t})<=81,SUMPRODUCT(--ISNUMBER(FIND(MID(${t}&REPT(" ",81),${POSITIONS_81},1),${str(NFKC_NUMERIC)})))=0)`;
}

/**
 * Where the number of cell `a`'s text is: `start` its first digit's position, `digits` the text
 * from there as long as the text has digits and points, `tail` the text after it, trimmed. The
 * digits are the run of digits and points from the first digit only when the tail has no digit or
 * point (any other character inside the window pushes one into the tail): every reader of these
 * pieces requires the tail to be a measure word or words without digits, so it holds whenever
 * they are used. Counting is shorter than finding the run's end, and the pieces are written
 * out wherever the value is used (there is no LET in Excel 2010).
 */
export function textPieces(a: string): { t: string; start: string; digits: string; tail: string } {
  const t = `TRIM(${a})`;
  // 1/17 is 0.0588235294117647: every digit, whatever the decimal separator.
  const start = `MIN(FIND({0,1,2,3,4,5,6,7,8,9},${t}&1/17))`;
  const len = `SUMPRODUCT(LEN(${t})-LEN(SUBSTITUTE(${t},{0,1,2,3,4,5,6,7,8,9,"."},"")))`;
  return { t, start, digits: `MID(${t},${start},${len})`, tail: `TRIM(MID(${t},${start}+${len},99))` };
}

/**
 * The pieces of the text parse of cell `a`; `units`: the program's own measure words beyond UNITS
 * (silent.ts programUnits: "批次", "个科室", "小点").
 */
export function textParse(
  a: string,
  units: readonly string[] = [],
): { ok: string; reading: Extract<Reading, { kind: 'value' }> } {
  const { t, start: p, digits, tail: unit } = textPieces(a);
  const name0 = `LEFT(${t},${p}-1)`;
  const ok = and(
    `VALUE("1.5")=1.5`,
    `${p}<=LEN(${t})`,
    // at most one point, not last; at most 15 characters of digits (textPieces: the unit has none)
    `LEN(${digits})<=15`,
    `LEN(${digits})-LEN(SUBSTITUTE(${digits},".",""))<=1`,
    `RIGHT(${digits},1)<>"."`,
    `SUMPRODUCT(--ISNUMBER(FIND({"+","-","."},${name0})))=0`,
    `ISNUMBER(MATCH(${unit},${arr(['', ...PERCENT_UNITS, ...UNITS, ...units])},0))`,
    // MATCH reads ? * ~ as wildcards ("85?" would match "%"; the engine reads no number there).
    `SUMPRODUCT(--ISNUMBER(FIND({"*","?","~"},${t})))=0`,
    nfkcPlain(t),
  ) as string;
  // The digits with an exponent for percent units ("85E-2"): no locale's decimal comma or date
  // reading applies (the formula checks VALUE("1.5") reads 1.5 before it trusts VALUE at all).
  // Once the parse holds, the unit is a percent unit exactly when the text ends in %, ‰ or 点
  // (个百分点; no other unit of the list ends so): the last character, shorter than the unit. A
  // program's own unit may end in 点 ("4小点"): then 个百分点 is told by its four characters.
  const tail = units.some((u) => u.endsWith('点'))
    ? `IF(RIGHT(${t},4)="个百分点",3,MATCH(RIGHT(${t},1),{"%","‰"},0))`
    : `MATCH(RIGHT(${t},1),{"%","‰","点"},0)`;
  // INDEX(…, 1, k): HyperFormula reads INDEX({…}, k) of a one-row array as row k (an error).
  const v = `VALUE(${digits}&IFERROR(INDEX({"E-2","E-3","E-2"},1,${tail}),""))`;
  const n0 = `TRIM(${name0})`;
  // values.ts: the words before the number, less a last ":", "为"… written right before it, trimmed
  // (the character before the first digit; " " before a digit that starts the text).
  // FIND, not "=": a comparison may take ":" and "：" for one character (HyperFormula does), and
  // would then drop two characters.
  const name = `TRIM(LEFT(${t},${p}-1-IF(ISNUMBER(FIND(MID(" "&${t},${p},1),":：=为是")),1,0)))`;
  return {
    ok: `IFERROR(${ok},FALSE())`,
    reading: {
      kind: 'value',
      v,
      plain: `VALUE(${digits})`,
      name,
      raw: n0,
      pct: `ISNUMBER(${tail})`,
      unit,
      fromText: true,
    },
  };
}

/** The reading of a number cell. */
export function numberReading(a: string): Extract<Reading, { kind: 'value' }> {
  return { kind: 'value', v: a, name: '""', raw: '""', pct: false, unit: '""', fromText: false };
}

/**
 * The short text parse, for programs whose formula would be too long with the full one: a plain
 * number or a percent ("12", "76.5%"), no words, no other unit. Other texts are unread.
 */
export function simpleParse(a: string): { ok: string; reading: Extract<Reading, { kind: 'value' }> } {
  const t = `TRIM(${a})`;
  const pct = `RIGHT(${t},1)="%"`;
  const d = `IF(${pct},LEFT(${t},LEN(${t})-1),${t})`;
  const ok = and(
    `VALUE("1.5")=1.5`,
    `LEN(${d})>0`,
    `LEN(${d})<=15`,
    // Padded with zeros: past the end MID gives "", and LibreOffice's FIND("",…) is an error (Excel's is 1).
    `SUMPRODUCT(--ISERROR(FIND(MID(${d}&"000000000000000",{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15},1),"0123456789.")))=0`,
    `LEN(${d})-LEN(SUBSTITUTE(${d},".",""))<=1`,
    `LEFT(${d},1)<>"."`,
    `RIGHT(${d},1)<>"."`,
  ) as string;
  return {
    ok: `IFERROR(${ok},FALSE())`,
    reading: {
      kind: 'value',
      v: `VALUE(${d}&IF(${pct},"E-2",""))`,
      name: '""',
      raw: '""',
      pct,
      unit: `IF(${pct},"%","")`,
      fromText: true,
    },
  };
}
