/**
 * The surgical writer (xlsx/write.ts): a copy in which only the cells we set change. Proven part
 * by part (every other part byte-identical) and cell by cell (the patched sheet read back equals
 * the input's grid except the written cells).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadPackage } from '../../xlsx/load';
import { patchPackage, withFullCalcOnLoad, WriteRefused, type CellEdit } from '../../xlsx/write';
import { workbookParts, zipParts } from './package-builder';
import { changedParts, expectOnlyCells, expectStringsAppended, outsideSheetData, partText } from './parts';

describe('patchPackage', () => {
  const file = join(__dirname, '..', '..', 'examples', 'zaozhuang-2022-tasks.xlsx');
  const input = new Uint8Array(readFileSync(file));
  const { pkg, read } = loadPackage(input);
  const sheet = read.workbook.sheets[0]!;

  it('changes only the written cells of the one sheet XML; every other part byte for byte', () => {
    const edits: CellEdit[] = [
      { sheet: sheet.name, row: 4, col: 7, value: '得分', styleFrom: { row: 4, col: 4 } },
      { sheet: sheet.name, row: 5, col: 7, value: 9.5 },
      { sheet: sheet.name, row: 6, col: 7, value: 0 },
      { sheet: sheet.name, row: 300, col: 1, value: 'x < y & "z"' },
    ];
    const out = patchPackage(pkg, edits, { fullCalcOnLoad: false });
    // The header 得分 and the text of row 301 are new shared strings (the workbook has that part).
    expect(changedParts(input, out)).toEqual(['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']);
    expectStringsAppended(partText(input, 'xl/sharedStrings.xml'), partText(out, 'xl/sharedStrings.xml'), [
      '得分',
      'x < y & "z"',
    ]);
    expect(outsideSheetData(partText(out, 'xl/worksheets/sheet1.xml'))).toBe(
      outsideSheetData(partText(input, 'xl/worksheets/sheet1.xml')),
    );
    const after = loadPackage(out).read.workbook.sheets[0]!;
    expectOnlyCells(
      sheet,
      after,
      edits.map((e) => [e.row, e.col]),
    );
    expect(after.rows[4]![7]!.value).toEqual({ kind: 'text', value: '得分' });
    expect(after.rows[5]![7]!.value).toEqual({ kind: 'number', value: 9.5 });
    expect(after.rows[6]![7]!.value).toEqual({ kind: 'number', value: 0 });
    expect(after.rows[300]![1]!.value).toEqual({ kind: 'text', value: 'x < y & "z"' });
    // The new header takes its neighbour's style.
    const xml = strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']!);
    const neighbour = /<c r="E5" s="(\d+)"/.exec(xml)?.[1];
    expect(xml).toContain(`<c r="H5" s="${neighbour}" t="s"><v>107</v></c>`);
    // Rows stay in order.
    const rowNumbers = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rowNumbers).toEqual([...rowNumbers].sort((a, b) => a - b));
  });

  it('full recalculation on load only when asked: workbook.xml then changes in calcPr alone', () => {
    const out = patchPackage(pkg, [{ sheet: sheet.name, row: 5, col: 7, value: 1 }], {
      fullCalcOnLoad: true,
    });
    expect(changedParts(input, out).sort()).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const before = strFromU8(unzipSync(input)['xl/workbook.xml']!);
    const after = strFromU8(unzipSync(out)['xl/workbook.xml']!);
    expect(after.replace(' fullCalcOnLoad="1"', '')).toBe(before);
    expect(withFullCalcOnLoad('<workbook><sheets/><definedNames/><extLst/></workbook>')).toBe(
      '<workbook><sheets/><definedNames/><calcPr fullCalcOnLoad="1"/><extLst/></workbook>',
    );
  });

  it('a formula keeps its text and gains its new cached result', () => {
    const parts = workbookParts([
      {
        name: 'S',
        body: '<sheetData><row r="1"><c r="A1"><v>2</v></c><c r="B1" s="0"><f>PERF.SCORE(A1,"x",5)</f><v>1</v></c><c r="C1"><f t="shared" ref="C1:C2" si="0">B1</f></c></row></sheetData>',
      },
    ]);
    const bytes = zipParts(parts);
    const p = loadPackage(bytes).pkg;
    const out = patchPackage(
      p,
      [
        { sheet: 'S', row: 0, col: 1, value: 'ok', cachedOnly: true },
        { sheet: 'S', row: 0, col: 2, value: { error: '#N/A' }, cachedOnly: true },
      ],
      { fullCalcOnLoad: false },
    );
    const xml = strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']!);
    expect(xml).toContain(
      '<c r="B1" s="0" t="str"><f>PERF.SCORE(A1,&quot;x&quot;,5)</f><v>ok</v></c>'.replace(
        '&quot;x&quot;',
        '"x"',
      ),
    );
    expect(xml).toContain('<c r="C1" t="e"><f t="shared" ref="C1:C2" si="0">B1</f><v>#N/A</v></c>');
  });

  it('a protected sheet with locked target cells: refused with a message, nothing produced', () => {
    const body =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/></row></sheetData><sheetProtection sheet="1" objects="1"/>';
    const styles =
      '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="0" applyProtection="1"><protection locked="0"/></xf></cellXfs>';
    const p = loadPackage(zipParts(workbookParts([{ name: 'S', body }], { styles }))).pkg;
    expect(() =>
      patchPackage(p, [{ sheet: 'S', row: 0, col: 2, value: 1 }], { fullCalcOnLoad: false }),
    ).toThrow(WriteRefused);
    expect(() =>
      patchPackage(p, [{ sheet: 'S', row: 0, col: 2, value: 1 }], { fullCalcOnLoad: false }),
    ).toThrow(/受保护/);
    // An unlocked cell may be written.
    const out = patchPackage(p, [{ sheet: 'S', row: 0, col: 1, value: 7 }], { fullCalcOnLoad: false });
    expect(loadPackage(out).read.workbook.sheets[0]!.rows[0]![1]!.value).toEqual({
      kind: 'number',
      value: 7,
    });
  });

  it('.xlsm keeps its VBA project and content types untouched', () => {
    const vba = new Uint8Array(4096).map((_x, i) => (i * 7) % 256);
    const parts = workbookParts([{ name: 'S', body: '<sheetData/>' }], {
      contentTypeMain: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      extraParts: { 'xl/vbaProject.bin': vba },
    });
    const bytes = zipParts(parts);
    const out = patchPackage(loadPackage(bytes).pkg, [{ sheet: 'S', row: 1, col: 1, value: 3 }], {
      fullCalcOnLoad: false,
    });
    expect(changedParts(bytes, out)).toEqual(['xl/worksheets/sheet1.xml']);
    expect(strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']!)).toContain(
      '<sheetData><row r="2"><c r="B2"><v>3</v></c></row></sheetData>',
    );
  });
});

describe('what a write adds to the package, and what it drops', () => {
  const CT_CALC =
    '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>';
  /** A workbook with a calcChain part, its relationship and its content-type override. */
  function withCalcChain(body: string, opts: Parameters<typeof workbookParts>[1] = {}): Uint8Array {
    const parts = workbookParts([{ name: 'S', body }], {
      ...opts,
      extraParts: {
        'xl/calcChain.xml':
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B1" i="1"/></calcChain>',
      },
      extraWorkbookRels:
        '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>',
    });
    parts['[Content_Types].xml'] = (parts['[Content_Types].xml'] as string).replace(
      '</Types>',
      `${CT_CALC}</Types>`,
    );
    return zipParts(parts);
  }
  const formulaSheet =
    '<sheetData><row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c></row></sheetData>';

  it('formulas with cached results: calcChain dropped with its relationship and override, full calculation on load', () => {
    const input = withCalcChain(formulaSheet);
    const out = patchPackage(loadPackage(input).pkg, [
      { sheet: 'S', row: 0, col: 2, formula: 'IF(A1>1,"高","低")', value: '高' },
      { sheet: 'S', row: 0, col: 3, formula: 'B1+1', value: 5 },
    ]);
    expect(changedParts(input, out, ['xl/calcChain.xml'])).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const xml = partText(out, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain(
      '<c r="C1" t="str"><f>IF(A1&gt;1,&quot;高&quot;,&quot;低&quot;)</f><v>高</v></c><c r="D1"><f>B1+1</f><v>5</v></c>',
    );
    // The content types and relationships lose exactly the calcChain entries.
    expect(partText(out, '[Content_Types].xml')).toBe(
      partText(input, '[Content_Types].xml').replace(CT_CALC, ''),
    );
    const rels = partText(out, 'xl/_rels/workbook.xml.rels');
    expect(rels).not.toContain('calcChain');
    expect(rels).toBe(
      partText(input, 'xl/_rels/workbook.xml.rels').replace(/<Relationship Id="rIdC"[^>]*\/>/, ''),
    );
    expect(partText(out, 'xl/workbook.xml')).toBe(
      partText(input, 'xl/workbook.xml').replace(
        '<calcPr calcId="191029"/>',
        '<calcPr calcId="191029" fullCalcOnLoad="1"/>',
      ),
    );
    const row = loadPackage(out).read.workbook.sheets[0]!.rows[0]!;
    expect(row[2]).toEqual({ value: { kind: 'text', value: '高' }, formula: '=IF(A1>1,"高","低")' });
    expect(row[3]).toEqual({ value: { kind: 'number', value: 5 }, formula: '=B1+1' });
  });

  it('a formula replaced by its value: calcChain dropped, no recalculation asked for', () => {
    const input = withCalcChain(formulaSheet);
    const out = patchPackage(loadPackage(input).pkg, [{ sheet: 'S', row: 0, col: 1, value: 4 }]);
    expect(changedParts(input, out, ['xl/calcChain.xml'])).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(partText(out, 'xl/worksheets/sheet1.xml')).toContain('<c r="B1"><v>4</v></c>');
    expect(loadPackage(out).read.workbook.sheets[0]!.rows[0]![1]).toEqual({
      value: { kind: 'number', value: 4 },
    });
  });

  it('a new cached result only (recalc): calcChain and workbook.xml stay as they were', () => {
    const input = withCalcChain(formulaSheet);
    const out = patchPackage(loadPackage(input).pkg, [
      { sheet: 'S', row: 0, col: 1, value: 6, cachedOnly: true },
    ]);
    expect(changedParts(input, out)).toEqual(['xl/worksheets/sheet1.xml']);
  });

  it('the master of a shared formula overwritten: the cells sharing it keep their formulas, spelled out', () => {
    const body =
      '<sheetData>' +
      [1, 2, 3]
        .map(
          (r) =>
            `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}">` +
            (r === 1 ? '<f t="shared" ref="B1:B3" si="0">A1*2</f>' : '<f t="shared" si="0"/>') +
            `<v>${r * 2}</v></c></row>`,
        )
        .join('') +
      '</sheetData>';
    const input = zipParts(workbookParts([{ name: 'S', body }]));
    const before = loadPackage(input).read.workbook.sheets[0]!;
    const out = patchPackage(loadPackage(input).pkg, [
      { sheet: 'S', row: 0, col: 1, formula: 'A1*3', value: 3 },
    ]);
    const xml = partText(out, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<c r="B2"><f>A2*2</f><v>4</v></c>');
    expect(xml).toContain('<c r="B3"><f>A3*2</f><v>6</v></c>');
    expect(xml).not.toContain('si="0"');
    const after = loadPackage(out).read.workbook.sheets[0]!;
    expectOnlyCells(before, after, [[0, 1]]);
    expect(after.rows[0]![1]).toEqual({ value: { kind: 'number', value: 3 }, formula: '=A1*3' });
  });

  it('shared strings: an entry the workbook holds is reused, new text appended, counts follow', () => {
    const body =
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData>';
    const strings = '<si><t>分值</t></si><si><r><rPr><b/></rPr><t>得分</t></r></si>';
    const parts = workbookParts([{ name: 'S', body }], { strings });
    parts['xl/sharedStrings.xml'] = (parts['xl/sharedStrings.xml'] as string).replace(
      '<sst ',
      '<sst count="2" uniqueCount="2" ',
    );
    const input = zipParts(parts);
    const out = patchPackage(loadPackage(input).pkg, [
      { sheet: 'S', row: 1, col: 0, value: '分值' },
      // 得分 is held as rich text (bold): not reused, the new cell gets plain text.
      { sheet: 'S', row: 1, col: 1, value: '得分' },
      { sheet: 'S', row: 1, col: 2, value: '得分' },
      // B1 (a string) becomes a number: one reference fewer.
      { sheet: 'S', row: 0, col: 1, value: 7 },
    ]);
    expect(changedParts(input, out)).toEqual(['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']);
    const sst = partText(out, 'xl/sharedStrings.xml');
    expectStringsAppended(partText(input, 'xl/sharedStrings.xml'), sst, ['得分']);
    expect(sst).toContain('<sst count="4" uniqueCount="3" ');
    expect(partText(out, 'xl/worksheets/sheet1.xml')).toContain(
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>2</v></c></row>',
    );
    const rows = loadPackage(out).read.workbook.sheets[0]!.rows;
    expect(rows[1]!.map((c) => c?.value)).toEqual([
      { kind: 'text', value: '分值' },
      { kind: 'text', value: '得分' },
      { kind: 'text', value: '得分' },
    ]);
  });

  it('a workbook without shared strings gets inline text, and no new part', () => {
    const input = zipParts(workbookParts([{ name: 'S', body: '<sheetData/>' }]));
    const out = patchPackage(loadPackage(input).pkg, [{ sheet: 'S', row: 0, col: 0, value: ' 得分' }]);
    expect(changedParts(input, out)).toEqual(['xl/worksheets/sheet1.xml']);
    expect(partText(out, 'xl/worksheets/sheet1.xml')).toContain(
      '<c r="A1" t="inlineStr"><is><t xml:space="preserve"> 得分</t></is></c>',
    );
  });

  it('a style is added only for a number that would show as a percent or a date', () => {
    // Styles: 0 default, 1 percent (column C), 2 a date with a bold font (B1), 3 bold General.
    const styles =
      '<numFmts count="0"/><fonts count="2"><font/><font><b/></font></fonts>' +
      '<cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf numFmtId="9" fontId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="14" fontId="1" applyNumberFormat="1"><alignment horizontal="center"/></xf><xf numFmtId="0" fontId="1"/></cellXfs>';
    const body =
      '<cols><col min="3" max="3" width="9" style="1" customWidth="1"/></cols>' +
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="2"/><c r="D1" s="3"/></row></sheetData>';
    const input = zipParts(workbookParts([{ name: 'S', body }], { styles }));
    const before = loadPackage(input).read.workbook.sheets[0]!;
    const out = patchPackage(loadPackage(input).pkg, [
      { sheet: 'S', row: 0, col: 1, value: 10 }, // empty date cell → copy of 2, General
      { sheet: 'S', row: 0, col: 2, value: 10 }, // new cell in the percent column → copy of 1
      { sheet: 'S', row: 1, col: 2, value: 9.5 }, // the same copy again
      { sheet: 'S', row: 2, col: 2, value: '说明' }, // text: the percent style as it is
      { sheet: 'S', row: 0, col: 3, value: 8 }, // General already: no new style
    ]);
    expect(changedParts(input, out)).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    const stylesOut = partText(out, 'xl/styles.xml');
    expect(stylesOut).toBe(
      partText(input, 'xl/styles.xml')
        .replace('<cellXfs count="4">', '<cellXfs count="6">')
        .replace(
          '</cellXfs>',
          '<xf numFmtId="0" fontId="1" applyNumberFormat="1"><alignment horizontal="center"/></xf>' +
            '<xf numFmtId="0" fontId="0" applyNumberFormat="1"/></cellXfs>',
        ),
    );
    const xml = partText(out, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain(
      '<c r="B1" s="4"><v>10</v></c><c r="C1" s="5"><v>10</v></c><c r="D1" s="3"><v>8</v></c>',
    );
    expect(xml).toContain('<c r="C2" s="5"><v>9.5</v></c>');
    expect(xml).toContain('<c r="C3" s="1" t="inlineStr">');
    const after = loadPackage(out).read.workbook.sheets[0]!;
    expectOnlyCells(before, after, [
      [0, 1],
      [0, 2],
      [1, 2],
      [2, 2],
      [0, 3],
    ]);
    // Read back as plain numbers (a date format would have made 10 a date serial shown as 1900-01-10).
    expect(after.rows[0]![1]).toEqual({ value: { kind: 'number', value: 10 } });
    expect(after.rows[0]![2]).toEqual({ value: { kind: 'number', value: 10 } });
    expect(after.rows[2]![2]).toEqual({ value: { kind: 'text', value: '说明' }, numberFormat: '0%' });
  });

  it('rows written without r stay where their cells say; a row inserted before one gives it its r', () => {
    const body =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
      '<row><c r="A5"><v>5</v></c><c><v>6</v></c></row>' +
      '<row><c><v>7</v></c></row></sheetData>';
    const input = zipParts(workbookParts([{ name: 'S', body }]));
    const before = loadPackage(input).read.workbook.sheets[0]!;
    expect(before.rows[5]![0]!.value).toEqual({ kind: 'number', value: 7 });
    const out = patchPackage(loadPackage(input).pkg, [
      { sheet: 'S', row: 2, col: 0, value: 3 },
      { sheet: 'S', row: 4, col: 2, value: 5.5 },
      { sheet: 'S', row: 5, col: 1, value: 8 },
    ]);
    expect(partText(out, 'xl/worksheets/sheet1.xml')).toContain(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>' +
        '<row r="5"><c r="A5"><v>5</v></c><c><v>6</v></c><c r="C5"><v>5.5</v></c></row>' +
        '<row r="6"><c><v>7</v></c><c r="B6"><v>8</v></c></row>',
    );
    const after = loadPackage(out).read.workbook.sheets[0]!;
    expectOnlyCells(before, after, [
      [2, 0],
      [4, 2],
      [5, 1],
    ]);
    expect([after.rows[2]![0]!.value, after.rows[4]![2]!.value, after.rows[5]![1]!.value]).toEqual([
      { kind: 'number', value: 3 },
      { kind: 'number', value: 5.5 },
      { kind: 'number', value: 8 },
    ]);
  });
});
