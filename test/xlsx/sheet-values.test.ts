/**
 * readSheet (xlsx/sheet.ts) keeps one value per shared string: the cells that show it share it,
 * so a sheet that repeats its rule texts carries each once through the garbage collector. Numbers
 * are shared the same way (up to 4096 distinct ones), and so are cells that hold only such a
 * value (no formula, no format). Sharing must never show one cell's value, formula or format in
 * another.
 */
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../xlsx/sheet';

const xml =
  '<worksheet><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
  '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2"><v>5</v></c></row>' +
  '<row r="3"><c r="A3" t="s"><v>9</v></c><c r="B3" t="s"><v>x</v></c><c r="C3" t="s"><f>A1</f><v>0</v></c></row>' +
  '</sheetData></worksheet>';

describe('readSheet and shared strings', () => {
  it('gives cells of one shared string the same value, texts as written, empty for none', () => {
    const ctx = {
      name: 's',
      strings: ['执行率≥80%', '已完成', ''],
      styles: { numFmt: [], locked: [], fill: [] },
      date1904: false,
    };
    const { sheet } = readSheet(xml, ctx);
    const v = (r: number, c: number) => sheet.rows[r]?.[c]?.value;
    expect(v(0, 0)).toEqual({ kind: 'text', value: '执行率≥80%' });
    expect(v(1, 0)).toBe(v(0, 0));
    expect(v(1, 1)).toBe(v(0, 1));
    expect(v(0, 1)).toEqual({ kind: 'text', value: '已完成' });
    // An empty string, an index past the table and one that is not a number hold nothing.
    expect(v(0, 2)).toBeUndefined();
    expect(v(2, 0)).toBeUndefined();
    expect(v(2, 1)).toBeUndefined();
    // A formula's cached shared string is the same value too; the cell keeps its own formula.
    expect(sheet.rows[2]?.[2]).toEqual({ value: { kind: 'text', value: '执行率≥80%' }, formula: '=A1' });
    expect(v(2, 2)).toBe(v(0, 0));
    expect(sheet.rows[1]?.[2]).toEqual({ value: { kind: 'number', value: 5 } });
  });

  it('shares numbers and plain cells, never a formula, a format or -0', () => {
    const ctx = {
      name: 's',
      strings: ['已完成'],
      styles: { numFmt: ['', '0%'], locked: [], fill: [] },
      date1904: false,
    };
    const cells =
      '<row r="1"><c r="A1"><v>5</v></c><c r="B1"><v>0.7</v></c><c r="C1" t="s"><v>0</v></c><c r="D1"><v>0</v></c></row>' +
      '<row r="2"><c r="A2"><v>5</v></c><c r="B2" s="1"><v>0.7</v></c><c r="C2" t="s"><v>0</v></c><c r="D2"><v>-0</v></c></row>' +
      '<row r="3"><c r="A3"><f>A1</f><v>5</v></c><c r="B3"><v>0.70</v></c><c r="C3"><v>6</v></c><c r="D3"><v>0</v></c></row>';
    const { sheet } = readSheet(`<worksheet><sheetData>${cells}</sheetData></worksheet>`, ctx);
    const c = (r: number, col: number) => sheet.rows[r]?.[col];
    expect(c(1, 0)).toBe(c(0, 0));
    expect(c(0, 0)).toEqual({ value: { kind: 'number', value: 5 } });
    expect(c(2, 1)).toBe(c(0, 1)); // 0.70 is the number 0.7
    expect(c(1, 2)).toBe(c(0, 2));
    expect(c(0, 2)).toEqual({ value: { kind: 'text', value: '已完成' } });
    expect(c(2, 3)).toBe(c(0, 3));
    // A format or a formula makes a cell of its own (its value may still be shared).
    expect(c(1, 1)).toEqual({ value: { kind: 'number', value: 0.7 }, numberFormat: '0%' });
    expect(c(1, 1)).not.toBe(c(0, 1));
    expect(c(2, 0)).toEqual({ value: { kind: 'number', value: 5 }, formula: '=A1' });
    expect(c(0, 0)).toEqual({ value: { kind: 'number', value: 5 } });
    expect(c(2, 2)).toEqual({ value: { kind: 'number', value: 6 } });
    // -0 is not 0 (a Map would take one for the other).
    const n = (r: number, col: number): unknown => {
      const v = c(r, col)?.value;
      return v?.kind === 'number' ? v.value : v;
    };
    expect(Object.is(n(1, 3), -0)).toBe(true);
    expect(Object.is(n(0, 3), 0)).toBe(true);
  });

  it('reads every number right past the bound of shared ones', () => {
    const ctx = { name: 's', strings: [], styles: { numFmt: [], locked: [], fill: [] }, date1904: false };
    let rows = '';
    for (let r = 1; r <= 5000; r++)
      rows += `<row r="${r}"><c r="A${r}"><v>${r / 8}</v></c><c r="B${r}"><v>${r % 7}</v></c></row>`;
    const { sheet } = readSheet(`<worksheet><sheetData>${rows}</sheetData></worksheet>`, ctx);
    for (let r = 1; r <= 5000; r++) {
      expect(sheet.rows[r - 1]?.[0]).toEqual({ value: { kind: 'number', value: r / 8 } });
      expect(sheet.rows[r - 1]?.[1]).toEqual({ value: { kind: 'number', value: r % 7 } });
    }
    // 2 was shared from row 2 on, before 4096 distinct numbers were read.
    expect(sheet.rows[4999]?.[1]).toBe(sheet.rows[1]?.[1]);
  });
});
