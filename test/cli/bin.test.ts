/**
 * The compiled CLI through its launcher, as a user runs it: `node bin/perf-check.js …`.
 * Builds dist/ first when it is missing or older than the sources (npm test builds anyway).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/built';
import { makeTempDir } from './helpers.js';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/perf-check.js');

function perfCheck(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  ensureBuilt();
  tmp = makeTempDir();
}, 120_000);
afterAll(() => tmp.cleanup());

describe('bin/perf-check.js (compiled, no ts loader)', () => {
  it('--help', () => {
    const r = perfCheck(['--help']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法 (usage)');
  });

  it('an unreadable file: exit 2, one line, no stack trace', () => {
    const file = join(tmp.dir, 'old.xls');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    const r = perfCheck(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `perf-check: 无法读取 ${file}：这是旧版 .xls 文件，但无法读取（可能已损坏），请在 Excel 或 WPS 中另存为 .xlsx (this old .xls file cannot be read (damaged?); save it as .xlsx in Excel or WPS)\n`,
    );
  });

  it('validates a workbook with the compiled engine', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务要点');
    ws.addRow(['一级指标', '二级指标', '任务要点名称', '年度目标', '分值权重']);
    ws.addRow(['党的建设（10分）', '从严治党（10分）', '党风廉政建设', '落实主体责任', 10]);
    const file = join(tmp.dir, 'ok.xlsx');
    await wb.xlsx.writeFile(file);
    const r = perfCheck(['validate', '--json', file]);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out) as { files: { tables: { layout: string; items: unknown[] }[] }[] };
    expect(doc.files[0]?.tables[0]?.items).toHaveLength(1);
    expect([0, 1]).toContain(r.code);
  });
});
