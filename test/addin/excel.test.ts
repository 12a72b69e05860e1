import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/model';
import { analyseSheet } from '../../engine';
import {
  clearHighlights,
  highlightCells,
  HIGHLIGHT_COLOR,
  HIGHLIGHT_SETTING_KEY,
  readSheet,
  selectCell,
  writeBlocks,
  writeReportSheet,
  type AdapterEnv,
  type Platform,
} from '../../addin/excel';
import { WriteBlockError } from '../../addin/excel/write';
import { parseAreasAddress, toExcelLiteral } from '../../addin/excel/values';
import { packRequests } from '../../addin/excel/batch';
import { MemoryExcel, NO_FILL, valuesOf, type SheetSpec } from '../../addin/excel/memory-excel';

/** An Excel that supports ExcelApi up to `version` on `platform`. */
function env(version = '1.17', platform: Platform = 'desktop'): AdapterEnv {
  const [maj, min] = version.split('.').map(Number) as [number, number];
  return {
    platform,
    isSetSupported: (name, v) => {
      if (name !== 'ExcelApi') return false;
      const [a, b] = v.split('.').map(Number) as [number, number];
      return a < maj || (a === maj && b <= min);
    },
  };
}

/** A table of `rows` items under a header, like the L2 responsibility breakdown. */
function table(
  rows: number,
  text = (i: number) => `第${i}项：落实基本公共卫生服务项目，居民健康档案规范化电子建档率达到要求`,
): unknown[][] {
  const out: unknown[][] = [['序号', '一级指标', '主要考核内容', '分值', '责任科室', '责任人']];
  for (let i = 1; i <= rows; i++)
    out.push([i, i % 2 ? '公共卫生' : '医疗服务', text(i), 5, '公卫科', '张三']);
  return out;
}

