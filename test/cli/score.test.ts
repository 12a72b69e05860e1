/** `perf-check score`: scored JSON, the report's score lines, and `--out` that never touches user data. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { captureIo, makeTempDir } from './helpers';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const WENZHOU = join(EXAMPLES, 'wenzhou-2024-evaluation.xlsx');
const sha = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

interface JsonItem {
  row: number;
  name: string;
  score: number | null;
  rule: string | null;
  actual: unknown;
}
interface JsonTable {
  range: string;
  total: number | null;
  band: string | null;
  items: JsonItem[];
}

describe('perf-check score', () => {
  it('--json adds per item actual/score/rule and per table total/band', async () => {
    const c = captureIo();
    expect(await main(['score', '--json', WENZHOU], c.io)).toBe(0);
    const doc = JSON.parse(c.out()) as { files: { tables: JsonTable[] }[] };
    const [a, b, t3] = doc.files[0]!.tables;
    expect([a!.total, a!.band, b!.total, t3!.total]).toEqual([8.1, '良好', 4.3, 4.25]);
    expect(a!.items.map((i) => [i.row, i.score])).toEqual([
      [5, 4.6],
      [6, 2.5],
      [7, 2],
      [8, -1],
    ]);
    expect(b!.items[1]).toMatchObject({
      row: 14,
      rule: '前2名不扣分；第3名扣0.2分；第4名扣0.3分；第5名扣0.4分；第6名扣0.5分',
    });
    expect(a!.items[0]).toHaveProperty('actual');
  });

  it('prints score lines under each table and exits 1 on the mistakes variant', async () => {
    const c = captureIo();
    expect(await main(['score', join(EXAMPLES, 'wenzhou-2024-evaluation-mistakes.xlsx')], c.io)).toBe(1);
    expect(c.out()).toContain('得分：6.1 / 10，等次：合格');
    expect(c.out()).toContain('得分：已计 3 项，合计 3.3；另有 1 项需补充完成情况或人工评分，暂不能给出总分');
    expect(c.out()).toContain(
      'C7  DEDUCTION_EXCEEDS  指标「行风作风日常监督情况」扣分2.5超过其分值2分，该项按0分计',
    );
  });

  it('--out writes the scores into a new 得分 column, keeps the input, refuses to overwrite', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const out = join(tmp.dir, '已评分.xlsx');
    const before = sha(WENZHOU);
    const c = captureIo();
    expect(await main(['score', '--out', out, WENZHOU], c.io)).toBe(0);
    expect(c.out()).toContain(`已写入 ${out}：15 个得分`); // 12 items + 3 section totals
    expect(sha(WENZHOU)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('评价标准')!;
    expect(ws.getCell('D4').value).toBe('得分');
    expect([5, 6, 7, 8, 9].map((r) => ws.getCell(`D${r}`).value)).toEqual([4.6, 2.5, 2, -1, 8.1]);
    expect(ws.getCell('E13').value).toBe(1.75);
    // What was there stays: labels, merges, entered deductions.
    expect(ws.getCell('C5').value).toBe(0.4);
    expect(ws.model.merges).toContain('A13:A16');
    const again = captureIo();
    expect(await main(['score', '--out', out, WENZHOU], again.io)).toBe(2);
    expect(again.err()).toMatch(/已存在，加 --force 才会覆盖/);
    expect(await main(['score', '--out', out, '--force', WENZHOU], captureIo().io)).toBe(0);
    expect(await main(['score', '--out', WENZHOU, '--force', WENZHOU], captureIo().io)).toBe(2);
  });

  it('never writes over a cell that holds the user data beside the table', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const input = join(tmp.dir, 'in.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRows([
      ['指标', '分值', '扣分', null],
      ['甲', 5, 1, '备忘：已核实'],
      ['乙', 5, 0, null],
    ]);
    await wb.xlsx.writeFile(input);
    const out = join(tmp.dir, 'out.xlsx');
    const c = captureIo();
    expect(await main(['score', '--out', out, input], c.io)).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const s = back.getWorksheet('表')!;
    expect(s.getCell('D2').value).toBe('备忘：已核实');
    expect([s.getCell('E1').value, s.getCell('E2').value, s.getCell('E3').value]).toEqual(['得分', 4, 5]);
  });

  it('rejects bad --options and options on other commands', async () => {
    const c = captureIo();
    expect(await main(['score', '--options', 'partial=sometimes', WENZHOU], c.io)).toBe(2);
    expect(c.err()).toMatch(/^perf-check: --options 有误/);
    expect(await main(['validate', '--options', 'decimals=1', WENZHOU], captureIo().io)).toBe(2);
    const floor = captureIo();
    expect(await main(['score', '--json', '--options', 'decimals=0', WENZHOU], floor.io)).toBe(0);
    const doc = JSON.parse(floor.out()) as { files: { tables: JsonTable[] }[] };
    expect(doc.files[0]!.tables[0]!.items.map((i) => i.score)).toEqual([5, 3, 2, -1]);
  });
});
