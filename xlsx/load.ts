/**
 * .xlsx bytes → the engine's host-neutral Workbook, with ExcelJS. No Node or DOM APIs, so the
 * CLI and the task pane's preview host (ExcelJS in the browser) read workbooks the same way.
 *
 * Everything that can go wrong with the bytes (wrong format, password, damage) is reported as an
 * InputError with a Chinese and an English message; nothing else escapes.
 */
import ExcelJS from 'exceljs';
import type { Workbook } from '../engine/grid.js';
import { workbookFromExcelJS } from './convert.js';
import { InputError } from './errors.js';
import { installFastMergeLoading } from './merges.js';

// Many merges would make ExcelJS's load quadratic (13k merges: 13 s); see merges.ts.
installFastMergeLoading();

const NOT_XLSX_ZH = '不是有效的 .xlsx 文件';
const NOT_XLSX_EN = 'not a valid .xlsx file';

const ZIP_MAGIC = [0x50, 0x4b]; // "PK" (local file header 03 04, empty archive 05 06, spanned 07 08)
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** True when the UTF-16LE name occurs in the bytes (OLE directory entries are UTF-16LE). */
function hasUtf16Name(buf: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    needle[2 * i] = c & 0xff;
    needle[2 * i + 1] = c >> 8;
  }
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Heuristic: the first few KB decode as text (BOM, or no NUL / control bytes). */
function looksLikeText(buf: Uint8Array): boolean {
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

function textInputError(buf: Uint8Array): InputError {
  const head = new TextDecoder('utf-8')
    .decode(buf.subarray(0, 512))
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
export function checkMagic(buf: Uint8Array): InputError | null {
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

/** Loads the bytes into an ExcelJS workbook. Throws InputError, and only InputError. */
export async function loadExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const bad = checkMagic(bytes);
  if (bad) throw bad;
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings declare their own `Buffer` (an ArrayBuffer); hand it exactly that.
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
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
  return wb;
}

/** Reads .xlsx bytes into the engine's Workbook. Throws InputError, and only InputError. */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const wb = await loadExcelJS(bytes);
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
