/**
 * What the pane needs from where it runs. In Excel, `run` is `Excel.run`; in the browser preview
 * it is an in-memory workbook loaded from an .xlsx file (addin/excel/memory-excel.ts). Either way the
 * pane calls the same adapter functions (addin/excel) with the context it is handed.
 */
import type { AdapterEnv, ExcelContext } from '../addin/excel';
import type { WriteBlock, WriteMode } from '../engine/write-plan';

export type ThemeName = 'light' | 'dark' | 'contrast';

export interface PaneHost {
  /** 'web': the web page (web.html), which downloads a copy (values or native formulas). */
  readonly kind: 'excel' | 'preview' | 'web';
  /** The write modes this host offers (all when absent). */
  readonly writeModes?: readonly WriteMode[];
  /**
   * Told, after a write of scores, what each formula written comes to: the plan's values (the
   * ones `perf-check score --out` caches beside its formulas). For a host whose workbook has no
   * calculation engine (the web page's in-memory Excel): its copy carries them as the formulas'
   * cached results. Excel calculates for itself and needs no such call.
   */
  formulaResults?(sheet: string, blocks: readonly WriteBlock[]): void;
  readonly env: AdapterEnv;
  /** Office's display language ("zh-CN", "en-US"); the pane speaks Chinese unless it starts with "en". */
  readonly displayLanguage: string;
  readonly theme: ThemeName;
  /** Runs one piece of work against the workbook. */
  run<T>(work: (context: ExcelContext) => Promise<T>): Promise<T>;
}

/** The pane's language for an Office display language: English only when Office speaks English. */
export function paneLanguage(displayLanguage: string): 'zh' | 'en' {
  return /^en\b/i.test(displayLanguage) ? 'en' : 'zh';
}

/**
 * The write modes of the pane in an Excel: all three where the PERF functions run (the manifest
 * registers them behind SharedRuntime 1.1 and CustomFunctionsRuntime 1.2); elsewhere (Excel
 * 2016/2019, volume-licensed 2021 …, the task pane alone) values and 通用公式 only: a PERF formula
 * written there shows #NAME?.
 */
export function excelWriteModes(env: AdapterEnv): readonly WriteMode[] | undefined {
  const has = (name: string, version: string) => {
    try {
      return env.isSetSupported(name, version);
    } catch {
      return false;
    }
  };
  return has('SharedRuntime', '1.1') && has('CustomFunctionsRuntime', '1.2')
    ? undefined
    : ['values', 'native'];
}
