/**
 * The results of the formulas the pane writes on the web page. The in-memory Excel calculates
 * nothing (a formula written there has no value), so after a write of scores the pane hands over
 * its plan's blocks (PaneHost.formulaResults): each formula beside its value, the values
 * `perf-check score --formulas native --out` caches beside the same formulas (engine/write-plan.ts
 * planScores). Kept as the cells' values, they are shown in the sheet, read back by the pane, and
 * written into the copy as the formulas' cached results, so the copy shows the scores before any
 * recalculation. Loaded with the page (no calculation here: a lookup).
 */
import { parseRangeAddress } from '../../engine/address';
import type { WriteBlock } from '../../engine/write-plan';
import type { MemoryExcel } from '../../addin/excel/memory-excel';

/**
 * Sets each planned formula's value on its cell. A cell whose formula is not the one planned
 * (the write did not land there) keeps its own.
 */
export function keepFormulaResults(excel: MemoryExcel, sheet: string, blocks: readonly WriteBlock[]): void {
  const s = excel.sheets.find((x) => x.name === sheet);
  if (!s) return;
  for (const b of blocks) {
    const at = parseRangeAddress(b.address);
    if (!at || !b.formulas) continue;
    b.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        const cell = s.cell(at.top + r, at.left + c);
        if (formula === null || !cell || cell.formula !== formula) return;
        cell.value = b.values[r]?.[c] ?? '';
      }),
    );
  }
}
