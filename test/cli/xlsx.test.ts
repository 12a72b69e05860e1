import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SheetSchema, type Sheet } from '../../engine/grid.js';
import { InputError, readWorkbookFile } from '../../cli/xlsx.js';
import { workbookFromExcelJS } from '../../xlsx/convert.js';
import { cellAt, makeTempDir } from './helpers.js';

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());

async function roundTrip(build: (wb: ExcelJS.Workbook) => void, name = 'book.xlsx'): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(tmp.dir, name);
  await wb.xlsx.writeFile(file);
  const read = await readWorkbookFile(file);
  for (const s of read.sheets) SheetSchema().parse(s); // the adapter's output satisfies the contract
  return read.sheets;
}

function only(sheets: Sheet[]): Sheet {
  expect(sheets).toHaveLength(1);
  return sheets[0]!;
}

describe('readWorkbookFile: values', () => {
  it('reads numbers, text, rich text, hyperlinks, booleans and error literals', async () => {
    const sheet = only(
      await roundTrip((wb) => {
        const ws = wb.addWorksheet('任务要点');
        ws.getCell('A1').value = 10;
        ws.getCell('B1').value = '安全生产';
        ws.getCell('C1').value = { richText: [{ text: '一票' }, { text: '否决', font: { bold: true } }] };
        ws.getCell('D1').value = true;
        ws.getCell('E1').value = { text: '文件链接', hyperlink: 'https://example.org/' };
        ws.getCell('F1').value = { error: '#REF!' };
        ws.getCell('A2').value = -0.25;
        ws.getCell('B2').value = '一票否决\n10';
        ws.getCell('C2').value = false;
      }),
    );
    expect(sheet.name).toBe('任务要点');
    expect(sheet.origin).toEqual({ row: 0, col: 0 });
    expect(cellAt(sheet, 'A1')?.value).toEqual({ kind: 'number', value: 10 });
    expect(cellAt(sheet, 'B1')?.value).toEqual({ kind: 'text', value: '安全生产' });
    expect(cellAt(sheet, 'C1')?.value).toEqual({ kind: 'text', value: '一票否决' });
    expect(cellAt(sheet, 'D1')?.value).toEqual({ kind: 'boolean', value: true });
    expect(cellAt(sheet, 'E1')?.value).toEqual({ kind: 'text', value: '文件链接' });
    expect(cellAt(sheet, 'F1')?.value).toEqual({ kind: 'error', value: '#REF!' });
    expect(cellAt(sheet, 'A2')?.value).toEqual({ kind: 'number', value: -0.25 });
    expect(cellAt(sheet, 'B2')?.value).toEqual({ kind: 'text', value: '一票否决\n10' });
    expect(cellAt(sheet, 'C2')?.value).toEqual({ kind: 'boolean', value: false });
    expect(cellAt(sheet, 'A1')?.formula).toBeUndefined();
    expect(cellAt(sheet, 'A1')?.numberFormat).toBeUndefined();
  });

  it('records formulas with "=" and their cached results (numbers, 0, false, text, errors, none)', async () => {
    const sheet = only(
      await roundTrip((wb) => {
        const ws = wb.addWorksheet('S');
        ws.getCell('A1').value = 10;
        ws.getCell('B1').value = { formula: 'A1*2', result: 20 };
        ws.getCell('C1').value = { formula: 'A1-10', result: 0 };
        ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
        ws.getCell('E1').value = { formula: 'SUM(A1:A1)' };
        ws.getCell('F1').value = { formula: 'A1>20', result: false };
        ws.getCell('G1').value = { formula: 'IF(A1>5,"合格","不合格")', result: '合格' };
      }),
    );
    expect(cellAt(sheet, 'B1')).toEqual({ value: { kind: 'number', value: 20 }, formula: '=A1*2' });
    expect(cellAt(sheet, 'C1')).toEqual({ value: { kind: 'number', value: 0 }, formula: '=A1-10' });
    expect(cellAt(sheet, 'D1')).toEqual({ value: { kind: 'error', value: '#DIV/0!' }, formula: '=1/0' });
    expect(cellAt(sheet, 'E1')).toEqual({ value: { kind: 'empty' }, formula: '=SUM(A1:A1)' });
    expect(cellAt(sheet, 'F1')).toEqual({ value: { kind: 'boolean', value: false }, formula: '=A1>20' });
    expect(cellAt(sheet, 'G1')).toEqual({
      value: { kind: 'text', value: '合格' },
      formula: '=IF(A1>5,"合格","不合格")',
    });
  });

  it('gives shared-formula cells the formula text they really have', async () => {
    const sheet = only(
      await roundTrip((wb) => {
        const ws = wb.addWorksheet('S');
        ws.getCell('A1').value = 1;
        ws.getCell('A2').value = 2;
        ws.getCell('A3').value = 3;
        ws.fillFormula('B1:B3', 'A1*10', [10, 20, 30]);
      }),
    );
    expect(cellAt(sheet, 'B1')).toEqual({ value: { kind: 'number', value: 10 }, formula: '=A1*10' });
    expect(cellAt(sheet, 'B2')).toEqual({ value: { kind: 'number', value: 20 }, formula: '=A2*10' });
    expect(cellAt(sheet, 'B3')).toEqual({ value: { kind: 'number', value: 30 }, formula: '=A3*10' });
  });

  it('turns dates into 1900-system serial numbers and keeps number formats', async () => {
    const sheet = only(
      await roundTrip((wb) => {
        const ws = wb.addWorksheet('S');
        ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 15));
        ws.getCell('A1').numFmt = 'yyyy-mm-dd';
        ws.getCell('B1').value = new Date(Date.UTC(2024, 0, 15, 12));
        ws.getCell('C1').value = 0.8;
        ws.getCell('C1').numFmt = '0%';
        ws.getCell('D1').value = 1234.5;
        ws.getCell('D1').numFmt = '#,##0.00';
        ws.getCell('E1').value = 7;
        ws.getCell('E1').numFmt = 'General';
        ws.getCell('F1').value = { formula: 'A1+1', result: new Date(Date.UTC(2024, 0, 16)) };
        ws.getCell('F1').numFmt = 'yyyy-mm-dd';
      }),
    );
    expect(cellAt(sheet, 'A1')).toEqual({
      value: { kind: 'number', value: 45306 },
      numberFormat: 'yyyy-mm-dd',
    });
    expect(cellAt(sheet, 'B1')?.value).toEqual({ kind: 'number', value: 45306.5 });
    expect(cellAt(sheet, 'B1')?.numberFormat).toBeDefined(); // ExcelJS gives dates a date format
    expect(cellAt(sheet, 'C1')).toEqual({ value: { kind: 'number', value: 0.8 }, numberFormat: '0%' });
    expect(cellAt(sheet, 'D1')).toEqual({
      value: { kind: 'number', value: 1234.5 },
      numberFormat: '#,##0.00',
    });
    expect(cellAt(sheet, 'E1')).toEqual({ value: { kind: 'number', value: 7 } });
    expect(cellAt(sheet, 'F1')).toEqual({
      value: { kind: 'number', value: 45307 },
      formula: '=A1+1',
      numberFormat: 'yyyy-mm-dd',
    });
  });

  it('reads merges as 0-based ranges with the value only in the top-left cell', async () => {
    const sheet = only(
      await roundTrip((wb) => {
        const ws = wb.addWorksheet('S');
        ws.getCell('A2').value = '围绕中心履职尽责（400分）';
        ws.mergeCells('A2:A5');
        ws.getCell('B2').value = '重点（职能）工作（380分）';
        ws.mergeCells('B2:C3');
        ws.getCell('D5').value = 1;
      }),
    );
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 0, bottom: 4, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 2 },
      ]),
    );
    expect(sheet.merges).toHaveLength(2);
    expect(cellAt(sheet, 'A2')?.value).toEqual({ kind: 'text', value: '围绕中心履职尽责（400分）' });
    for (const a of ['A3', 'A4', 'A5', 'C2', 'B3', 'C3']) expect(cellAt(sheet, a) ?? null).toBeNull();
    expect(cellAt(sheet, 'B2')?.value).toEqual({ kind: 'text', value: '重点（职能）工作（380分）' });
  });

  it('lists hidden rows and hidden columns (0-based)', async () => {
    const sheet = only(
      await roundTrip((wb) => {
        const ws = wb.addWorksheet('S');
        for (let r = 1; r <= 6; r++) ws.getRow(r).getCell(1).value = r;
        ws.getCell('D1').value = 'x';
        ws.getRow(3).hidden = true;
        ws.getRow(5).hidden = true;
        ws.getColumn(3).hidden = true;
      }),
    );
    expect(sheet.hiddenRows).toEqual([2, 4]);
    expect(sheet.hiddenColumns).toEqual([2]);
  });

  it('trims rows to the used area and keeps gaps as empty rows', async () => {
    const sheet = only(
      await roundTrip((wb) => {
        const ws = wb.addWorksheet('S');
        ws.getCell('B3').value = '标题';
        ws.getCell('A5').value = 1;
        ws.getCell('C5').numFmt = '0%'; // formatted but empty, after the last value of its row
        ws.getCell('H20').numFmt = '0.00'; // formatted empty cell far away
        ws.getCell('E30').value = ''; // empty string
      }),
    );
    expect(sheet.rows).toHaveLength(5);
    expect(sheet.rows[0] ?? []).toHaveLength(0);
    expect(sheet.rows[2]).toHaveLength(2);
    expect(cellAt(sheet, 'B3')?.value).toEqual({ kind: 'text', value: '标题' });
    expect(sheet.rows[4]).toHaveLength(1);
  });

  it('keeps the number format of an empty cell inside the used area', async () => {
    const sheet = only(
      await roundTrip((wb) => {
        const ws = wb.addWorksheet('S');
        ws.getCell('A1').value = 'a';
        ws.getCell('B1').numFmt = '0%';
        ws.getCell('C1').value = 'c';
      }),
    );
    expect(cellAt(sheet, 'B1')).toEqual({ value: { kind: 'empty' }, numberFormat: '0%' });
  });

  it('turns every worksheet into a Sheet, in order', async () => {
    const sheets = await roundTrip((wb) => {
      wb.addWorksheet('任务要点').getCell('A1').value = 1;
      wb.addWorksheet('空表');
      wb.addWorksheet('Sheet3', { state: 'hidden' }).getCell('B2').value = 'x';
    });
    expect(sheets.map((s) => s.name)).toEqual(['任务要点', '空表', 'Sheet3']);
    expect(sheets[1]?.rows).toEqual([]);
  });
});

