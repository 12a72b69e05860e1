// @vitest-environment jsdom
/** The pane's pieces on their own (jsdom): what a clerk sees and what a click does. */
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { scoreSheet, sheetFromValues, DEFAULT_SETTINGS, type Finding } from '../../engine';
import { FindingsPanel } from '../../taskpane/components/FindingsPanel';
import { SettingsPanel } from '../../taskpane/components/SettingsPanel';
import { TablesPanel } from '../../taskpane/components/TablesPanel';
import { ScorePanel } from '../../taskpane/components/ScorePanel';
import { planScores } from '../../engine/write-plan';
import { Workbench } from '../../taskpane/workbench';
import { readPaneSettings, DEFAULT_PANE_SETTINGS } from '../../taskpane/settings';
import { loadPackage } from '../../xlsx/load';

afterEach(cleanup);
// jsdom has no ResizeObserver; Fluent's MessageBar watches its own size with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
const ui = (el: ReactElement) => render(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

const finding = (over: Partial<Finding>): Finding => ({
  code: 'OWNER_MISSING',
  severity: 'error',
  sheet: 'S',
  cell: 'E3',
  message: '指标「签约率」未填写责任科室',
  messageEn: 'no department',
  data: {},
  ...over,
});

describe('FindingsPanel', () => {
  const noop = () => undefined;
  it('groups findings by severity with counts and takes the clerk to a cell', () => {
    const onSelect = vi.fn();
    const findings = [
      finding({}),
      finding({
        code: 'NUMBER_AS_TEXT',
        severity: 'warning',
        cell: 'D2',
        message: '「10分」是文本形式的数字',
      }),
      finding({ code: 'POINTS_MISSING', cell: 'D4', message: '指标「建档率」没有分值' }),
    ];
    ui(
      <FindingsPanel
        findings={findings}
        lang="zh"
        busy={false}
        onSelect={onSelect}
        onHighlight={noop}
        onClear={noop}
        onReport={noop}
      />,
    );
    expect(screen.getByTestId('count-error').textContent).toBe('2');
    expect(screen.getByTestId('count-warning').textContent).toBe('1');
    const errors = within(screen.getByRole('list', { name: '错误' }));
    expect(errors.getAllByTestId('finding').map((b) => b.getAttribute('data-cell'))).toEqual(['E3', 'D4']);
    fireEvent.click(screen.getByText('指标「建档率」没有分值'));
    expect(onSelect).toHaveBeenCalledWith(findings[2]);
  });

  it('says plainly when a table is clean', () => {
    ui(
      <FindingsPanel
        findings={[]}
        lang="zh"
        busy={false}
        onSelect={noop}
        onHighlight={noop}
        onClear={noop}
        onReport={noop}
      />,
    );
    expect(screen.getByTestId('clean').textContent).toContain('未发现问题');
    expect((screen.getByRole('button', { name: '标注' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('SettingsPanel', () => {
  it('refuses quotas that do not add up to 100% and names the problem', () => {
    const onSave = vi.fn();
    ui(<SettingsPanel scoring={DEFAULT_SETTINGS} lang="zh" busy={false} onSave={onSave} />);
    fireEvent.change(screen.getByTestId('setting-quotas'), { target: { value: '20/60/30' } });
    expect(screen.getByText('比例合计 110%，应为 100%')).toBeTruthy();
    expect((screen.getByTestId('save-settings') as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves a new band scheme and quotas as checked settings', () => {
    const onSave = vi.fn();
    ui(<SettingsPanel scoring={DEFAULT_SETTINGS} lang="zh" busy={false} onSave={onSave} />);
    fireEvent.change(screen.getByTestId('setting-bands'), {
      target: { value: '85:好,70:较好,60:一般,0:较差' },
    });
    fireEvent.change(screen.getByTestId('setting-quotas'), { target: { value: '30/50/20' } });
    fireEvent.click(screen.getByTestId('save-settings'));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      bands: '85:好,70:较好,60:一般,0:较差',
      forced: { quotas: [30, 50, 20] },
    });
  });

  it('marks a band scheme it cannot read', () => {
    ui(<SettingsPanel scoring={DEFAULT_SETTINGS} lang="en" busy={false} onSave={vi.fn()} />);
    fireEvent.change(screen.getByTestId('setting-bands'), { target: { value: '优秀90' } });
    expect(screen.getByText(/write as 90:优秀/)).toBeTruthy();
  });
});

const sheet = sheetFromValues('S', [
  ['序号', '考核内容', '考核要求', '分值', '责任科室', '完成情况'],
  [1, '健康档案建档率', '≥90%', 10, '公卫科', 0.95],
  [2, '家庭医生签约率', '落实签约服务', 10, '公卫科', ''],
]);

describe('TablesPanel', () => {
  it('shows each column with its role and reports a correction', () => {
    const wb = new Workbench(
      {
        kind: 'preview',
        env: { platform: 'desktop', isSetSupported: () => true },
        displayLanguage: 'zh-CN',
        theme: 'light',
        run: () => Promise.reject(new Error('unused')),
      },
      'zh',
    );
    const analysis = wb.analyse(sheet, 'A1:F3', DEFAULT_PANE_SETTINGS);
    const onCorrect = vi.fn();
    ui(<TablesPanel analysis={analysis} lang="zh" corrected={{}} busy={false} onCorrect={onCorrect} />);
    const c = screen.getByTestId('role-1-C') as HTMLSelectElement;
    expect(c.value).toBe('none');
    expect((screen.getByTestId('role-1-D') as HTMLSelectElement).value).toBe('points');
    fireEvent.change(c, { target: { value: 'target' } });
    expect(onCorrect).toHaveBeenCalledWith(analysis.result.tables[0], 'C', 'target');
  });
});

describe('ScorePanel', () => {
  it('shows how each rule was understood and which items need a manual score', () => {
    const scored = scoreSheet(sheet, { columnRoles: { '1': { C: 'target' } } });
    const plan = planScores(scored.tables[0]!, sheet, 'values');
    const onChooseColumn = vi.fn();
    ui(
      <ScorePanel
        tables={scored.tables}
        tableIndex={0}
        plan={plan}
        mode="values"
        lang="zh"
        busy={false}
        decimals={2}
        findings={[]}
        onSelect={vi.fn()}
        onTable={vi.fn()}
        onMode={vi.fn()}
        onCreateActual={vi.fn()}
        onWrite={vi.fn()}
        columnHeaders={{ A: '序号', B: '考核内容', C: '考核要求', D: '分值', E: '责任科室', F: '完成情况' }}
        onChooseColumn={onChooseColumn}
      />,
    );
    const rows = screen.getAllByTestId('score-row');
    expect(rows[0]!.textContent).toContain('≥90%得满分，否则不得分');
    expect(within(rows[0]!).getByTestId('item-score').textContent).toBe('10.00');
    expect(rows[1]!.textContent).toContain('需人工评分');
    // The rule column links the guide to rule wordings on the help page served beside the pane.
    const guide = screen.getByTestId('rule-guide');
    expect(guide.textContent).toBe('规则写法说明');
    expect(guide.getAttribute('href')).toBe('help/index.html#rules');
    expect(screen.getByTestId('score-total').textContent).toBe('—');
    expect(screen.getByTestId('score-column').textContent).toBe('新建列（G 列）');
    // Another column can take the scores: the choice goes back as the role for that column.
    fireEvent.change(screen.getByTestId('choose-score'), { target: { value: 'E' } });
    expect(onChooseColumn).toHaveBeenCalledWith('score', 'E');
    expect((screen.getByTestId('choose-actual') as HTMLSelectElement).value).toBe('F');
  });
});

describe('saved settings', () => {
  it('uses the defaults, and says why, when the workbook holds something unreadable', () => {
    expect(readPaneSettings('{oops').problem).toMatch(/不是有效的 JSON/);
    const bad = readPaneSettings(JSON.stringify({ version: 1, scoring: { decimals: 'two' } }));
    expect(bad.settings).toEqual(DEFAULT_PANE_SETTINGS);
    expect(bad.problem).toMatch(/scoring\.decimals/);
    const good = readPaneSettings(
      JSON.stringify({ version: 1, writeMode: 'formulas', columnRoles: { S: { '1': { C: 'target' } } } }),
    );
    expect(good).toMatchObject({
      problem: null,
      settings: { writeMode: 'formulas', columnRoles: { S: { '1': { C: 'target' } } } },
    });
  });
});

describe('TablesPanel, a table without points', () => {
  it('says the table has no points instead of 合计 0, and shows no 分值一致 badge', () => {
    // 三明 2023 责任分解表: two tables (A3:G4, A7:F9) with 指标, 方向/标准值 or 计分办法, 责任科室 and
    // 责任人 columns, and no 分值 column.
    const wb = new Workbench(
      {
        kind: 'preview',
        env: { platform: 'desktop', isSetSupported: () => true },
        displayLanguage: 'zh-CN',
        theme: 'light',
        run: () => Promise.reject(new Error('unused')),
      },
      'zh',
    );
    const sheet = loadPackage(new Uint8Array(readFileSync('examples/sanming-2023-responsibility.xlsx'))).read
      .workbook.sheets[0]!;
    ui(
      <TablesPanel
        analysis={wb.analyse(sheet, null, DEFAULT_PANE_SETTINGS)}
        lang="zh"
        corrected={{}}
        busy={false}
        onCorrect={vi.fn()}
      />,
    );
    expect(screen.getAllByTestId('table-points').map((e) => e.textContent)).toEqual([
      '无（此表没有分值列）',
      '无（此表没有分值列）',
    ]);
    expect(screen.getAllByTestId('group-label').map((e) => e.textContent)).toEqual([
      '共享发展',
      '医疗服务',
      '便利福建',
      '医疗服务',
    ]);
    expect(screen.queryByText('分值一致')).toBeNull();
    expect(screen.queryByText(/合计 0/)).toBeNull();
  });
});