describe('readSheet', () => {
  const spec: SheetSpec = {
    name: '考核表',
    rows: [
      ['一级指标', '二级指标', '分值', '完成率', '达标'],
      ['公共卫生', '健康档案', 10, 0.8, true],
      [null, '慢病管理', '10分', '#DIV/0!', false],
      ['医疗服务', '合理用药', 20, null, null],
    ],
    formulas: { C5: '=SUM(C2:C4)' },
    formats: { D2: '0%', D3: '0%' },
    types: { D3: 'Error' },
    hiddenRows: [2],
    hiddenColumns: [4],
    merges: ['A2:A3'],
  };
  // C5 holds a formula whose value is 40.
  spec.rows?.push([null, null, 40]);

  it('reads values, types, formulas, formats, merges and hidden rows and columns in two syncs', async () => {
    const excel = new MemoryExcel({ sheets: [spec] });
    const result = await readSheet(excel.context, { env: env() });
    expect(excel.syncs).toBe(2);
    expect(result.syncs).toBe(2);
    expect(result.range).toBe('A1:E5');
    expect(result.mergesRead).toBe(true);
    const { sheet } = result;
    expect(sheet.name).toBe('考核表');
    expect(sheet.origin).toEqual({ row: 0, col: 0 });
    expect(sheet.rows[0]?.map((c) => c?.value)).toEqual([
      { kind: 'text', value: '一级指标' },
      { kind: 'text', value: '二级指标' },
      { kind: 'text', value: '分值' },
      { kind: 'text', value: '完成率' },
      { kind: 'text', value: '达标' },
    ]);
    expect(sheet.rows[1]?.[2]).toEqual({ value: { kind: 'number', value: 10 } });
    expect(sheet.rows[1]?.[3]).toEqual({ value: { kind: 'number', value: 0.8 }, numberFormat: '0%' });
    expect(sheet.rows[1]?.[4]).toEqual({ value: { kind: 'boolean', value: true } });
    expect(sheet.rows[2]?.[0]).toBeNull(); // merged-away cell: empty
    expect(sheet.rows[2]?.[2]).toEqual({ value: { kind: 'text', value: '10分' } });
    expect(sheet.rows[2]?.[3]).toEqual({ value: { kind: 'error', value: '#DIV/0!' }, numberFormat: '0%' });
    expect(sheet.rows[3]?.length).toBe(3); // trailing empty cells are left out
    expect(sheet.rows[4]?.[2]).toEqual({ value: { kind: 'number', value: 40 }, formula: '=SUM(C2:C4)' });
    expect(sheet.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(sheet.hiddenRows).toEqual([2]);
    expect(sheet.hiddenColumns).toEqual([4]);
  });

  it('tells an error value from text that looks like one by valueTypes', async () => {
    const excel = new MemoryExcel({
      sheets: [{ name: 'S', rows: [['#N/A', 'TRUE']], types: { A1: 'String', B1: 'String' } }],
    });
    const { sheet } = await readSheet(excel.context, { env: env() });
    expect(sheet.rows[0]?.map((c) => c?.value)).toEqual([
      { kind: 'text', value: '#N/A' },
      { kind: 'text', value: 'TRUE' },
    ]);
  });

  it('skips merged areas where ExcelApi 1.13 is missing and says so', async () => {
    const excel = new MemoryExcel({ sheets: [spec] });
    const result = await readSheet(excel.context, { env: env('1.12') });
    expect(result.mergesRead).toBe(false);
    expect(result.sheet.merges).toEqual([]);
    expect(excel.syncs).toBe(2);
  });

  it('puts the origin at the used range when the table does not start at A1', async () => {
    const excel = new MemoryExcel({
      sheets: [
        {
          name: 'S',
          rows: [
            ['a', 'b'],
            [1, 2],
          ],
          origin: { row: 3, col: 2 },
        },
      ],
    });
    const result = await readSheet(excel.context, { env: env() });
    expect(result.range).toBe('C4:D5');
    expect(result.sheet.origin).toEqual({ row: 3, col: 2 });
    expect(result.sheet.rows[1]?.[1]?.value).toEqual({ kind: 'number', value: 2 });
  });

  it('returns an empty sheet after one sync when the sheet is blank', async () => {
    const excel = new MemoryExcel({ sheets: [{ name: '空表' }] });
    const result = await readSheet(excel.context, { env: env() });
    expect(result).toMatchObject({ range: null, syncs: 1 });
    expect(result.sheet.rows).toEqual([]);
    expect(excel.syncs).toBe(1);
  });

  it('reads only the selection, clipped to the used range', async () => {
    const excel = new MemoryExcel({ sheets: [spec], selection: 'B2:H400' });
    const result = await readSheet(excel.context, { env: env(), source: 'selection' });
    expect(result.range).toBe('B2:E5');
    expect(result.sheet.origin).toEqual({ row: 1, col: 1 });
    expect(result.sheet.rows[0]?.[0]?.value).toEqual({ kind: 'text', value: '健康档案' });
    expect(result.sheet.hiddenRows).toEqual([2]);
  });

  it('asks for no per-row probes when no row is hidden', async () => {
    const excel = new MemoryExcel({ sheets: [{ name: 'S', rows: table(200) }] });
    await readSheet(excel.context, { env: env() });
    // used range + one block + one merged-areas block per 170 rows
    expect(excel.rangesCreated.length).toBeLessThan(6);
  });

  it('feeds the engine: the read sheet is analysed like the CLI reads it', async () => {
    const excel = new MemoryExcel({ sheets: [{ name: '责任分解', rows: table(3) }] });
    const { sheet } = await readSheet(excel.context, { env: env() });
    const analysis = analyseSheet(sheet);
    expect(analysis.tables.length).toBe(1);
    expect(analysis.tables[0]?.items.map((i) => i.name)).toHaveLength(3);
  });

  describe('sync count does not grow with the rows', () => {
    const withHidden = (rows: number): SheetSpec => ({
      name: 'S',
      rows: table(rows),
      hiddenRows: [3],
      merges: ['B2:B3', `B${rows}:B${rows + 1}`],
    });

    it('desktop: 10 rows and 10,000 rows take the same two syncs', async () => {
      const small = new MemoryExcel({ sheets: [withHidden(10)] });
      const large = new MemoryExcel({ sheets: [withHidden(10_000)] });
      const a = await readSheet(small.context, { env: env('1.17', 'desktop') });
      const b = await readSheet(large.context, { env: env('1.17', 'desktop') });
      expect(small.syncs).toBe(2);
      expect(large.syncs).toBe(small.syncs);
      expect(a.sheet.rows.length).toBe(11);
      expect(b.sheet.rows.length).toBe(10_001);
      expect(b.sheet.hiddenRows).toEqual([3]);
      expect(b.sheet.merges).toHaveLength(2);
      // The whole read went out as one request of over 4 MB: fine on Windows and Mac …
      expect(large.syncLog[1]?.responseBytes).toBeGreaterThan(4_000_000);
    }, 60_000);

    it('web: the same 10,000 rows stay under the 5 MB limit in a few requests', async () => {
      // … but above Excel on the web's 5 MB limit once JSON-escaped, so there the blocks are
      // spread over requests: the count follows the data size, never the row count alone.
      const small = new MemoryExcel({ sheets: [withHidden(10)], payloadLimit: 5_000_000 });
      const large = new MemoryExcel({ sheets: [withHidden(10_000)], payloadLimit: 5_000_000 });
      await readSheet(small.context, { env: env('1.17', 'web') });
      const b = await readSheet(large.context, { env: env('1.17', 'web') });
      expect(small.syncs).toBe(2);
      expect(large.syncs).toBeGreaterThan(2);
      expect(large.syncs).toBeLessThanOrEqual(1 + Math.ceil((60_006 * 200) / 4_000_000) + 1);
      expect(large.syncLog.every((s) => !s.failed && s.responseBytes <= 4_000_000)).toBe(true);
      expect(b.sheet.rows.length).toBe(10_001);
      expect(b.sheet.hiddenRows).toEqual([3]);
    }, 60_000);

    it('web: a sheet too large for one request is spread over requests of at most the budget', async () => {
      const excel = new MemoryExcel({
        sheets: [{ name: 'S', rows: table(20_000) }],
        payloadLimit: 5_000_000,
      });
      const desktop = new MemoryExcel({ sheets: [{ name: 'S', rows: table(20_000) }] });
      const result = await readSheet(excel.context, { env: env('1.17', 'web') });
      const reference = await readSheet(desktop.context, { env: env('1.17', 'desktop') });
      expect(excel.syncLog.every((s) => !s.failed && s.responseBytes <= 5_000_000)).toBe(true);
      // 120,006 cells × 200 bytes estimated = 6 requests of ≤ 4 MB, plus the first
      expect(excel.syncs).toBeLessThanOrEqual(8);
      expect(desktop.syncs).toBe(2);
      expect(result.sheet).toEqual(reference.sheet);
    }, 60_000);

    it('web: a request that still comes back too large is split and asked again', async () => {
      const long = (i: number) => `${'很长的考核内容说明'.repeat(40)}${i}`;
      const excel = new MemoryExcel({
        sheets: [{ name: 'S', rows: table(3000, long) }],
        payloadLimit: 1_000_000,
      });
      const desktop = new MemoryExcel({ sheets: [{ name: 'S', rows: table(3000, long) }] });
      // The estimate (20 bytes a cell) is far too low for these cells.
      const result = await readSheet(excel.context, {
        env: env('1.17', 'web'),
        bytesPerCell: 20,
        maxRequestBytes: 900_000,
      });
      const reference = await readSheet(desktop.context, { env: env('1.17', 'desktop') });
      expect(excel.syncLog.some((s) => s.failed)).toBe(true);
      expect(excel.syncLog.filter((s) => !s.failed).every((s) => s.responseBytes <= 1_000_000)).toBe(true);
      expect(result.sheet).toEqual(reference.sheet);
    }, 60_000);
  });

  it('reads more than 512 merged areas without hitting the per-call limit', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `B${2 * i + 2}:B${2 * i + 3}`);
    const excel = new MemoryExcel({ sheets: [{ name: 'S', rows: table(1200), merges }] });
    const { sheet } = await readSheet(excel.context, { env: env() });
    expect(excel.syncs).toBe(2);
    expect(sheet.merges).toHaveLength(600);
  });
});

