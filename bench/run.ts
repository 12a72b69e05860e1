/** npm run bench — engine scale, ExcelJS load floor, batch CLI. Writes bench/results.json. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { scoreSheet } from '../engine/index';
import { readWorkbookFile } from '../cli/xlsx';
import { generateSheet, writeXlsx, tempDir } from './generate';

const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const now = () => Number(process.hrtime.bigint()) / 1e6;
async function timeIt(fn: () => unknown, runs: number): Promise<number> {
  await fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = now();
    await fn();
    t.push(now() - s);
  }
  return median(t);
}

async function main() {
  const res: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
  const rows: Array<[string, string, string]> = [];
  // 1. engine scale
  const scale: Record<string, unknown> = {};
  for (const n of [1000, 10000, 100000]) {
    const sheet = generateSheet(n);
    global.gc?.();
    const rss0 = process.memoryUsage().rss,
      heap0 = process.memoryUsage().heapUsed;
    let peakRss = rss0,
      peakHeap = heap0;
    const ms = await timeIt(
      () => {
        scoreSheet(sheet);
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      },
      n >= 100000 ? 5 : 7,
    );
    const items = scoreSheet(sheet).tables[0]?.items?.length;
    scale[n] = {
      ms,
      usPerRow: (ms * 1000) / n,
      items,
      rssDeltaMB: (peakRss - rss0) / 2 ** 20,
      heapDeltaMB: (peakHeap - heap0) / 2 ** 20,
    };
    rows.push([
      `engine ${n} rows`,
      `${ms.toFixed(1)} ms`,
      `${((ms * 1000) / n).toFixed(2)} µs/row, items ${items}, +RSS ${((peakRss - rss0) / 2 ** 20).toFixed(0)} MB`,
    ]);
  }
  const s = scale as Record<number, { usPerRow: number; ms: number }>;
  const perRowRatio = s[100000]!.usPerRow / s[1000]!.usPerRow;
  rows.push([
    'per-row 100k / 1k',
    perRowRatio.toFixed(2),
    `target ≤ 1.3 ${perRowRatio <= 1.3 ? 'MET' : 'MISSED'}`,
  ]);
  res.engineScale = { ...scale, perRowRatio100kTo1k: perRowRatio, target: 1.3, met: perRowRatio <= 1.3 };

  // engine vs ExcelJS load at 10k
  const dir = tempDir();
  const f10k = path.join(dir, 't10k.xlsx');
  await writeXlsx(10000, f10k);
  const bare = await timeIt(() => new ExcelJS.Workbook().xlsx.readFile(f10k), 5);
  const conv = await timeIt(() => readWorkbookFile(f10k), 5);
  const wb = await readWorkbookFile(f10k);
  const eng = await timeIt(() => scoreSheet(wb.sheets[0]!), 5);
  const rBare = eng / bare,
    rConv = eng / conv;
  rows.push(['ExcelJS readFile 10k', `${bare.toFixed(1)} ms`, '']);
  rows.push(['readWorkbookFile 10k', `${conv.toFixed(1)} ms`, 'load + conversion']);
  rows.push([
    'engine on loaded 10k',
    `${eng.toFixed(1)} ms`,
    `÷bare ${rBare.toFixed(2)}, ÷readWorkbookFile ${rConv.toFixed(2)}; target ≤ 0.5 ${rBare <= 0.5 ? 'MET' : 'MISSED'}`,
  ]);
  res.engineVsLoad10k = {
    excelJsReadFileMs: bare,
    readWorkbookFileMs: conv,
    engineMs: eng,
    ratioToBare: rBare,
    ratioToReadWorkbookFile: rConv,
    target: 0.5,
    met: rBare <= 0.5,
  };

  // 3. batch CLI
  const files: string[] = [];
  for (let i = 0; i < 100; i++) {
    const f = path.join(dir, `b${i}.xlsx`);
    await writeXlsx(50, f);
    files.push(f);
  }
  const cli = path.join(__dirname, '..', 'bin', 'perf-check.js');
  const load = path.join(__dirname, 'loadonly.js');
  const runCli = () =>
    spawnSync(process.execPath, [cli, 'validate', '--json', ...files], { maxBuffer: 1 << 28 });
  const runLoad = () => execFileSync(process.execPath, [load, ...files]);
  const probe = runCli();
  const tCli = await timeIt(runCli, 5);
  const tLoad = await timeIt(runLoad, 5);
  const rBatch = tCli / tLoad;
  rows.push(['batch CLI 100 files', `${tCli.toFixed(0)} ms`, `exit ${probe.status}`]);
  rows.push([
    'ExcelJS load-only 100 files',
    `${tLoad.toFixed(0)} ms`,
    `ratio ${rBatch.toFixed(2)}; target ≤ 1.3 ${rBatch <= 1.3 ? 'MET' : 'MISSED'}`,
  ]);
  res.batchCli = {
    files: 100,
    rowsEach: 50,
    cliMs: tCli,
    cliExit: probe.status,
    loadOnlyMs: tLoad,
    ratio: rBatch,
    target: 1.3,
    met: rBatch <= 1.3,
  };

  fs.rmSync(dir, { recursive: true, force: true });
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const r of rows) console.log(`${r[0].padEnd(w)}  ${r[1].padStart(12)}  ${r[2]}`);
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(res, null, 2) + '\n');
  console.log('wrote bench/results.json');
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
