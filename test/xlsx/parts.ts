/**
 * Checks on a written copy, part by part and cell by cell: which parts differ from the input,
 * that the shared strings only grew at their end, that the sheet XML outside <sheetData> is
 * untouched, and that every cell but the written ones reads back as it was.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import type { Sheet } from '../../engine/grid';
import { loadPackage } from '../../xlsx/load';

export type Bytes = Uint8Array | string;

function bytesOf(x: Bytes): Uint8Array {
  return typeof x === 'string' ? new Uint8Array(readFileSync(x)) : x;
}

export function partsOf(x: Bytes): Record<string, Uint8Array> {
  return unzipSync(bytesOf(x));
}

export function partText(x: Bytes, name: string): string {
  const p = partsOf(x)[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}

/** The parts whose bytes differ (sorted); `removed` lists parts the copy no longer has. */
export function changedParts(a: Bytes, b: Bytes, removed: string[] = []): string[] {
  const x = partsOf(a);
  const y = partsOf(b);
  expect(Object.keys(y).sort()).toEqual(
    Object.keys(x)
      .filter((k) => !removed.includes(k))
      .sort(),
  );
  return Object.keys(y)
    .filter((k) => Buffer.compare(Buffer.from(x[k]!), Buffer.from(y[k]!)) !== 0)
    .sort();
}

/** The text of each <si> of a shared strings part. */
function items(xml: string): string[] {
  return [...xml.matchAll(/<si\b[^>]*?(?:\/>|>[\s\S]*?<\/si>)/g)].map((m) => m[0]);
}

/**
 * The copy's shared strings are the input's, unchanged and in order, followed by `added` (plain
 * entries); uniqueCount follows.
 */
export function expectStringsAppended(before: string, after: string, added: string[]): void {
  const a = items(before);
  const b = items(after);
  expect(b.slice(0, a.length)).toEqual(a);
  const text = (x: string): string =>
    x
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  expect(b.slice(a.length).map(text)).toEqual(added);
  const unique = /uniqueCount="(\d+)"/.exec(after)?.[1];
  if (unique !== undefined) expect(Number(unique)).toBe(b.length);
  // Everything before the first <si> (declaration, root element but its counts) is as it was.
  const head = (x: string): string =>
    x.slice(0, x.indexOf('<si')).replace(/\s(count|uniqueCount)="\d+"/g, '');
  if (a.length > 0) expect(head(after)).toBe(head(before));
}

/** The part of a sheet's XML outside <sheetData> (and its used-range hint): must stay as it was. */
export function outsideSheetData(xml: string): string {
  return xml
    .replace(/<((?:\w+:)?)sheetData[\s\S]*?<\/\1sheetData>|<(?:\w+:)?sheetData\/>/, '')
    .replace(/<((?:\w+:)?)dimension ref="[^"]*"/, '<$1dimension');
}

export function sheetOf(x: Bytes, name: string): Sheet {
  const s = loadPackage(bytesOf(x)).read.workbook.sheets.find((v) => v.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Every cell of `after` equals `before` except at the listed [row, col] (0-based). */
export function expectOnlyCells(
  before: Sheet,
  after: Sheet,
  cells: readonly (readonly [number, number])[],
): void {
  const skip = new Set(cells.map(([r, c]) => `${r},${c}`));
  const rows = Math.max(before.rows.length, after.rows.length);
  for (let r = 0; r < rows; r++) {
    const n = Math.max(before.rows[r]?.length ?? 0, after.rows[r]?.length ?? 0);
    for (let c = 0; c < n; c++) {
      if (skip.has(`${r},${c}`)) continue;
      expect(after.rows[r]?.[c] ?? null, `row ${r + 1} col ${c + 1}`).toEqual(before.rows[r]?.[c] ?? null);
    }
  }
  expect(after.merges).toEqual(before.merges);
  expect(after.hiddenRows).toEqual(before.hiddenRows);
  expect(after.hiddenColumns).toEqual(before.hiddenColumns);
}
