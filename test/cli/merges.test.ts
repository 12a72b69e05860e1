/**
 * Many merged areas (xlsx/merges.ts): ExcelJS's own merge registration is quadratic when loading;
 * the workbook must load with every merge intact, overlapping merges must still be refused, and
 * `score --out` must write the merges back.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../cli/xlsx.js';
import { main } from '../../cli/main.js';
import { addMergesUnchecked, anyOverlap, installFastMergeLoading } from '../../xlsx/merges.js';
import { captureIo, makeTempDir } from './helpers.js';

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());

const N = 2000; // merges per kind below: 5001 in all (ExcelJS alone: seconds; the speed is in npm run bench)

/** An L1-style table whose 二级指标 column is merged in pairs, plus N one-row merges beside it. */
async function manyMerges(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核表');
  ws.addRow(['一级指标', '二级指标', '任务要点名称', '年度目标', '分值权重', '完成情况', '备注', '']);
  const refs: string[] = [];
  for (let i = 0; i < N; i++) {
    ws.addRow([
      '工作任务',
      i % 2 === 0 ? `重点${i}` : null,
      `要点${i}`,
      '执行率≥80%',
      5,
      0.9,
      `注${i}`,
      null,
    ]);
    if (i % 2 === 0) refs.push(`B${i + 2}:B${i + 3}`);
    refs.push(`G${i + 2}:H${i + 2}`);
  }
  refs.push(`A2:A${N + 1}`);
  addMergesUnchecked(ws, refs);
  await wb.xlsx.writeFile(file);
  return refs;
}

describe('many merges', () => {
  it('the patch finds the ExcelJS internals it relies on', () => {
    // False would mean an ExcelJS upgrade moved them: loading falls back to the quadratic code.
    expect(installFastMergeLoading()).toBe(true);
  });

  it('load with every merge intact', async () => {
    const file = join(tmp.dir, 'merges.xlsx');
    const refs = await manyMerges(file);
    const wb = await readWorkbookFile(file);
    const sheet = wb.sheets[0]!;
    expect(sheet.merges).toHaveLength(refs.length);
    expect(sheet.merges).toContainEqual({ top: 1, left: 0, bottom: N, right: 0 });
    expect(sheet.merges).toContainEqual({ top: 3, left: 1, bottom: 4, right: 1 });
    expect(sheet.merges).toContainEqual({ top: N, left: 6, bottom: N, right: 7 });
    // Cells covered by a merge are not read as values of their own.
    expect(sheet.rows[2]?.[0] ?? null).toBeNull();
  }, 60000);

  it('score --out writes every merge back', async () => {
    const file = join(tmp.dir, 'merges-in.xlsx');
    const out = join(tmp.dir, 'merges-out.xlsx');
    const refs = await manyMerges(file);
    expect(await main(['score', '--out', out, file], captureIo().io)).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.worksheets[0]!;
    expect([...(ws.model.merges ?? [])].sort()).toEqual([...refs].sort());
    expect(ws.getCell('B4').isMerged).toBe(true);
    const scored = (await readWorkbookFile(out)).sheets[0]!;
    expect(scored.merges).toHaveLength(refs.length);
  }, 60000);

  it('overlapping merges: ExcelJS refuses them; our reader reads the file and keeps both', async () => {
    expect(
      anyOverlap([
        { top: 0, left: 0, bottom: 3, right: 0 },
        { top: 3, left: 0, bottom: 3, right: 2 },
      ]),
    ).toBe(true);
    expect(
      anyOverlap([
        { top: 0, left: 0, bottom: 9, right: 0 },
        { top: 0, left: 1, bottom: 0, right: 2 },
        { top: 10, left: 0, bottom: 11, right: 0 },
      ]),
    ).toBe(false);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 'x';
    expect(() => addMergesUnchecked(ws, ['A1:B2', 'B2:C3'])).toThrow(/already merged/);
    // A file with overlapping merges (written by hand: ExcelJS refuses to make one) is read: the
    // cells are still there to check (Excel itself repairs such a file by dropping merges).
    const bad = join(tmp.dir, 'overlap.xlsx');
    const ok = new ExcelJS.Workbook();
    const s = ok.addWorksheet('s');
    s.getCell('A1').value = '一级指标';
    s.mergeCells('A1:B2');
    s.mergeCells('D1:E2');
    await ok.xlsx.writeFile(bad);
    const patched = await rewriteMerge(bad, 'D1:E2', 'B2:C3');
    const sheet = (await readWorkbookFile(patched)).sheets[0]!;
    expect(sheet.rows[0]![0]!.value).toEqual({ kind: 'text', value: '一级指标' });
    expect(sheet.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 1, left: 1, bottom: 2, right: 2 },
    ]);
  });
});

/** Rewrites one merge reference inside the sheet XML of an .xlsx (to make an overlapping file). */
async function rewriteMerge(file: string, from: string, to: string): Promise<string> {
  const JSZip = (await import('jszip')).default;
  const { readFile, writeFile } = await import('node:fs/promises');
  const zip = await JSZip.loadAsync(await readFile(file));
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)!.async('string');
  zip.file(path, xml.replace(`ref="${from}"`, `ref="${to}"`));
  const out = file.replace(/\.xlsx$/, '-overlap.xlsx');
  await writeFile(out, await zip.generateAsync({ type: 'nodebuffer' }));
  return out;
}
