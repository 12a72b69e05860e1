/**
 * The task pane on an Excel without the shared runtime and without the newer Excel APIs: volume-
 * licensed Excel 2016 (ExcelApi 1.1 only) and 2019 (up to 1.7). The pane's Workbench runs on the
 * in-memory Excel limited to that version, which fails a sync (ApiNotFound) on any newer call as
 * that Excel does, and on office-addin-mock objects that have only the 1.1 members.
 */
import { readFileSync } from 'node:fs';
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { readSheet, type AdapterEnv } from '../../addin/excel';
import { MemoryExcel } from '../../addin/excel/memory-excel';
import type { ExcelContext } from '../../addin/excel/types';
import { loadPackage } from '../../xlsx/load';
import { DEFAULT_PANE_SETTINGS } from '../../taskpane/settings';
import { Workbench } from '../../taskpane/workbench';

function excelOf(example: string, excelApi?: string): MemoryExcel {
  const { read } = loadPackage(new Uint8Array(readFileSync(`examples/${example}`)));
  return MemoryExcel.fromGrid(read.workbook, new Map(), excelApi ? { excelApi } : {});
}

function benchOn(excel: MemoryExcel): Workbench {
  return new Workbench(
    {
      kind: 'preview',
      env: excel.env,
      displayLanguage: 'zh-CN',
      theme: 'light',
      run: (w) => w(excel.context),
    },
    'zh',
  );
}

const codes = (a: { findings: { code: string; cell: string | null }[] }) =>
  a.findings.map((f) => `${f.code}@${f.cell}`);

