/**
 * The PERF custom functions, called the way Excel calls them: through what functions.ts associates,
 * with null for omitted arguments, null or 0 for an empty cell, ranges (and single cells given to a
 * range parameter) as matrices, percent cells as fractions. office.js is never loaded: a stand-in
 * for Excel's global `CustomFunctions` records the associations and builds error values.
 *
 * Also checks the metadata the build generates from the function declarations (engine/functions/)
 * and its Chinese localisation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Excel's CustomFunctions runtime, reduced to what the add-in uses; installed before functions.ts loads.
const { FakeError, associations } = vi.hoisted(() => {
  class FakeError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const associations: Record<string, (...args: unknown[]) => unknown>[] = [];
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
    associate: (mappings: Record<string, (...args: unknown[]) => unknown>) => associations.push(mappings),
    Error: FakeError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };
  return { FakeError, associations };
});

import { FUNCTIONS } from '../../addin/functions/functions';
import { MAX_ERROR_MESSAGE, truncateMessage } from '../../addin/functions/result';
import { FUNCTIONS as SPECS } from '../../engine/functions';
import { functionsJson, renderHelpPage, zhLocaleTable } from '../../engine/functions/metadata';

const ROOT = resolve(__dirname, '../..');
const requireCjs = createRequire(__filename);

/** The function Excel would call for an id: the one associated, not the one imported. */
function excel(id: string): (...args: unknown[]) => unknown {
  const fns = associations.flatMap((m) => (id in m ? [m[id]!] : []));
  expect(fns).toHaveLength(1);
  return fns[0]!;
}

const SCORE = (...a: unknown[]) => excel('SCORE')(...a);
const BAND = (...a: unknown[]) => excel('BAND')(...a);
const FORCED = (...a: unknown[]) => excel('FORCED')(...a);
const RANKSCORE = (...a: unknown[]) => excel('RANKSCORE')(...a);
const TIERED = (...a: unknown[]) => excel('TIERED')(...a);
const PROGRESS = (...a: unknown[]) => excel('PROGRESS')(...a);
const EFFICACY = (...a: unknown[]) => excel('EFFICACY')(...a);
const ALLOCATE = (...a: unknown[]) => excel('ALLOCATE')(...a);
const RULE = (...a: unknown[]) => excel('RULE')(...a);

/** Asserts an error value and returns its message. */
function errorOf(value: unknown, code: '#VALUE!' | '#N/A'): string {
  expect(value).toBeInstanceOf(FakeError);
  const e = value as InstanceType<typeof FakeError>;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/); // a Chinese message
  expect(e.message!.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
  return e.message!;
}

const LINEAR = '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽。';
const FOUR =
  '药具发放公众满意度≥95%，药具发放服务对象满意度≥95%。免费药具发放率≥70%，避孕药具使用有效率≥95%。';
const STEP =
  '继续扩增机考机位400个，力争全市达1300以上，实现全市只启用一所大学长期稳定作为我市医护考试考场的能力。每少增加100个机位扣3分。';
const RANKS = '排序前5位不扣分，第6位扣0.25分，随后排序每后移一位加扣0.25分，评议分数扣完为止。';

describe('registration', () => {
  it('associates every function once, under its id, in one call', () => {
    expect(associations).toHaveLength(1);
    expect(associations[0]).toEqual(FUNCTIONS);
    expect(Object.keys(FUNCTIONS).sort()).toEqual(
      ['ALLOCATE', 'BAND', 'EFFICACY', 'FORCED', 'PROGRESS', 'RANKSCORE', 'RULE', 'SCORE', 'TIERED'].sort(),
    );
  });

  it('has synchronous functions: a value, never a promise', () => {
    for (const fn of Object.values(FUNCTIONS)) {
      const r = (fn as (...a: unknown[]) => unknown)(null, null, null, null, null);
      expect(r).not.toBeInstanceOf(Promise);
    }
  });
});

