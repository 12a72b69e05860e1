/** Generator of L1-style indicator tables (title, header, merged level-1/level-2, seed rule texts, actuals). */
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { makeSheet, type Sheet, type Cell, type CellRange } from '../engine/grid';

export const HEADER = ['一级指标', '二级指标', '任务要点名称', '年度目标', '分值权重', '完成情况'];
const RULES: Array<[string, number, (i: number) => number | string]> = [
  ['执行率≥80%', 5, (i) => 0.7 + (i % 30) / 100],
  ['保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽。', 10, (i) => 0.75 + (i % 20) / 100],
  ['未完成1项扣5分', 10, (i) => `未完成${i % 3}项`],
  ['继续扩增机考机位400个。每少增加100个机位扣3分。', 9, (i) => 200 + (i % 5) * 60],
  ['按要求完成年度重点工作，成效明显的得满分，否则酌情扣分。', 4, (i) => (i % 2 ? '已完成' : '部分完成')],
];
const GROUP = 20;

export interface Plain {
  title: string;
  rows: Array<Array<string | number | null>>;
  merges: CellRange[];
}

export function generatePlain(n: number): Plain {
  const rows: Plain['rows'] = [['2024年度绩效考核指标表', null, null, null, null, null], [...HEADER]];
  const merges: CellRange[] = [{ top: 0, left: 0, bottom: 0, right: 5 }];
  const first = 2;
  for (let g = 0; g * GROUP < n; g++) {
    const count = Math.min(GROUP, n - g * GROUP);
    let pts = 0;
    for (let k = 0; k < count; k++) pts += RULES[(g * GROUP + k) % RULES.length]![1];
    for (let k = 0; k < count; k++) {
      const i = g * GROUP + k;
      const [rule, p, actual] = RULES[i % RULES.length]!;
      rows.push([
        i === 0 ? `工作任务（${'—'}）` : null,
        k === 0 ? `重点任务${g + 1}（${pts}分）` : null,
        `任务要点${i + 1}`,
        rule,
        p,
        actual(i),
      ]);
    }
    if (count > 1)
      merges.push({ top: first + g * GROUP, left: 1, bottom: first + g * GROUP + count - 1, right: 1 });
  }
  rows[first]![0] = '工作任务';
  if (n > 1) merges.push({ top: first, left: 0, bottom: first + n - 1, right: 0 });
  return { title: rows[0]![0] as string, rows, merges };
}

function cell(v: string | number | null): Cell | null {
  if (v === null) return null;
  return typeof v === 'number'
    ? { value: { kind: 'number', value: v } }
    : { value: { kind: 'text', value: v } };
}

export function generateSheet(n: number): Sheet {
  const p = generatePlain(n);
  return makeSheet(
    '考核表',
    p.rows.map((r) => r.map(cell)),
    { merges: p.merges },
  );
}

export async function writeXlsx(n: number, file: string): Promise<void> {
  const p = generatePlain(n);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核表');
  for (const r of p.rows) ws.addRow(r);
  for (const m of p.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  await wb.xlsx.writeFile(file);
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'perf-bench-'));
}
