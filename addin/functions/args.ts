/**
 * Arguments as Excel delivers them to a custom function, turned into the engine's Excel-style
 * arguments (engine/functions.ts: numbers, text, booleans, null for "empty", matrices for ranges).
 *
 * What arrives (all parameters are declared `any` in functions.json, so nothing is coerced first):
 *  - a number, text or TRUE/FALSE; a percent cell arrives as its fraction (80% → 0.8);
 *  - an empty cell: null on current builds, 0 on some older ones (and "" inside some ranges);
 *    nothing can tell such a 0 from a typed 0, so for an optional parameter the engine's reader
 *    (engine/functions/args.ts) takes 0 as "not given";
 *  - an omitted optional argument: null (undefined when called from code);
 *  - a range, for a matrix parameter: rows of values; a single cell or a literal → [[v]];
 *  - with data types enabled (functions.json has allowCustomDataForDataTypeAny), a cell value
 *    object such as { type: "FormattedNumber", basicValue: 0.8 } or { type: "Error", basicValue: "#DIV/0!" }.
 *
 * A value the engine cannot take is an `ArgumentError`; functions.ts never lets it escape to Excel
 * (result.ts turns it into #VALUE! / #N/A with the message).
 */
import type { Arg, ParamSpec, Scalar } from '../../engine/functions';

export type ErrorValue = '#VALUE!' | '#N/A';

/** A bad argument, carrying the error value and the Chinese message the cell should show. */
export class ArgumentError extends Error {
  constructor(
    readonly code: ErrorValue,
    message: string,
  ) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/** Cell value objects whose basicValue is the plain value (Excel data types). */
const PLAIN_TYPES = new Set(['Boolean', 'Double', 'FormattedNumber', 'String', 'Empty']);

/** One value, as the engine takes it. `what` names the argument in messages (Chinese). */
export function cell(value: unknown, what: string): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ArgumentError('#VALUE!', `${what}不是有效数字`);
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { type, basicValue } = value as { type?: unknown; basicValue?: unknown };
    if (type === 'Error') {
      const shown = typeof basicValue === 'string' ? basicValue : '错误值';
      throw new ArgumentError(
        shown === '#N/A' ? '#N/A' : '#VALUE!',
        `${what}是错误值 ${shown}，请先改正它引用的单元格`,
      );
    }
    if (typeof type === 'string' && PLAIN_TYPES.has(type)) {
      if (type === 'Empty') return null;
      if (typeof basicValue === 'number' || typeof basicValue === 'string' || typeof basicValue === 'boolean')
        return cell(basicValue, what);
    }
  }
  if (Array.isArray(value)) {
    // A range given where one value is wanted (only from code: Excel lifts scalar parameters).
    const flat = value.flat();
    if (flat.length === 1) return cell(flat[0], what);
    throw new ArgumentError('#VALUE!', `${what}应为一个单元格，不是区域`);
  }
  throw new ArgumentError('#VALUE!', `${what}的值类型不受支持（应为数字、文字或逻辑值）`);
}

/** A range (or a single value) as rows of values: a single cell or literal arrives as [[v]]. */
export function cells(value: unknown, what: string): Scalar[][] {
  if (!Array.isArray(value)) return [[cell(value, what)]];
  return value.map((row: unknown) =>
    Array.isArray(row) ? row.map((v: unknown) => cell(v, what)) : [cell(row, what)],
  );
}

/**
 * An actual value scored by a rule: one cell, or a range when the rule has several conditions. A 1×1
 * range becomes its value, so that one cell holding "96%,97%,72%,90%" is read as four values, as
 * the engine reads a single value.
 */
export function actual(value: unknown, what = '实际值'): Arg {
  const m = cells(value, what);
  return m.length === 1 && m[0]!.length === 1 ? m[0]![0]! : m;
}

/**
 * The one converter for every function: each argument as Excel's value by its parameter's shape
 * (one value, a range, or either). What it is read as (a number, text, "not given") is the
 * engine's reader's business (engine/functions/args.ts), the same in Excel and in the recalc.
 * Missing trailing arguments (a call from code) are "not given" too.
 */
export function convertArguments(
  params: readonly ParamSpec[],
  args: readonly unknown[],
): (Arg | undefined)[] {
  return params.map((p, i) => {
    const v = args[i];
    const what = p.label ?? p.zh;
    if (p.shape === 'range') return cells(v, what);
    if (p.shape === 'valueOrRange') return actual(v, what);
    return cell(v, what);
  });
}
