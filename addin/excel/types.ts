/**
 * The slice of the Excel JavaScript API (Office.js) that the adapter uses, as plain structural
 * interfaces. `Excel.RequestContext` from @types/office-js satisfies `ExcelContext` (checked at
 * compile time in `office.ts`), while tests hand in office-addin-mock objects, so no test ever
 * loads office.js and nothing in this folder refers to the `Excel` or `Office` globals.
 *
 * The API set that introduced each member is noted; members above the manifest's minimum
 * (see `requirements.ts`) are only called behind `isSetSupported`.
 */

/** Anything with Office.js-style `load("a,b,c")`. */
export interface Loadable {
  load(propertyNames: string): unknown;
}

/** Excel.RangeFill (color 1.1; pattern, patternColor, tintAndShade, patternTintAndShade 1.9). */
export interface RangeFill extends Loadable {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
  clear(): void;
}

/** Excel.RangeFormat (1.1; autofitColumns and columnWidth 1.2). */
export interface RangeFormat {
  fill: RangeFill;
  font: { bold: boolean };
  columnWidth: number;
  wrapText: boolean;
  autofitColumns(): void;
}

/** Excel.RangeAreas (ExcelApi 1.9; obtained from getMergedAreasOrNullObject, 1.13). */
export interface RangeAreas extends Loadable {
  readonly address: string;
  readonly isNullObject: boolean;
}

/** Excel.Range. */
export interface Range extends Loadable {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  readonly valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** ExcelApi 1.2; null when some rows of the range are hidden and others not (set: whole rows). */
  rowHidden: boolean;
  /** ExcelApi 1.2; null when mixed (set: whole columns). */
  columnHidden: boolean;
  readonly isNullObject: boolean;
  readonly format: RangeFormat;
  getRow(row: number): Range;
  getColumn(column: number): Range;
  getMergedAreasOrNullObject(): RangeAreas;
  select(): void;
}

/** Excel.Worksheet. */
export interface Worksheet extends Loadable {
  readonly name: string;
  readonly id: string;
  readonly isNullObject: boolean;
  getRange(address?: string): Range;
  /** ExcelApi 1.1 (valuesOnly 1.2); an empty sheet gives A1. */
  getUsedRange(valuesOnly?: boolean): Range;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  activate(): void;
  delete(): void;
  /** ExcelApi 1.7. */
  readonly freezePanes: { freezeRows(count?: number): void };
}

/** Excel.WorksheetCollection. */
export interface WorksheetCollection extends Loadable {
  readonly items: Worksheet[];
  getActiveWorksheet(): Worksheet;
  getItem(key: string): Worksheet;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): Worksheet;
  add(name?: string): Worksheet;
}

/** Excel.Setting (ExcelApi 1.4). */
export interface Setting extends Loadable {
  readonly value: unknown;
  readonly isNullObject: boolean;
  delete(): void;
}

/** Excel.SettingCollection (ExcelApi 1.4): values saved in the workbook, private to the add-in. */
export interface SettingCollection {
  getItemOrNullObject(key: string): Setting;
  add(key: string, value: string): Setting;
}

export interface Workbook {
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  readonly application: {
    /** ExcelApi 1.6. */
    suspendApiCalculationUntilNextSync(): void;
  };
  getSelectedRange(): Range;
}

/**
 * Office.context.document.settings (the Common API's Settings, Excel 2013 and later): the same
 * add-in values as the workbook settings, for Excel without ExcelApi 1.4 (Excel 2016). Changes
 * are kept in memory until saveAsync.
 */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

/** Excel.RequestContext. */
export interface ExcelContext {
  readonly workbook: Workbook;
  /** ExcelApi 1.8. */
  readonly runtime: Loadable & { enableEvents: boolean };
  sync(): Promise<unknown>;
}
