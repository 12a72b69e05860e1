/** A clerk corrects a column role the recogniser got wrong; validation follows the correction. */
import { describe, expect, it } from 'vitest';
import { analyseSheet, scoreSheet, sheetFromValues } from '../../engine';

// "考核要求" is not a header word the recogniser knows, so column C is left without a role and
// the scores cannot use it until the clerk says it is the target.
const sheet = sheetFromValues('S', [
  ['序号', '考核内容', '考核要求', '分值', '责任科室', '完成情况'],
  [1, '健康档案建档率', '≥90%', 10, '公卫科', 0.95],
  [2, '家庭医生签约率', '≥70%', 10, '', 0.6],
]);

describe('column role corrections', () => {
  it('reads the table as recognised when nothing is corrected', () => {
    const { tables } = analyseSheet(sheet);
    expect(tables[0]?.columns.target).toBeUndefined();
  });

  it('gives a column the role the clerk chose, and scoring uses it', () => {
    const scored = scoreSheet(sheet, { columnRoles: { '1': { C: 'target' } } });
    const t = scored.tables[0]!;
    expect(t.columns.target).toBe('C');
    expect(t.headers.target).toBe('考核要求');
    expect(t.score.items.map((i) => i.score)).toEqual([10, 0]);
    expect(t.score.total).toBe(10);
  });

  it("'none' drops a role, so its check no longer fires", () => {
    const before = analyseSheet(sheet).findings.map((f) => `${f.code}@${f.cell}`);
    expect(before).toContain('OWNER_MISSING@E3');
    const after = analyseSheet(sheet, { columnRoles: { '1': { E: 'none' } } });
    expect(after.tables[0]?.columns.owner).toBeUndefined();
    expect(after.findings.map((f) => f.code)).not.toContain('OWNER_MISSING');
  });

  it('moving a role takes it off its old column; the item column is never left empty', () => {
    const moved = analyseSheet(sheet, { columnRoles: { '1': { D: 'target', B: 'none' } } });
    const t = moved.tables[0]!;
    expect(t.columns.target).toBe('D');
    expect(t.columns.points).toBeUndefined();
    expect(t.columns.item).toBe('B');
  });

  it('ignores corrections for other header rows and columns outside the header', () => {
    const t = analyseSheet(sheet, { columnRoles: { '7': { C: 'target' }, '1': { Z: 'owner' } } }).tables[0]!;
    expect(t.columns.target).toBeUndefined();
    expect(t.columns.owner).toBe('E');
  });
});