describe('writeBlocks', () => {
  const target = (): MemoryExcel =>
    new MemoryExcel({
      sheets: [
        {
          name: '考核表',
          rows: [
            ['指标', '分值', '得分', '等次'],
            ['甲', 10, null, null],
            ['乙', 20, null, null],
          ],
        },
      ],
    });

  it('writes each block in one assignment with calculation suspended and events off, then turns events back on', async () => {
    const excel = target();
    const result = await writeBlocks(
      excel.context,
      '考核表',
      [
        { address: 'C2:C3', values: [[9.5], [18]] },
        { address: 'D2:D3', values: [['优秀'], ['001']] },
      ],
      { env: env() },
    );
    // What each cell held before, for undo: all four were empty, in the General format.
    expect(result).toEqual({
      written: true,
      cells: 4,
      syncs: 3,
      previous: ['C2', 'C3', 'D2', 'D3'].map((address) => ({
        address,
        content: '',
        value: null,
        format: null,
      })),
    });
    expect(excel.syncs).toBe(3);
    const cellWrites = excel.writes.filter((w) => w.property === 'values');
    expect(cellWrites.map((w) => w.address)).toEqual(['C2:C3', 'D2:D3']);
    expect(cellWrites.every((w) => w.sync === 2 && !w.eventsEnabled && w.calculationSuspended)).toBe(true);
    expect(excel.writes.filter((w) => w.property === 'enableEvents').map((w) => [w.sync, w.value])).toEqual([
      [2, false],
      [3, true],
    ]);
    expect(excel.enableEvents).toBe(true);
    const sheet = excel.sheet('考核表');
    expect(valuesOf(sheet, 'C2:D3')).toEqual([
      [9.5, '优秀'],
      [18, '001'],
    ]);
  });

  it('keeps text that Excel would reinterpret as text', () => {
    expect(toExcelLiteral('001')).toBe("'001");
    expect(toExcelLiteral('=1+1')).toBe("'=1+1");
    expect(toExcelLiteral('80%')).toBe("'80%");
    expect(toExcelLiteral('2024年1月')).toBe("'2024年1月");
    expect(toExcelLiteral('１２')).toBe("'１２");
    expect(toExcelLiteral('TRUE')).toBe("'TRUE");
    expect(toExcelLiteral('优秀')).toBe('优秀');
    expect(toExcelLiteral(3)).toBe(3);
    expect(toExcelLiteral(null)).toBeNull();
  });

  it('refuses to write over other content and lists it, after one sync', async () => {
    const excel = target();
    excel.sheet('考核表').ensure(1, 2).value = 7;
    const result = await writeBlocks(excel.context, '考核表', [{ address: 'C2:C3', values: [[9.5], [18]] }], {
      env: env(),
    });
    expect(result).toEqual({ written: false, conflicts: [{ address: 'C2', existing: 7 }], syncs: 1 });
    expect(excel.writes).toEqual([]);
    expect(valuesOf(excel.sheet('考核表'), 'C2:C3')).toEqual([[7], ['']]);
  });

  it('overwrites when told to', async () => {
    const excel = target();
    excel.sheet('考核表').ensure(1, 2).value = 7;
    const result = await writeBlocks(excel.context, '考核表', [{ address: 'C2:C3', values: [[9.5], [18]] }], {
      env: env(),
      overwrite: true,
    });
    expect(result.written).toBe(true);
    expect(valuesOf(excel.sheet('考核表'), 'C2:C3')).toEqual([[9.5], [18]]);
  });

  it('does not count the same content or untouched (null) cells as conflicts', async () => {
    const excel = target();
    excel.sheet('考核表').ensure(1, 2).value = 9.5;
    excel.sheet('考核表').ensure(2, 2).value = '手填';
    const result = await writeBlocks(
      excel.context,
      '考核表',
      [{ address: 'C2:C3', values: [[9.5], [null]] }],
      { env: env() },
    );
    expect(result.written).toBe(true);
    expect(valuesOf(excel.sheet('考核表'), 'C2:C3')).toEqual([[9.5], ['手填']]);
  });

  it('writes formulas where given, values elsewhere, in one assignment', async () => {
    const excel = target();
    await writeBlocks(
      excel.context,
      '考核表',
      [{ address: 'C2:C4', values: [[9.5], [18], [null]], formulas: [[null], [null], ['=SUM(C2:C3)']] }],
      { env: env() },
    );
    const writes = excel.writes.filter((w) => w.property === 'formulas' || w.property === 'values');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.property).toBe('formulas');
    expect(valuesOf(excel.sheet('考核表'), 'C2:C4')).toEqual([[9.5], [18], ['=SUM(C2:C3)']]);
  });

  it('turns events back on when the write fails', async () => {
    const excel = new MemoryExcel({ sheets: [{ name: 'S', rows: [['a']] }], failOnSync: 2 });
    await expect(
      writeBlocks(excel.context, 'S', [{ address: 'B1', values: [[1]] }], { env: env() }),
    ).rejects.toThrow('memory-excel: failure on request');
    expect(excel.syncs).toBe(3);
    expect(excel.enableEvents).toBe(true);
  });

  it('leaves events off when they were off before', async () => {
    const excel = new MemoryExcel({ sheets: [{ name: 'S', rows: [['a']] }], enableEvents: false });
    await writeBlocks(excel.context, 'S', [{ address: 'B1', values: [[1]] }], { env: env() });
    expect(excel.syncs).toBe(2);
    expect(excel.enableEvents).toBe(false);
  });

  it('works without the newer APIs (no events switch, no calculation suspension)', async () => {
    const excel = target();
    const result = await writeBlocks(excel.context, '考核表', [{ address: 'C2', values: [[1]] }], {
      env: env('1.5'),
    });
    expect(result).toMatchObject({ written: true, syncs: 2 });
    expect(excel.writes.map((w) => w.property)).toEqual(['values']);
    expect(excel.writes[0]?.calculationSuspended).toBe(false);
  });

  it('rejects a block whose values do not fit its address before talking to Excel', async () => {
    const excel = target();
    await expect(
      writeBlocks(excel.context, '考核表', [{ address: 'C2:C3', values: [[1]] }], { env: env() }),
    ).rejects.toBeInstanceOf(WriteBlockError);
    await expect(
      writeBlocks(excel.context, '考核表', [{ address: 'C2', values: [[null]], formulas: [['SUM(A1)']] }], {
        env: env(),
      }),
    ).rejects.toBeInstanceOf(WriteBlockError);
    expect(excel.syncs).toBe(0);
  });
});

