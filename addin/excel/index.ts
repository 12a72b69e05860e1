/**
 * The Office.js adapter: reads sheets into the engine's grid model and writes results back.
 * Host-free: every function takes the request context as a parameter, typed by `types.ts`.
 */
export { readSheet, type ReadSheetOptions, type ReadSheetResult } from './read';
export {
  writeBlocks,
  WriteBlockError,
  type WriteBlock,
  type WriteOptions,
  type WriteResult,
  type WriteConflict,
  type WriteValue,
} from './write';
export {
  highlightCells,
  clearHighlights,
  HIGHLIGHT_COLOR,
  ERROR_HIGHLIGHT_COLOR,
  HIGHLIGHT_SETTING_KEY,
  type CellRef,
  type HighlightResult,
  type ClearResult,
} from './highlight';
export { selectCell } from './select';
export {
  convertToNative,
  type NativeScope,
  type NativeConversion,
  type NativeConverted,
  type NativeUnconverted,
} from './native';
export { convertToNumber, unhide } from './fix';
export {
  writeReportSheet,
  existingReport,
  uniqueSheetName,
  CODE_NAMES,
  REPORT_SHEET_NAME,
  type ReportResult,
} from './report';
export { MIN_EXCEL_API, OPTIONAL_APIS, defaultEnv, type AdapterEnv, type Platform } from './requirements';
export type { ExcelContext } from './types';
export { loadWorkbookSetting, saveWorkbookSetting } from './settings';
