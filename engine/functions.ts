/**
 * The PERF functions' logic, pure: Excel-style arguments in (numbers, text, booleans, null for an
 * empty cell, matrices for ranges), a number / text / column out, or an error the add-in turns
 * into #VALUE! / #N/A with the message. Results are exact unless an option asks for rounding.
 *
 * One module per function in engine/functions/ (the registry: engine/functions/index.ts); this
 * module gathers their implementations for the code that calls them directly.
 */
export type { Arg, ArgSource, FnResult, Scalar } from './functions/args';
export { perfScore } from './functions/score';
export { perfBand } from './functions/band';
export { perfForced } from './functions/forced';
export { perfRankScore } from './functions/rankscore';
export { perfTiered } from './functions/tiered';
export { perfProgress } from './functions/progress';
export { perfEfficacy } from './functions/efficacy';
export { perfAllocate } from './functions/allocate';
export { perfRule } from './functions/rule';
export {
  FUNCTIONS,
  requiredCount,
  type FunctionSpec,
  type FunctionValue,
  type ParamSpec,
} from './functions/index';
