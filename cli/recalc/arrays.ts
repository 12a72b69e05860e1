/**
 * Excel's arithmetic over arrays, which fast-formula-parser leaves out: it takes an array's first
 * element wherever an operator or a one-value function meets one, so `SUMPRODUCT(--ISNUMBER(FIND(
 * {"a","b"},A1)))` counted only "a", and `MIN(FIND({0,1,…,9},A1&1/17))` found only the 0. The
 * native formulas (engine/native) lean on exactly this: Excel 2010, WPS and LibreOffice take an
 * array constant element by element in every function that wants one value, and `perf-check
 * recalc` must read those formulas as they do.
 *
 * Here operators (+ - * / ^ & = <> < > <= >=, unary minus and %) and the one-value functions listed
 * below give an array when an operand is an array value (an array constant, or an array computed
 * from one): element by element, a single row or column stretched across the other operand, #N/A
 * past the end of a shorter one, as Excel does. Ranges keep the parser's own reading (a range is
 * not an array value here), so formulas over cells read as before.
 */
import type { FunctionArg, ParserFunction } from './parser.js';

type Matrix = unknown[][];

/** A value the parser passes between operators: the value and whether it is an array value. */
interface Operand {
  val: unknown;
  isArray: boolean;
}

/** The part of the parser's operator helpers replaced here. */
export interface OperatorUtils {
  _applyInfix(res1: Operand, infix: string, res2: Operand): unknown;
  _applyPrefix(prefixes: string[], val: unknown, isArray: boolean): unknown;
  _applyPostfix(val: unknown, isArray: boolean, postfix: string): unknown;
}

/** Functions that take one value in every argument: given an array value, they map over it. */
export const ELEMENTWISE_FUNCTIONS = [
  'ABS',
  'CHAR',
  'CODE',
  'EXACT',
  'FIND',
  'INT',
  'ISERR',
  'ISERROR',
  'ISLOGICAL',
  'ISNA',
  'ISNONTEXT',
  'ISNUMBER',
  'ISTEXT',
  'LEFT',
  'LEN',
  'LOWER',
  'MID',
  'MOD',
  'N',
  'NOT',
  'REPT',
  'RIGHT',
  'ROUND',
  'ROUNDDOWN',
  'ROUNDUP',
  'SEARCH',
  'SIGN',
  'SUBSTITUTE',
  'TRIM',
  'UPPER',
  'VALUE',
] as const;

const isMatrix = (v: unknown): v is Matrix => Array.isArray(v) && v.length > 0 && v.every(Array.isArray);

/**
 * Maps `f` over the operands' elements: the result has the most rows and columns of any array
 * operand; an array of one row (column) repeats it down (across); past a shorter array's end, `na`.
 * `arrays[i]` null: operand i is one value, the same in every element.
 */
function broadcast(
  arrays: (Matrix | null)[],
  f: (pick: (i: number) => unknown) => unknown,
  na: unknown,
): Matrix {
  const ms = arrays.filter((m): m is Matrix => m !== null);
  const rows = Math.max(...ms.map((m) => m.length));
  const cols = Math.max(...ms.map((m) => Math.max(...m.map((r) => r.length))));
  const out: Matrix = [];
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < cols; c++) {
      let outside = false;
      const pick = (i: number): unknown => {
        const m = arrays[i]!;
        const rr = m.length === 1 ? 0 : r;
        const line = m[rr];
        const cc = line && line.length === 1 ? 0 : c;
        if (!line || cc >= line.length) {
          outside = true;
          return na;
        }
        return line[cc];
      };
      const v = f(pick);
      row.push(outside ? na : v);
    }
    out.push(row);
  }
  return out;
}

/** One element of a function's result: the top-left of an array, an error thrown as a value. */
function one(call: () => unknown, isError: (e: unknown) => boolean): unknown {
  try {
    let v = call();
    while (isMatrix(v)) v = v[0]![0];
    return v;
  } catch (e) {
    if (isError(e)) return e;
    throw e;
  }
}

/**
 * Replaces the parser's operator helpers and wraps the one-value functions of `table` so that
 * array values are taken element by element. `na` and `valueError` are the #N/A and #VALUE! values,
 * `isError` tells error values.
 */
export function elementwise(
  utils: OperatorUtils,
  table: Record<string, ParserFunction>,
  na: unknown,
  valueError: unknown,
  isError: (e: unknown) => boolean,
): void {
  const infix = utils._applyInfix.bind(utils);
  const prefix = utils._applyPrefix.bind(utils);
  const postfix = utils._applyPostfix.bind(utils);
  const arrayOf = (o: Operand): Matrix | null => (o.isArray && isMatrix(o.val) ? o.val : null);
  utils._applyInfix = (res1, op, res2) => {
    const a = arrayOf(res1);
    const b = arrayOf(res2);
    if (!a && !b) return infix(res1, op, res2);
    // An error operand (not inside an array) is the result, as the parser has it.
    if (!a && isError(res1.val)) return res1.val;
    if (!b && isError(res2.val)) return res2.val;
    return broadcast(
      [a, b],
      (pick) =>
        one(
          () =>
            infix(
              a ? { val: pick(0), isArray: false } : res1,
              op,
              b ? { val: pick(1), isArray: false } : res2,
            ),
          isError,
        ),
      na,
    );
  };
  // The parser negates a text that is no number to NaN (ISNUMBER(-"重") was TRUE): #VALUE!, as Excel.
  const negate = (prefixes: string[], val: unknown, isArray: boolean): unknown => {
    const r = prefix(prefixes, val, isArray);
    return typeof r === 'number' && Number.isNaN(r) ? valueError : r;
  };
  utils._applyPrefix = (prefixes, val, isArray) => {
    if (!isArray || !isMatrix(val)) return negate(prefixes, val, isArray);
    return val.map((row) => row.map((x) => one(() => negate(prefixes, x, false), isError)));
  };
  utils._applyPostfix = (val, isArray, op) => {
    if (!isArray || !isMatrix(val)) return postfix(val, isArray, op);
    return val.map((row) => row.map((x) => one(() => postfix(x, false, op), isError)));
  };
  for (const name of ELEMENTWISE_FUNCTIONS) {
    const inner = table[name];
    if (!inner) continue;
    table[name] = (...args: FunctionArg[]) => {
      const arrays = args.map((a) => (a && !a.omitted && a.isArray && isMatrix(a.value) ? a.value : null));
      if (arrays.every((m) => m === null)) return inner(...args);
      return broadcast(
        arrays,
        (pick) =>
          one(
            () =>
              inner(
                ...args.map((a, i) =>
                  arrays[i] ? { value: pick(i), isArray: false, isRangeRef: false, isCellRef: false } : a,
                ),
              ),
            isError,
          ),
        na,
      );
    };
  }
}
