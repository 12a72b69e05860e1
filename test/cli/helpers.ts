import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell, Sheet } from '../../engine/grid.js';

/** A fresh temporary directory, removed by the returned cleanup function. */
export function makeTempDir(prefix = 'perf-check-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The cell at an A1 address of a Sheet (origin (0,0)), or undefined. */
export function cellAt(sheet: Sheet, a1: string): Cell | null | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]) - 1;
  return sheet.rows[row - sheet.origin.row]?.[col - 1 - sheet.origin.col];
}

/** Captured stdout / stderr for main(). */
export function captureIo(opts: { tty?: boolean; env?: Record<string, string | undefined> } = {}) {
  let out = '';
  let err = '';
  const io = {
    stdout: {
      isTTY: opts.tty ?? false,
      write(chunk: string) {
        out += chunk;
        return true;
      },
    },
    stderr: {
      write(chunk: string) {
        err += chunk;
        return true;
      },
    },
    env: opts.env ?? {},
  };
  return { io, out: () => out, err: () => err };
}
