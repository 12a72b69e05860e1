/**
 * Generates the corpus of broken and hostile inputs in test/fixtures/bad/ (committed, with
 * expected.json beside them). Run: `npx tsx scripts/make-bad-fixtures.ts`. Output is byte-stable
 * (fixed dates, fixed zip timestamps), so `git status` shows whether a change altered a fixture.
 *
 * Each file is small; the zip bomb is ~250 KB on disk and 250 MB when inflated.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import zlib, { deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { FIXED_DATE, fixZipTimestamps } from './make-examples';

/** What perf-check must answer for one fixture (see test/reliability/bad-inputs.test.ts). */
export interface BadFixture {
  file: string;
  what: string;
  command: 'validate' | 'score' | 'recalc';
  exit: 0 | 1 | 2;
  /** For exit 2: the one stderr line, after "perf-check: 无法读取 FILE：". */
  message?: string;
  /** For exit 0/1: finding codes (validate/score --json) or error values (recalc --json) expected. */
  codes?: string[];
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'perf-addin';
  wb.lastModifiedBy = 'perf-addin';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  build(wb);
  return fixZipTimestamps(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Uint8Array): number {
  // zlib's (Node ≥ 20.15) is ~50× faster on the bomb's 250 MB; the table is the fallback.
  const native = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
  if (native) return native(buf) >>> 0;
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A plain zip (deflate, fixed timestamps) of the given entries. */
export function zipFiles(entries: readonly { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE((44 << 9) | (1 << 5) | 1, 12); // 2024-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30); // flags … extra length, as in the local header
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The entries of a zip we wrote (no data descriptors), to rebuild it with one entry replaced. */
function unzipStored(buf: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  let p = 0;
  while (buf.readUInt32LE(p) === 0x04034b50) {
    const method = buf.readUInt16LE(p + 8);
    const size = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extraLen = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 30, p + 30 + nameLen);
    const start = p + 30 + nameLen + extraLen;
    const raw = buf.subarray(start, start + size);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    p = start + size;
  }
  return out;
}

/** A minimal OLE compound file header (what .xls and encrypted .xlsx files start with) plus a directory. */
function ole(names: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32);
  const dir = Buffer.alloc(512);
  names.forEach((n, i) => {
    const e = i * 128;
    if (e + 128 > dir.length) return;
    dir.write(n, e, 'utf16le');
    dir.writeUInt16LE((n.length + 1) * 2, e + 64);
    dir.writeUInt8(i === 0 ? 5 : 2, e + 66); // root storage, then streams
  });
  return Buffer.concat([header, dir]);
}

const HEAD = ['序号', '考核内容', '计分办法', '分值', '完成情况', '得分', '责任科室', '责任人'];

function taskTable(ws: ExcelJS.Worksheet): void {
  ws.addRow(['2024年度绩效考核评分表']);
  ws.addRow(HEAD);
  ws.addRow([
    1,
    '满意度',
    '满意率80%以上，每低一个百分点扣1分，直至10分扣尽',
    10,
    0.765,
    null,
    '办公室',
    '张三',
  ]);
  ws.addRow([2, '安全生产', '全年不发生生产安全事故', 5, '未发生', null, '安全科', '李四']);
  ws.addRow(['合计', null, null, 15]);
  ws.getCell('E3').numFmt = '0.0%';
}

/** Builds every fixture into `dir`; returns the manifest. */
export async function buildBadFixtures(dir: string): Promise<BadFixture[]> {
  await fs.mkdir(dir, { recursive: true });
  const list: BadFixture[] = [];
  const put = async (f: BadFixture, data: Buffer | string): Promise<void> => {
    await fs.writeFile(path.join(dir, f.file), data);
    list.push(f);
  };
  const good = await xlsx((wb) => taskTable(wb.addWorksheet('评分')));

  await put(
    {
      file: 'not-a-zip.xlsx',
      what: 'binary bytes that are no zip (a PNG header and noise)',
      command: 'validate',
      exit: 2,
      message: '不是有效的 .xlsx 文件 (not a valid .xlsx file)',
    },
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 37 + 1) & 0xff)),
    ]),
  );
  await put(
    {
      file: 'truncated.xlsx',
      what: 'the first half of a valid workbook (an interrupted download)',
      command: 'validate',
      exit: 2,
      message:
        '不是有效的 .xlsx 文件（文件已损坏或不完整） (not a valid .xlsx file: the file is damaged or incomplete)',
    },
    good.subarray(0, Math.floor(good.length / 2)),
  );
  await put(
    {
      file: 'old-format.xls',
      what: 'an Excel 97–2003 .xls (OLE compound file with a Workbook stream)',
      command: 'validate',
      exit: 2,
      message:
        '这是旧版 .xls 文件，但无法读取（可能已损坏），请在 Excel 或 WPS 中另存为 .xlsx (this old .xls file cannot be read (damaged?); save it as .xlsx in Excel or WPS)',
    },
    ole(['Root Entry', 'Workbook', '\u0005SummaryInformation']),
  );
  await put(
    {
      file: 'csv-renamed.xlsx',
      what: 'a CSV export saved under an .xlsx name',
      command: 'validate',
      exit: 2,
      message:
        '不是有效的 .xlsx 文件（这是 CSV 或纯文本文件，请在 Excel 中打开后另存为 .xlsx） (not a valid .xlsx file: it is a CSV or plain-text file; open it in Excel and save it as .xlsx)',
    },
    '\ufeff序号,考核内容,分值,责任人\n1,满意度,10,张三\n2,安全生产,5,李四\n',
  );
  await put(
    {
      file: 'password.xlsx',
      what: 'a password-protected workbook (OLE file with EncryptionInfo and EncryptedPackage)',
      command: 'validate',
      exit: 2,
      message:
        '工作簿有密码保护，请在 Excel 中取消密码后另存为 .xlsx (the workbook is password-protected; remove the password in Excel and save it again)',
    },
    ole(['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
  );
  // ExcelJS writes a workbook with no <sheet> at all when none was added.
  await put(
    {
      file: 'no-sheets.xlsx',
      what: 'a workbook with zero worksheets',
      command: 'validate',
      exit: 2,
      message: '不是有效的 .xlsx 文件（压缩包中没有工作表） (not a valid .xlsx file: no worksheets inside)',
    },
    await xlsx(() => undefined),
  );
  await put(
    {
      file: 'blank-sheet.xlsx',
      what: 'one worksheet with nothing on it',
      command: 'validate',
      exit: 0,
      codes: [],
    },
    await xlsx((wb) => wb.addWorksheet('Sheet1')),
  );
  await put(
    {
      file: 'no-table.xlsx',
      what: 'a sheet with prose but no indicator table',
      command: 'validate',
      exit: 0,
      codes: ['NO_TABLE'],
    },
    await xlsx((wb) => {
      const ws = wb.addWorksheet('说明');
      ws.addRow(['关于开展2024年度绩效考核工作的通知']);
      ws.addRow(['各科室：请于12月底前完成自评并报送。']);
    }),
  );
  await put(
    {
      file: 'headers-only.xlsx',
      what: 'a table header with no items under it',
      command: 'validate',
      exit: 0,
      codes: ['TABLE_EMPTY'],
    },
    await xlsx((wb) => wb.addWorksheet('评分').addRow(HEAD)),
  );
  await put(
    {
      file: 'errors-everywhere.xlsx',
      what: 'every cell under the header holds an error value',
      command: 'score',
      exit: 1,
      codes: ['CELL_ERROR'],
    },
    await xlsx((wb) => {
      const ws = wb.addWorksheet('评分');
      ws.addRow(HEAD);
      const errors = ['#DIV/0!', '#REF!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];
      for (let r = 0; r < 4; r++)
        ws.addRow(HEAD.map((_, c) => ({ error: errors[(r + c) % errors.length] }) as ExcelJS.CellErrorValue));
    }),
  );
  await put(
    {
      file: 'circular-perf.xlsx',
      what: 'PERF.SCORE formulas that refer to each other in a cycle (recalc)',
      command: 'recalc',
      exit: 1,
      codes: ['#CIRC!'],
    },
    await xlsx((wb) => {
      const ws = wb.addWorksheet('评分');
      ws.addRow(['考核内容', '计分办法', '分值', '完成情况', '得分']);
      ws.addRow([
        '甲',
        '执行率≥80%',
        10,
        { formula: 'E3', result: 0 },
        { formula: '_xludf.PERF.SCORE(D2,B2,C2)', result: 0 },
      ]);
      ws.addRow([
        '乙',
        '执行率≥80%',
        10,
        { formula: 'E2', result: 0 },
        { formula: '_xludf.PERF.SCORE(D3,B3,C3)', result: 0 },
      ]);
    }),
  );

  // Zip bomb: a valid workbook whose sheet XML is 250 MB of whitespace (inflates ~1000×).
  const entries = unzipStored(await xlsx((wb) => taskTable(wb.addWorksheet('评分'))));
  const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const xml = sheet.data.toString('utf8');
  const at = xml.indexOf('</sheetData>');
  sheet.data = Buffer.concat([
    Buffer.from(xml.slice(0, at)),
    Buffer.alloc(250 * 1024 * 1024, 0x20),
    Buffer.from(xml.slice(at)),
  ]);
  await put(
    {
      file: 'zip-bomb.xlsx',
      what: 'a 250 KB workbook whose sheet inflates to 250 MB',
      command: 'validate',
      exit: 2,
      message:
        '不是有效的 .xlsx 文件（解压后超过 200 MB，疑似压缩炸弹，拒绝读取） (not a valid .xlsx file: it would inflate to more than 200 MB (a zip bomb?); refused)',
    },
    zipFiles(entries),
  );

  // 1,000,000 rows: a table at the top, a note on the last row; the rows between are empty.
  await put(
    {
      file: 'million-rows-sparse.xlsx',
      what: 'a sheet whose used range reaches row 1,000,000 (a table on top, a stray note at the bottom)',
      command: 'score',
      exit: 0,
      codes: [],
    },
    await xlsx((wb) => {
      const ws = wb.addWorksheet('评分');
      taskTable(ws);
      ws.getCell('A1000000').value = '备注：本表共1页';
    }),
  );
  return list;
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'bad');
  const src = path.resolve(__dirname, '..', 'test', 'fixtures', 'bad');
  // Works both compiled (dist/scripts) and through tsx (scripts/).
  const out = __dirname.includes(`${path.sep}dist${path.sep}`) ? dir : src;
  buildBadFixtures(out).then(
    async (list) => {
      // Formatted as `npm run lint` wants it (prettier is a devDependency, like this script's use).
      const prettier = await import('prettier');
      const json = await prettier.format(JSON.stringify(list), { parser: 'json' });
      await fs.writeFile(path.join(out, 'expected.json'), json);
      for (const f of list) console.log(`${f.file}  → exit ${f.exit}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
