/**
 * .xlsx bytes → the engine's host-neutral Workbook, with our own reader (zip: fflate, XML: saxes;
 * `package.ts`, `sheet.ts`). No Node or DOM APIs, so the CLI and the task pane's preview host read
 * workbooks the same way.
 *
 * Everything that can go wrong with the bytes (wrong format, password, damage) is reported as an
 * InputError with a Chinese and an English message; nothing else escapes.
 */
import type { Workbook } from '../engine/grid.js';
import { InputError, ReaderDefect } from './errors.js';
import { XlsxPackage } from './package.js';
import { readPackage, type ReadResult } from './read.js';
import type { LegacyKind } from './legacy.js';
import { inflateEntry, readZipDirectory, ZipError } from './zip.js';
import { XmlError } from './xml.js';

export const NOT_XLSX_ZH = '不是有效的 .xlsx 文件';
export const NOT_XLSX_EN = 'not a valid .xlsx file';

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

/** Classifies the bytes before the zip is read; returns an error for anything that is not a zip. */
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

/**
 * The formats read through SheetJS (legacy.ts): an OLE2 compound file that is not an encrypted
 * package (.xls, WPS .et), or a zip whose `mimetype` says OpenDocument spreadsheet (.ods).
 */
export function legacyKind(buf: Uint8Array): LegacyKind | null {
  if (startsWith(buf, OLE_MAGIC))
    return hasUtf16Name(buf, 'EncryptedPackage') || hasUtf16Name(buf, 'EncryptionInfo') ? null : 'xls';
  if (!startsWith(buf, ZIP_MAGIC) || checkZipSizes(buf)) return null;
  try {
    const mime = readZipDirectory(buf).find((e) => e.name === 'mimetype');
    if (!mime || mime.size > 200) return null;
    const text = new TextDecoder().decode(inflateEntry(buf, mime));
    return text.trim() === 'application/vnd.oasis.opendocument.spreadsheet' ? 'ods' : null;
  } catch {
    return null;
  }
}

/** Refused beyond this much inflated content in total: no real indicator workbook comes close. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Refused when a large entry inflates more than this (sheet XML compresses ~5–30×). */
export const MAX_RATIO = 500;
const RATIO_FLOOR = 20 * 1024 * 1024; // small entries may compress extremely (empty sheets)

/**
 * Reads the sizes the zip's central directory declares, before anything is inflated: a zip bomb
 * (a small file that inflates to gigabytes) is refused here instead of exhausting memory.
 * Returns null when the sizes are fine or the directory cannot be read (then the reader reports
 * the damage). An entry is never inflated beyond its declared size (`zip.ts`).
 */
export function checkZipSizes(buf: Uint8Array): InputError | null {
  const tooLarge = (): InputError => {
    const mb = Math.round(MAX_UNCOMPRESSED_BYTES / 1024 / 1024);
    return new InputError(
      'too-large',
      `${NOT_XLSX_ZH}（解压后超过 ${mb} MB，疑似压缩炸弹，拒绝读取）`,
      `${NOT_XLSX_EN}: it would inflate to more than ${mb} MB (a zip bomb?); refused`,
    );
  };
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u32 = (p: number): number => dv.getUint32(p, true);
  const u16 = (p: number): number => dv.getUint16(p, true);
  const u64 = (p: number): number => u32(p) + u32(p + 4) * 2 ** 32;
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (u32(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(eocd + 10);
  let p = u32(eocd + 16);
  // ZIP64: the locator sits right before the end record and points at the ZIP64 end record.
  if (eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z = u64(eocd - 12);
    if (z + 56 <= buf.length && u32(z) === 0x06064b50) {
      count = u64(z + 32);
      p = u64(z + 48);
    }
  }
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || u32(p) !== 0x02014b50) return null;
    let packed = u32(p + 20);
    let size = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    if (size === 0xffffffff || packed === 0xffffffff) {
      // ZIP64 extended information (0x0001): uncompressed, then compressed size, as needed.
      const end = Math.min(buf.length, p + 46 + nameLen + extraLen); // a damaged length stays in bounds
      for (let e = p + 46 + nameLen; e + 4 <= end; e += 4 + u16(e + 2)) {
        if (u16(e) !== 0x0001) continue;
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= buf.length) {
          size = u64(q);
          q += 8;
        }
        if (packed === 0xffffffff && q + 8 <= buf.length) packed = u64(q);
      }
    }
    // Deflate output is never much bigger than its input: a declared size well below the packed
    // size is a lie meant to slip past this check (a reader trusting it would inflate it all before noticing).
    if (u16(p + 10) === 8 && size < packed * 0.99 - 64)
      return new InputError(
        'corrupt',
        `${NOT_XLSX_ZH}（压缩包中的大小信息自相矛盾，文件已损坏或被改动）`,
        `${NOT_XLSX_EN}: the sizes inside the zip contradict each other (damaged or tampered with)`,
      );
    total += size;
    if (total > MAX_UNCOMPRESSED_BYTES || (size > RATIO_FLOOR && size > packed * MAX_RATIO))
      return tooLarge();
    p += 46 + nameLen + extraLen + u16(p + 32);
  }
  return null;
}

