// @vitest-environment jsdom
/**
 * The 评分 tab as a clerk reads it (issue 15): one reason per unscored item (never "—" alone, never
 * two reasons that contradict), counts that agree with the rows, the sheet's word 得分 with its
 * unit, sheet rows labelled as rows, every score with the settings' decimals.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { scoreSheet, sheetFromValues } from '../../engine';
import { planScores } from '../../engine/write-plan';
import { ScorePanel } from '../../taskpane/components/ScorePanel';
import { SCORING_FINDING_CODES } from '../../engine/model';

afterEach(cleanup);
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const sheet = sheetFromValues('S', [
  ['序号', '考核内容', '考核要求', '分值', '责任科室', '完成情况'],
  [1, '健康档案建档率', '≥90%', 10, '公卫科', 0.95],
  [2, '思想作风建设', '定性指标', 10, '办公室', ''],
  [3, '老年人体检率', '≥80%', 5, '公卫科', ''],
  [4, '回访满意率', '满意率80%以上，每低一个百分点扣1分', 10, '医政科', 0.765],
  [5, '宣传工作', '', 5, '办公室', ''],
]);

function show(decimals: number) {
  const scored = scoreSheet(sheet, { columnRoles: { '1': { C: 'target' } }, scoring: { decimals } });
  const table = scored.tables[0]!;
  render(
    <FluentProvider theme={webLightTheme}>
      <ScorePanel
        tables={scored.tables}
        tableIndex={0}
        plan={planScores(table, sheet, 'values')}
        mode="values"
        lang="zh"
        busy={false}
        decimals={decimals}
        findings={scored.findings.filter((f) => SCORING_FINDING_CODES.has(f.code))}
        onSelect={vi.fn()}
        onTable={vi.fn()}
        onMode={vi.fn()}
        onCreateActual={vi.fn()}
        onWrite={vi.fn()}
        columnHeaders={{}}
        onChooseColumn={vi.fn()}
      />
    </FluentProvider>,
  );
  return screen.getAllByTestId('score-row');
}

describe('the score tab', () => {
  it('gives every unscored item one reason, and counts them the same way', () => {
    const rows = show(2);
    const status = (i: number) => within(rows[i]!).queryByTestId('item-status')?.textContent ?? '';
    // Scored by its rule: the rule sentence, no status.
    expect(status(0)).toBe('');
    // 定性指标: a hand score, and not also "waiting for an actual value".
    expect(status(1)).toBe('需人工评分：计分办法要求人工判断');
    expect(rows[1]!.textContent).not.toContain('待填完成情况');
    // A readable rule with a blank actual.
    expect(status(2)).toBe('待填完成情况：完成情况未填');
    expect(status(3)).toBe('');
    // No rule at all: a "—" with its reason beside it.
    expect(within(rows[4]!).getByTestId('item-score').textContent).toBe('—');
    expect(status(4)).toBe('需人工评分：没有目标或计分办法');
    expect(screen.getByTestId('pending-total').textContent).toBe(
      '有指标待评分，暂不能给出总分（2 项需人工评分，1 项待填完成情况）',
    );
  });

  it('shows scores with the settings’ decimals, under 得分 with its unit, beside sheet rows', () => {
    const rows = show(2);
    // 76.5% against 80%: 3.5 points short of 10 → 6.5, worked out from the rule.
    expect(rows.map((r) => within(r).getByTestId('item-score').textContent)).toEqual([
      '10.00',
      '—',
      '—',
      '6.50',
      '—',
    ]);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers[0]).toBe('行');
    expect(headers[3]).toBe('得分（分）');
    expect(headers).not.toContain('评分');
    // The first cell of a row is the sheet row the item is on (row 2 is the first item).
    expect(within(rows[0]!).getAllByRole('cell')[0]!.textContent).toBe('2');
    cleanup();
    const one = show(1);
    expect(within(one[3]!).getByTestId('item-score').textContent).toBe('6.5');
    expect(within(one[0]!).getByTestId('item-score').textContent).toBe('10.0');
  });

  it('says the total in points', () => {
    const scored = scoreSheet(sheet, { columnRoles: { '1': { C: 'target' } } });
    expect(scored.tables[0]!.score.outOf).toBe(40);
    show(2);
    expect(screen.getByTestId('score-total').parentElement!.textContent).toBe('总分：— / 40.00 分');
  });
});
