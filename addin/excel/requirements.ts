/**
 * Requirement sets the adapter depends on.
 *
 * The manifest requires ExcelApi `MIN_EXCEL_API` (1.1, the only Excel set of volume-licensed
 * Excel 2016): every call the adapter makes without a guard is in 1.1. Everything newer is called
 * only when `isSetSupported` says so, with the fallback named here; what the clerk loses on an
 * older Excel is said by `readLimits` (read.ts) where it changes what the check can see.
 */
import type { DocumentSettings } from './types';

export const MIN_EXCEL_API = '1.1';

export interface RequirementSet {
  readonly name: string;
  readonly version: string;
}

export const OPTIONAL_APIS = {
  /** range.rowHidden / columnHidden; without them hidden rows and columns are not known (`hiddenRead: false`). */
  hiddenState: { name: 'ExcelApi', version: '1.2' },
  /** getUsedRange(valuesOnly); without it the used range includes cells that only carry a format. */
  usedRangeValuesOnly: { name: 'ExcelApi', version: '1.2' },
  /** format.autofitColumns / columnWidth; without them the report sheet keeps Excel's column widths. */
  columnFormat: { name: 'ExcelApi', version: '1.2' },
  /** getUsedRangeOrNullObject, worksheets.getItemOrNullObject; without them getUsedRange and the sheet list. */
  nullObjects: { name: 'ExcelApi', version: '1.4' },
  /** workbook.settings; without it Office.context.document.settings (env.documentSettings). */
  workbookSettings: { name: 'ExcelApi', version: '1.4' },
  /** application.suspendApiCalculationUntilNextSync; without it Excel recalculates as we write. */
  suspendCalculation: { name: 'ExcelApi', version: '1.6' },
  /** worksheet.freezePanes; without it the report's header row is not frozen. */
  freezePanes: { name: 'ExcelApi', version: '1.7' },
  /** runtime.enableEvents; without it our writes raise change events like a user's. */
  enableEvents: { name: 'ExcelApi', version: '1.8' },
  /** fill.pattern / patternColor / tintAndShade; without it only the fill colour is saved and restored. */
  fillPattern: { name: 'ExcelApi', version: '1.9' },
  /** range.getMergedAreasOrNullObject; without it the sheet is read without merged areas (`mergesRead: false`). */
  mergedAreas: { name: 'ExcelApi', version: '1.13' },
} as const satisfies Record<string, RequirementSet>;

export type OptionalApi = keyof typeof OPTIONAL_APIS;

/** Where the add-in runs; only Excel on the web limits a request/response to 5 MB. */
export type Platform = 'web' | 'desktop' | 'unknown';

/** What the adapter asks of Office itself, injected so tests never need office.js. */
export interface AdapterEnv {
  isSetSupported(name: string, version: string): boolean;
  readonly platform: Platform;
  /** Office.context.document.settings, where the add-in's values live without ExcelApi 1.4. */
  readonly documentSettings?: DocumentSettings;
}

export function supports(env: AdapterEnv, api: OptionalApi): boolean {
  const set = OPTIONAL_APIS[api];
  try {
    return env.isSetSupported(set.name, set.version);
  } catch {
    return false;
  }
}

interface OfficeGlobalShape {
  context?: {
    platform?: unknown;
    document?: { settings?: DocumentSettings };
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean };
  };
}

/**
 * The environment of the running add-in, read from the `Office` global when office.js is loaded;
 * without it (tests, a plain browser) nothing optional is supported and the platform is unknown.
 */
export function defaultEnv(): AdapterEnv {
  const office = (globalThis as { Office?: OfficeGlobalShape }).Office;
  const requirements = office?.context?.requirements;
  const raw = office?.context?.platform;
  const platform: Platform =
    raw === 'OfficeOnline' ? 'web' : typeof raw === 'string' && raw !== '' ? 'desktop' : 'unknown';
  const documentSettings = office?.context?.document?.settings;
  return {
    platform,
    ...(documentSettings ? { documentSettings } : {}),
    isSetSupported: (name, version) =>
      typeof requirements?.isSetSupported === 'function' ? requirements.isSetSupported(name, version) : false,
  };
}
