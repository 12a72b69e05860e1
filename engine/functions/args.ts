/**
 * What every PERF function shares: Excel-style arguments (numbers, text, booleans, null for an
 * empty cell, matrices for ranges), results that are a value or an error with its message in
 * Chinese and English, and the one argument reader: each argument read by its parameter's
 * declaration (`read`), its errors naming the parameter and, where the host knows it, the cell.
 */
import { cellAddress } from '../address';
import { dec, round, type Dec } from '../rules/decimal';
import { parseOptionText, type ScoringSettings } from '../rules/settings';
import { readActual } from '../rules/actual';
import type { Actual } from '../rules/types';

export type Scalar = number | string | boolean | null;
export type Arg = Scalar | readonly (readonly Scalar[])[];

export type FnResult<T> =
  { ok: true; value: T } | { ok: false; error: '#VALUE!' | '#N/A'; message: string; messageEn: string };

export const ok = <T>(value: T): FnResult<T> => ({ ok: true, value });
export const valueError = (message: string, messageEn: string): FnResult<never> => ({
  ok: false,
  error: '#VALUE!',
  message,
  messageEn,
});
export const naError = (message: string, messageEn: string): FnResult<never> => ({
  ok: false,
  error: '#N/A',
  message,
  messageEn,
});

/**
 * Where an argument came from, when the host knows it (the recalc does; Excel does not tell a
 * custom function): the cell, or the top-left cell of the range (0-based), and the sheet when it
 * is not the formula's own.
 */
export interface ArgSource {
  sheet?: string;
  row: number;
  col: number;
}

/** Flattens a range (or a scalar) into its values, row by row. */
export function flat(a: Arg): Scalar[] {
  if (Array.isArray(a)) return (a as readonly (readonly Scalar[])[]).flatMap((r) => [...r]);
  return [a as Scalar];
}

/** A single value from a scalar or a 1×1 range. */
export function scalar(a: Arg): Scalar {
  if (!Array.isArray(a)) return a as Scalar;
  const v = flat(a);
  return v.length === 1 ? (v[0] ?? null) : null;
}

/** A result as an Excel number; exact decimals beyond a double's range are an error, not ∞. */
export function out(x: Dec, roundTo: number | null): FnResult<number> {
  const n = (roundTo === null ? x : round(x, roundTo)).toNumber();
  return Number.isFinite(n)
    ? ok(n)
    : valueError('结果超出 Excel 可表示的数值范围', "The result is beyond Excel's number range");
}

/**
 * What a parameter is read as before the function's logic sees it (declared by the parameter, so
 * no function writes its own ladder of conversions):
 * - `number`: required; a number, numeric text or "80%"; empty is #N/A naming the parameter;
 * - `number?`: optional number; not given, an empty cell, "" and 0 (an empty cell on Excel builds
 *   that pass 0) are null;
 * - `numbers`: every number of a range, blanks skipped, each checked;
 * - `numbersAmongText`: the numbers of a range; blanks, TRUE/FALSE and other text (a header
 *   inside the range) skipped;
 * - `cells`: every cell of a range in order, a blank as null, each checked;
 * - `text`: required, non-empty text;
 * - `text?`: optional text; not given, empty, "" and 0 are null; another number or TRUE/FALSE is
 *   an error, never silently the default;
 * - `options`: the scoring options' text, optional as `text?` (`decimals=` also asks for rounding);
 * - `actual`: an actual value as the rule reader takes it (a value, or the values of a range).
 */
export interface ReadAs {
  number: Dec;
  'number?': Dec | null;
  numbers: Dec[];
  numbersAmongText: Dec[];
  cells: (Dec | null)[];
  text: string;
  'text?': string | null;
  options: { settings: ScoringSettings; roundTo: number | null };
  actual: Actual;
}
export type ReadKind = keyof ReadAs;

/** The kinds an argument may be left out for (the parameter is optional). */
export const OPTIONAL_READS: ReadonlySet<ReadKind> = new Set<ReadKind>(['number?', 'text?', 'options']);

