/**
 * Many files at once (cli/pool.ts): with worker threads the output, the stderr lines and the exit
 * status are exactly those of checking the files one by one. Runs the compiled CLI, where the
 * worker script exists (npm test builds it first; built here when missing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from './helpers.js';
import { idleCores } from '../../cli/pool.js';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/perf-check.js');

function perfCheck(args: string[], workers: number) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PERF_CHECK_WORKERS: String(workers) },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: { dir: string; cleanup: () => void };
let files: string[] = [];
beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/check-worker.js')))
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  tmp = makeTempDir();
  const examples = [
    'zaozhuang-2022-tasks.xlsx',
    'zaozhuang-2022-tasks-mistakes.xlsx',
    'wenzhou-2024-evaluation.xlsx',
    'sanming-2023-responsibility-mistakes.xlsx',
    'yongchang-2011-scorecard.xlsx',
  ];
  // Twelve files: good ones, ones with error findings, an unreadable one and a missing one.
  files = [];
  for (let i = 0; i < 10; i++) {
    const f = join(tmp.dir, `${i}-${examples[i % examples.length]!}`);
    copyFileSync(join(root, 'examples', examples[i % examples.length]!), f);
    files.push(f);
  }
  const csv = join(tmp.dir, 'export.xlsx');
  writeFileSync(csv, '序号,指标\n1,执行率\n');
  files.splice(3, 0, csv);
  files.splice(7, 0, join(tmp.dir, 'missing.xlsx'));
}, 120_000);
afterAll(() => tmp.cleanup());

describe('validate / score on many files with worker threads', () => {
  for (const args of [
    ['validate'],
    ['validate', '--json'],
    ['validate', '--lang', 'en'],
    ['score', '--json'],
  ])
    it(`${args.join(' ')}: same output, stderr and exit status as one by one`, () => {
      const one = perfCheck([...args, ...files], 1);
      const two = perfCheck([...args, ...files], 2);
      expect(one.code).toBe(2); // the unreadable and the missing file
      expect(two.code).toBe(one.code);
      expect(two.out).toBe(one.out);
      expect(two.err).toBe(one.err);
      expect(one.err.split('\n').filter(Boolean)).toHaveLength(2);
    }, 60_000);

  it('exit status 1 (error findings, all files readable) is kept', () => {
    const readable = files.filter((f) => !/export|missing/.test(f));
    const one = perfCheck(['validate', '--json', ...readable], 1);
    const three = perfCheck(['validate', '--json', ...readable], 3);
    expect(one.code).toBe(1);
    expect(three.code).toBe(1);
    expect(three.out).toBe(one.out);
    const doc = JSON.parse(three.out) as { files: { file: string }[] };
    expect(doc.files.map((f) => f.file)).toEqual(readable);
  }, 60_000);
});

describe('default thread count', () => {
  it('one thread per idle core, never fewer than one nor more than the cores', () => {
    expect(idleCores(2, 0.1)).toBe(2);
    expect(idleCores(2, 1.2)).toBe(1);
    expect(idleCores(2, 5.8)).toBe(1);
    expect(idleCores(8, 3)).toBe(5);
    expect(idleCores(4, 0)).toBe(4); // Windows reports no load
    expect(idleCores(4, Number.NaN)).toBe(4);
  });
});

describe('a worker that fails', () => {
  it('its files are checked on the main thread, each saying so on stderr', async () => {
    const { startPool } = await import('../../cli/pool.js');
    const engine = await import('../../engine/index.js');
    const xlsx = await import('../../cli/xlsx.js');
    const script = join(tmp.dir, 'failing-worker.js');
    // A worker that dies on the first file it is sent, as a crash inside a worker would.
    writeFileSync(
      script,
      "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });\n",
    );
    const mine = files.filter((f) => !/export|missing/.test(f)).slice(0, 6);
    const pool = startPool({ sheets: [], lang: 'zh', score: false, scoring: null }, 2, script);
    const outcomes: { file: string; notice?: string; tables: number }[] = [];
    await pool(mine, { engine, xlsx }, (o) =>
      outcomes.push({
        file: o.result.file,
        ...(o.notice ? { notice: o.notice.zh } : {}),
        tables: (o.result.sheets ?? []).length,
      }),
    );
    // Every file once, in order, each with its sheets read.
    expect(outcomes.map((o) => o.file)).toEqual(mine);
    expect(outcomes.every((o) => o.tables > 0)).toBe(true);
    // The worker held the first two files (it is fed two ahead): both say what happened.
    const noticed = outcomes.filter((o) => o.notice);
    expect(noticed).toHaveLength(2);
    for (const o of noticed)
      expect(o.notice).toBe(
        `检查 ${o.file} 的工作线程出错（boom），已改在主线程重新检查，下面的结果来自主线程`,
      );
  }, 60_000);
});
