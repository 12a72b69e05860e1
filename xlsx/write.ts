/**
 * The surgical writer: a copy of the package in which only the cells we set change.
 *  - The sheet XML of a sheet we write to is patched in place (xlsx/write-sheet.ts).
 *  - Text goes into the shared strings when the workbook has them (an entry it already holds is
 *    reused), inline otherwise; a formula's cached text is t="str".
 *  - A new cell takes the style of its row or column (or the cell named by `styleFrom`); styles.xml
 *    gains a style only when a number would show in a percent or date format it inherits.
 *  - Formulas are written with their cached results. When formulas are written, removed or
 *    rewritten, calcChain is dropped (with its relationship and content-type override: Excel
 *    rebuilds it; a stale chain makes it repair the file). When formulas are written, workbook.xml
 *    asks for a full recalculation on load (calcPr fullCalcOnLoad); a caller may ask for that too
 *    (values written that existing formulas read).
 * Every other part is copied as the input's compressed bytes, so charts, pivots, VBA, drawings,
 * comments, custom properties … stay exactly as they were.
 */
import { relsPathOf, type XlsxPackage } from './package.js';
import {
  SharedStringsEditor,
  StylesEditor,
  withFullCalcOnLoad,
  withoutOverride,
  withoutRelationship,
} from './write-parts.js';
import { patchSheet, type CellEdit, type SheetPatchContext } from './write-sheet.js';
import { rewriteZip } from './zip.js';

export { WriteRefused, type CellEdit, type WriteValue } from './write-sheet.js';
export { withFullCalcOnLoad } from './write-parts.js';

const enc = new TextEncoder();

export interface PatchOptions {
  /**
   * Ask Excel to recalculate everything on open even when no formula is written (formulas of
   * the workbook read the values written). Writing formulas always asks for it.
   */
  fullCalcOnLoad?: boolean;
}

/**
 * The bytes of a copy of the package with the edits applied. Throws WriteRefused (a locked cell
 * on a protected sheet) before anything is produced, InputError for a sheet that cannot be parsed.
 */
export function patchPackage(
  pkg: XlsxPackage,
  edits: readonly CellEdit[],
  opts: PatchOptions = {},
): Uint8Array {
  const styles = pkg.styles();
  const stringsPath = pkg.workbookPart('sharedStrings');
  const stylesPath = pkg.workbookPart('styles');
  const ctx: SheetPatchContext = {
    sheetName: '',
    locked: (s) => styles.locked[s] ?? true,
    strings: stringsPath ? new SharedStringsEditor(pkg.text(stringsPath)) : null,
    styles: stylesPath ? new StylesEditor(pkg.text(stylesPath), styles.numFmt) : null,
    formulasChanged: false,
    formulasWritten: false,
  };
  const bySheet = new Map<string, CellEdit[]>();
  for (const e of edits) {
    const list = bySheet.get(e.sheet) ?? [];
    list.push(e);
    bySheet.set(e.sheet, list);
  }
  const replace = new Map<string, Uint8Array | null>();
  const put = (path: string, text: string): void => {
    replace.set(pkg.entry(path)!.name, enc.encode(text));
  };
  for (const [name, list] of bySheet) {
    const info = pkg.sheets.find((s) => s.name === name);
    if (!info) continue;
    ctx.sheetName = name;
    put(info.path, patchSheet(pkg.text(info.path), list, ctx));
  }
  if (ctx.strings?.changed && stringsPath) put(stringsPath, ctx.strings.result());
  if (ctx.styles?.changed && stylesPath) put(stylesPath, ctx.styles.result());
  if (ctx.formulasChanged) dropCalcChain(pkg, replace, put);
  if ((opts.fullCalcOnLoad || ctx.formulasWritten) && pkg.workbookPath) {
    const xml = pkg.text(pkg.workbookPath);
    const patched = withFullCalcOnLoad(xml);
    if (patched !== xml) put(pkg.workbookPath, patched);
  }
  return rewriteZip(pkg.bytes, pkg.entries, replace);
}

/** calcChain out of the copy: the part, its workbook relationship, its content-type override. */
function dropCalcChain(
  pkg: XlsxPackage,
  replace: Map<string, Uint8Array | null>,
  put: (path: string, text: string) => void,
): void {
  const chain = pkg.workbookPart('calcChain');
  if (!chain) return;
  replace.set(pkg.entry(chain)!.name, null);
  const relsPath = relsPathOf(pkg.workbookPath);
  if (pkg.has(relsPath)) put(relsPath, withoutRelationship(pkg.text(relsPath), 'calcChain'));
  if (pkg.has('[Content_Types].xml'))
    put('[Content_Types].xml', withoutOverride(pkg.text('[Content_Types].xml'), `/${chain}`));
}