/** Opens the package: magic bytes, zip-bomb caps, the zip directory and the workbook part. */
export function openPackage(bytes: Uint8Array): XlsxPackage {
  const bad = checkMagic(bytes) ?? checkZipSizes(bytes);
  if (bad) throw bad;
  let pkg: XlsxPackage;
  try {
    pkg = new XlsxPackage(bytes);
  } catch (err) {
    throw packageError(err);
  }
  if (pkg.sheets.length === 0) {
    // A zip without worksheets: .docx, .pptx, .xlsb, an arbitrary archive …
    throw new InputError(
      'invalid',
      `${NOT_XLSX_ZH}（压缩包中没有工作表）`,
      `${NOT_XLSX_EN}: no worksheets inside`,
    );
  }
  return pkg;
}

/** Reads a package's worksheets. Throws InputError for what is wrong with the file, ReaderDefect for a failure of ours. */
export function readOpenedPackage(pkg: XlsxPackage, fills?: Map<string, string>): ReadResult {
  try {
    return readPackage(pkg, fills);
  } catch (err) {
    throw packageError(err);
  }
}

/** Reads .xlsx bytes: the grid and its extras. Throws InputError for what is wrong with the file, ReaderDefect for a failure of ours. */
export function loadPackage(bytes: Uint8Array): { pkg: XlsxPackage; read: ReadResult } {
  const pkg = openPackage(bytes);
  return { pkg, read: readOpenedPackage(pkg) };
}

/** Reads .xlsx bytes into the engine's Workbook. Throws InputError for what is wrong with the file, ReaderDefect for a failure of ours. */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  return Promise.resolve(loadPackage(bytes).read.workbook);
}

function packageError(err: unknown): InputError | ReaderDefect {
  if (err instanceof InputError || err instanceof ReaderDefect) return err;
  if (err instanceof ZipError && err.reason === 'unsupported')
    return new InputError(
      'invalid',
      `${NOT_XLSX_ZH}（压缩方式不受支持）`,
      `${NOT_XLSX_EN}: its zip compression method is not supported`,
    );
  if (err instanceof ZipError)
    return new InputError(
      'corrupt',
      `${NOT_XLSX_ZH}（文件已损坏或不完整）`,
      `${NOT_XLSX_EN}: the file is damaged or incomplete`,
    );
  if (err instanceof XmlError)
    return new InputError(
      'corrupt',
      `${NOT_XLSX_ZH}（内容无法解析）`,
      `${NOT_XLSX_EN}: its content cannot be parsed`,
    );
  // Anything else is our conversion failing on a file it read: say so, never "corrupt file".
  return new ReaderDefect(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
}