/** The part of a parameter's declaration the reader uses. */
export interface ReadSpec {
  /** English name: English messages name the parameter by it. */
  readonly name: string;
  readonly zh: string;
  readonly label?: string;
  readonly read: ReadKind;
  /** Numbers below 0 are refused, naming the parameter (points, a pool, head counts). */
  readonly nonNegative?: true;
  /**
   * An optional parameter's argument when it is not given, read as if typed: the one place its
   * default lives (the function sees the value, never null; the help text says the same value).
   */
  readonly default?: string;
}

/** What one parameter is read as: never null when it declares a default. */
type ReadOf<S> = S extends ReadSpec
  ? S extends { default: string }
    ? NonNullable<ReadAs[S['read']]>
    : ReadAs[S['read']]
  : never;

export type ReadValues<P extends readonly ReadSpec[]> = { -readonly [I in keyof P]: ReadOf<P[I]> };

function at(source: ArgSource, dRow = 0, dCol = 0): string {
  const a = cellAddress(source.row + dRow, source.col + dCol);
  if (source.sheet === undefined) return a;
  // Quoted as Excel writes it: only when the name is not letters, digits, _ and . (Chinese needs none).
  const sheet = /^[A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF]*$/.test(source.sheet)
    ? source.sheet
    : `'${source.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${a}`;
}

/** How messages name one value, in Chinese and in English: the parameter, and its cell when known. */
interface Named {
  zh: string;
  en: string;
}

function named(spec: ReadSpec, cell: string | undefined, nth?: number): Named {
  const zh = spec.label ?? spec.zh;
  const en = spec.name.charAt(0).toUpperCase() + spec.name.slice(1);
  if (cell !== undefined) return { zh: `${zh}（${cell}）`, en: `${en} (${cell})` };
  if (nth !== undefined) return { zh: `第${nth + 1}个${zh}`, en: `${en} no. ${nth + 1}` };
  return { zh, en };
}

const typeZh = (v: number | boolean) => (typeof v === 'number' ? '数字' : '逻辑值');

/** One value as a number; null when empty. */
function numberOf(v: Scalar, what: Named): FnResult<Dec | null> {
  if (v === null || v === '') return ok(null);
  if (typeof v === 'number')
    return Number.isFinite(v)
      ? ok(dec(v))
      : valueError(`${what.zh}不是有效数字`, `${what.en} is not a valid number`);
  if (typeof v === 'boolean')
    return valueError(`${what.zh}应为数字，不是逻辑值`, `${what.en} must be a number, not TRUE/FALSE`);
  const r = readActual(v);
  if (r.kind !== 'number')
    return valueError(`${what.zh}「${v}」不是数字`, `${what.en} "${v}" is not a number`);
  return ok(r.value);
}

/** Not given: omitted, an empty cell, "" or 0 (what some Excel builds pass for an empty cell). */
function notGiven(v: Scalar): boolean {
  return v === null || v === 0 || (typeof v === 'string' && v.trim() === '');
}

function notText(v: number | boolean, what: Named): FnResult<never> {
  return valueError(
    `${what.zh}应为文字，不是${typeZh(v)} ${String(v).toUpperCase()}`,
    `${what.en} must be text, not ${String(v).toUpperCase()}`,
  );
}

/** Optional text; a number or TRUE/FALSE is an error naming it. */
function optionalText(v: Scalar, what: Named): FnResult<string | null> {
  if (v === null || notGiven(v)) return ok(null);
  return typeof v === 'string' ? ok(v) : notText(v, what);
}

/** The scoring options' text (its messages name the option, e.g. 无法识别的选项「clamp」). */
function settingsOf(text: string | null): FnResult<ReadAs['options']> {
  try {
    const settings = parseOptionText(text);
    const roundTo =
      text && /(?:^|[;；,，])\s*(?:decimals|dp|小数位数)\s*[=:：]/i.test(text) ? settings.decimals : null;
    return ok({ settings, roundTo });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return valueError(msg, msg);
  }
}

