/**
 * What `perf-check convert` changes: every formula that calls a PERF function (in any spelling,
 * engine/native/calls.ts) becomes its native formula (engine/native: convertCalls, nested calls
 * first) or its value. The values come from the recalculation of the workbook (cli/recalc): they
 * are the cached results of the native formulas and the values written by `--to values`. A
 * formula that cannot be converted is left as it is, with the reason.
 */
import {
  convertCalls,
  literalValue,
  MAX_FORMULA_LENGTH,
  referenceOf,
  type PerfArg,
  type PerfScalar,
} from '../../engine/native/index.js';
import type { Sheet, Workbook } from '../../engine/grid.js';
import { parseRef } from '../../xlsx/sheet.js';
import type { CellEdit, WriteValue } from '../../xlsx/write.js';
import type { RecalcCell, RecalcValue } from '../recalc/types.js';

export type ConvertTarget = 'native' | 'values';

export interface Converted {
  sheet: string;
  cell: string;
  /** The formula as it was, with "=". */
  formula: string;
  /** The native formula written (with "="), or null when the value was written. */
  to: string | null;
  value: RecalcValue;
}

export interface Unconverted {
  sheet: string;
  cell: string;
  formula: string;
  reason: string;
  reasonEn: string;
}

export interface ConversionPlan {
  converted: Converted[];
  unconverted: Unconverted[];
  edits: CellEdit[];
}

/** Excel has no #CIRC!; a workbook stores such cells as #N/A. */
const STORABLE_ERRORS = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!']);
function stored(v: RecalcValue): WriteValue {
  if (typeof v !== 'object') return v;
  return { error: STORABLE_ERRORS.has(v.error) ? v.error : '#N/A' };
}

function scalarOf(sheet: Sheet | undefined, row: number, col: number): PerfScalar {
  const v = sheet?.rows[row]?.[col]?.value;
  if (!v) return null;
  return v.kind === 'number' || v.kind === 'text' || v.kind === 'boolean' ? v.value : null;
}

/** An argument's value when the converter knows it: a literal, or what the cell or range holds. */
function argValue(expr: string, here: string, wb: Workbook): PerfArg['value'] {
  if (expr.trim() === '') return undefined;
  const lit = literalValue(expr);
  if (lit !== undefined) return lit;
  const ref = referenceOf(expr);
  if (!ref) return undefined;
  const sheet = wb.sheets.find((s) => s.name === (ref.sheet ?? here));
  const a = parseRef(ref.from);
  const b = ref.to ? parseRef(ref.to) : a;
  if (!sheet || !a || !b) return undefined;
  if (!ref.to) return scalarOf(sheet, a[0], a[1]);
  const rows: PerfScalar[][] = [];
  for (let r = Math.min(a[0], b[0]); r <= Math.max(a[0], b[0]) && rows.length < 10000; r++) {
    const row: PerfScalar[] = [];
    for (let c = Math.min(a[1], b[1]); c <= Math.max(a[1], b[1]); c++) row.push(scalarOf(sheet, r, c));
    rows.push(row);
  }
  return rows;
}

/** The native formula for one formula's PERF calls (innermost first), or why there is none. */
export function nativeFormula(
  formula: string,
  sheet: string,
  wb: Workbook,
): { ok: true; formula: string } | { ok: false; reason: string; reasonEn: string } {
  const r = convertCalls(formula, (expr) => argValue(expr, sheet, wb));
  if (!r.ok) {
    const reason = r.reason.startsWith(r.name) ? r.reason : `${r.name}：${r.reason}`;
    return { ok: false, reason, reasonEn: `${r.name} cannot be converted: ${r.reason}` };
  }
  if (r.formula.length > MAX_FORMULA_LENGTH)
    return {
      ok: false,
      reason: `转换后的公式过长（${r.formula.length} 个字符，Excel 上限 ${MAX_FORMULA_LENGTH}）`,
      reasonEn: `the converted formula is too long (${r.formula.length} characters; Excel allows ${MAX_FORMULA_LENGTH})`,
    };
  return { ok: true, formula: r.formula };
}

/**
 * The plan for a workbook: `perfCells` are the recalculated cells whose formulas call PERF (with
 * their values). Spilled cells of an array formula are left to their anchor.
 */
export function planConversion(
  wb: Workbook,
  perfCells: readonly RecalcCell[],
  to: ConvertTarget,
): ConversionPlan {
  const plan: ConversionPlan = { converted: [], unconverted: [], edits: [] };
  for (const c of perfCells) {
    if (!c.perf || c.spillFrom) continue;
    const at = parseRef(c.cell.replace(/\$/g, ''));
    if (!at) continue;
    const keep = (reason: string, reasonEn: string): void => {
      plan.unconverted.push({ sheet: c.sheet, cell: c.cell, formula: c.formula, reason, reasonEn });
    };
    if (to === 'values') {
      if (typeof c.value === 'object') {
        keep(`结果是错误值 ${c.value.error}：${c.value.message}`, `its result is the error ${c.value.error}`);
        continue;
      }
      plan.converted.push({ sheet: c.sheet, cell: c.cell, formula: c.formula, to: null, value: c.value });
      plan.edits.push({ sheet: c.sheet, row: at[0], col: at[1], value: c.value });
      continue;
    }
    const n = nativeFormula(c.formula, c.sheet, wb);
    if (!n.ok) {
      keep(n.reason, n.reasonEn);
      continue;
    }
    plan.converted.push({ sheet: c.sheet, cell: c.cell, formula: c.formula, to: n.formula, value: c.value });
    plan.edits.push({
      sheet: c.sheet,
      row: at[0],
      col: at[1],
      formula: n.formula.slice(1),
      value: stored(c.value),
    });
  }
  return plan;
}
