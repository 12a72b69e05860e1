/**
 * A package → the engine's Workbook, plus what the grid model does not carry and `recalc` needs
 * (array formulas, defined names) and what the writer must know (protected sheets, formulas).
 */
import type { Sheet, Workbook } from '../engine/grid.js';
import type { XlsxPackage } from './package.js';
import { readSheet, type ArrayFormulaInfo } from './sheet.js';

/**
 * A defined name: the ranges it refers to ("Sheet!$A$1:$B$3", one or several), or, when it is not
 * a list of ranges (a constant, a formula, #REF!) or is one of several sheet-level names of that
 * spelling, why it cannot be used: kept so that a formula using it says so, naming it.
 */
export interface DefinedNameRanges {
  name: string;
  ranges: string[];
  /** Not a list of ranges: its formula text. */
  formula?: string;
  /** A sheet-level name whose spelling another name has too (the grid has no scopes). */
  scoped?: true;
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
  return { workbook: { sheets }, arrays, names: readDefinedNames(pkg.definedNames), info, hasFormulas };
}

/**
 * The workbook's defined names for recalc (Excel's own _xlnm.* names left out). A sheet-level name
 * is usable only where no other name has its spelling (the grid has no scopes; merging two would
 * give wrong results); the others are kept with the reason.
 */
export function readDefinedNames(
  defined: readonly { name: string; formula: string; localSheetId?: number | undefined }[],
): DefinedNameRanges[] {
  const counts = new Map<string, number>();
  for (const n of defined) counts.set(n.name.toUpperCase(), (counts.get(n.name.toUpperCase()) ?? 0) + 1);
  const names: DefinedNameRanges[] = [];
  for (const n of defined) {
    if (n.name.startsWith('_xlnm.')) continue;
    const f = n.formula.trim().replace(/^=/, '');
    if (n.localSheetId !== undefined && counts.get(n.name.toUpperCase())! > 1) {
      names.push({ name: n.name, ranges: [], formula: f, scoped: true });
      continue;
    }
    const parts = splitTopLevel(f);
    if (parts.every((p) => RANGE_RX.test(p))) names.push({ name: n.name, ranges: parts });
    else names.push({ name: n.name, ranges: [], formula: f });
  }
  return names;
}

/** "A!$A$1,'B, c'!$B$2" → its comma-separated parts (commas inside quotes stay). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === ',') {
      parts.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur.trim());
  return parts;
}
