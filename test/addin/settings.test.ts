/** Workbook settings of the add-in, through the office-addin-mock fake of Excel. */
import { describe, expect, it } from 'vitest';
import { loadWorkbookSetting, saveWorkbookSetting } from '../../addin/excel';
import { MEMORY_ENV, MemoryExcel } from '../../addin/excel/memory-excel';

describe('workbook settings', () => {
  it('reads null when the workbook has none, and what was saved after saving', async () => {
    const excel = new MemoryExcel({ sheets: [{ name: 'S' }] });
    expect(await loadWorkbookSetting(excel.context, 'perf-addin.settings', MEMORY_ENV)).toBeNull();
    await saveWorkbookSetting(excel.context, 'perf-addin.settings', '{"version":1}', MEMORY_ENV);
    expect(excel.settings.get('perf-addin.settings')).toBe('{"version":1}');
    expect(await loadWorkbookSetting(excel.context, 'perf-addin.settings', MEMORY_ENV)).toBe('{"version":1}');
    expect(excel.syncs).toBe(3);
  });

  it('deletes the value when saving null, and leaves other keys alone', async () => {
    const excel = new MemoryExcel({
      sheets: [{ name: 'S' }],
      settings: { 'perf-addin.settings': '{}', 'perf-addin.highlights': '{"version":1,"entries":[]}' },
    });
    await saveWorkbookSetting(excel.context, 'perf-addin.settings', null, MEMORY_ENV);
    expect(excel.settings.has('perf-addin.settings')).toBe(false);
    expect(excel.settings.has('perf-addin.highlights')).toBe(true);
    // Deleting what is not there is one look and nothing else.
    const before = excel.syncs;
    await saveWorkbookSetting(excel.context, 'perf-addin.settings', null, MEMORY_ENV);
    expect(excel.syncs - before).toBe(1);
  });
});