describe('PERF.SCORE', () => {
  it('scores by the rule text, with the actual value as a 1×1 matrix (a single cell)', () => {
    expect(SCORE([[0.765]], LINEAR, 10, null, null)).toBe(6.5); // docs/domain.md: 76.5% → 6.5
    expect(SCORE([[0.8]], '执行率≥80%', 5, null, null)).toBe(5);
    expect(SCORE([[0.79]], '执行率≥80%', 5, null, null)).toBe(0);
    expect(SCORE([['一般满意']], '满意得2分，一般满意得1.6分，不满意不得分', 2, null, null)).toBe(1.6);
    expect(SCORE([[250]], STEP, 10, null, null)).toBe(5.5);
    expect(SCORE([[3]], '每例扣0.5分，扣完为止', 2, null, null)).toBe(0.5);
    expect(SCORE([[90]], '按完成比例计分', 90, 100, null)).toBe(81);
  });

  it('accepts a literal or a scalar where Excel would pass [[v]], and omitted optional arguments', () => {
    expect(SCORE(0.765, LINEAR, 10)).toBe(6.5);
    expect(SCORE([[0.765]], LINEAR, 10, undefined, undefined)).toBe(6.5);
  });

  it('reads percent text and numbers typed as text', () => {
    expect(SCORE([['76.5%']], LINEAR, '10分', null, null)).toBe(6.5);
  });

  it('takes a range for a rule with several conditions, in order, and one cell listing them', () => {
    expect(SCORE([[0.96], [0.97], [0.72], [0.9]], FOUR, 5, null, null)).toBe(3.75);
    expect(SCORE([[0.96, 0.97, 0.72, 0.9]], FOUR, 5, null, null)).toBe(3.75); // a row works too
    expect(SCORE([['96%,97%,72%,90%']], FOUR, 5, null, null)).toBe(3.75); // one cell, as [[v]]
    expect(SCORE([[0.96], [0.97], [0.72], [0.9]], FOUR, 5, null, 'thresholds=all')).toBe(0);
    // An empty cell inside the range is a missing value, not a 0.
    errorOf(SCORE([[0.96], [null], [0.72], [0.9]], FOUR, 5, null, null), '#N/A');
    errorOf(SCORE([[0.96], [0.97]], FOUR, 5, null, null), '#VALUE!');
  });

  it('passes options through: partial steps, ratio cap, decimals', () => {
    expect(SCORE([[0.765]], LINEAR, 10, null, 'partial=floor')).toBe(7);
    expect(SCORE([[0.765]], LINEAR, 10, null, 'partial=ceil')).toBe(6);
    expect(SCORE([[120]], '按完成比例计分', 90, 100, 'cap=1.2')).toBe(108);
    expect(SCORE([[0.7655]], LINEAR, 10, null, 'decimals=2')).toBe(6.55);
  });

  it('treats a target of 0 or "" (an empty target cell) as not given, and uses a real one', () => {
    expect(SCORE([[0.765]], LINEAR, 10, 0, null)).toBe(6.5);
    expect(SCORE([[0.765]], LINEAR, 10, '', null)).toBe(6.5);
    expect(SCORE([[0.765]], LINEAR, 10, 0.9, null)).toBe(0); // target cell 90% replaces 80%
    expect(SCORE([[300]], '每少增加100个机位扣3分', 10, 400, null)).toBe(7);
    expect(SCORE([[300]], '每少增加100个机位扣3分', 10, '400', null)).toBe(7);
    // Without a target the step rule has none: a clear error, not a guess.
    errorOf(SCORE([[300]], '每少增加100个机位扣3分', 10, 0, null), '#VALUE!');
  });

  it('treats options 0 or "" (an empty options cell) as not given; other numbers are an error', () => {
    expect(SCORE([[0.765]], LINEAR, 10, null, 0)).toBe(6.5);
    expect(SCORE([[0.765]], LINEAR, 10, null, '')).toBe(6.5);
    expect(errorOf(SCORE([[0.765]], LINEAR, 10, null, 2), '#VALUE!')).toContain('选项应为文字');
    expect(errorOf(SCORE([[0.765]], LINEAR, 10, null, 'foo=1'), '#VALUE!')).toContain('未知选项');
  });

  it('an empty actual cell: missing (#N/A) when Excel passes null, a real 0 when it passes 0', () => {
    expect(errorOf(SCORE([[null]], '执行率≥80%', 5, null, null), '#N/A')).toBe('缺少执行率的实际值');
    expect(errorOf(SCORE(null, '执行率≥80%', 5, null, null), '#N/A')).toBe('缺少执行率的实际值');
    errorOf(SCORE([['']], '执行率≥80%', 5, null, null), '#N/A');
    // Older builds: the 0 is indistinguishable from a typed 0 (documented on the help page).
    expect(SCORE([[0]], '执行率≥80%', 5, null, null)).toBe(0);
    expect(SCORE([[0]], '未完成1项扣5分', 10, null, null)).toBe(10);
  });

  it('reports instead of guessing: bare 80 against a percent target, qualitative targets, bad rules', () => {
    expect(errorOf(SCORE([[80]], '执行率≥80%', 5, null, null), '#VALUE!')).toBe(
      '实际值 80 不明确：目标是百分比，请填写 80% 或 0.8',
    );
    expect(errorOf(SCORE([[1]], '落实健康教育工作', 10, null, null), '#N/A')).toBe('定性指标，需人工评分');
    errorOf(SCORE([[0.8]], null, 5, null, null), '#VALUE!'); // empty rule cell (null)
    errorOf(SCORE([[0.8]], 0, 5, null, null), '#VALUE!'); // empty rule cell (0)
    expect(errorOf(SCORE([[0.8]], '执行率≥80%', null, null, null), '#N/A')).toBe('缺少分值');
    expect(errorOf(SCORE([[0.8]], '执行率≥80%', -5, null, null), '#VALUE!')).toBe('分值不能为负数');
  });
});

