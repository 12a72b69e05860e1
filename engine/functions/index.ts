/**
 * The PERF functions, in the order Excel lists them and the help page shows them. One module per
 * function (./spec.ts says what a module declares); this list is the only place that names them all.
 */
import type { FunctionSpec } from './spec';
import { spec as score } from './score';
import { spec as band } from './band';
import { spec as forced } from './forced';
import { spec as rankScore } from './rankscore';
import { spec as tiered } from './tiered';
import { spec as progress } from './progress';
import { spec as efficacy } from './efficacy';
import { spec as allocate } from './allocate';
import { spec as rule } from './rule';

export const FUNCTIONS: readonly FunctionSpec[] = [
  score,
  band,
  forced,
  rankScore,
  tiered,
  progress,
  efficacy,
  allocate,
  rule,
];

/** The functions other code writes into formulas (the write plan) or names to the clerk. */
export { score as scoreFunction, band as bandFunction };

/** How a formula spells a function: PERF.<id> (the id Excel stores; never localised). */
export function formulaName(spec: FunctionSpec): string {
  return `PERF.${spec.id}`;
}

/** A call as a formula writes it: PERF.<id>(a,b,…). */
export function formulaCall(spec: FunctionSpec, args: readonly string[]): string {
  return `${formulaName(spec)}(${args.join(',')})`;
}

export type { FunctionSpec, ParamSpec, ParamShape, FunctionValue } from './spec';
export { requiredCount } from './spec';
