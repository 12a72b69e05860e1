/**
 * .xls and WPS .et (BIFF in an OLE2 compound file) and .ods read through SheetJS Community
 * Edition 0.20.3 as republished on npm by @e965/xlsx (Apache-2.0, no dependencies; the
 * advisories of the frozen `xlsx` 0.18.5 are fixed there). Loaded only when such a file comes in.
 * These formats are read for checking and scoring; writing them is refused (save as .xlsx).
 */
import type { Cell, CellRange, CellValue, Sheet, Workbook } from '../engine/grid.js';
import { InputError, ReaderDefect } from './errors.js';
import { isDateFormat } from './package.js';

export type LegacyKind = 'xls' | 'ods';

interface SjsCell {
  t: 'n' | 's' | 'b' | 'e' | 'd' | 'z';
  v?: unknown;
  w?: string;
  f?: string;
  z?: string | number;
}

const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function valueOf(c: SjsCell, date1904: boolean, fmt: string | undefined): CellValue {
  switch (c.t) {
    case 'n': {
      const n = typeof c.v === 'number' ? c.v : NaN;
      if (!Number.isFinite(n)) return { kind: 'error', value: '#NUM!' };
      return { kind: 'number', value: date1904 && isDateFormat(fmt) ? n + 1462 : n };
    }
    case 's':
      return typeof c.v === 'string' && c.v !== '' ? { kind: 'text', value: c.v } : { kind: 'empty' };
    case 'b':
      return { kind: 'boolean', value: c.v === true };
    case 'e':
      return { kind: 'error', value: c.w ?? ERROR_TEXT[Number(c.v)] ?? '#N/A' };
    case 'd': {
      const ms = c.v instanceof Date ? c.v.getTime() : Date.parse(String(c.v));
      return Number.isFinite(ms) ? { kind: 'number', value: 25569 + ms / 86400000 } : { kind: 'empty' };
    }
    default:
      return { kind: 'empty' };
  }
}

function hasContent(c: Cell | null | undefined): boolean {
  return !!c && (c.value.kind !== 'empty' || c.formula !== undefined);
}

/** Reads the bytes of an .xls / .et / .ods file. Throws InputError for what is wrong with the file, ReaderDefect for a failure of ours. */
export async function readLegacyWorkbook(bytes: Uint8Array, kind: LegacyKind): Promise<Workbook> {
  let XLSX: typeof import('@e965/xlsx');
  try {
    XLSX = await import('@e965/xlsx');
  } catch {
    throw new InputError('read-failed', '无法加载 .xls/.ods 读取模块', 'cannot load the .xls/.ods reader');
  }
  let wb: import('@e965/xlsx').WorkBook;
  // SheetJS reports what it cannot convert (ODS number formats …) on the console: not for users.
  /* eslint-disable no-console -- silencing a library's diagnostics, nothing is printed */
  const { error, warn } = console;
  console.error = console.warn = () => undefined;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellDates: false, dense: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password/i.test(msg))
      return Promise.reject(
        new InputError(
          'encrypted',
          '工作簿有密码保护，请在 Excel 中取消密码后另存为 .xlsx',
          'the workbook is password-protected; remove the password in Excel and save it again',
        ),
      );
    throw kind === 'ods'
      ? new InputError(
          'invalid',
          '这是 .ods 文件，但无法读取（可能已损坏），请另存为 .xlsx',
          'this .ods file cannot be read (damaged?); save it as .xlsx',
        )
      : new InputError(
          'legacy-xls',
          '这是旧版 .xls 文件，但无法读取（可能已损坏），请在 Excel 或 WPS 中另存为 .xlsx',
          'this old .xls file cannot be read (damaged?); save it as .xlsx in Excel or WPS',
        );
  } finally {
    console.error = error;
    console.warn = warn;
  }
  /* eslint-enable no-console */
  let sheets: Sheet[];
  try {
    sheets = convertSheets(wb);
  } catch (e) {
    // SheetJS read the file; failing to convert what it read is our defect, not damage.
    throw new ReaderDefect(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
  if (sheets.length === 0) throw new InputError('invalid', '文件中没有工作表', 'no worksheets inside');
  return { sheets };
}

/** SheetJS's sheets → the engine's. */
function convertSheets(wb: import('@e965/xlsx').WorkBook): Sheet[] {
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const sheets: Sheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as
      | (Record<string, unknown> & {
          '!data'?: (SjsCell | undefined)[][];
          '!merges'?: { s: { r: number; c: number }; e: { r: number; c: number } }[];
          '!rows'?: ({ hidden?: boolean } | undefined)[];
          '!cols'?: ({ hidden?: boolean } | undefined)[];
          '!type'?: string;
        })
      | undefined;
    if (!ws || (ws['!type'] !== undefined && ws['!type'] !== 'sheet')) continue;
    const merges: CellRange[] = (ws['!merges'] ?? []).map((m) => ({
      top: m.s.r,
      left: m.s.c,
      bottom: m.e.r,
      right: m.e.c,
    }));
    const covered = new Set<string>();
    for (const m of merges)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    const rows: (Cell | null)[][] = [];
    (ws['!data'] ?? []).forEach((row, r) => {
      if (!row) return;
      const cells: (Cell | null)[] = [];
      row.forEach((c, col) => {
        if (!c || covered.has(`${r},${col}`)) return;
        const fmt = typeof c.z === 'string' && c.z.toLowerCase() !== 'general' ? c.z : undefined;
        const cell: Cell = { value: valueOf(c, date1904, fmt) };
        if (c.f) cell.formula = c.f.startsWith('=') ? c.f : `=${c.f}`;
        if (fmt) cell.numberFormat = fmt;
        if (cell.value.kind === 'empty' && !cell.formula && !fmt) return;
        while (cells.length < col) cells.push(null);
        cells[col] = cell;
      });
      let n = cells.length;
      while (n > 0 && !hasContent(cells[n - 1])) n--;
      cells.length = n;
      if (n > 0) {
        while (rows.length < r) rows.push([]);
        rows[r] = cells;
      }
    });
    const hiddenRows: number[] = [];
    (ws['!rows'] ?? []).forEach((x, i) => x?.hidden && hiddenRows.push(i));
    const hiddenColumns: number[] = [];
    (ws['!cols'] ?? []).forEach((x, i) => x?.hidden && hiddenColumns.push(i));
    sheets.push({ name, rows, merges, hiddenRows, hiddenColumns, origin: { row: 0, col: 0 } });
  }
  return sheets;
}