describe('PERF.BAND', () => {
  it('gives the default bands and a custom scheme', () => {
    expect(BAND(90, null)).toBe('优秀');
    expect(BAND(89.99, null)).toBe('良好');
    expect(BAND(60, null)).toBe('合格');
    expect(BAND(59.5, null)).toBe('不合格');
    expect(BAND('95分')).toBe('优秀');
    expect(BAND(72, '85:好,70:较好,60:一般,0:较差')).toBe('较好');
  });

  it('reads an empty scheme cell (null, 0 or "") as the default scheme; a number is an error', () => {
    expect(BAND(85, 0)).toBe('良好');
    expect(BAND(85, '')).toBe('良好');
    expect(BAND(85, undefined)).toBe('良好');
    expect(errorOf(BAND(85, 90), '#VALUE!')).toContain('等次方案应为文字');
  });

  it('errors: no score, a score below the lowest band, a bad scheme', () => {
    expect(errorOf(BAND(null, null), '#N/A')).toBe('缺少得分');
    errorOf(BAND(-5, null), '#N/A');
    errorOf(BAND(80, '优秀'), '#VALUE!');
  });
});

describe('PERF.FORCED', () => {
  const scores = [[95], [90], [88], [88], [80], [70], [60]];

  it('bands by rank: N = 7 gives 1 / 4 / 2 by largest remainder', () => {
    expect(FORCED(95, scores, null, null)).toBe('优秀');
    expect(FORCED(90, scores, null, null)).toBe('良好');
    expect(FORCED(80, scores, null, null)).toBe('良好');
    expect(FORCED(70, scores, null, null)).toBe('一般');
    expect(FORCED(60, scores, null, null)).toBe('一般');
  });

  it('takes quotas, rounding, ties and labels; empty cells in the range are skipped', () => {
    expect(FORCED(80, scores, '20/60/20;rounding=floor', null)).toBe('良好');
    const tied = [[99], [95], [95], [95], [80], [79], [78], [77], [70], [60]];
    expect(FORCED(95, tied, null, null)).toBe('优秀');
    expect(FORCED(95, tied, '20/60/20;ties=lower', null)).toBe('良好');
    expect(
      FORCED(
        95,
        [
          [95, null, 90],
          ['', 88, '单位'],
        ],
        '50/50',
        'A档/B档',
      ),
    ).toBe('A档');
    expect(FORCED(95, scores, 0, 0)).toBe('优秀'); // empty optional cells passed as 0
  });

  it('errors: a score not in the range, labels that do not match the quotas', () => {
    errorOf(FORCED(50, scores, null, null), '#N/A');
    errorOf(FORCED(95, scores, '20/60/20', '优秀/良好'), '#VALUE!');
    errorOf(FORCED(95, [[null]], null, null), '#N/A');
  });
});

