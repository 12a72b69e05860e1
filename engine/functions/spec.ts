/**
 * How a PERF function declares itself (HyperFormula's function plugins are the model): its id,
 * Chinese name, descriptions, parameters and implementation, in one module per function under
 * engine/functions/. Everything else that lists the functions is generated from these
 * declarations: functions.json and its zh-CN copy (./metadata.ts), the help page's list and
 * headings, the add-in's registrations (addin/functions/), the recalc's arity table
 * (cli/recalc/perf.ts) and the benchmark's function.
 */
import { OPTIONAL_READS, type Arg, type ArgSource, type FnResult, type ReadKind } from './args';

/**
 * How Excel hands a parameter over: one value, a range (always a matrix), or either (a matrix of
 * one cell read as that value: an actual value, one cell or one per condition of a rule).
 */
export type ParamShape = 'value' | 'range' | 'valueOrRange';

export interface ParamSpec {
  /** English name, as in functions.json and the formula's English tooltip. */
  name: string;
  /** Chinese name, as Chinese Excel shows it. */
  zh: string;
  /** How argument errors name it, when not by its Chinese name. */
  label?: string;
  shape: ParamShape;
  /**
   * What the argument is read as before the function's logic (args.ts `readArguments`). The
   * optional kinds (`number?`, `text?`, `options`) make the parameter optional: omitted, an empty
   * cell (null, or 0 on builds that pass 0) and "" mean "not given".
   */
  read: ReadKind;
  /** Numbers below 0 are refused, naming the parameter and its cell (points, a pool, head counts). */
  nonNegative?: true;
  /**
   * An optional parameter's value when its argument is not given, as typed text: the argument
   * reader (args.ts) uses it, so the function's logic has no default of its own. The descriptions
   * say the same value (test/engine/function-registry.test.ts holds them to it).
   */
  default?: string;
  description: { en: string; zh: string };
}

export type FunctionValue = number | string | number[][];

export interface FunctionSpec {
  /** The id Excel stores in the workbook (PERF.<id>); never localised. */
  id: string;
  /** Chinese name (PERF.<zh> in Chinese Excel). The English name is the id. */
  zh: string;
  /** What it does in a few Chinese words, for the help page's list. */
  summary: string;
  description: { en: string; zh: string };
  params: readonly ParamSpec[];
  /** A number or text in one cell, or (matrix) a column that spills. */
  result: { type: 'number' | 'string'; matrix?: true };
  /**
   * The implementation on the host's arguments: a required argument is there (null when empty), an
   * optional one not given is undefined. `sources` say where each argument came from, when the
   * host knows (messages then name the cell).
   */
  call: (
    args: readonly (Arg | undefined)[],
    sources?: readonly (ArgSource | undefined)[],
  ) => FnResult<FunctionValue>;
  /**
   * The help page's section (HTML): `about` above the parameter table, which is generated from
   * `params`, and `more` (examples) below it.
   */
  help: { about: string; more: string };
}

/** Declares a function (a typed identity: the declaration is checked where it is written). */
export function defineFunction(spec: FunctionSpec): FunctionSpec {
  return spec;
}

/** An optional parameter (its argument may be left out); optional ones come last. */
export function isOptional(p: ParamSpec): boolean {
  return OPTIONAL_READS.has(p.read);
}

/** Number of required parameters (they come first). */
export function requiredCount(spec: FunctionSpec): number {
  return spec.params.filter((p) => !isOptional(p)).length;
}
