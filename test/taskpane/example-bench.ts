/**
 * The pane's Workbench on the in-memory Excel (the adapter code Excel runs), loaded from an example
 * workbook: what the pane's tests outside the browser start from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEMORY_ENV } from '../../addin/excel/memory-excel';
import { openWorkbook } from '../../taskpane/preview/open';
import { Workbench } from '../../taskpane/workbench';

export async function exampleBench(name: string) {
  const excel = await openWorkbook(new Uint8Array(readFileSync(join(__dirname, '../../examples', name))));
  const bench = new Workbench(
    {
      kind: 'preview',
      env: MEMORY_ENV,
      displayLanguage: 'zh-CN',
      theme: 'light',
      run: (work) => work(excel.context),
    },
    'zh',
  );
  return { excel, bench };
}
