/**
 * Our own formula evaluation (cli/recalc: fast-formula-parser with the project's function table)
 * on one formula over a few cells, for checking native formulas the way `perf-check recalc` would.
 */
import { fillFunctionTable, unknownFunction } from '../../cli/recalc/functions';
import { createEvaluator, isFormulaError, type CellRef } from '../../cli/recalc/parser';

export type Cell = number | string | boolean | null;

/** Evaluates `formula` where cells A1, B1, C1… hold `cells` (row 1). */
export function evaluateOurs(formula: string, cells: Record<string, Cell>): Cell | { error: string } {
  const ev = createEvaluator(
    {
      onCell: (ref: CellRef) => cells[`${String.fromCharCode(64 + ref.col)}${ref.row}`] ?? null,
      onRange: () => [[null]],
      onVariable: () => null,
      here: () => 'X1',
      sheet: () => 'S',
    },
    (t) =>
      fillFunctionTable(
        t,
        () => 'X1',
        () => 'S',
      ),
    (name) => unknownFunction(name, 'X1'),
  );
  try {
    let v = ev.evaluate(formula.replace(/^=/, ''), { sheet: 'S', row: 1, col: 24 });
    while (Array.isArray(v)) v = (v as unknown[])[0];
    if (isFormulaError(v)) return { error: String((v as { error?: string }).error ?? v) };
    return v as Cell;
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
