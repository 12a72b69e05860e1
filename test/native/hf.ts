/** HyperFormula (GPL-3, a devDependency used only in tests) as a third spreadsheet for native formulas. */
import { HyperFormula } from 'hyperformula';

export type HfCell = number | string | boolean | null;

/** Evaluates rows of cells (formulas as "=…" strings); returns each row's values. */
export function evaluateRows(rows: HfCell[][]): (number | string | boolean | null)[][] {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const name = hf.addSheet('S');
  const id = hf.getSheetId(name)!;
  // HyperFormula reads typed content: "5%", "12" or "TRUE" would become a number or a boolean. A
  // text cell stays text (an apostrophe before it), as a clerk's text cell is text in Excel.
  hf.setSheetContent(
    id,
    rows.map((row) => row.map((v) => (typeof v === 'string' && !v.startsWith('=') ? `'${v}` : v))),
  );
  const out = rows.map((row, r) =>
    row.map((_, c) => {
      const v = hf.getCellValue({ sheet: id, row: r, col: c });
      return typeof v === 'object' && v !== null ? `#ERROR ${String((v as { value?: unknown }).value)}` : v;
    }),
  );
  hf.destroy();
  return out;
}
