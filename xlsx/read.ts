/**
 * A package → the engine's Workbook, plus what the grid model does not carry and `recalc` needs
 * (array formulas, defined names) and what the writer must know (protected sheets, formulas).
 */
import type { Sheet, Workbook } from '../engine/grid.js';
import type { XlsxPackage } from './package.js';
import { readSheet, type ArrayFormulaInfo } from './sheet.js';

/** A defined name that refers to one range: "Sheet!$A$1:$B$3". */
export interface DefinedNameRanges {
  name: string;
  ranges: string[];
}

export interface ReadResult {
  workbook: Workbook;
  arrays: ArrayFormulaInfo[];
  names: DefinedNameRanges[];
  /** Per sheet of `workbook.sheets`, in order. */
  info: { path: string; state: string; protectedSheet: boolean }[];
  hasFormulas: boolean;
}

const RANGE_RX =
  /^(?:'(?:[^']|'')+'|[^!'"()=,;:+\-*/^&<> ]+)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** Reads every worksheet (hidden and very hidden included, as Excel lists them). Throws XmlError / ZipError. */
export function readPackage(pkg: XlsxPackage, fills?: Map<string, string>): ReadResult {
  const strings = pkg.sharedStrings();
  const styles = pkg.styles();
  const sheets: Sheet[] = [];
  const arrays: ArrayFormulaInfo[] = [];
  const info: ReadResult['info'] = [];
  let hasFormulas = false;
  for (const s of pkg.sheets) {
    const { sheet, extras } = readSheet(pkg.text(s.path), {
      name: s.name,
      strings,
      styles,
      date1904: pkg.date1904,
      ...(fills ? { fills } : {}),
    });
    sheets.push(sheet);
    arrays.push(...extras.arrays);
    info.push({ path: s.path, state: s.state, protectedSheet: extras.protectedSheet });
    hasFormulas ||= extras.hasFormulas;
  }
  // Names that are one range, for recalc. A sheet-local name is kept only where no other name
  // has its spelling (the grid has no scopes; merging two would give wrong results).
  const counts = new Map<string, number>();
  for (const n of pkg.definedNames)
    counts.set(n.name.toUpperCase(), (counts.get(n.name.toUpperCase()) ?? 0) + 1);
  const names: DefinedNameRanges[] = [];
  for (const n of pkg.definedNames) {
    if (n.name.startsWith('_xlnm.')) continue;
    if (n.localSheetId !== undefined && counts.get(n.name.toUpperCase())! > 1) continue;
    const f = n.formula.trim().replace(/^=/, '');
    if (RANGE_RX.test(f)) names.push({ name: n.name, ranges: [f] });
  }
  return { workbook: { sheets }, arrays, names, info, hasFormulas };
}
