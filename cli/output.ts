/**
 * Writing an output workbook safely (score --out, recalc --out): to a temporary file beside the
 * target, then into place; never over the input, never over an existing file without --force.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';

export class OutputError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * ExcelJS writes useFirstPageNumber="1" whenever firstPageNumber is set, and reading always sets
 * it (default 1): every copy would restart printed page numbers at 1. Dropping the number where
 * it was not in use keeps the input's automatic numbering.
 */
function keepPageNumbering(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const setup = ws.pageSetup as { useFirstPageNumber?: boolean; firstPageNumber?: number };
    if (!setup.useFirstPageNumber) delete setup.firstPageNumber;
  }
}

/**
 * Writes the workbook to `out` through a temporary file in the same directory, then renames it.
 * Refuses an existing `out` unless `force`, and never the input file itself.
 */
export async function writeWorkbookAtomically(
  wb: ExcelJS.Workbook,
  input: string,
  out: string,
  force: boolean,
): Promise<void> {
  if (await sameFile(input, out)) {
    throw new OutputError(
      `输出文件 ${out} 就是输入文件，不能覆盖输入`,
      `the output ${out} is the input file; the input is never overwritten`,
    );
  }
  if (!force && (await exists(out))) {
    throw new OutputError(
      `输出文件 ${out} 已存在，加 --force 才会覆盖`,
      `${out} already exists; use --force to overwrite it`,
    );
  }
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  keepPageNumbering(wb);
  // Formulas that read the cells we wrote still hold their old cached results: ask Excel and
  // LibreOffice to recalculate on open (LibreOffice otherwise shows the stale values).
  wb.calcProperties.fullCalcOnLoad = true;
  try {
    const buf = await wb.xlsx.writeBuffer();
    await fs.writeFile(tmp, Buffer.from(buf as ArrayBuffer), { flag: 'wx' });
    if (force) {
      await fs.rename(tmp, out);
    } else {
      // link() fails if `out` appeared meanwhile: never clobber without --force.
      try {
        await fs.link(tmp, out);
        await fs.unlink(tmp);
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (code === 'EEXIST') throw e;
        await fs.rename(tmp, out); // file systems without hard links
      }
    }
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as { code?: unknown }).code;
    if (code === 'EEXIST') {
      throw new OutputError(
        `输出文件 ${out} 已存在，加 --force 才会覆盖`,
        `${out} already exists; use --force to overwrite it`,
      );
    }
    const what = typeof code === 'string' ? code : e instanceof Error ? e.message.split('\n')[0] : 'unknown';
    throw new OutputError(`无法写出 ${out}（${what}）`, `cannot write ${out} (${what})`);
  }
}
