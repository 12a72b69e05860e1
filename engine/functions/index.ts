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

export type { FunctionSpec, ParamSpec, ParamShape, FunctionValue } from './spec';
export { requiredCount } from './spec';
