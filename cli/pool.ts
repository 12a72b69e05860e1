/**
 * Checking many files on all cores (issue 6.5): the main thread checks files itself and hands
 * others to worker threads (cli/check-worker.ts), each kept two files ahead so it never waits
 * for the busy main thread. Outcomes are delivered strictly in command-line order, as each
 * becomes ready, so reports, stderr lines and exit codes are those of a one-by-one run.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  checkFile,
  firstLine,
  type CheckJob,
  type EngineModule,
  type FileOutcome,
  type XlsxModule,
} from './check-file.js';

/** Files each worker holds: the one it checks and the next, so it is never idle. */
const AHEAD = 2;
/** Below this many files a worker's start-up (loading ExcelJS) costs more than it saves. */
export const MIN_PARALLEL_FILES = 4;

/**
 * Threads to use, the main one included: PERF_CHECK_WORKERS when set (1 = no workers), else one
 * per idle core. 1 when the compiled worker is missing (running from sources, as in unit tests).
 */
export function threadCount(files: number, env: Record<string, string | undefined>): number {
  if (files < MIN_PARALLEL_FILES || !existsSync(workerScript())) return 1;
  const wanted = Number(env.PERF_CHECK_WORKERS);
  const n =
    Number.isInteger(wanted) && wanted >= 1 ? wanted : idleCores(availableParallelism(), loadavg()[0] ?? 0);
  return Math.max(1, Math.min(n, files, 16));
}

/**
 * Cores not already busy (cores − 1-minute load average, rounded; at least 1). A worker on a core
 * other processes keep busy only adds its start-up (loading ExcelJS again) to the total: measured
 * with both cores busy, 100 files took 4.1 s on two threads against 2.7 s on one. Windows reports
 * a load of 0: all cores.
 */
export function idleCores(cores: number, load: number): number {
  return Math.max(1, Math.min(cores, Math.round(cores - (Number.isFinite(load) ? load : 0))));
}

function workerScript(): string {
  // Bundled (dist/bundle/check-worker.cjs) or compiled by tsc (dist/cli/check-worker.js).
  const bundled = join(__dirname, 'check-worker.cjs');
  return existsSync(bundled) ? bundled : join(__dirname, 'check-worker.js');
}

/**
 * Starts `threads - 1` workers now, so they load ExcelJS and the engine while the main thread
 * loads its own copy (the loads take longer than checking a hundred small files), and returns
 * the function that checks files on them and on the main thread.
 */
export function startPool(
  job: CheckJob,
  threads: number,
  script: string = workerScript(),
): (
  files: readonly string[],
  mods: { engine: EngineModule; xlsx: XlsxModule },
  onOutcome: (outcome: FileOutcome) => void,
) => Promise<void> {
  const started = Array.from({ length: threads - 1 }, () => new Worker(script, { workerData: job }));
  return (files, mods, onOutcome) => checkFilesInParallel(files, job, started, mods, onOutcome);
}

/** Checks `files` on the workers and the main thread; `onOutcome` is called once per file, in order. */
async function checkFilesInParallel(
  files: readonly string[],
  job: CheckJob,
  started: readonly Worker[],
  mods: { engine: EngineModule; xlsx: XlsxModule },
  onOutcome: (outcome: FileOutcome) => void,
): Promise<void> {
  const ready: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(files.length);
  let delivered = 0;
  // A failure while reporting (it may happen inside a worker's message event) is kept and
  // rethrown below, never left to crash the process with a stack trace.
  let failed: { error: unknown } | null = null;
  const deliver = (index: number, outcome: FileOutcome): void => {
    ready[index] = outcome;
    try {
      while (!failed && delivered < files.length && ready[delivered]) {
        const o = ready[delivered]!;
        ready[delivered] = undefined; // printed: the report no longer needs to be held here
        delivered++;
        onOutcome(o);
      }
    } catch (error) {
      failed = { error };
    }
  };
  let next = 0;
  const take = (): number => (next < files.length ? next++ : -1);
  // Files a worker held when it failed, and why: the main thread checks them instead and says so.
  const orphans: { index: number; why: string }[] = [];

  const workers = started.map((worker) => {
    const held = new Set<number>();
    const feed = (): void => {
      while (held.size < AHEAD) {
        const i = take();
        if (i < 0) break;
        held.add(i);
        worker.postMessage({ index: i, file: files[i] });
      }
    };
    const done = new Promise<void>((resolve) => {
      const finish = (why: string): void => {
        for (const index of held) orphans.push({ index, why });
        held.clear();
        resolve();
      };
      worker.on('message', (msg: { index: number; outcome: FileOutcome }) => {
        held.delete(msg.index);
        deliver(msg.index, msg.outcome);
        feed();
        if (held.size === 0) finish('');
      });
      worker.on('error', (err) => finish(firstLine(err)));
      worker.on('exit', (code) => finish(`exit code ${code}`));
    });
    feed();
    if (held.size === 0) void worker.terminate(); // nothing left for it: 'exit' settles `done`
    return { worker, done };
  });

  try {
    for (let i = take(); i >= 0 && !failed; i = take()) deliver(i, await checkFile(files[i]!, job, mods));
    if (!failed) await Promise.all(workers.map((w) => w.done));
    for (const { index, why } of orphans.sort((a, b) => a.index - b.index)) {
      if (failed) break;
      const outcome = await checkFile(files[index]!, job, mods);
      deliver(index, { ...outcome, notice: workerFailed(files[index]!, why) });
    }
  } finally {
    // Running workers would keep the process alive.
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  if (failed) throw (failed as { error: unknown }).error;
}

/** What a file checked again on the main thread, after its worker failed, says on stderr. */
export function workerFailed(file: string, why: string): { zh: string; en: string } {
  return {
    zh: `检查 ${file} 的工作线程出错（${why}），已改在主线程重新检查，下面的结果来自主线程`,
    en: `the worker thread checking ${file} failed (${why}); it was checked again on the main thread`,
  };
}
