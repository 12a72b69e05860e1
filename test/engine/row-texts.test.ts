/**
 * Texts the engine builds from a row's cells or a header's roles in loops (issue 14: the array
 * built-ins they replaced deoptimised the review's code). Expected values worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { readUnitName, sheetFromValues, SheetView } from '../../engine';
import { readAbove } from '../../engine/recognition/above';
import { signatureOf } from '../../engine/recognition/header';

describe('header signature', () => {
  it('lists the roles in code-unit order with their columns', () => {
    // Keys item < points < seq < target in code-unit order, whatever order they were set in.
    expect(signatureOf({ target: 3, seq: 0, points: 4, item: 2 })).toBe('item:2,points:4,seq:0,target:3');
    expect(signatureOf({ level2: 1, level1: 0, item: 2 })).toBe('item:2,level1:0,level2:1');
    expect(signatureOf({ item: 7 })).toBe('item:7');
    expect(signatureOf({})).toBe('');
  });
});

describe('unit name over several cells', () => {
  const name = (row: unknown[]): string | null => readUnitName(new SheetView(sheetFromValues('S', [row])), 1);
  it('joins the cells with two spaces, so the label may stand in its own cell', () => {
    // "填报单位：  山亭区卫生健康局": the label's \s* takes the two spaces.
    expect(name(['填报单位：', '山亭区卫生健康局'])).toBe('山亭区卫生健康局');
    // "单位名称：市立医院  负责人：张三": the two spaces end the name.
    expect(name(['单位名称：市立医院', '负责人：张三'])).toBe('市立医院');
    // A number cell reads as its digits.
    expect(name(['被考核单位：', 101])).toBe('101');
  });
});

describe('lines above a header', () => {
  it('joins a row text cells by one space, skips numbers, and takes the title from a row of at most two', () => {
    const view = new SheetView(
      sheetFromValues('S', [
        ['2024年度考核表'],
        ['甲', '乙', '丙'],
        ['填报单位：', 5, ' 山亭区 '],
        ['指标', '分值'],
        ['健康档案', 10],
      ]),
    );
    // Upwards from row 3: the unit line ("填报单位：" and "山亭区", trimmed, the 5 skipped), a row
    // of three texts (not a title), then the title in A1.
    expect(readAbove(view, 3, 0, 1)).toEqual({
      title: '2024年度考核表',
      titleCell: 'A1',
      section: null,
      sectionCell: null,
      unitLine: '填报单位： 山亭区',
    });
  });
});
