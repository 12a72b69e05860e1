/**
 * Native formulas: a scoring program (engine/rules/program.ts) compiled to one spreadsheet formula
 * over the item's own cells, with functions Excel 2010+, WPS and LibreOffice all have (IF, AND,
 * OR, NOT, MIN, MAX, INT, ROUND, ABS, SUMPRODUCT, ISNUMBER, ISERROR, IFERROR, ISLOGICAL, EXACT,
 * VALUE, SUBSTITUTE, FIND, TRIM, LEFT, MID, RIGHT, LEN, REPT, CHAR, CHOOSE, MATCH and array constants; no LET, LAMBDA,
 * dynamic arrays, XLOOKUP, IFS or SWITCH). The formula computes what the engine computes; where
 * the engine gives no number (a hand score, a missing, ambiguous or invalid actual) it gives a
 * short Chinese text (./messages.ts), never a number; where it cannot read a text actual the way
 * the engine does it says 完成情况无法识别，需人工评分 (again never a number). Text actuals it reads:
 * a value with words and a unit ("85%", "缺2项", "建档率92.5%", "下降3个百分点") and the program's
 * own words (未公示, 已公示, 资料零乱, 发生, 无, the grades…: ./vocab.ts, each scored at compile time
 * by the engine's own readers); when the formula would pass Excel's limits (8192 characters, 64
 * levels) it reads fewer texts (a plain number or percent only, then numbers only).
 *
 * Interface (stable; the writer, the CLI's convert and the pane call it):
 *
 *   compileNative(program, refs, settings, options?) → { ok: true; formula } | { ok: false; reason }
 *     refs: { actual: "F6"; points: "E6" or "10"; target?: "G6" } — formula expressions: cell
 *       references (any sheet-qualified A1 reference) or number literals; `actual` one cell.
 *     settings: ScoringSettings (decimals, partial, ratioCap, thresholds…).
 *     options.mode: 'item' (default: what the table scorer writes in the 得分 column: 扣分制 text
 *       with points comes off them, rounded to settings.decimals, never rounded above the points)
 *       or 'function' (what PERF.指标得分 returns: rounded only to options.round when given).
 *     options.unbounded: the item has no points of its own (bonus / band items).
 *     The formula starts with "=".
 *   compileRuleText(text, refs, settings, options?): the same from the rule's text (parseRule).
 *   compilePerfCall(name, args) (./perf.ts): one PERF call → its native formula. args are
 *     { expr, value? }: the argument as written and, where the converter knows it, its value (the
 *     rule text, options and band scheme must be known). FORCED and ALLOCATE are refused.
 *   convertFormula(formula, valueOf) (./convert.ts): every PERF call inside a formula (also
 *     `_xldudf_`/`_xludf.`-prefixed) replaced by its native formula; valueOf(ref) gives a
 *     referenced cell's (or range's) value. { ok: true, formula, converted } | { ok: false, reasons }.
 *   compileTotal / compileBand (./totals.ts): a table's total and band (等次).
 *
 * A program part the compiler does not know (a clause kind, base, effect or field added later) is
 * refused with the reason (./registry.ts). One module per clause kind in ./clauses/.
 */
export {
  compileNative,
  compileRuleText,
  roundTo,
  MAX_FORMULA_LENGTH,
  MAX_NESTING,
  type NativeRefs,
  type NativeOptions,
  type NativeResult,
} from './compile';
export { compilePerfCall, perfFunctionId, bandFormula, type PerfArg, type PerfScalar } from './perf';
export { convertCalls, convertFormula, type ConvertResult, type ValueOf } from './convert';
export { literalValue, perfCalls, referenceOf, type FormulaCall } from './calls';
export { vocabulary } from './vocab';
export { compileTotal, compileBand, type TotalInput, type BandInput } from './totals';
export { vetoTests, type VetoItem } from './veto';
export { NATIVE_TEXT, type NativeTextCode } from './messages';
export { NATIVE_CLAUSES, NATIVE_BASES, refusal, type NativePartSpec } from './registry';