describe('the pane on Excel 2016 (ExcelApi 1.1) and 2019 (1.7)', () => {
  it('the memory Excel refuses what Excel 2016 lacks, as Excel does (the test of the tests)', async () => {
    const excel = excelOf('zaozhuang-2022-tasks.xlsx', '1.1');
    excel.context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject();
    await expect(excel.context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  for (const version of ['1.1', '1.7'])
    it(`ExcelApi ${version}: reads, checks and scores the table as a current Excel does, and says what it could not see`, async () => {
      const name = 'zaozhuang-2022-tasks-mistakes.xlsx';
      const old = await benchOn(excelOf(name, version)).read('usedRange', DEFAULT_PANE_SETTINGS);
      const full = await benchOn(excelOf(name)).read('usedRange', DEFAULT_PANE_SETTINGS);
      expect(full.readLimits).toBeNull();
      expect(old.range).toBe(full.range);
      // Without merged areas (1.13) and, on 1.1, hidden rows (1.2): the same table and the same
      // findings, but for the hidden row 1.1 cannot see (the merged hierarchy column is read from
      // its filled cells here either way).
      expect(old.result.tables).toHaveLength(1);
      const seen = new Set(codes(old));
      const known = new Set(codes(full));
      expect(codes(full).filter((c) => !seen.has(c))).toEqual(version === '1.1' ? ['HIDDEN_ROW@C40'] : []);
      expect(codes(old).filter((c) => !known.has(c))).toEqual([]);
      expect(JSON.stringify(old.result.tables)).toBe(JSON.stringify(full.result.tables)); // items, scores, total
      expect(old.readLimits).toBe(
        version === '1.1'
          ? '此版本的 Excel 无法告诉加载项合并单元格和隐藏的行和列，本次识别未考虑它们；请在 Microsoft 365 或网页版 Excel 中复核，或用 perf-check 命令检查文件。'
          : '此版本的 Excel 无法告诉加载项合并单元格，本次识别未考虑它们；请在 Microsoft 365 或网页版 Excel 中复核，或用 perf-check 命令检查文件。',
      );
    });

  it('ExcelApi 1.1: highlights and clears them, settings and the write log kept in the document settings', async () => {
    const excel = excelOf('zaozhuang-2022-tasks-mistakes.xlsx', '1.1');
    const bench = benchOn(excel);
    const a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    const withCells = a.findings.filter((f) => f.cell);
    expect((await bench.highlight(withCells)).intent).toBe('success');
    const sheet = excel.activeSheet;
    expect(sheet.cell(8, 4)?.fill?.color).toBe('#FFD98C'); // E9, NUMBER_AS_TEXT
    expect(excel.settings.has('perf-addin.highlights')).toBe(true); // saved by saveAsync
    expect(await bench.clear()).toEqual({ intent: 'success', text: `已清除 ${withCells.length} 处标注。` });
    expect(sheet.cell(8, 4)?.fill).toBeUndefined();
    expect(excel.settings.has('perf-addin.highlights')).toBe(false);
    // Settings saved and read back.
    expect(await bench.saveSettings({ ...DEFAULT_PANE_SETTINGS })).toBeNull();
    expect((await bench.loadSettings()).notice).toBeNull();
  });

  it('ExcelApi 1.1: writes the report sheet (no autofit, no frozen header) and finds it again', async () => {
    const excel = excelOf('zaozhuang-2022-tasks-mistakes.xlsx', '1.1');
    const bench = benchOn(excel);
    const a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    expect(await bench.existingReport()).toBeNull();
    const r = await bench.report(a.findings);
    expect(r.intent).toBe('success');
    expect(excel.activeSheet.name).toBe('校验报告');
    expect(excel.activeSheet.frozenRows).toBe(0);
    expect(await bench.existingReport()).toEqual({ sheetName: '校验报告', ours: true });
  });

  it('ExcelApi 1.1: writes scores and undoes them, the write log in the document settings', async () => {
    const excel = excelOf('wenzhou-2024-evaluation.xlsx', '1.1');
    const bench = benchOn(excel);
    const before = JSON.stringify([...excel.activeSheet.cells.entries()]);
    let a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    const w = await bench.writeScores(a, 0, 'values', DEFAULT_PANE_SETTINGS);
    expect('notice' in w && w.notice.text).toContain('已写入 4 项得分');
    expect(excel.settings.has('perf-addin.writes')).toBe(true);
    a = await bench.read('usedRange', DEFAULT_PANE_SETTINGS);
    expect((await bench.undo(a, 0)).intent).toBe('success');
    expect(JSON.stringify([...excel.activeSheet.cells.entries()])).not.toBe(''); // cells back
    const after = [...excel.activeSheet.cells.entries()].filter(([, c]) => c.value !== '' || c.formula);
    const was = (JSON.parse(before) as [string, { value: unknown; formula?: string }][]).filter(
      ([, c]) => c.value !== '' || c.formula,
    );
    expect(after.map(([k, c]) => `${k}=${String(c.value)}`)).toEqual(
      was.map(([k, c]) => `${k}=${String(c.value)}`),
    );
  });
});

describe('readSheet on office-addin-mock objects of ExcelApi 1.1', () => {
  // Only 1.1 members: no getUsedRangeOrNullObject, no rowHidden/columnHidden, no merged areas.
  // The mock throws on a member it does not have, so a call or load above 1.1 fails the test.
  const env11: AdapterEnv = {
    platform: 'desktop',
    isSetSupported: (name, v) => name === 'ExcelApi' && v === '1.1',
  };
  function mock(values: unknown[][]) {
    const rows = values.length;
    const cols = values[0]?.length ?? 0;
    const block = {
      values,
      valueTypes: values.map((r) =>
        r.map((v) => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : 'String')),
      ),
      formulas: values,
      numberFormat: values.map((r) => r.map(() => 'General')),
    };
    const data = {
      context: {
        workbook: {
          worksheets: {
            sheet: {
              name: '考核表',
              used: {
                address: `考核表!A1:${String.fromCharCode(64 + cols)}${rows}`,
                rowIndex: 0,
                columnIndex: 0,
                rowCount: rows,
                columnCount: cols,
              },
              block,
              getUsedRange: function () {
                return this.used;
              },
              getRange: function () {
                return this.block;
              },
            },
            getActiveWorksheet: function () {
              return this.sheet;
            },
          },
        },
      },
    };
    return new OfficeMockObject(data) as unknown as { context: ExcelContext };
  }

  it('reads the used range by getUsedRange, and says hidden rows and merges were not read', async () => {
    const m = mock([
      ['序号', '指标', '分值'],
      [1, '执行率', 5],
    ]);
    const r = await readSheet(m.context, { env: env11 });
    expect(r).toMatchObject({ range: 'A1:C2', mergesRead: false, hiddenRead: false });
    expect(
      r.sheet.rows[1]?.map((c) =>
        c?.value.kind === 'number' ? c.value.value : c?.value.kind === 'text' ? c.value.value : null,
      ),
    ).toEqual([1, '执行率', 5]);
  });

  it('an empty sheet (getUsedRange answers A1) reads as nothing', async () => {
    const r = await readSheet(mock([['']]).context, { env: env11 });
    expect(r.range).toBeNull();
  });
});
