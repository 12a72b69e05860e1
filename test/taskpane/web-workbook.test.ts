/**
 * The web page's workbook without a browser: what the pane's writes become in the download
 * (taskpane/web/workbook.ts changedCells) when formulas are written, and the formulas' results
 * kept from the plan (taskpane/web/results.ts).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { keepFormulaResults } from '../../taskpane/web/results';
import { changedCells, openWebWorkbook, scoredCopy } from '../../taskpane/web/workbook';
import { partText } from '../xlsx/parts';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = 5;
  ws.getCell('B1').value = { formula: 'A1*2', result: 10 };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the web page’s copy with formulas', () => {
  it('carries a written formula with the result the plan gave as its cached value', async () => {
    const wb = await openWebWorkbook('t.xlsx', await workbook());
    const range = wb.excel.context.workbook.worksheets.getItem('S').getRange('C1:C2');
    range.formulas = [['=MAX(0,5-N(A1))'], ['=A1+1']];
    await wb.excel.context.sync();
    // Nothing calculates in the page: the value is empty until the plan's result is kept.
    expect(wb.excel.sheet('S').cell(0, 2)?.value).toBe('');
    keepFormulaResults(wb.excel, 'S', [
      { address: 'C1:C2', values: [[0], [6]], formulas: [['=MAX(0,5-N(A1))'], ['=OTHER()']] },
    ]);
    expect(wb.excel.sheet('S').cell(0, 2)?.value).toBe(0);
    // A formula not the one planned keeps its own (empty) value.
    expect(wb.excel.sheet('S').cell(1, 2)?.value).toBe('');
    expect(changedCells(wb)).toEqual([
      { sheet: 'S', row: 0, col: 2, value: 0, formula: 'MAX(0,5-N(A1))', styleFrom: { row: 0, col: 1 } },
      { sheet: 'S', row: 1, col: 2, value: null, formula: 'A1+1' },
    ]);
    const copy = partText(scoredCopy(wb), 'xl/worksheets/sheet1.xml');
    expect(copy).toMatch(/<c r="C1"[^>]*><f>MAX\(0,5-N\(A1\)\)<\/f><v>0<\/v><\/c>/);
    expect(partText(scoredCopy(wb), 'xl/workbook.xml')).toMatch(/fullCalcOnLoad="1"/);
  });

  it('writes nothing where the file’s own formula was put back (撤销上次写入)', async () => {
    const wb = await openWebWorkbook('t.xlsx', await workbook());
    const range = wb.excel.context.workbook.worksheets.getItem('S').getRange('B1');
    range.formulas = [['=A1*3']];
    await wb.excel.context.sync();
    expect(changedCells(wb)).toEqual([{ sheet: 'S', row: 0, col: 1, value: null, formula: 'A1*3' }]);
    range.formulas = [['=A1*2']];
    await wb.excel.context.sync();
    expect(changedCells(wb)).toEqual([]);
  });
});
