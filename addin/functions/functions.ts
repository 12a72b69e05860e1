/// <reference types="custom-functions-runtime" />
/**
 * The PERF custom functions: every function of the engine's registry (engine/functions/), each a
 * thin wrapper that converts Excel's arguments by the parameter's declaration (args.ts) and turns
 * the result or error into a cell value (result.ts); nothing else happens here.
 *
 * functions.json and its zh-CN copy are generated from the same declarations by the build
 * (engine/functions/metadata.ts), so the metadata ids and the code cannot drift apart.
 *
 * All functions are synchronous, not volatile, without side effects, and never throw: errors are
 * returned as #VALUE! / #N/A with a Chinese message.
 */
import {
  FUNCTIONS as SPECS,
  type FnResult,
  type FunctionSpec,
  type FunctionValue,
} from '../../engine/functions';
import { convertArguments } from './args';
import { excelColumn, excelValue } from './result';

type CustomFunction = (...args: unknown[]) => number | string | number[][];

/** A declared one-cell result (a matrix cannot come back from such a function; its first cell if it did). */
function asCell(r: FnResult<FunctionValue>): FnResult<number | string> {
  if (!r.ok || !Array.isArray(r.value)) return r as FnResult<number | string>;
  return { ok: true, value: r.value[0]?.[0] ?? 0 };
}

/** A declared column result (a single value becomes a 1×1 column). */
function asColumn(r: FnResult<FunctionValue>): FnResult<number[][]> {
  if (!r.ok || Array.isArray(r.value)) return r as FnResult<number[][]>;
  return { ok: true, value: [[Number(r.value)]] };
}

function wrap(spec: FunctionSpec): CustomFunction {
  // Arguments are converted inside the result wrapper: a bad one becomes the cell's error value.
  const call = (args: unknown[]) => spec.call(convertArguments(spec.params, args));
  const fn: CustomFunction = spec.result.matrix
    ? (...args) => excelColumn(() => asColumn(call(args)))
    : (...args) => excelValue(() => asCell(call(args)));
  // Excel passes one argument per declared parameter; say so, as a written-out function would.
  Object.defineProperty(fn, 'length', { value: spec.params.length });
  return fn;
}

/** id in functions.json → implementation. */
export const FUNCTIONS: Readonly<Record<string, CustomFunction>> = Object.fromEntries(
  SPECS.map((s) => [s.id, wrap(s)]),
);

// Outside Excel (a plain browser opening taskpane.html) there is no CustomFunctions runtime.
if (typeof CustomFunctions !== 'undefined') CustomFunctions.associate(FUNCTIONS);
