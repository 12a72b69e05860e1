/**
 * The only adapter file that touches the Office.js globals: runs a batch with `Excel.run` and
 * hands the adapter functions a context typed by our own interfaces. Compiling this file (npm
 * run typecheck, tsconfig.addin.json) checks that `Excel.RequestContext` from @types/office-js
 * really has every member `types.ts` promises.
 */
import type { ExcelContext } from './types';

export function runExcel<T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> {
  return Excel.run((context: Excel.RequestContext) => batch(context));
}
