/**
 * The CLI inflates zip parts with Node's zlib into one buffer of the declared size (cli/xlsx.ts):
 * a sheet of megabytes reads to its last cell exactly, and a part whose declared size is one byte
 * off either way is refused as damaged (never read short, never read long).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../cli/xlsx';
import { zipFiles } from '../../scripts/make-bad-fixtures';
import { makeTempDir } from './helpers';

const ROWS = 20_000;

/** The XML parts of a one-sheet workbook; row i holds i in A and "项目i" in B. */
function parts(): { name: string; data: Buffer }[] {
  const rows: string[] = [];
  for (let i = 1; i <= ROWS; i++)
    rows.push(
      `<row r="${i}"><c r="A${i}"><v>${i}</v></c><c r="B${i}" t="inlineStr"><is><t>项目${i}</t></is></c></row>`,
    );
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const xml = (s: string): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${s}`, 'utf8');
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="大表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: xml(`<worksheet xmlns="${ns}"><sheetData>${rows.join('')}</sheetData></worksheet>`),
    },
  ];
}

/** Rewrites the declared uncompressed size of one entry, in its local and central headers. */
function declare(zip: Buffer, entry: string, size: number): Buffer {
  const b = Buffer.from(zip);
  const name = Buffer.from(entry, 'utf8');
  let p = 0;
  while (b.readUInt32LE(p) === 0x04034b50) {
    const n = b.readUInt16LE(p + 26);
    if (b.subarray(p + 30, p + 30 + n).equals(name)) b.writeUInt32LE(size, p + 22);
    p += 30 + n + b.readUInt16LE(p + 28) + b.readUInt32LE(p + 18);
  }
  while (b.readUInt32LE(p) === 0x02014b50) {
    const n = b.readUInt16LE(p + 28);
    if (b.subarray(p + 46, p + 46 + n).equals(name)) b.writeUInt32LE(size, p + 24);
    p += 46 + n + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return b;
}

const tmp = makeTempDir('perf-inflate-');
afterAll(tmp.cleanup);

describe('inflating large parts', () => {
  const files = parts();
  const sheetSize = files[4]!.data.length;
  const zip = zipFiles(files);

  it('reads a sheet of more than a megabyte to its last cell', async () => {
    expect(sheetSize).toBeGreaterThan(1_000_000); // many 16 KB chunks in zlib's default
    const file = join(tmp.dir, 'big.xlsx');
    writeFileSync(file, zip);
    const wb = await readWorkbookFile(file);
    expect(wb.sheets.map((s) => s.name)).toEqual(['大表']);
    const rows = wb.sheets[0]!.rows;
    expect(rows).toHaveLength(ROWS);
    expect(rows[0]![0]!.value).toEqual({ kind: 'number', value: 1 });
    expect(rows[12_344]![1]!.value).toEqual({ kind: 'text', value: '项目12345' });
    expect(rows[ROWS - 1]![0]!.value).toEqual({ kind: 'number', value: 20_000 });
    expect(rows[ROWS - 1]![1]!.value).toEqual({ kind: 'text', value: '项目20000' });
  });

  it.each([
    ['one byte less than it inflates to', -1],
    ['one byte more than it inflates to', 1],
  ])('refuses a sheet declared %s', async (_what, delta) => {
    const file = join(tmp.dir, `liar${delta}.xlsx`);
    writeFileSync(file, declare(zip, 'xl/worksheets/sheet1.xml', sheetSize + delta));
    await expect(readWorkbookFile(file)).rejects.toMatchObject({
      kind: 'corrupt',
      messageEn: 'not a valid .xlsx file: the file is damaged or incomplete',
    });
  });
});