describe('PERF.RANKSCORE', () => {
  it('deducts by rank, never below 0', () => {
    expect(RANKSCORE(5, RANKS, 2.5)).toBe(2.5);
    expect(RANKSCORE(6, RANKS, 2.5)).toBe(2.25);
    expect(RANKSCORE(8, RANKS, 2.5)).toBe(1.75);
    expect(RANKSCORE(20, RANKS, 2.5)).toBe(0);
  });

  it('errors: not a rank rule, rank 0 (an empty cell on old builds), no rank', () => {
    errorOf(RANKSCORE(3, '执行率≥80%', 1), '#VALUE!');
    expect(errorOf(RANKSCORE(0, RANKS, 2.5), '#VALUE!')).toContain('名次应为正整数');
    errorOf(RANKSCORE(null, RANKS, 2.5), '#N/A');
  });
});

describe('PERF.TIERED', () => {
  it('adds the part in each bracket: 90 → 2.441, 80 → 1.207, ranges as rows or columns', () => {
    expect(TIERED(90, [[67.7, 75, 83.3]], [[0.09, 0.11, 0.13]])).toBe(2.441);
    expect(TIERED(80, [[67.7], [75], [83.3]], [[0.09], [0.11], [0.13]])).toBe(1.207);
    expect(TIERED(80, [[67.7, 75, 83.3]], [['9%', '11%', '13%']])).toBe(1.207);
    expect(TIERED(60, [[67.7, 75, 83.3]], [[0.09, 0.11, 0.13]])).toBe(0);
    expect(TIERED(90, [[67.7], [75], [83.3], [null]], [[0.09], [0.11], [0.13], [null]])).toBe(2.441);
  });

  it('errors: counts that differ, thresholds out of order, rates that are not fractions', () => {
    errorOf(TIERED(90, [[67.7, 75]], [[0.09, 0.11, 0.13]]), '#VALUE!');
    errorOf(TIERED(90, [[75, 67.7]], [[0.09, 0.11]]), '#VALUE!');
    errorOf(TIERED(90, [[67.7, 75]], [[9, 11]]), '#VALUE!');
    errorOf(TIERED(null, [[67.7]], [[0.09]]), '#N/A');
  });
});

describe('PERF.PROGRESS', () => {
  it('scores progress from last year towards the target, kept within 0 and points', () => {
    expect(PROGRESS(0.9, 0.8, 1, 10, null)).toBe(5);
    expect(PROGRESS(0.7, 0.8, 1, 10, null)).toBe(0);
    expect(PROGRESS(1.2, 0.8, 1, 10, null)).toBe(10);
    expect(PROGRESS(5, 8, 4, 10, '-')).toBe(7.5);
    expect(PROGRESS(5, 8, 4, 10, '－')).toBe(7.5); // full-width minus
    expect(PROGRESS(0.9, 0.8, 1, 10, '+')).toBe(5);
  });

  it('reads an empty direction cell (0 or "") as "not checked"', () => {
    expect(PROGRESS(5, 8, 4, 10, 0)).toBe(7.5);
    expect(PROGRESS(5, 8, 4, 10, '')).toBe(7.5);
    expect(PROGRESS(5, 8, 4, 10)).toBe(7.5);
  });

  it('errors: a direction against the target, target equal to last year, a missing value', () => {
    errorOf(PROGRESS(5, 8, 4, 10, '+'), '#VALUE!');
    errorOf(PROGRESS(5, 8, 8, 10, null), '#VALUE!');
    expect(errorOf(PROGRESS(5, null, 4, 10, null), '#N/A')).toBe('缺少上年值');
  });
});

describe('PERF.EFFICACY', () => {
  it('gives 60 + 40 × share, times points / 100', () => {
    expect(EFFICACY(85, 60, 100, 10)).toBe(8.5);
    expect(EFFICACY(100, 60, 100, null)).toBe(100);
    expect(EFFICACY(60, 60, 100, null)).toBe(60);
    expect(EFFICACY(120, 60, 100, 10)).toBe(10); // kept at the satisfactory value
  });

  it('takes clamp=false and decimals= (once parsed and ignored): the actual counts beyond worst and best', () => {
    // share (110 − 60)/40 = 1.25: 60 + 50 = 110, × 10/100 = 11; clamped (the default) it is 10.
    expect(EFFICACY(110, 60, 100, 10, 'clamp=false')).toBe(11);
    expect(EFFICACY(110, 60, 100, 10, null)).toBe(10);
    // (50 − 60)/40 = −0.25: 60 − 10 = 50 below the not-allowed value, instead of 60.
    expect(EFFICACY(50, 60, 100, null, 'clamp=false')).toBe(50);
    // 60 + 40 × 2/3 = 86.666…, rounded half away from zero.
    expect(EFFICACY(80, 60, 90, null, 'decimals=2')).toBe(86.67);
    errorOf(EFFICACY(80, 60, 90, null, 'clamp'), '#VALUE!');
  });

  it('reads points of 0 (an empty cell) as not given: the coefficient score itself', () => {
    expect(EFFICACY(85, 60, 100, 0)).toBe(85);
    expect(EFFICACY(85, 60, 100)).toBe(85);
  });

  it('errors: best equal to worst, missing values', () => {
    errorOf(EFFICACY(85, 60, 60, 10), '#VALUE!');
    errorOf(EFFICACY(null, 60, 100, 10), '#N/A');
  });
});

