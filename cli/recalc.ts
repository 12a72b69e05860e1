/**
 * `perf-check recalc`: recalculates the formulas of a workbook that use PERF functions, and the
 * formulas that depend on them, without Excel and without the add-in.
 *
 * The parts, in cli/recalc/:
 *  - parser.ts: fast-formula-parser (MIT) behind one narrow interface: a formula's references,
 *    evaluation with our hooks and function table, formula error values;
 *  - functions.ts: the function table (the parser's own, @formulajs/formulajs (MIT) for its gaps,
 *    Excel-faithful ROUND, error propagation, CHOOSE, VALUE, RANK), and perf.ts: the PERF
 *    functions (engine/functions.ts, as in the add-in) with their spellings and arity;
 *  - graph.ts: the dependency graph, ours, with cycles found by Tarjan's algorithm;
 *  - evaluate.ts: PERF cells and their dependents recalculated in dependency order, cycles → #CIRC!
 *    with the path ("循环引用：D2 → E2 → D2"), nothing loops, nothing recurses without bound;
 *  - workbook-io.ts: array formulas and defined names read from the .xlsx, results stored back;
 *  - report.ts: the `--json` document and the text report.
 * Numbers come out at 15 significant digits, as Excel shows them; ROUND / ROUNDUP / ROUNDDOWN are
 * decimal and round half away from zero on the 15-digit value (ROUND(21.9/0.2, 0) = 110).
 */
export type {
  ArrayFormula,
  CellWrite,
  DefinedName,
  ErrorValue,
  RecalcCell,
  RecalcInput,
  RecalcOutcome,
  RecalcValue,
} from './recalc/types.js';
export { recalcWorkbook } from './recalc/evaluate.js';
export { usesPerf, withLeadingOmitted } from './recalc/perf.js';
export {
  loadRecalcWorkbook,
  OutputError,
  recalcEdits,
  writeRecalculated,
  type RecalcWorkbook,
} from './recalc/workbook-io.js';
export { formatValue, hasPerfError, recalcJson, recalcText, type RecalcFileResult } from './recalc/report.js';
