/**
 * The previous reader, ExcelJS, kept for the preview's cell fills until it reads styles itself,
 * and for tests that compare our reader's grid with ExcelJS's. Not used by the CLI.
 */
import ExcelJS from 'exceljs';
import { InputError } from './errors.js';
import { checkMagic, checkZipSizes, NOT_XLSX_EN, NOT_XLSX_ZH } from './load.js';
import { installFastMergeLoading } from './merges.js';

/** Loads the bytes into an ExcelJS workbook. Throws InputError, and only InputError. */
export async function loadExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const bad = checkMagic(bytes) ?? checkZipSizes(bytes);
  if (bad) throw bad;
  installFastMergeLoading(); // many merges would make ExcelJS's load quadratic (merges.ts)
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new InputError(
      'corrupt',
      `${NOT_XLSX_ZH}（文件已损坏或不完整）`,
      `${NOT_XLSX_EN}: the file is damaged or incomplete`,
    );
  }
  if (wb.worksheets.length === 0)
    throw new InputError(
      'invalid',
      `${NOT_XLSX_ZH}（压缩包中没有工作表）`,
      `${NOT_XLSX_EN}: no worksheets inside`,
    );
  return wb;
}
