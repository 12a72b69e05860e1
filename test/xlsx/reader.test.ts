/**
 * Our .xlsx reader (xlsx/package.ts, xlsx/sheet.ts): the grid it gives is the one the ExcelJS
 * adapter gave on every example and fixture, and it reads what producers write that ExcelJS
 * refused or misread (absolute targets, Strict OOXML, prefixed elements, 1904 dates, rPh runs).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell, Sheet } from '../../engine/grid';
import { workbookFromExcelJS } from '../../xlsx/convert';
import { InputError } from '../../xlsx/errors';
import { loadExcelJS } from '../../xlsx/exceljs';
import { loadPackage, loadWorkbook } from '../../xlsx/load';
import { slideFormula } from '../../xlsx/sheet';
import { recalcWorkbook } from '../../cli/recalc';
import { workbookParts, zipParts, type SheetSpec } from './package-builder';

const root = join(__dirname, '..', '..');
const corpus = [
  ...readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(root, 'examples', f)),
  ...readdirSync(join(root, 'test/fixtures/bad'))
    .filter((f) => f.endsWith('.xlsx') && f !== 'million-rows-sparse.xlsx')
    .map((f) => join(root, 'test/fixtures/bad', f)),
];

async function viaExcelJS(bytes: Uint8Array): Promise<unknown> {
  try {
    return workbookFromExcelJS(await loadExcelJS(bytes));
  } catch (e) {
    return { error: (e as InputError).kind };
  }
}
async function viaOurs(bytes: Uint8Array): Promise<unknown> {
  try {
    return await loadWorkbook(bytes);
  } catch (e) {
    return { error: (e as InputError).kind };
  }
}

describe('the grid is the one ExcelJS gave', () => {
  it.each(corpus.map((f) => [f.slice(root.length + 1), f]))('%s', async (_name, file) => {
    const bytes = readFileSync(file);
    expect(await viaOurs(bytes)).toEqual(await viaExcelJS(bytes));
  });
});

function read(sheets: SheetSpec[], opts: Parameters<typeof workbookParts>[1] = {}): Sheet[] {
  return loadPackage(zipParts(workbookParts(sheets, opts))).read.workbook.sheets;
}
const v = (c: Cell | null | undefined): unknown => (c ? c.value : null);

describe('cells', () => {
  it('an empty shared string written <si/> is one string: the strings after it keep their index', () => {
    // Strings 0 "甲", 1 "" (<si/>), 2 "乙": A1 → 甲, A2 → "" (a blank), A3 → 乙.
    const [s] = read(
      [
        {
          name: 'S',
          body: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c></row></sheetData>',
        },
      ],
      { strings: '<si><t>甲</t></si><si/><si><t>乙</t></si>' },
    );
    expect(v(s!.rows[0]![0])).toEqual({ kind: 'text', value: '甲' });
    expect(v(s!.rows[2]![0])).toEqual({ kind: 'text', value: '乙' });
    expect(JSON.stringify(v(s!.rows[1]?.[0]))).not.toContain('甲');
  });

  it('reads numbers, shared and inline strings (rich text joined, phonetic runs left out), booleans, errors', () => {
    const [s] = read(
      [
        {
          name: 'S',
          body:
            '<sheetData><row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>' +
            '<c r="D1" t="inlineStr"><is><r><t>内</t></r><r><rPr><b/></rPr><t>联</t></r></is></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#DIV/0!</v></c>' +
            '<c r="G1" t="s"><v>2</v></c></row></sheetData>',
        },
      ],
      {
        strings:
          '<si><t>分值</t></si><si><r><t>得</t></r><r><rPr><i/></rPr><t>分</t></r><rPh sb="0" eb="1"><t>デ</t></rPh></si><si><t>a_x000D_b</t></si>',
      },
    );
    expect(s!.rows[0]!.map(v)).toEqual([
      { kind: 'number', value: 1.5 },
      { kind: 'text', value: '分值' },
      { kind: 'text', value: '得分' },
      { kind: 'text', value: '内联' },
      { kind: 'boolean', value: true },
      { kind: 'error', value: '#DIV/0!' },
      { kind: 'text', value: 'a\rb' },
    ]);
  });

  it('gives shared formulas their own text, keeps cached results, lists array formulas', () => {
    const { read: r } = loadPackage(
      zipParts(
        workbookParts([
          {
            name: 'S',
            body:
              '<sheetData><row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1+"A1"</f><v>6</v></c></row>' +
              '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>8</v></c></row>' +
              '<row r="3"><c r="B3" t="str"><f t="shared" si="0"/><v>x</v></c><c r="C3"><f t="array" ref="C3:C4">A1:A2*2</f><v>4</v></c></row>' +
              '<row r="4"><c r="C4"><v>6</v></c></row></sheetData>',
          },
        ]),
      ),
    );
    const rows = r.workbook.sheets[0]!.rows;
    expect(rows[1]![1]).toEqual({ value: { kind: 'number', value: 8 }, formula: '=A2*2+$A$1+"A1"' });
    expect(rows[2]![1]).toEqual({ value: { kind: 'text', value: 'x' }, formula: '=A3*2+$A$1+"A1"' });
    expect(rows[2]![2]).toEqual({ value: { kind: 'number', value: 4 }, formula: '=A1:A2*2' });
    expect(r.arrays).toEqual([{ sheet: 'S', anchor: 'C3', ref: 'C3:C4' }]);
    expect(slideFormula('SUM(A1:B2)+Sheet2!C3+LOG10(4)', 2, 1)).toBe('SUM(B3:C4)+Sheet2!D5+LOG10(4)');
  });

  it('number formats: built-in percent, custom codes, dates as 1900 serials also in a 1904 workbook', () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>';
    const body =
      '<sheetData><row r="1"><c r="A1" s="1"><v>0.8</v></c><c r="B1" s="2"><v>0.25</v></c><c r="C1" s="3"><v>0</v></c><c r="D1" s="3"><v>44927</v></c></row></sheetData>';
    const [a] = read([{ name: 'S', body }], { styles });
    expect(a!.rows[0]).toEqual([
      { value: { kind: 'number', value: 0.8 }, numberFormat: '0%' },
      { value: { kind: 'number', value: 0.25 }, numberFormat: '0.0%' },
      { value: { kind: 'number', value: 0 }, numberFormat: 'mm-dd-yy' },
      { value: { kind: 'number', value: 44927 }, numberFormat: 'mm-dd-yy' },
    ]);
    // 1904 system: serial 0 is 1904-01-01, which is 1462 in the 1900 system the engine reads.
    const [b] = read([{ name: 'S', body }], { styles, workbookPr: '<workbookPr date1904="1"/>' });
    expect(b!.rows[0]![2]!.value).toEqual({ kind: 'number', value: 1462 });
    expect(b!.rows[0]![3]!.value).toEqual({ kind: 'number', value: 44927 + 1462 });
    expect(b!.rows[0]![0]!.value).toEqual({ kind: 'number', value: 0.8 }); // not a date: unchanged
  });

  it('merges hide their covered cells; hidden rows and columns are listed; trailing formatted cells dropped', () => {
    const [s] = read(
      [
        {
          name: 'S',
          body:
            '<cols><col min="2" max="3" width="9" hidden="1"/></cols>' +
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>一级</t></is></c><c r="B1" t="inlineStr"><is><t>covered</t></is></c></row>' +
            '<row r="2" hidden="1"><c r="A2"><v>1</v></c><c r="B2" s="1"/></row><row r="5" hidden="1"/></sheetData>' +
            '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
        },
      ],
      { styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="2"/></cellXfs>' },
    );
    expect(s!.rows).toEqual([
      [{ value: { kind: 'text', value: '一级' } }],
      [{ value: { kind: 'number', value: 1 } }],
    ]);
    expect(s!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(s!.hiddenRows).toEqual([1, 4]);
    expect(s!.hiddenColumns).toEqual([1, 2]);
  });
});

describe('packages producers write', () => {
  const body = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c></row></sheetData>';
  const text = (s: Sheet[]): unknown => s.map((x) => [x.name, v(x.rows[0]?.[0])]);

  it('hidden and very hidden sheets are read in workbook order; chart sheets are not worksheets', () => {
    const sheets = read(
      [
        { name: 'A', body },
        { name: 'B', body, state: 'hidden' },
        { name: 'C', body, state: 'veryHidden' },
      ],
      {
        extraSheetTags: '<sheet name="Chart" sheetId="9" r:id="rId9"/>',
        extraWorkbookRels: `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>`,
        extraParts: { 'xl/chartsheets/sheet1.xml': '<chartsheet/>' },
      },
    );
    expect(sheets.map((s) => s.name)).toEqual(['A', 'B', 'C']);
  });

  it('absolute relationship targets (as some generators write them)', async () => {
    const bytes = zipParts(workbookParts([{ name: 'A', body }], { absoluteTargets: true }));
    expect(text((await loadWorkbook(bytes)).sheets)).toEqual([['A', { kind: 'text', value: '指标' }]]);
  });

  it('Strict OOXML, and elements written with a namespace prefix', async () => {
    const strict = zipParts(workbookParts([{ name: 'A', body }], { strict: true }));
    expect(text((await loadWorkbook(strict)).sheets)).toEqual([['A', { kind: 'text', value: '指标' }]]);
    const parts = workbookParts([{ name: 'A', body: '' }]);
    parts['xl/worksheets/sheet1.xml'] =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>指标</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    expect(text((await loadWorkbook(zipParts(parts))).sheets)).toEqual([
      ['A', { kind: 'text', value: '指标' }],
    ]);
  });

  it('.xlsm / .xltx / .xltm main parts read the same', async () => {
    for (const ct of [
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
      'application/vnd.ms-excel.template.macroEnabled.main+xml',
    ]) {
      const bytes = zipParts(
        workbookParts([{ name: 'A', body }], {
          contentTypeMain: ct,
          extraParts: { 'xl/vbaProject.bin': new Uint8Array([1, 2, 3]) },
        }),
      );
      expect(text((await loadWorkbook(bytes)).sheets)).toEqual([['A', { kind: 'text', value: '指标' }]]);
    }
  });

  it('ranges over whole columns cost nothing: validations, a merge, a column definition', () => {
    const big =
      '<cols><col min="1" max="16384" width="9"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="B1:Z1048576"/></mergeCells>' +
      '<dataValidations count="1"><dataValidation type="list" sqref="A:J"><formula1>"是,否"</formula1></dataValidation></dataValidations>';
    const t = performance.now();
    const [s] = read([{ name: 'A', body: big }]);
    expect(performance.now() - t).toBeLessThan(500);
    expect(s!.rows).toEqual([[{ value: { kind: 'number', value: 1 } }]]);
  });

  it('defined names reach recalc: ranges as ranges, the others with the reason (two local names of one spelling do not merge)', () => {
    const parts = workbookParts(
      [
        { name: 'A', body },
        { name: 'B', body },
      ],
      {
        definedNames:
          '<definedName name="Pts">A!$B$2:$B$9</definedName><definedName name="Rate" localSheetId="0">A!$C$1</definedName>' +
          '<definedName name="Rate" localSheetId="1">B!$C$1</definedName><definedName name="K">0.5</definedName>' +
          '<definedName name="_xlnm.Print_Area" localSheetId="0">A!$A$1:$F$20</definedName>',
      },
    );
    expect(loadPackage(zipParts(parts)).read.names).toEqual([
      { name: 'Pts', ranges: ['A!$B$2:$B$9'] },
      { name: 'Rate', ranges: [], formula: 'A!$C$1', scoped: true },
      { name: 'Rate', ranges: [], formula: 'B!$C$1', scoped: true },
      { name: 'K', ranges: [], formula: '0.5' },
    ]);
  });

  it('a formula using a name recalc cannot use gets #NAME? naming the name and why', () => {
    const formulas =
      '<sheetData><row r="1"><c r="A1"><f>PERF.BAND(Coef)</f></c><c r="B1"><f>PERF.BAND(SUM(TwoAreas))</f></c>' +
      '<c r="C1"><f>PERF.BAND(Rate)</f></c><c r="D1"><f>PERF.BAND(Total)</f></c><c r="E1"><v>95</v></c></row></sheetData>';
    const parts = workbookParts(
      [
        { name: 'A', body: formulas },
        { name: 'B', body },
      ],
      {
        definedNames:
          '<definedName name="Coef">0.5</definedName><definedName name="TwoAreas">A!$E$1,\'B\'!$C$1</definedName>' +
          '<definedName name="Rate" localSheetId="0">A!$E$1</definedName><definedName name="Rate" localSheetId="1">B!$C$1</definedName>' +
          '<definedName name="Total">A!$E$1</definedName>',
      },
    );
    const { read } = loadPackage(zipParts(parts));
    const out = recalcWorkbook({ workbook: read.workbook, arrays: read.arrays, names: read.names });
    const v = new Map(out.cells.filter((c) => c.sheet === 'A').map((c) => [c.cell, c.value]));
    expect(v.get('A1')).toEqual({ error: '#NAME?', message: '名称 Coef 的引用（0.5）无法读取，无法重算' });
    expect(v.get('B1')).toEqual({
      error: '#NAME?',
      message: '名称 TwoAreas 指向多个区域，重算不支持这样的名称',
    });
    expect(v.get('C1')).toEqual({
      error: '#NAME?',
      message: '名称 Rate 在不同工作表中各有定义，重算无法分辨用哪一个',
    });
    expect(v.get('D1')).toBe('优秀');
  });

  it('damaged parts are one InputError, never an exception of the parser', async () => {
    const parts = workbookParts([{ name: 'A', body: '<sheetData><row r="1"><c r="A1"><v>1</v></row>' }]);
    await expect(loadWorkbook(zipParts(parts))).rejects.toBeInstanceOf(InputError);
  });
});
