/**
 * 写入全部 N 张表 tells its progress by table and, inside each table, by the rows the analysis has
 * reached (issue 15: real progress on big sheets). The pane's Workbench on the in-memory Excel,
 * loaded from the example with three tables; every step told (slice 0 ms).
 */
import { describe, expect, it } from 'vitest';
import { writeAllTables } from '../../taskpane/progress';
import { DEFAULT_PANE_SETTINGS } from '../../taskpane/settings';
import { exampleBench } from './example-bench';

describe('writing all tables', () => {
  it('says which table and which row it is at, and the bar only moves forward to the end', async () => {
    const { excel, bench } = await exampleBench('wenzhou-2024-evaluation.xlsx');
    const seen: [string, number][] = [];
    const r = await writeAllTables(
      bench,
      excel.activeSheet.name,
      3,
      'values',
      DEFAULT_PANE_SETTINGS,
      (text, fraction) => seen.push([text, fraction]),
      0,
    );
    expect(r).toEqual({ notice: { intent: 'success', text: '已写入 3 张表的评分。' } });

    // The sheet has 25 rows; the items of its three tables are rows 5–8, 13–16 and 21–24, and
    // each table's write reads and scores the whole sheet first (what the table before wrote is
    // then known). Table 1 of 3 fills the first third of the bar: 0.9 of it for the analysis
    // (recognition at 5%, checks at 40%, scoring from 50% to 100% by row), then its write.
    const itemRows = [5, 6, 7, 8, 13, 14, 15, 16, 21, 22, 23, 24];
    const first = [
      ['正在写入第 1 张表，共 3 张…', 0],
      ['正在写入第 1 张表，共 3 张；已读取 25 行，正在识别表格…', (0.9 * 0.05) / 3],
      ['正在写入第 1 张表，共 3 张；正在校验 25 行…', (0.9 * 0.4) / 3],
      ...itemRows.map((row) => [
        `正在写入第 1 张表，共 3 张；正在评分：第 ${row} 行，共 25 行…`,
        (0.9 * (0.5 + (0.5 * row) / 25)) / 3,
      ]),
      ['正在写入第 1 张表，共 3 张…', 0.3],
    ];
    expect(seen.slice(0, first.length).map(([text]) => text)).toEqual(first.map(([text]) => text));
    seen.slice(0, first.length).forEach(([, f], i) => expect(f).toBeCloseTo(first[i]![1] as number, 9));
    // Tables 2 and 3 the same, from a third and two thirds of the bar; the last step is full.
    expect(seen[first.length]).toEqual(['正在写入第 2 张表，共 3 张…', 1 / 3]);
    expect(seen[2 * first.length]).toEqual(['正在写入第 3 张表，共 3 张…', 2 / 3]);
    expect(seen.at(-1)).toEqual(['正在写入第 3 张表，共 3 张…', 1]);
    expect(seen).toHaveLength(3 * first.length + 1);
    const fractions = seen.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });
});
