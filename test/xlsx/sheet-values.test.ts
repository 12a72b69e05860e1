/**
 * readSheet (xlsx/sheet.ts) keeps one value per shared string: the cells that show it share it,
 * so a sheet that repeats its rule texts carries each once through the garbage collector.
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
});
