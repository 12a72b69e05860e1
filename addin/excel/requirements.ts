/**
 * Requirement sets the adapter depends on.
 *
 * The manifest requires ExcelApi `MIN_EXCEL_API` (1.4): every call the adapter makes without a
 * guard is in 1.1–1.4 (getUsedRangeOrNullObject, getItemOrNullObject and the workbook settings
 * are 1.4; rowHidden/columnHidden and autofitColumns are 1.2). Everything newer is called only
 * when `isSetSupported` says so, with the fallback named here.
 */
export const MIN_EXCEL_API = '1.4';

export interface RequirementSet {
  readonly name: string;
  readonly version: string;
}

export const OPTIONAL_APIS = {
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
  return {
    platform,
    isSetSupported: (name, version) =>
      typeof requirements?.isSetSupported === 'function' ? requirements.isSetSupported(name, version) : false,
  };
}