describe('highlightCells / clearHighlights', () => {
  const yellow = { color: '#FFFF00', pattern: 'Solid' };
  const hatched = { color: '#DDEBF7', pattern: 'LightDown', patternColor: '#5B9BD5', tintAndShade: 0.2 };
  const workbook = (): MemoryExcel =>
    new MemoryExcel({
      sheets: [
        {
          name: '考核表',
          id: '{A}',
          rows: [['a', 'b', 'c', 'd']],
          fills: { B1: yellow, C1: hatched, D1: { color: '#00B050' } },
        },
        { name: '其他', id: '{B}', rows: [['x']] },
      ],
    });

  it('paints, remembers the originals in the workbook settings, and restores them exactly', async () => {
    const excel = workbook();
    const sheet = excel.sheet('考核表');
    const before = ['A1', 'B1', 'C1', 'D1'].map((_, c) => sheet.fill(0, c));

    const painted = await highlightCells(
      excel.context,
      [
        { sheet: '考核表', address: 'A1' },
        { sheet: '考核表', address: 'B1:C1' },
      ],
      { env: env() },
    );
    expect(painted).toMatchObject({ painted: 3, skipped: [], syncs: 3 });
    for (const c of [0, 1, 2])
      expect(sheet.fill(0, c)).toMatchObject({ color: HIGHLIGHT_COLOR, pattern: 'Solid' });
    expect(sheet.fill(0, 3)).toEqual(before[3]);
    const memory = JSON.parse(excel.settings.get(HIGHLIGHT_SETTING_KEY) ?? '{}');
    expect(memory.entries.map((e: { address: string }) => e.address)).toEqual(['A1', 'B1', 'C1']);

    const cleared = await clearHighlights(excel.context, { env: env() });
    expect(cleared).toMatchObject({ restored: 3, keptUserFill: [], syncs: 3 });
    ['A1', 'B1', 'C1', 'D1'].forEach((_, c) => expect(sheet.fill(0, c)).toEqual(before[c]));
    expect(sheet.fill(0, 0)).toEqual(NO_FILL);
    expect(excel.settings.has(HIGHLIGHT_SETTING_KEY)).toBe(false);
    // Only the cells we painted were written to.
    const touched = new Set(
      excel.writes.filter((w) => w.property.startsWith('format.fill')).map((w) => w.address),
    );
    expect([...touched].sort()).toEqual(['A1', 'B1', 'C1']);
  });

  it('keeps a fill the user put on a highlighted cell, and the original across a second highlight and a rename', async () => {
    const excel = workbook();
    const sheet = excel.sheet('考核表');
    await highlightCells(
      excel.context,
      [
        { sheet: '考核表', address: 'B1' },
        { sheet: '考核表', address: 'D1' },
      ],
      { env: env() },
    );
    await highlightCells(excel.context, [{ sheet: '考核表', address: 'B1' }], { env: env() });
    sheet.ensure(0, 3).fill = { ...NO_FILL, color: '#FF0000', pattern: 'Solid' }; // the user refills D1
    sheet.name = '考核表（改）'; // and renames the sheet

    const cleared = await clearHighlights(excel.context, { env: env() });
    expect(cleared.restored).toBe(1);
    expect(cleared.keptUserFill).toEqual([{ sheet: '考核表（改）', address: 'D1' }]);
    expect(sheet.fill(0, 1)).toMatchObject(yellow);
    expect(sheet.fill(0, 3)).toMatchObject({ color: '#FF0000' });
  });

  it('skips unknown sheets and bad addresses', async () => {
    const excel = workbook();
    const result = await highlightCells(
      excel.context,
      [
        { sheet: '没有这张表', address: 'A1' },
        { sheet: '考核表', address: '第5行' },
      ],
      { env: env() },
    );
    expect(result.painted).toBe(0);
    expect(result.skipped).toHaveLength(2);
    expect(excel.settings.has(HIGHLIGHT_SETTING_KEY)).toBe(false);
  });

  it('saves and restores the colour only where fill patterns are not available (before 1.9)', async () => {
    const excel = workbook();
    const sheet = excel.sheet('考核表');
    await highlightCells(excel.context, [{ sheet: '考核表', address: 'A1:B1' }], { env: env('1.8') });
    const memory = JSON.parse(excel.settings.get(HIGHLIGHT_SETTING_KEY) ?? '{}');
    expect(memory.entries[0].original).toEqual({ color: '#FFFFFF' });
    await clearHighlights(excel.context, { env: env('1.8') });
    expect(sheet.fill(0, 0)).toEqual(NO_FILL); // white read as "no fill": cleared
    expect(sheet.fill(0, 1)).toMatchObject({ color: '#FFFF00', pattern: 'Solid' });
  });

  it('says when the saved record is damaged: unreadable, or some entries dropped', async () => {
    const excel = workbook();
    const sheet = excel.sheet('考核表');
    await highlightCells(excel.context, [{ sheet: '考核表', address: 'A1:C1' }], { env: env() });
    // A tool rewrote the record: one entry lost its original fill.
    const memory = JSON.parse(excel.settings.get(HIGHLIGHT_SETTING_KEY) ?? '{}');
    delete memory.entries[1].original;
    excel.settings.set(HIGHLIGHT_SETTING_KEY, JSON.stringify(memory));
    const cleared = await clearHighlights(excel.context, { env: env() });
    expect(cleared).toMatchObject({ restored: 2, keptUserFill: [], damaged: 1 });
    expect(sheet.fill(0, 0)).toEqual(NO_FILL);
    expect(sheet.fill(0, 1)).toMatchObject({ color: HIGHLIGHT_COLOR }); // B1: nothing to restore it to
    expect(sheet.fill(0, 2)).toMatchObject(hatched);

    await highlightCells(excel.context, [{ sheet: '考核表', address: 'D1' }], { env: env() });
    excel.settings.set(HIGHLIGHT_SETTING_KEY, '{"version":1,"entries":[{"sheetId"'); // cut short
    const again = await clearHighlights(excel.context, { env: env() });
    expect(again).toMatchObject({ restored: 0, damaged: 'all' });
    expect(sheet.fill(0, 3)).toMatchObject({ color: HIGHLIGHT_COLOR });
    // Highlighting over a damaged record says so too (the cells it named cannot come back).
    excel.settings.set(HIGHLIGHT_SETTING_KEY, 'not json');
    const painted = await highlightCells(excel.context, [{ sheet: '其他', address: 'A1' }], { env: env() });
    expect(painted).toMatchObject({ painted: 1, damaged: 'all' });
  });

  it('does nothing after one sync when nothing is highlighted', async () => {
    const excel = workbook();
    expect(await clearHighlights(excel.context, { env: env() })).toEqual({
      restored: 0,
      keptUserFill: [],
      syncs: 1,
    });
    expect(excel.writes).toEqual([]);
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const excel = new MemoryExcel({ sheets: [{ name: 'A' }, { name: '考核表' }] });
    await selectCell(excel.context, '考核表', 'E20');
    expect(excel.syncs).toBe(1);
    expect(excel.activeSheet.name).toBe('考核表');
    expect(excel.selectedCell).toEqual({ sheet: '考核表', address: 'E20' });
  });
});

