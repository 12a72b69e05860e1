/**
 * ExcelJS adapter: an .xlsx file on disk → the engine's host-neutral Workbook (engine/grid.ts).
 *
 * Everything that can go wrong with the input (missing file, wrong format, password, …) is
 * reported as an InputError with a Chinese and an English message; nothing else escapes.
 */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { parseRangeAddress } from '../engine/address.js';
import type { Cell, CellRange, CellValue, Sheet, Workbook } from '../engine/grid.js';

export type InputErrorKind =
  | 'not-found' // no such file
  | 'permission' // cannot be opened for reading
  | 'not-a-file' // a directory or something else that is not a regular file
  | 'empty' // 0 bytes
  | 'legacy-xls' // OLE compound document: .xls (or another pre-2007 Office file)
  | 'encrypted' // OLE compound document holding an EncryptedPackage: password-protected .xlsx
  | 'text' // CSV, plain text, HTML or XML saved with an .xlsx name
  | 'invalid' // not a zip, or a zip that is not a workbook
  | 'corrupt' // a zip that cannot be read to the end (truncated, damaged)
  | 'read-failed'; // any other I/O error

/** An input the CLI cannot read. `message` carries both languages. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly kind: InputErrorKind,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} (${messageEn})`);
  }
}

const NOT_XLSX_ZH = '不是有效的 .xlsx 文件';
const NOT_XLSX_EN = 'not a valid .xlsx file';

const ZIP_MAGIC = [0x50, 0x4b]; // "PK" (local file header 03 04, empty archive 05 06, spanned 07 08)
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** True when the UTF-16LE name occurs in the buffer (OLE directory entries are UTF-16LE). */
function hasUtf16Name(buf: Buffer, name: string): boolean {
  return buf.includes(Buffer.from(name, 'utf16le'));
}

/** Heuristic: the first few KB decode as text (BOM, or no NUL / control bytes). */
function looksLikeText(buf: Buffer): boolean {
  if (startsWith(buf, [0xef, 0xbb, 0xbf]) || startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) {
    return true;
  }
  const head = buf.subarray(0, 4096);
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control <= head.length / 100;
}

function textInputError(buf: Buffer): InputError {
  const head = buf
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<')) {
    // Web systems often export HTML or XML Spreadsheet 2003 under an Excel name.
    return new InputError(
      'text',
      `${NOT_XLSX_ZH}（这是网页或 XML 文本，请在 Excel 中打开后另存为 .xlsx）`,
      `${NOT_XLSX_EN}: it is HTML or XML text; open it in Excel and save it as .xlsx`,
    );
  }
  return new InputError(
    'text',
    `${NOT_XLSX_ZH}（这是 CSV 或纯文本文件，请在 Excel 中打开后另存为 .xlsx）`,
    `${NOT_XLSX_EN}: it is a CSV or plain-text file; open it in Excel and save it as .xlsx`,
  );
}

/** Classifies the bytes before ExcelJS sees them; returns an error for anything that is not a zip. */
function checkMagic(buf: Buffer): InputError | null {
  if (buf.length === 0) return new InputError('empty', '文件是空的（0 字节）', 'the file is empty (0 bytes)');
  if (startsWith(buf, OLE_MAGIC)) {
    if (hasUtf16Name(buf, 'EncryptedPackage') || hasUtf16Name(buf, 'EncryptionInfo')) {
      return new InputError(
        'encrypted',
        '工作簿有密码保护，请在 Excel 中取消密码后另存为 .xlsx',
        'the workbook is password-protected; remove the password in Excel and save it again',
      );
    }
    return new InputError(
      'legacy-xls',
      '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx',
      'this is an old .xls file; save it as .xlsx in Excel',
    );
  }
  if (startsWith(buf, ZIP_MAGIC)) return null;
  if (looksLikeText(buf)) return textInputError(buf);
  return new InputError('invalid', NOT_XLSX_ZH, NOT_XLSX_EN);
}

function fsInputError(err: unknown): InputError {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError('not-found', '文件不存在', 'file not found');
    case 'EACCES':
    case 'EPERM':
      return new InputError('permission', '没有读取权限', 'permission denied');
    case 'EISDIR':
      return new InputError('not-a-file', '这是一个文件夹，不是文件', 'is a directory, not a file');
    default: {
      const what = typeof code === 'string' ? code : err instanceof Error ? err.message : 'unknown';
      return new InputError('read-failed', `读取文件失败（${what}）`, `could not read the file (${what})`);
    }
  }
}

/** Reads an .xlsx file. Throws InputError, and only InputError. */
export async function readWorkbookFile(path: string): Promise<Workbook> {
  let buf: Buffer;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) {
      throw Object.assign(new Error('not a file'), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
    }
    buf = await fs.readFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if ((err as { code?: unknown } | null)?.code === 'ENOTFILE') {
      throw new InputError('not-a-file', '不是普通文件', 'not a regular file');
    }
    throw fsInputError(err);
  }
  const bad = checkMagic(buf);
  if (bad) throw bad;

  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings declare their own `Buffer` (an ArrayBuffer); hand it exactly that.
    await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  } catch (err) {
    throw zipLoadError(err);
  }
  if (wb.worksheets.length === 0) {
    // A zip without worksheets: .docx, .pptx, .xlsb, an arbitrary archive …
    throw new InputError(
      'invalid',
      `${NOT_XLSX_ZH}（压缩包中没有工作表）`,
      `${NOT_XLSX_EN}: no worksheets inside`,
    );
  }
  try {
    return workbookFromExcelJS(wb);
  } catch {
    throw new InputError(
      'corrupt',
      `${NOT_XLSX_ZH}（内容无法解析）`,
      `${NOT_XLSX_EN}: its content cannot be parsed`,
    );
  }
}

