import { describe, expect, it } from 'vitest';
import type { Finding, SheetAnalysis, Table } from '../../engine/model.js';
import { SheetAnalysisSchema } from '../../engine/model.js';
import { ANSI, formatNumber, humanReport, jsonReport, type ReportNames } from '../../cli/report.js';

// Hand-made name tables: the report must not depend on the engine's wording.
const names: ReportNames = {
  layouts: new Proxy({} as ReportNames['layouts'], {
    get: (_t, p) => ({ zh: `布局${String(p)}`, en: `layout-${String(p)}` }),
  }),
  roles: new Proxy({} as ReportNames['roles'], {
    get: (_t, p) => ({ zh: `列${String(p)}`, en: `col-${String(p)}` }),
  }),
};

function table(over: Partial<Table> = {}): Table {
  return {
    sheet: '权重',
    range: 'A3:B6',
    headerRow: 3,
    headerRows: 1,
    layout: 'weights',
    columns: { item: 'A', points: 'B' },
    headers: { item: '考核类别', points: '权重' },
    columnPoints: {},
    title: null,
    section: null,
    declaredTotal: 1,
    sum: 0.25 + 0.7 + 0.1,
    declaredTotalCell: 'B6',
    pointsUnit: 'percent',
    totalsRow: 6,
    notes: [],
    groups: [],
    items: [],
    ...over,
  };
}

function item(name: string, points: number | null, row: number): Table['items'][number] {
  return {
    row,
    path: [],
    name,
    cell: `A${row}`,
    points,
    pointsCell: points === null ? null : `B${row}`,
    veto: false,
    vetoExcellence: false,
    deductionOnly: false,
    target: null,
    method: null,
    standard: null,
    direction: null,
    owner: null,
    person: null,
    owners: [],
    persons: [],
    note: null,
    actual: null,
    enteredScore: null,
    deduction: null,
    lastYear: null,
  };
}

function finding(over: Partial<Finding>): Finding {
  return {
    code: 'POINTS_SUM_MISMATCH',
    severity: 'error',
    sheet: '权重',
    cell: 'B6',
    message: '权重合计 105%，应为 100%',
    messageEn: 'weights add up to 105%, not 100%',
    data: {},
    ...over,
  };
}

function analysis(tables: Table[], findings: Finding[], sheet = '权重'): SheetAnalysis {
  const sa = { sheet, tables, findings };
  SheetAnalysisSchema().parse(sa); // fixtures follow the engine's contract
  return sa;
}

