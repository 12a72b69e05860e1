/** Results of a recalculation, as the CLI reports and writes them. */
import type { Workbook } from '../../engine/grid.js';
import type { Lang } from '../report.js';

export interface ErrorValue {
  error: string;
  message: string;
}
/** A recalculated value as reported: number, text, boolean or an error with its message. */
export type RecalcValue = number | string | boolean | ErrorValue;

export interface RecalcCell {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** The formula as stored, with "=". For a spilled cell: the formula of its anchor. */
  formula: string;
  value: RecalcValue;
  /** The formula itself calls a PERF function. */
  perf: boolean;
  /** Set on the cells an array result spilled into: the anchor cell holding the formula. */
  spillFrom?: string;
}

/** One value to store in the output workbook. */
export interface CellWrite {
  sheet: string;
  cell: string;
  value: RecalcValue;
}

export interface RecalcOutcome {
  /** PERF cells, their dependents and their spilled cells, in sheet then row/column order. */
  cells: RecalcCell[];
  /** Every value recalculated, including upstream formulas that had no cached value. */
  writes: CellWrite[];
}

/** An array formula (Excel `t="array"`): the anchor holds the formula, `ref` is the spill area. */
export interface ArrayFormula {
  sheet: string;
  anchor: string;
  ref: string;
}

/**
 * A defined name: "Sheet!$A$1:$B$3". Only names with one range are used; the others (several
 * ranges, a formula or constant, a sheet-level name sharing its spelling) give #NAME? naming them.
 */
export interface DefinedName {
  name: string;
  ranges: string[];
  /** Not a list of ranges: its formula text, for the message. */
  formula?: string;
  /** A sheet-level name whose spelling another name has too. */
  scoped?: true;
}

export interface RecalcInput {
  workbook: Workbook;
  arrays?: readonly ArrayFormula[];
  names?: readonly DefinedName[];
  lang?: Lang;
}