describe('PERF.ALLOCATE', () => {
  it('splits the pool to the cent as a column that adds up to the pool', () => {
    const parts = ALLOCATE([[1], [2], [2]], [[3], [5], [4]], 10000) as number[][];
    expect(parts).toEqual([[1428.57], [4761.91], [3809.52]]);
    const cents = parts.reduce((sum, [p]) => sum + Math.round(p! * 100), 0);
    expect(cents).toBe(1_000_000);
  });

  it('returns a column for row ranges too, and takes a pool computed as E1*30%', () => {
    const parts = ALLOCATE([[1.2, 1, 0.8]], [[10, 12, 7]], 10000 * 0.3) as number[][];
    expect(parts.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(parts.reduce((sum, [p]) => sum + Math.round(p! * 100), 0)).toBe(300_000);
  });

  it('puts an error into a 1×1 result', () => {
    const sizes = ALLOCATE([[1], [2]], [[3]], 100) as unknown[][];
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toHaveLength(1);
    expect(errorOf(sizes[0]![0], '#VALUE!')).toContain('数量应相同');
    errorOf((ALLOCATE([[1]], [[1]], 100.005) as unknown[][])[0]![0], '#VALUE!');
    errorOf((ALLOCATE([[0]], [[3]], 100) as unknown[][])[0]![0], '#VALUE!');
  });
});

describe('PERF.RULE', () => {
  it('renders how the rule is understood', () => {
    expect(RULE('执行率≥80%')).toBe('执行率≥80%得满分，否则不得分');
    expect(RULE('落实健康教育工作')).toBe('定性指标，需人工评分');
    expect(typeof RULE(LINEAR)).toBe('string');
  });

  it('errors: text it cannot read (#N/A), no text (#VALUE!)', () => {
    expect(errorOf(RULE('每月2期，分别于每月1日、15日刊出'), '#N/A')).toContain('无法识别');
    errorOf(RULE(null), '#VALUE!');
    errorOf(RULE(0), '#VALUE!');
  });
});

describe('arguments Excel may pass', () => {
  it('unwraps cell value objects (data types) and reports error values in arguments', () => {
    expect(BAND({ type: 'FormattedNumber', basicValue: 85, numberFormat: '0' })).toBe('良好');
    expect(SCORE([[{ type: 'Double', basicValue: 0.765 }]], LINEAR, 10)).toBe(6.5);
    expect(errorOf(BAND({ type: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' }), '#VALUE!')).toContain(
      '#DIV/0!',
    );
    errorOf(BAND({ type: 'Error', basicValue: '#N/A', errorType: 'NotAvailable' }), '#N/A');
    errorOf(BAND({ type: 'Entity', text: '单位' }), '#VALUE!');
    errorOf(BAND(Number.NaN), '#VALUE!');
  });

  it('errors name the argument (Excel does not tell a custom function which cell it came from)', () => {
    expect(errorOf(SCORE([[0.8]], '执行率≥80%', 'abc', null, null), '#VALUE!')).toBe('分值「abc」不是数字');
    expect(errorOf(SCORE([[0.8]], '', 5, null, null), '#VALUE!')).toBe('规则应为文字，单元格是空的');
    expect(errorOf(RULE(5), '#VALUE!')).toBe('规则应为文字，不是数字 5');
    expect(errorOf(PROGRESS(0.9, 0.8, 1, -10, null), '#VALUE!')).toBe('分值不能为负数');
    // A cell of a range: its place in the range.
    const bad = ALLOCATE([[1], ['x']], [[1], [1]], 100) as unknown[][];
    expect(errorOf(bad[0]![0], '#VALUE!')).toBe('第2个系数「x」不是数字');
    expect(errorOf(TIERED(90, [[67.7, 'y']], [[0.09, 0.11]]), '#VALUE!')).toBe('第2个起点「y」不是数字');
    expect(errorOf(FORCED(95, [[95], [90]], 20, null), '#VALUE!')).toBe('比例应为文字，不是数字 20');
  });

  it('never throws, whatever arrives', () => {
    const odd: unknown[] = [
      undefined,
      null,
      0,
      '',
      'x',
      true,
      [],
      [[]],
      [[{}]],
      { a: 1 },
      Symbol('s'),
      () => 1,
    ];
    for (const fn of Object.values(FUNCTIONS) as ((...a: unknown[]) => unknown)[]) {
      for (const a of odd) {
        for (const args of [[a, a, a, a, a], [a], ['执行率≥80%', a, a]]) {
          expect(() => fn(...args)).not.toThrow();
        }
      }
    }
  });
});

describe('error messages', () => {
  it('are cut to 255 characters at a character boundary', () => {
    const long = '规则'.repeat(300);
    const cut = truncateMessage(long);
    expect(cut.length).toBeLessThanOrEqual(255);
    expect(cut.endsWith('…')).toBe(true);
    const emoji = truncateMessage('😀'.repeat(200)); // surrogate pairs are never split
    expect(emoji.length).toBeLessThanOrEqual(255);
    expect(emoji.slice(0, -1)).toBe('😀'.repeat(127));
    expect(truncateMessage('短消息')).toBe('短消息');
    expect(truncateMessage('  多行\n  消息 ')).toBe('多行 消息');
  });

  it('an engine message longer than 255 characters reaches Excel cut', () => {
    const message = errorOf(SCORE([[0.8]], '执行率≥80%', 5, null, `${'x'.repeat(400)}`), '#VALUE!');
    expect(message.length).toBe(255);
    expect(message.startsWith('无法识别的选项')).toBe(true);
  });
});

// ── the metadata the build generates ─────────────────────────────────────────────────────────

interface ParamMeta {
  name: string;
  description: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}
interface Metadata {
  functions: FunctionMeta[];
}

/** id → parameters ("name", "name[][]" for a range, "name?" for optional) and result. */
const SIGNATURES: Record<string, { params: string[]; result: string; zh: string }> = {
  SCORE: {
    params: ['actual[][]', 'rule', 'points', 'target?', 'options?'],
    result: 'number',
    zh: '指标得分',
  },
  BAND: { params: ['score', 'scheme?'], result: 'string', zh: '考核等次' },
  FORCED: { params: ['score', 'scores[][]', 'quotas?', 'labels?'], result: 'string', zh: '强制分布' },
  RANKSCORE: { params: ['rank', 'rule', 'points'], result: 'number', zh: '排序得分' },
  TIERED: { params: ['amount', 'thresholds[][]', 'rates[][]'], result: 'number', zh: '超额累进' },
  PROGRESS: {
    params: ['actual', 'last', 'target', 'points', 'direction?'],
    result: 'number',
    zh: '进步得分',
  },
  EFFICACY: {
    params: ['actual', 'worst', 'best', 'points?', 'options?'],
    result: 'number',
    zh: '功效系数得分',
  },
  ALLOCATE: { params: ['coefficients[][]', 'counts[][]', 'pool'], result: 'number[][]', zh: '系数分配' },
  RULE: { params: ['rule'], result: 'string', zh: '规则解读' },
};

describe('functions.json and functions-zh-cn.json', () => {
  let metadata: Metadata;
  let zh: Metadata;
  let localiseErrors: string[];
  // The help page as the build serves it: the template with the function list and sections.
  const helpPage = renderHelpPage(readFileSync(join(ROOT, 'addin/help/index.html'), 'utf8'));

  beforeAll(() => {
    // functions.json as the build generates it from the declarations in engine/functions/.
    metadata = functionsJson('https://localhost:3000/help/index.html') as Metadata;
    const { checkFunctionsMetadata, localizeFunctionsMetadata } = requireCjs(
      '../../addin/build/localize.js',
    ) as {
      checkFunctionsMetadata(m: Metadata): string[];
      localizeFunctionsMetadata(m: Metadata, t: unknown): { metadata: Metadata; errors: string[] };
    };
    expect(checkFunctionsMetadata(metadata)).toEqual([]);
    ({ metadata: zh, errors: localiseErrors } = localizeFunctionsMetadata(metadata, zhLocaleTable()));
  });

  it('lists exactly the functions the code associates', () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(associations[0]!).sort());
    expect(Object.keys(SIGNATURES).sort()).toEqual(Object.keys(FUNCTIONS).sort());
  });

  it('declares ranges as matrices, optional arguments as optional, and the result types', () => {
    for (const f of metadata.functions) {
      const params = f.parameters.map(
        (p) => `${p.name}${p.dimensionality === 'matrix' ? '[][]' : ''}${p.optional ? '?' : ''}`,
      );
      const result = `${f.result.type ?? 'any'}${f.result.dimensionality === 'matrix' ? '[][]' : ''}`;
      expect({ id: f.id, params, result }).toEqual({
        id: f.id,
        params: SIGNATURES[f.id]!.params,
        result: SIGNATURES[f.id]!.result,
      });
      // "any": text such as "10分" reaches the engine uncoerced.
      for (const p of f.parameters) expect(p.type).toBe('any');
      // The function's own arity matches what Excel may pass.
      expect((FUNCTIONS as Record<string, (...a: unknown[]) => unknown>)[f.id]!.length).toBe(
        f.parameters.length,
      );
    }
  });

  it('documents every function and parameter, with a help section the add-in serves', () => {
    for (const f of metadata.functions) {
      expect(f.options).toBeUndefined(); // not volatile, not streaming, no address
      expect(f.description.length).toBeGreaterThan(20);
      expect(f.description.length).toBeLessThanOrEqual(255);
      for (const p of f.parameters) {
        expect(p.description.length).toBeGreaterThan(10);
        expect(p.description.length).toBeLessThanOrEqual(255);
      }
      const url = new URL(f.helpUrl);
      expect(url.href).toBe(`https://localhost:3000/help/index.html#${f.id.toLowerCase()}`);
      expect(helpPage).toContain(`<section id="${url.hash.slice(1)}">`);
      // The section shows both names and every parameter.
      const section = helpPage.slice(helpPage.indexOf(`<section id="${url.hash.slice(1)}">`));
      const heading = section.slice(0, section.indexOf('</h3>'));
      expect(heading).toContain(`PERF.${f.id}(`);
      expect(heading).toContain(`PERF.${SIGNATURES[f.id]!.zh} `);
      const body = section.slice(0, section.indexOf('</section>'));
      for (const p of f.parameters) expect(body).toContain(`(${p.name})`);
    }
  });

  it('shows in each help section one parameter table, what Chinese Excel shows for each parameter', () => {
    for (const f of SPECS) {
      const start = helpPage.indexOf(`<section id="${f.id.toLowerCase()}">`);
      const section = helpPage.slice(start, helpPage.indexOf('</section>', start));
      expect(section.split('<th>参数</th>')).toHaveLength(2);
      // The function's own text holds no table of its parameters (it would repeat the declarations).
      expect(f.help.about + f.help.more).not.toContain('<th>参数</th>');
      const table = section.slice(section.indexOf('<th>参数</th>'), section.indexOf('</table>'));
      const rows = [...table.matchAll(/<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
      const zhTable = zh.functions.find((z) => z.id === f.id)!;
      expect(rows).toEqual(
        zhTable.parameters.map((p, i) => [`${p.name} (${f.params[i]!.name})`, p.description]),
      );
    }
  });

  it('has a Chinese name, description and parameter names for every function', () => {
    expect(localiseErrors).toEqual([]);
    for (const f of zh.functions) {
      expect(f.name).toBe(SIGNATURES[f.id]!.zh);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      expect(f.description.length).toBeLessThanOrEqual(255);
      const english = metadata.functions.find((e) => e.id === f.id)!;
      expect(f.parameters.map((p) => [p.dimensionality, p.optional, p.type])).toEqual(
        english.parameters.map((p) => [p.dimensionality, p.optional, p.type]),
      );
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^[\u4e00-\u9fff]+$/);
        expect(p.description).toMatch(/[\u4e00-\u9fff]/);
        expect(p.description.length).toBeLessThanOrEqual(255);
        // Optional parameters say so in Chinese too.
        if (p.optional) expect(p.description.startsWith('可选。')).toBe(true);
      }
    }
  });
});
