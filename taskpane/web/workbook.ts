/**
 * The web page's workbook: opened from bytes in the browser (.xlsx/.xlsm with the shared reader,
 * .xls/.et/.ods through SheetJS), held as an in-memory Excel the pane writes to, and downloaded as
 * a copy made by the surgical writer (xlsx/write.ts): the input's package with only the cells
 * the pane wrote changed: values, or 通用公式 (native formulas) with their results as cached
 * values (results.ts). Nothing leaves the browser.
 */
import { MemoryExcel, type MemoryCell } from '../../addin/excel/memory-excel';
import { InputError } from '../../xlsx/errors';
import { legacyKind, openPackage, readOpenedPackage } from '../../xlsx/load';
import type { XlsxPackage } from '../../xlsx/package';
import { patchPackage, type CellEdit } from '../../xlsx/write';

export interface WebWorkbook {
  name: string;
  excel: MemoryExcel;
  /** The package, for the download; null for .xls/.et/.ods, which are read but never written. */
  pkg: XlsxPackage | null;
  hasFormulas: boolean;
  /** What each cell held when opened ("sheet\u0000row,col" → value), to tell what the pane changed. */
  original: ReadonlyMap<string, MemoryCell['value']>;
  /** The formulas of the file's cells when opened ("sheet\u0000row,col" → "=…"). */
  originalFormulas: ReadonlyMap<string, string>;
}

function snapshot(excel: MemoryExcel): Pick<WebWorkbook, 'original' | 'originalFormulas'> {
  const original = new Map<string, MemoryCell['value']>();
  const originalFormulas = new Map<string, string>();
  for (const s of excel.sheets)
    for (const [key, c] of s.cells) {
      original.set(`${s.name}\u0000${key}`, c.value);
      if (c.formula !== undefined) originalFormulas.set(`${s.name}\u0000${key}`, c.formula);
    }
  return { original, originalFormulas };
}

/** Opens a workbook's bytes. Throws InputError (in both languages) for what cannot be read. */
export async function openWebWorkbook(name: string, bytes: Uint8Array): Promise<WebWorkbook> {
  const legacy = legacyKind(bytes);
  if (legacy) {
    const { readLegacyWorkbook } = await import(/* webpackChunkName: "legacy" */ '../../xlsx/legacy.js');
    const excel = MemoryExcel.fromGrid(await readLegacyWorkbook(bytes, legacy));
    return { name, excel, pkg: null, hasFormulas: false, ...snapshot(excel) };
  }
  const fills = new Map<string, string>();
  const pkg = openPackage(bytes);
  const read = readOpenedPackage(pkg, fills);
  const excel = MemoryExcel.fromGrid(read.workbook, fills);
  return { name, excel, pkg, hasFormulas: read.hasFormulas, ...snapshot(excel) };
}

/**
 * The cells the pane changed since the workbook was opened, on sheets of the file (not a report
 * sheet it added: the writer does not add sheets), as the writer's edits: a value, or a formula
 * (without "=") with its result as the cached value. A new cell takes the style of the cell left
 * of it when that one is in the file (a score beside its points).
 */
export function changedCells(wb: WebWorkbook): CellEdit[] {
  const edits: CellEdit[] = [];
  const inFile = new Set(wb.pkg?.sheets.map((s) => s.name) ?? []);
  for (const s of wb.excel.sheets) {
    if (!inFile.has(s.name)) continue;
    for (const [key, c] of s.cells) {
      if (!c.written) continue;
      const before = wb.original.get(`${s.name}\u0000${key}`);
      const formulaBefore = wb.originalFormulas.get(`${s.name}\u0000${key}`);
      const now = c.value;
      // Put back as it was (撤销上次写入: the file's formula, or its value), or emptied: nothing to write.
      const unchanged =
        c.formula !== undefined
          ? c.formula === formulaBefore
          : now === '' || (formulaBefore === undefined && now === (before ?? ''));
      if (unchanged) continue;
      const [row, col] = key.split(',').map(Number) as [number, number];
      const value: CellEdit['value'] = c.error ? { error: String(now) } : now === '' ? null : now;
      const left = col > 0 && wb.original.has(`${s.name}\u0000${row},${col - 1}`);
      edits.push({
        sheet: s.name,
        row,
        col,
        value,
        ...(c.formula !== undefined ? { formula: c.formula.replace(/^=/, '') } : {}),
        ...(before === undefined && left ? { styleFrom: { row, col: col - 1 } } : {}),
      });
    }
  }
  return edits.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col);
}

/** Sheets the pane added (a report): shown in the page, not in the download. */
export function addedSheets(wb: WebWorkbook): string[] {
  if (!wb.pkg) return [];
  const inFile = new Set(wb.pkg.sheets.map((s) => s.name));
  return wb.excel.sheets.filter((s) => !inFile.has(s.name)).map((s) => s.name);
}

/** The copy's file name: "X.xlsx" → "X（评分）.xlsx" (the input's kind kept: .xlsm stays .xlsm). */
export function downloadName(name: string): string {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '.xlsx';
  return `${base}（评分）${ext}`;
}

/** The bytes of the scored copy. Throws InputError or the writer's WriteRefused. */
export function scoredCopy(wb: WebWorkbook): Uint8Array {
  if (!wb.pkg)
    throw new InputError(
      'invalid',
      '.xls、.et 和 .ods 文件只能读取，不能写入：请在 WPS 或 Excel 中另存为 .xlsx 后再打开',
      '.xls, .et and .ods files are read, never written: save the file as .xlsx and open that',
    );
  const edits = changedCells(wb);
  return patchPackage(wb.pkg, edits, { fullCalcOnLoad: wb.hasFormulas && edits.length > 0 });
}