describe('workbookFromExcelJS (in memory)', () => {
  it('does not copy a merge master value into the covered cells', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = '一级指标';
    ws.mergeCells('A1:B2');
    expect(ws.getCell('B2').value).toBe('一级指标'); // what ExcelJS does
    const [sheet] = workbookFromExcelJS(wb).sheets;
    expect(sheet?.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
    expect(cellAt(sheet!, 'A1')?.value).toEqual({ kind: 'text', value: '一级指标' });
    expect(cellAt(sheet!, 'B2') ?? null).toBeNull();
    expect(cellAt(sheet!, 'B1') ?? null).toBeNull();
  });
});

/** A minimal stored (uncompressed) zip archive. */
function makeZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('readWorkbookFile: bad input', () => {
  async function errorFor(name: string, bytes: Buffer | string | null): Promise<InputError> {
    const file = join(tmp.dir, name);
    if (bytes !== null) writeFileSync(file, bytes);
    try {
      await readWorkbookFile(file);
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return err as InputError;
    }
    throw new Error(`${name}: no error`);
  }

  async function validXlsx(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 200; r++) ws.addRow([r, `指标${r}`, r * 1.5]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('random bytes are not an xlsx', async () => {
    const bytes = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37 + 11) % 256));
    const e = await errorFor('random.xlsx', bytes);
    expect(e.kind).toBe('invalid');
    expect(e.messageZh).toContain('不是有效的 .xlsx 文件');
    expect(e.messageEn).toContain('not a valid .xlsx file');
  });

  it('a truncated xlsx is reported as damaged', async () => {
    const full = await validXlsx();
    const e = await errorFor('half.xlsx', full.subarray(0, Math.floor(full.length / 2)));
    expect(e.kind).toBe('corrupt');
    expect(e.messageZh).toContain('不是有效的 .xlsx 文件');
    expect(e.messageZh).toContain('损坏');
  });

  it('a zip without a workbook (e.g. .docx) is not an xlsx', async () => {
    const zip = makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    const e = await errorFor('doc.xlsx', zip);
    expect(e.kind).toBe('invalid');
    expect(e.messageZh).toContain('不是有效的 .xlsx 文件');
  });

  it('an OLE compound file that is no readable .xls is refused as a damaged old .xls', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('Workbook', 'utf16le').copy(ole, 1024);
    const e = await errorFor('old.xlsx', ole);
    expect(e.kind).toBe('legacy-xls');
    expect(e.messageZh).toBe(
      '这是旧版 .xls 文件，但无法读取（可能已损坏），请在 Excel 或 WPS 中另存为 .xlsx',
    );
  });

  it('an OLE file with an EncryptedPackage is a password-protected workbook', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1152);
    const e = await errorFor('secret.xlsx', ole);
    expect(e.kind).toBe('encrypted');
    expect(e.messageZh).toContain('工作簿有密码保护');
  });

  it('a CSV renamed .xlsx is recognised as text', async () => {
    const e = await errorFor('table.xlsx', '\uFEFF一级指标,二级指标,分值\n党建,从严治党,10\n');
    expect(e.kind).toBe('text');
    expect(e.messageZh).toContain('不是有效的 .xlsx 文件');
    expect(e.messageZh).toContain('CSV');
  });

  it('an HTML "xls" export is recognised as text', async () => {
    const e = await errorFor('export.xlsx', '<html><body><table><tr><td>1</td></tr></table></body></html>');
    expect(e.kind).toBe('text');
    expect(e.messageZh).toContain('网页');
  });

  it('an empty file', async () => {
    const e = await errorFor('empty.xlsx', Buffer.alloc(0));
    expect(e.kind).toBe('empty');
    expect(e.messageZh).toContain('空');
  });

  it('a missing file', async () => {
    const e = await errorFor('does-not-exist.xlsx', null);
    expect(e.kind).toBe('not-found');
    expect(e.messageZh).toBe('文件不存在');
  });

  it('a directory', async () => {
    mkdirSync(join(tmp.dir, 'folder.xlsx'));
    const e = await errorFor('folder.xlsx', null);
    expect(e.kind).toBe('not-a-file');
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'a file without read permission',
    async () => {
      const file = join(tmp.dir, 'locked.xlsx');
      writeFileSync(file, await validXlsx());
      chmodSync(file, 0o000);
      const e = await errorFor('locked.xlsx', null);
      expect(e.kind).toBe('permission');
      chmodSync(file, 0o600);
    },
  );

  it('the error message carries both languages', async () => {
    const e = await errorFor('empty2.xlsx', Buffer.alloc(0));
    expect(e.message).toBe(`${e.messageZh} (${e.messageEn})`);
    expect(readFileSync(join(tmp.dir, 'empty2.xlsx')).length).toBe(0);
  });
});
