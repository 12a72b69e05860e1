/**
 * 清除标注 when the record of original fills saved in the workbook is damaged (another tool rewrote
 * the add-in's settings, a cut-off save): the clerk is told which cells cannot come back and what
 * to do, instead of a plain "cleared" over cells that keep our colour.
 */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_SETTING_KEY } from '../../addin/excel';
import type { Finding } from '../../engine/model';
import { exampleBench } from './example-bench';

const setUp = () => exampleBench('zaozhuang-2022-tasks.xlsx');

const findings = (sheet: string): Finding[] =>
  ['E9', 'E10'].map((cell) => ({
    sheet,
    cell,
    code: 'NUMBER_AS_TEXT',
    severity: 'error',
    message: '',
    messageEn: '',
    data: {},
  }));

describe('a damaged highlight record', () => {
  it('clearing says the record is unreadable and the coloured cells must be cleared by hand', async () => {
    const { excel, bench } = await setUp();
    const sheet = excel.activeSheet;
    expect((await bench.highlight(findings(sheet.name))).text).toBe(
      '已标注 2 个单元格：错误为红色，警告为橙色。',
    );
    excel.settings.set(HIGHLIGHT_SETTING_KEY, '{"version":1,"entr'); // cut off
    const n = await bench.clear();
    expect(n.intent).toBe('warning');
    expect(n.text).toBe(
      '已清除 0 处标注。工作簿中保存的标注记录已损坏，无法读取，这些单元格原来的底色无法恢复：仍为标注色（错误的浅红色、警告的浅橙色）的单元格请手动清除填充。',
    );
    expect(sheet.cell(8, 4)?.fill?.color).toBe('#F4B0B0'); // E9, an error: light red
  });

  it('clearing names how many entries were lost and restores the rest', async () => {
    const { excel, bench } = await setUp();
    const sheet = excel.activeSheet;
    await bench.highlight(findings(sheet.name));
    const record = JSON.parse(excel.settings.get(HIGHLIGHT_SETTING_KEY)!);
    record.entries[0].address = 7; // not an address any more
    excel.settings.set(HIGHLIGHT_SETTING_KEY, JSON.stringify(record));
    const n = await bench.clear();
    expect(n).toEqual({
      intent: 'warning',
      text: '已清除 1 处标注。工作簿中保存的标注记录有 1 条已损坏，这些单元格原来的底色无法恢复：仍为标注色（错误的浅红色、警告的浅橙色）的单元格请手动清除填充。',
    });
    expect(sheet.cell(8, 4)?.fill?.color).toBe('#F4B0B0'); // E9, an error: light red
    expect(sheet.cell(9, 4)?.fill).toBeUndefined();
  });

  it('an intact record clears with a plain success', async () => {
    const { excel, bench } = await setUp();
    await bench.highlight(findings(excel.activeSheet.name));
    expect(await bench.clear()).toEqual({ intent: 'success', text: '已清除 2 处标注。' });
  });
});
