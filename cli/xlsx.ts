/**
 * The CLI's one loader: an .xlsx file on disk → the engine's host-neutral Workbook (and the
 * package, for the writer). The byte-level work is shared with the task pane's preview host
 * (`xlsx/`: magic bytes, zip-bomb caps, our reader); this module adds the file system.
 *
 * Everything that can go wrong with the input (missing file, wrong format, password, …) is
 * reported as an InputError with a Chinese and an English message; nothing else escapes.
 */
import { readFile, stat } from 'node:fs';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import type { Workbook } from '../engine/grid.js';
import { InputError } from '../xlsx/errors.js';
import { readLegacyWorkbook } from '../xlsx/legacy.js';
import { legacyKind, loadPackage } from '../xlsx/load.js';
import type { XlsxPackage } from '../xlsx/package.js';
import type { ReadResult } from '../xlsx/read.js';
import { setInflater } from '../xlsx/zip.js';

// Node's zlib inflates parts several times faster than JavaScript on a cold start. Output stops
// at the limit (one byte over the declared size): an entry that lies about its size shows as a
// wrong length, never as memory exhausted. The output goes into one chunk of that size (up to
// MAX_CHUNK) instead of 16 KB pieces joined at the end: the same bytes, one copy fewer (a 2 MB
// sheet inflated in about half the time).
const MAX_CHUNK = 64 * 1024 * 1024;
setInflater((data, limit) => {
  try {
    return inflateRawSync(data, {
      maxOutputLength: limit,
      chunkSize: Math.max(64, Math.min(limit, MAX_CHUNK)),
    });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return new Uint8Array(limit);
    throw e;
  }
});

export { InputError, ReaderDefect, type InputErrorKind } from '../xlsx/errors.js';
export { loadWorkbook } from '../xlsx/load.js';

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

export interface LoadedFile {
  /** null for .xls / .et / .ods: read for checking and scoring, never written. */
  pkg: XlsxPackage | null;
  read: ReadResult;
}

/**
 * The last file read, kept so that `score --out` writes from the very package it checked
 * instead of reading the file a second time.
 */
let last: { path: string; loaded: LoadedFile } | null = null;

/** Reads an .xlsx file. Throws InputError for what is wrong with the file, ReaderDefect for a failure of ours. */
export async function readWorkbookFile(path: string): Promise<Workbook> {
  return (await readWorkbookPackage(path)).read.workbook;
}

/** The package and what was read from it; reuses the last read of the same path. */
export async function readWorkbookPackage(path: string, reuse = false): Promise<LoadedFile> {
  if (reuse && last?.path === path) return last.loaded;
  const bytes = await readBytes(path);
  const legacy = legacyKind(bytes);
  const loaded: LoadedFile = legacy
    ? {
        pkg: null,
        read: {
          workbook: await readLegacyWorkbook(bytes, legacy),
          arrays: [],
          names: [],
          info: [],
          hasFormulas: false,
        },
      }
    : loadPackage(bytes);
  last = { path, loaded };
  return loaded;
}

// node:fs's callback API, promisified: its promise API loads modules of its own (readline among
// them, ~1.5 ms) at first use. Asynchronous, so that a batch's worker threads are fed meanwhile.
const statFile = promisify(stat);
const readWholeFile = promisify(readFile);

async function readBytes(path: string): Promise<Uint8Array> {
  let buf: Buffer;
  try {
    const st = await statFile(path);
    if (!st.isFile()) {
      throw Object.assign(new Error('not a file'), { code: st.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
    }
    buf = await readWholeFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if ((err as { code?: unknown } | null)?.code === 'ENOTFILE') {
      throw new InputError('not-a-file', '不是普通文件', 'not a regular file');
    }
    throw fsInputError(err);
  }
  return buf;
}
