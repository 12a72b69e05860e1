/**
 * The preview's in-memory Excel runs the real adapter: reading a sheet, guarded writes,
 * highlights that come off again, the report sheet. Loaded from the example .xlsx files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  clearHighlights,
  highlightCells,
  readSheet,
  selectCell,
  writeBlocks,
  writeReportSheet,
} from '../../addin/excel';
import { analyseSheet } from '../../engine';
import { MEMORY_ENV, MemoryExcel } from '../../addin/excel/memory-excel';
import { openWorkbook } from '../../taskpane/preview/open';
import { InputError } from '../../xlsx/errors';

const example = (name: string) => openWorkbook(new Uint8Array(readFileSync(`examples/${name}`)));

describe('MemoryExcel from an .xlsx', () => {
  it('reads back the table as the CLI reads the file: merges, hidden rows, text and errors', async () => {
    const x = await example('zaozhuang-2022-tasks-mistakes.xlsx');
    const read = await readSheet(x.context, { env: MEMORY_ENV });
    expect(read.range).toBe('A1:E52');
    expect(read.sheet.merges).toContainEqual({ top: 5, left: 0, bottom: 51, right: 0 });
    expect(read.sheet.hiddenRows).toEqual([39]);
    const { findings } = analyseSheet(read.sheet);
    expect(findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      'POINTS_SUM_MISMATCH@B6',
      'NUMBER_AS_TEXT@E9',
      'NUMBER_AS_TEXT@E14',
      'POINTS_MISSING@E20',
      'CELL_ERROR@E25',
      'TARGET_MISSING@D33',
      'HIDDEN_ROW@C40',
      'DUPLICATE_ITEM@C44',
    ]);
  });

  it('refuses a file that is not a workbook with the same message as the CLI', async () => {
    await expect(openWorkbook(new TextEncoder().encode('序号,指标\n1,a\n'))).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(openWorkbook(new TextEncoder().encode('序号,指标\n1,a\n'))).rejects.toThrow(/CSV/);
  });

  it('writes only at sync, tells listeners which cells changed, and refuses to overwrite', async () => {
    const x = new MemoryExcel({ sheets: [{ name: 'S' }] });
    const heard: string[][] = [];
    x.onSync((e) => heard.push(e.written));
    const ok = await writeBlocks(x.context, 'S', [{ address: 'B2:B3', values: [[1], ['001']] }], {
      env: MEMORY_ENV,
    });
    expect(ok).toMatchObject({ written: true, cells: 2 });
    expect(x.sheet('S')!.cell(1, 1)).toMatchObject({ value: 1, written: true });
    expect(x.sheet('S')!.cell(2, 1)?.value).toBe('001'); // text stays text
    expect(heard.flat()).toEqual(['S!B2', 'S!B3']);
    const refused = await writeBlocks(x.context, 'S', [{ address: 'B2', values: [[5]] }], {
      env: MEMORY_ENV,
    });
    expect(refused).toMatchObject({ written: false, conflicts: [{ address: 'B2', existing: 1 }] });
    expect(x.sheet('S')!.cell(1, 1)?.value).toBe(1);
  });

  it('highlights over a user fill and puts that fill back on clearing', async () => {
    const x = await example('zaozhuang-2022-tasks.xlsx');
    const sheet = x.activeSheet;
    sheet.ensure(8, 4).fill = {
      color: '#00B050',
      pattern: 'Solid',
      patternColor: '#000000',
      tintAndShade: 0,
      patternTintAndShade: 0,
    };
    const cells = [
      { sheet: sheet.name, address: 'E9' },
      { sheet: sheet.name, address: 'E10' },
    ];
    const painted = await highlightCells(x.context, cells, { env: MEMORY_ENV });
    expect(painted.painted).toBe(2);
    expect(sheet.cell(8, 4)?.fill?.color).toBe('#FFD98C');
    const cleared = await clearHighlights(x.context, { env: MEMORY_ENV });
    expect(cleared.restored).toBe(2);
    expect(sheet.cell(8, 4)?.fill?.color).toBe('#00B050');
    expect(sheet.cell(9, 4)?.fill).toBeUndefined();
  });

  it('selects a cell and adds a report sheet under a free name', async () => {
    const x = await example('zaozhuang-2022-tasks-mistakes.xlsx');
    await selectCell(x.context, x.activeSheet.name, 'E20');
    expect(x.selection).toEqual({ top: 19, left: 4, bottom: 19, right: 4 });
    const read = await readSheet(x.context, { env: MEMORY_ENV });
    const { findings } = analyseSheet(read.sheet);
    const first = await writeReportSheet(x.context, findings, { env: MEMORY_ENV });
    const second = await writeReportSheet(x.context, findings, { env: MEMORY_ENV });
    expect([first.sheetName, second.sheetName]).toEqual(['校验报告', '校验报告 (2)']);
    expect(x.activeSheet.name).toBe('校验报告 (2)');
    expect(x.activeSheet.cell(1, 3)?.value).toBe('B6');
    expect(x.activeSheet.frozenRows).toBe(1);
  });
});