describe('writeReportSheet', () => {
  const findings: Finding[] = [
    {
      code: 'POINTS_SUM_MISMATCH',
      severity: 'error',
      sheet: '2024',
      cell: 'C5',
      message: '分值合计 105 与声明的 100 不符',
      messageEn: 'points add up to 105, not 100',
      data: {},
    },
    {
      code: 'NO_TABLE',
      severity: 'info',
      sheet: '说明',
      cell: null,
      message: '未识别到指标表',
      messageEn: 'no table',
      data: {},
    },
  ];

  it('writes the findings to a new sheet with a bold header and sized columns', async () => {
    const excel = new MemoryExcel({ sheets: [{ name: '2024' }] });
    const result = await writeReportSheet(excel.context, findings, { env: env() });
    expect(result).toEqual({ sheetName: '校验报告', rows: 2, syncs: 2 });
    const report = excel.sheet('校验报告');
    expect(valuesOf(report, 'A1:E3')).toEqual([
      ['严重程度', '问题类型', '工作表', '单元格', '说明'],
      ['错误', '分值合计不符', '2024', 'C5', '分值合计 105 与声明的 100 不符'],
      ['提示', '未识别到指标表', '说明', '', '未识别到指标表'],
    ]);
    expect(report.formatLog).toContainEqual({ address: 'A1:E1', property: 'format.font.bold', value: true });
    expect(report.formatLog).toContainEqual({
      address: 'A1:D3',
      property: 'format.autofitColumns()',
      value: true,
    });
    expect(report.formatLog.some((f) => f.address === 'E1:E3' && f.property === 'format.columnWidth')).toBe(
      true,
    );
    expect(report.frozenRows).toBe(1);
    expect(excel.activeSheet.name).toBe('校验报告');
  });

  it('picks the next free name when the report sheet exists', async () => {
    const excel = new MemoryExcel({ sheets: [{ name: '校验报告' }, { name: '校验报告 (2)' }] });
    const result = await writeReportSheet(excel.context, findings, { env: env('1.6') });
    expect(result.sheetName).toBe('校验报告 (3)');
    expect(excel.sheet('校验报告 (3)').frozenRows).toBe(0); // freezePanes needs 1.7
  });
});

describe('helpers', () => {
  it('splits multi-area addresses, also with quoted sheet names', () => {
    expect(parseAreasAddress("Sheet1!A1:B2, 'a, b'!$C$3:$D$4,Sheet1!E5")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ]);
  });

  it('packs units into requests under a budget', () => {
    const units = [3, 3, 3, 9, 1].map((bytes) => ({ bytes }));
    expect(packRequests(units, 6).map((r) => r.map((u) => u.bytes))).toEqual([[3, 3], [3], [9], [1]]);
    expect(packRequests(units, Number.POSITIVE_INFINITY)).toHaveLength(1);
  });
});