function zipLoadError(err: unknown): InputError {
  const msg = err instanceof Error ? err.message : String(err);
  // JSZip: "End of data reached", "Corrupted zip", "Can't find end of central directory", "invalid …"
  if (
    /end of (data|central directory)|corrupt|crc32|invalid (code|distance|block|stored)|unexpected end/i.test(
      msg,
    )
  ) {
    return new InputError(
      'corrupt',
      `${NOT_XLSX_ZH}（文件已损坏或不完整）`,
      `${NOT_XLSX_EN}: the file is damaged or incomplete`,
    );
  }
  return new InputError('invalid', NOT_XLSX_ZH, NOT_XLSX_EN);
}

/** Converts a loaded ExcelJS workbook; every worksheet becomes a Sheet. */
export function workbookFromExcelJS(wb: ExcelJS.Workbook): Workbook {
  return { sheets: wb.worksheets.map((ws) => sheetFromWorksheet(ws)) };
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;
/** Excel serial number, 1900 date system (what ExcelJS writes; 25569 = 1970-01-01). */
function dateToSerial(d: Date): CellValue {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return { kind: 'error', value: '#VALUE!' };
  return { kind: 'number', value: 25569 + ms / MS_PER_DAY };
}

function numberValue(n: number): CellValue {
  return Number.isFinite(n) ? { kind: 'number', value: n } : { kind: 'error', value: '#NUM!' };
}

function textValue(s: string): CellValue {
  return s === '' ? { kind: 'empty' } : { kind: 'text', value: s };
}

/** Text of rich text / hyperlink text, which may itself be rich text. */
function plainText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object') {
    const o = v as { richText?: unknown; text?: unknown };
    if (Array.isArray(o.richText))
      return o.richText.map((r: { text?: unknown }) => plainText(r.text)).join('');
    if ('text' in o) return plainText(o.text);
  }
  return '';
}

/** A plain (non-formula) ExcelJS value → CellValue. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return numberValue(v);
  if (typeof v === 'string') return textValue(v);
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') {
    const o = v as { error?: unknown; richText?: unknown; text?: unknown };
    if (typeof o.error === 'string') return { kind: 'error', value: o.error };
    if ('richText' in o || 'text' in o) return textValue(plainText(o));
  }
  return { kind: 'empty' };
}

function convertCell(cell: ExcelJS.Cell): Cell | null {
  const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
  // cell.result, not cell.value.result: ExcelJS's value copy drops falsy results (0, false).
  const value: CellValue = formula !== undefined ? plainValue(cell.result) : plainValue(cell.value);
  const fmt = cell.numFmt;
  const numberFormat =
    typeof fmt === 'string' && fmt !== '' && fmt.toLowerCase() !== 'general' ? fmt : undefined;
  if (value.kind === 'empty' && formula === undefined && numberFormat === undefined) return null;
  const out: Cell = { value };
  if (formula !== undefined) out.formula = formula.startsWith('=') ? formula : `=${formula}`;
  if (numberFormat !== undefined) out.numberFormat = numberFormat;
  return out;
}

function hasContent(c: Cell | null | undefined): boolean {
  return !!c && (c.value.kind !== 'empty' || c.formula !== undefined);
}

function sheetFromWorksheet(ws: ExcelJS.Worksheet): Sheet {
  // Note: ExcelJS checks each merge against every earlier one while loading (quadratic on huge sheets).
  const merges: CellRange[] = [];
  for (const ref of ws.model.merges ?? []) {
    const r = parseRangeAddress(ref);
    if (r) merges.push(r);
  }
  const rows: (Cell | null)[][] = [];
  const hiddenRows: number[] = [];
  let usedRows = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    if (row.hidden) hiddenRows.push(r - 1);
    const cells: (Cell | null)[] = [];
    let usedCols = 0;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      // Cells covered by a merge but not its top-left: ExcelJS hands them the master's value.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const converted = convertCell(cell);
      if (!converted) return;
      while (cells.length < colNumber - 1) cells.push(null);
      cells[colNumber - 1] = converted;
      if (hasContent(converted)) usedCols = colNumber;
    });
    cells.length = usedCols; // drop trailing formatted-but-empty cells
    if (usedCols > 0) {
      while (rows.length < r - 1) rows.push([]);
      rows[r - 1] = cells;
      usedRows = r;
    }
  }
  rows.length = usedRows;

  const hiddenColumns: number[] = [];
  (ws.columns ?? []).forEach((col, i) => {
    if (col?.hidden) hiddenColumns.push(i);
  });

  return { name: ws.name, rows, merges, hiddenRows, hiddenColumns, origin: { row: 0, col: 0 } };
}
