/**
 * The pane's write modes inside Excel: 公式 (PERF functions) only where the manifest's
 * VersionOverrides register them (SharedRuntime 1.1 and CustomFunctionsRuntime 1.2); on Excel
 * 2016/2019 and other hosts of the task pane alone, 数值 and 通用公式 (a PERF formula there shows
 * #NAME?). README, "Where it runs".
 */
import { describe, expect, it } from 'vitest';
import type { AdapterEnv } from '../../addin/excel';
import { excelWriteModes } from '../../taskpane/host';

/** An Excel that has these requirement sets, up to these versions. */
const env = (sets: Record<string, string>): AdapterEnv => ({
  platform: 'desktop',
  isSetSupported: (name, version) => name in sets && Number(version) <= Number(sets[name]),
});

describe('write modes in Excel', () => {
  it('all three where the PERF functions run (Microsoft 365: both runtimes)', () => {
    expect(
      excelWriteModes(env({ ExcelApi: '1.17', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.4' })),
    ).toBeUndefined();
  });

  it.each([
    ['Excel 2016: ExcelApi 1.1 only', { ExcelApi: '1.1' }],
    ['Excel 2019: ExcelApi 1.7 only', { ExcelApi: '1.7' }],
    ['custom functions without the shared runtime', { ExcelApi: '1.9', CustomFunctionsRuntime: '1.3' }],
    [
      'custom functions runtime 1.1 only',
      { ExcelApi: '1.9', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.1' },
    ],
  ])('values and native formulas only: %s', (_, sets) => {
    expect(excelWriteModes(env(sets))).toEqual(['values', 'native']);
  });

  it('an isSetSupported that throws offers no PERF formulas', () => {
    expect(
      excelWriteModes({
        platform: 'desktop',
        isSetSupported: () => {
          throw new Error('no requirements API');
        },
      }),
    ).toEqual(['values', 'native']);
  });
});