/** Every cell of a range (or one value) with its offset in the range, row by row. */
function cellsOf(a: Arg): { v: Scalar; r: number; c: number }[] {
  if (!Array.isArray(a)) return [{ v: a as Scalar, r: 0, c: 0 }];
  return (a as readonly (readonly Scalar[])[]).flatMap((row, r) => row.map((v, c) => ({ v, r, c })));
}

/** A number that may not be negative, when its parameter says so. */
function checked(spec: ReadSpec, r: FnResult<Dec | null>, what: Named): FnResult<Dec | null> {
  if (!r.ok || r.value === null || !spec.nonNegative || !r.value.isNeg()) return r;
  return valueError(`${what.zh}不能为负数`, `${what.en} cannot be negative`);
}

function readOne(
  spec: ReadSpec,
  a: Arg | undefined,
  source: ArgSource | undefined,
): FnResult<ReadAs[ReadKind]> {
  const what = named(spec, source && at(source));
  // The i-th cell of a range argument: its address when known, else its place in the range.
  const nth = (i: number, r: number, c: number) =>
    source ? named(spec, at(source, r, c)) : named(spec, undefined, i);
  const typed = a ?? null;
  // Not given (omitted, empty, "" or 0) reads the declared default as if the clerk had typed it.
  const given = spec.default !== undefined && notGiven(scalar(typed)) ? spec.default : typed;
  switch (spec.read) {
    case 'number': {
      const r = checked(spec, numberOf(scalar(given), what), what);
      if (!r.ok) return r;
      return r.value === null ? naError(`缺少${what.zh}`, `${what.en} is missing`) : ok(r.value);
    }
    case 'number?': {
      const v = scalar(given);
      return notGiven(v) ? ok(null) : checked(spec, numberOf(v, what), what);
    }
    case 'numbers':
    case 'cells': {
      const list: (Dec | null)[] = [];
      const all = cellsOf(given);
      for (let i = 0; i < all.length; i++) {
        const { v, r, c } = all[i]!;
        const n = checked(spec, numberOf(v, nth(i, r, c)), nth(i, r, c));
        if (!n.ok) return n;
        if (n.value !== null || spec.read === 'cells') list.push(n.value);
      }
      return ok(list);
    }
    case 'numbersAmongText': {
      const list: Dec[] = [];
      for (const v of flat(given)) {
        if (v === null || typeof v === 'boolean') continue;
        const n = numberOf(v, what);
        if (n.ok && n.value !== null) list.push(n.value);
      }
      return ok(list);
    }
    case 'text': {
      const v = scalar(given);
      if (typeof v === 'string' && v.trim() !== '') return ok(v);
      return v === null || typeof v === 'string'
        ? valueError(`${what.zh}应为文字，单元格是空的`, `${what.en} must be text; the cell is empty`)
        : notText(v, what);
    }
    case 'text?':
      return optionalText(scalar(given), what);
    case 'options': {
      const t = optionalText(scalar(given), what);
      return t.ok ? settingsOf(t.value) : t;
    }
    case 'actual':
      return ok(Array.isArray(given) ? flat(given) : (given as Scalar));
  }
}

/**
 * Reads every argument by its parameter's declaration, in order; the first bad one is the result.
 * `sources[i]` is where the i-th argument came from, when the host knows it.
 */
export function readArguments<const P extends readonly ReadSpec[]>(
  params: P,
  args: readonly (Arg | undefined)[],
  sources: readonly (ArgSource | undefined)[] = [],
): FnResult<ReadValues<P>> {
  const values: ReadAs[ReadKind][] = [];
  for (let i = 0; i < params.length; i++) {
    const r = readOne(params[i]!, args[i], sources[i]);
    if (!r.ok) return r;
    values.push(r.value);
  }
  return ok(values as ReadValues<P>);
}
