/**
 * The surgical writer (xlsx/write.ts): a copy in which only the cells we set change. Proven part
 * by part (every other part byte-identical) and cell by cell (the patched sheet read back equals
 * the input's grid except the written cells).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../engine/grid';
import { loadPackage } from '../../xlsx/load';
import { patchPackage, withFullCalcOnLoad, WriteRefused, type CellEdit } from '../../xlsx/write';
import { workbookParts, zipParts } from './package-builder';

function changedParts(a: Uint8Array, b: Uint8Array): string[] {
  const x = unzipSync(a);
  const y = unzipSync(b);
  expect(Object.keys(y).sort()).toEqual(Object.keys(x).sort());
  return Object.keys(x).filter((k) => Buffer.compare(Buffer.from(x[k]!), Buffer.from(y[k]!)) !== 0);
}

/** Every cell of `before` and `after` equal except at the listed (row, col). */
function expectOnlyCells(before: Sheet, after: Sheet, cells: [number, number][]): void {
  const skip = new Set(cells.map(([r, c]) => `${r},${c}`));
  const rows = Math.max(before.rows.length, after.rows.length);
  for (let r = 0; r < rows; r++) {
    const n = Math.max(before.rows[r]?.length ?? 0, after.rows[r]?.length ?? 0);
    for (let c = 0; c < n; c++) {
      if (skip.has(`${r},${c}`)) continue;
      expect(after.rows[r]?.[c] ?? null, `${r},${c}`).toEqual(before.rows[r]?.[c] ?? null);
    }
  }
  expect(after.merges).toEqual(before.merges);
  expect(after.hiddenRows).toEqual(before.hiddenRows);
  expect(after.hiddenColumns).toEqual(before.hiddenColumns);
}

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
    expect(changedParts(input, out)).toEqual(['xl/worksheets/sheet1.xml']);
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
    expect(xml).toContain(`<c r="H5" s="${neighbour}" t="inlineStr">`);
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
