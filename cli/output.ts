/**
 * Writing an output workbook safely (score --out, recalc --out): to a temporary file beside the
 * target, then into place; never over the input, never over an existing file without --force.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WriteRefused } from '../xlsx/write.js';

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

/** .xls, .et and .ods are read, never written: the copy would lose what we cannot model. */
export function refuseLegacyOutput(input: string): never {
  throw new OutputError(
    `${path.basename(input)} 不是 .xlsx 文件（.xls、.et、.ods 只能检查和评分，不能写回）；请在 Excel 或 WPS 中另存为 .xlsx 后再用 --out`,
    `${path.basename(input)} is not an .xlsx file (.xls, .et and .ods are checked and scored but never written); save it as .xlsx in Excel or WPS, then use --out`,
  );
}

/** The extension a copy of this package must have: Excel refuses a macro workbook named .xlsx. */
export function checkOutputKind(kind: { macro: boolean; template: boolean }, out: string): void {
  const want = kind.template ? (kind.macro ? '.xltm' : '.xltx') : kind.macro ? '.xlsm' : '.xlsx';
  const ext = path.extname(out).toLowerCase();
  if (ext === want) return;
  const what = kind.macro ? '启用宏的工作簿' : kind.template ? '模板' : '工作簿';
  const whatEn = kind.macro ? 'a macro-enabled workbook' : kind.template ? 'a template' : 'a workbook';
  throw new OutputError(
    `输入是${what}（${want}），--out 应以 ${want} 结尾，否则 Excel 无法打开副本`,
    `the input is ${whatEn} (${want}); --out must end in ${want} or Excel cannot open the copy`,
  );
}

/**
 * Writes the bytes `produce` returns to `out` through a temporary file in the same directory,
 * then renames it. Refuses an existing `out` unless `force`, and never the input file itself; a
 * write the writer refuses (a protected sheet) leaves nothing behind.
 */
export async function writeBytesAtomically(
  produce: () => Uint8Array,
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
  let bytes: Uint8Array;
  try {
    bytes = produce();
  } catch (e) {
    if (e instanceof WriteRefused) throw new OutputError(e.messageZh, e.messageEn);
    throw e;
  }
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
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
