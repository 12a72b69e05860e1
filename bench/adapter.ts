/**
 * Issue 6.3: Office.js round trips of read + recognise + validate + score-write through the
 * adapter (addin/excel), against the in-memory Excel of the preview and the adapter tests
 * (addin/excel/memory-excel.ts). Counts `context.sync()` calls and estimates each request's
 * size: the response (JSON of every property loaded in the batch, as the in-memory Excel measures it) and the request (JSON of every value written in the batch).
 */
import { readSheet, writeBlocks, type AdapterEnv, type Platform } from '../addin/excel';
import { cellAddress, columnLetter } from '../engine/address';
import { scoreSheet } from '../engine/index';
import { MemoryExcel } from '../addin/excel/memory-excel';
import { generatePlain } from './generate';

function env(platform: Platform): AdapterEnv {
  // ExcelApi 1.17: merged areas, enableEvents and suspendApiCalculationUntilNextSync are there.
  return {
    platform,
    isSetSupported: (name, v) => {
      if (name !== 'ExcelApi') return false;
      const [a, b] = v.split('.').map(Number) as [number, number];
      return a < 1 || (a === 1 && b <= 17);
    },
  };
}

export interface RoundTrip {
  rows: number;
  platform: Platform;
  syncs: number;
  readSyncs: number;
  writeSyncs: number;
  /** Largest estimated response / request of one sync, bytes. */
  maxResponseBytes: number;
  maxRequestBytes: number;
  scoresWritten: number;
  ms: number;
}

/** Reads an L1-style sheet of `n` rows, scores it and writes the scores beside the table. */
export async function adapterRoundTrip(n: number, platform: Platform): Promise<RoundTrip> {
  const plain = generatePlain(n);
  const excel = new MemoryExcel({
    sheets: [
      {
        name: '考核表',
        rows: plain.rows,
        merges: plain.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`),
      },
    ],
    payloadLimit: platform === 'web' ? 5_000_000 : undefined,
  });
  const t = performance.now();
  const read = await readSheet(excel.context, { env: env(platform) });
  const scored = scoreSheet(read.sheet);
  const table = scored.tables[0];
  if (!table) throw new Error('no table recognised');
  // One column block beside the table (G), first item row to last; null leaves a cell alone.
  const byRow = new Map(table.score.items.map((i) => [i.row, i.score]));
  const first = Math.min(...table.items.map((i) => i.row));
  const last = Math.max(...table.items.map((i) => i.row));
  const col = columnLetter(plain.rows[1]!.length);
  const values = Array.from({ length: last - first + 1 }, (_, k) => [byRow.get(first + k) ?? null]);
  const write = await writeBlocks(
    excel.context,
    '考核表',
    [{ address: `${col}${first}:${col}${last}`, values }],
    {
      env: env(platform),
    },
  );
  const ms = performance.now() - t;
  if (!write.written) throw new Error('write refused');
  const requestBytes = new Map<number, number>();
  for (const w of excel.writes)
    requestBytes.set(
      w.sync,
      (requestBytes.get(w.sync) ?? 0) + Buffer.byteLength(JSON.stringify(w.value ?? null)),
    );
  return {
    rows: n,
    platform,
    syncs: excel.syncs,
    readSyncs: read.syncs,
    writeSyncs: write.syncs,
    maxResponseBytes: Math.max(...excel.syncLog.map((s) => s.responseBytes)),
    maxRequestBytes: Math.max(0, ...requestBytes.values()),
    scoresWritten: values.filter((v) => v[0] !== null).length,
    ms,
  };
}