describe('humanReport (fixtures)', () => {
  it('shows percent totals without float noise and flags the mismatch', () => {
    const text = humanReport({ file: 'w.xlsx', sheets: [analysis([table()], [finding({})])] }, 'zh', names);
    expect(text).toContain('表格 A3:B6（布局weights），表头在第 3 行，0 个指标');
    expect(text).toContain('识别的列：列item A，列points B');
    expect(text).toContain('总分：写明 100%，各项合计 105%（不一致）');
    expect(text).toContain('  错误（1）\n    B6  POINTS_SUM_MISMATCH  权重合计 105%，应为 100%\n');
  });

  it('orders severities error → warning → info and counts them', () => {
    const findings = [
      finding({ severity: 'info', code: 'HIDDEN_ROW', cell: 'A5', message: '第5行被隐藏' }),
      finding({ severity: 'warning', code: 'OWNER_MISSING', cell: 'F9', message: '责任科室为空' }),
      finding({ severity: 'error', code: 'CELL_ERROR', cell: 'E3', message: '单元格是错误值 #DIV/0!' }),
      finding({ severity: 'warning', code: 'PERSON_MISSING', cell: 'G9', message: '责任人为空' }),
    ];
    const text = humanReport({ file: 'x.xlsx', sheets: [analysis([table()], findings)] }, 'zh', names);
    const iErr = text.indexOf('错误（1）');
    const iWarn = text.indexOf('警告（2）');
    const iInfo = text.indexOf('提示（1）');
    expect(iErr).toBeGreaterThan(0);
    expect(iWarn).toBeGreaterThan(iErr);
    expect(iInfo).toBeGreaterThan(iWarn);
    expect(text).toMatch(/小结：x\.xlsx — 1 个表格，0 个指标；错误 1，警告 2，提示 1\n$/);
  });

  it('names the sheet for sheet-level findings and says when a sheet is clean', () => {
    const text = humanReport(
      {
        file: 'y.xlsx',
        sheets: [
          analysis(
            [],
            [finding({ code: 'NO_TABLE', severity: 'info', cell: null, sheet: '封面', message: '没有表' })],
            '封面',
          ),
          analysis(
            [
              table({
                declaredTotal: null,
                sum: 1,
                pointsUnit: 'points',
                items: [item('甲', 1, 4), item('乙', null, 5)],
              }),
            ],
            [],
            '表二',
          ),
        ],
      },
      'zh',
      names,
    );
    expect(text).toContain('    「封面」  NO_TABLE  没有表\n');
    expect(text).toContain('工作表「表二」');
    expect(text).toContain('表格 A3:B6（布局weights），表头在第 3 行，2 个指标');
    expect(text).toContain('总分：未写明，各项合计 1\n');
    expect(text).toMatch(/工作表「表二」[\s\S]*未发现问题/);
  });

  it('leaves out the total when nothing carries points', () => {
    const text = humanReport(
      {
        file: 'z.xlsx',
        sheets: [analysis([table({ declaredTotal: null, sum: 0, items: [item('甲', null, 4)] })], [])],
      },
      'zh',
      names,
    );
    expect(text).not.toContain('总分');
  });

  it('English wording', () => {
    const text = humanReport(
      { file: 'w.xlsx', sheets: [analysis([table()], [finding({ message: 'sum is 105%' })])] },
      'en',
      names,
    );
    expect(text).toContain('Table A3:B6 (layout-weights), header in row 3, 0 items');
    expect(text).toContain('Columns recognised: col-item A, col-points B');
    expect(text).toContain('Total: declared 100%, items add up to 105% (mismatch)');
    expect(text).toContain('Errors (1)');
    expect(text).toMatch(/Summary: w\.xlsx — 1 table, 0 items; 1 error, 0 warnings, 0 notes\n$/);
  });

  it('puts multi-line messages on one line and colours only with the ANSI style', () => {
    const sa = analysis([table()], [finding({ message: '第一行\n第二行' })]);
    const plain = humanReport({ file: 'w.xlsx', sheets: [sa] }, 'zh', names);
    expect(plain).toContain('POINTS_SUM_MISMATCH  第一行 第二行\n');
    expect(plain).not.toContain('\x1b[');
    const coloured = humanReport({ file: 'w.xlsx', sheets: [sa] }, 'zh', names, ANSI);
    expect(coloured).toContain('\x1b[31m错误（1）\x1b[0m');
  });
});

describe('jsonReport (fixtures)', () => {
  it('passes tables and findings through and adds error entries', () => {
    const t = table();
    const f = finding({});
    const doc = jsonReport(
      [
        { file: 'a.xlsx', sheets: [analysis([t], [f])] },
        { file: 'b.xlsx', error: { kind: 'legacy-xls', messageZh: '旧版', messageEn: 'old' } },
      ],
      'zh',
    );
    expect(doc.files[0]).toMatchObject({ file: 'a.xlsx', tables: [t], findings: [f] });
    expect(doc.files[1]).toEqual({
      file: 'b.xlsx',
      error: { kind: 'legacy-xls', message: '旧版', messageEn: 'old' },
    });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('formatNumber', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [105.00000000000001, '105'],
    [400, '400'],
    [-2.5, '-2.5'],
    [1 / 3, '0.333333333333333'],
  ])('%s → %s', (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });
});
