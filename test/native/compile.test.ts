/**
 * Native formulas (issue 13): what a template author sees in a cell when the workbook is opened
 * without the add-in. Expected values are worked out by hand from docs/domain.md; the formulas are
 * evaluated by HyperFormula here (LibreOffice in libreoffice.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  compileBand,
  compileNative,
  compilePerfCall,
  compileRuleText,
  compileTotal,
  NATIVE_TEXT,
  type PerfArg,
} from '../../engine/native';
import { DEFAULT_SETTINGS, parseOptionText, parseRule } from '../../engine/rules';
import type { Program } from '../../engine/rules/program';
import { evaluateRows, type HfCell } from './hf';
import { HAND_CASES } from './main-forms';

/** The formula's value for each actual (row: A actual, B points, C formula). */
function scores(rule: string, points: number, actuals: HfCell[], settings = DEFAULT_SETTINGS): HfCell[] {
  const rows = actuals.map((a, i) => {
    const f = compileRuleText(rule, { actual: `A${i + 1}`, points: `B${i + 1}` }, settings);
    if (!f.ok) throw new Error(f.reason);
    return [a, points, f.formula];
  });
  return evaluateRows(rows).map((r) => r[2]!);
}

describe('compileNative', () => {
  it('linear deduction: 76.5% (a percent cell or text) scores 6.5, partial=floor 7', () => {
    const rule = '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽';
    expect(scores(rule, 10, [0.765, '76.5%', 0.85, 0.5])).toEqual([6.5, 6.5, 10, 0]);
    expect(scores(rule, 10, [0.765], parseOptionText('partial=floor'))).toEqual([7]);
  });

  it('a bare 80 against a percent, a blank, a word: texts, never a number', () => {
    const rule = '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽';
    expect(scores(rule, 10, [80, null, '很好'])).toEqual([
      NATIVE_TEXT.ACTUAL_AMBIGUOUS,
      NATIVE_TEXT.ACTUAL_MISSING,
      NATIVE_TEXT.UNREAD,
    ]);
  });

  it('counts: "缺2项" and 2 take 2 × 2 off 5; a fraction of a case is invalid', () => {
    expect(scores('缺1项扣2分', 5, ['缺2项', 2, '3项', 1.5])).toEqual([1, 1, 0, NATIVE_TEXT.ACTUAL_INVALID]);
  });

  it('bands from the top: first band that holds; 0.125 rounds half away from zero', () => {
    const rule = '达标率≥95%得满分；≥85%得3分；≥75%得1分；＜75%不得分';
    expect(scores(rule, 5, [0.96, '85%', 0.8, 0.7])).toEqual([5, 3, 1, 0]);
    // 1 − 3.5 × 0.25 = 0.125 → 0.13 (binary arithmetic gives 0.12499999999999922)
    expect(scores('每差1个百分点扣0.25分，扣完为止。', 1, ['76.5%'])).toEqual([NATIVE_TEXT.ARGUMENT]);
    const f = compileRuleText(
      '每差1个百分点扣0.25分，扣完为止。',
      { actual: 'A1', points: 'B1', target: 'C1' },
      DEFAULT_SETTINGS,
    );
    expect(f.ok).toBe(true);
    if (f.ok) expect(evaluateRows([['76.5%', 1, 0.8, f.formula]])[0]![3]).toBe(0.13);
  });

  it('graded labels: the whole label scores its points; an unlisted label is not guessed', () => {
    const rule = '满意得2分，一般满意得1.6分，不满意不得分';
    expect(scores(rule, 2, ['一般满意', '满意', ' 不满意 ', '较满意', 3])).toEqual([
      1.6,
      2,
      0,
      NATIVE_TEXT.UNREAD,
      NATIVE_TEXT.MANUAL,
    ]);
  });

  it('judgement and qualitative targets: 需人工评分 whatever the actual', () => {
    expect(scores('资料不全的酌情扣分', 2, ['资料不全', 1])).toEqual([
      NATIVE_TEXT.MANUAL,
      NATIVE_TEXT.MANUAL,
    ]);
  });

  it('credits counted from zero: 每项各2.5分 earns 2.5 a thing, 一项可得2分 at most 6', () => {
    const four =
      '(1)有独立的办公场所;(2)办公设备齐全;(3)按人口比例确定工作人员; (4 )有一支村居民政信息员队伍每项各2.5分)';
    // 3 × 2.5 = 7.5; 4 × 2.5 = 10 (the points); 0 things, nothing earned.
    expect(scores(four, 10, ['具备3项', '具备4项', 0])).toEqual([7.5, 10, 0]);
    const six =
      '政务微博、政务微信、公开栏、电子显示屏、便民手册等情况(以实地考评及图像证据为准,一项可得2分,最高不超过6分)';
    // 2 × 2 = 4; 4 × 2 = 8, at most 6; 0 × 2 = 0.
    expect(scores(six, 6, ['2项', '4项', '0项'])).toEqual([4, 6, 0]);
  });

  it('可倒扣 / 扣分不封顶: deductions up to the points score, past them a hand score', () => {
    const rule = '每出现一个计划外生育扣15分,扣分不封顶。';
    // 20 − 15 = 5; none: 20; 2 × 15 = 30 > 20: the rule lets it pass the points, so by hand.
    expect(scores(rule, 20, [1, 0, 2])).toEqual([5, 20, NATIVE_TEXT.MANUAL]);
  });

  it('per condition (gate.each): each met earns its amount, each unmet costs it', () => {
    const program = (effect: 'credit' | 'deduct', amount: string): Program => ({
      base: { kind: 'full' },
      clauses: [
        {
          kind: 'gate',
          conditions: [
            { metric: '', op: '>=', value: '0.8', unit: '%', to: null },
            { metric: '', op: '>=', value: '0.9', unit: '%', to: null },
          ],
          each: { effect, amount },
        },
      ],
      deductCap: null,
      bonusCap: null,
      manual: null,
      deductionOnly: false,
      belowZero: false,
      points: null,
    });
    const run = (p: Program, actuals: HfCell[]): HfCell[] =>
      evaluateRows(
        actuals.map((a, i) => {
          const f = compileNative(p, { actual: `A${i + 1}`, points: `B${i + 1}` }, DEFAULT_SETTINGS);
          if (!f.ok) throw new Error(f.reason);
          return [a, 3, f.formula];
        }),
      ).map((r) => r[2]!);
    // 每完成一项得2分 (points 3): both met 2 × 2 = 4, at most 3; one met 2; none 0.
    expect(run(program('credit', '2'), [0.95, '85%', 0.5])).toEqual([3, 2, 0]);
    // 一项未完成扣1分 (points 3): 3 − 0, 3 − 1, 3 − 2.
    expect(run(program('deduct', '1'), [0.95, '85%', 0.5])).toEqual([3, 2, 1]);
  });

  it('a bound that is the target (达到镇考核指标得满分): the target cell, or 缺少目标值', () => {
    const f = compileRuleText(
      '达到镇考核指标得满分,低于镇考核指标的不得分。',
      { actual: 'A1', points: 'B1', target: 'C1' },
      DEFAULT_SETTINGS,
    );
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    const rows: HfCell[][] = [
      ['97%', 15, 0.96],
      [0.955, 15, 0.96],
      [0.96, 15, 0.96],
      [0.97, 15, null],
    ].map((r, i) => [...r, f.formula.replace(/([ABC])1\b/g, `$1${i + 1}`)]);
    // 97% ≥ 96%: 15; 95.5% < 96%: 0; equal: 15; no target: the rule cannot be applied.
    expect(evaluateRows(rows).map((r) => r[3])).toEqual([15, 0, 15, NATIVE_TEXT.ARGUMENT]);
  });

  it('refuses a program part it does not know, with the reason', () => {
    const p = parseRule('执行率≥80%');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const extra = {
      ...p.rule,
      clauses: [...p.rule.clauses, { kind: 'curve', points: [] }],
    } as unknown as Program;
    const r = compileNative(extra, { actual: 'A1', points: 'B1' }, DEFAULT_SETTINGS);
    expect(r).toEqual({ ok: false, reason: '原生公式尚不支持「curve」子句' });
    // A field added to a test later (as the label's `or` was) is refused too, never read the old way.
    const labelled = parseRule('未公示的扣2分');
    expect(
      labelled.ok && labelled.rule.clauses.some((c) => c.kind === 'when' && c.test.kind === 'label'),
    ).toBe(true);
    if (labelled.ok) {
      const withOr = {
        ...labelled.rule,
        clauses: labelled.rule.clauses.map((c) =>
          c.kind === 'when' ? { ...c, test: { ...c.test, later: true } } : c,
        ),
      } as unknown as Program;
      expect(compileNative(withOr, { actual: 'A1', points: 'B1' }, DEFAULT_SETTINGS)).toEqual({
        ok: false,
        reason: '条件含有尚不支持的部分「later」',
      });
    }
    const field = { ...p.rule, weights: [1] } as unknown as Program;
    expect(compileNative(field, { actual: 'A1', points: 'B1' }, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      reason: '规则含有原生公式尚不支持的部分「weights」',
    });
  });

  it('uses only functions every spreadsheet has', () => {
    const f = compileRuleText(
      '满意率80%以上，每低一个百分点扣1分，直至10分扣尽',
      { actual: 'F6', points: 'E6' },
      DEFAULT_SETTINGS,
    );
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    const fns = new Set([...f.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]));
    for (const fn of fns)
      expect([
        'IF',
        'AND',
        'OR',
        'NOT',
        'MIN',
        'MAX',
        'INT',
        'ROUND',
        'ABS',
        'SUMPRODUCT',
        'ISNUMBER',
        'ISERROR',
        'IFERROR',
        'ISLOGICAL',
        'EXACT',
        'VALUE',
        'SUBSTITUTE',
        'FIND',
        'TRIM',
        'REPT',
        'CHOOSE',
        'CHAR',
        'LEFT',
        'MID',
        'RIGHT',
        'LEN',
        'MATCH',
        'INDEX',
        'TRUE',
        'FALSE',
      ]).toContain(fn);
  });
});

describe('compilePerfCall', () => {
  const call = (name: string, args: PerfArg[], cells: HfCell[]): HfCell => {
    const r = compilePerfCall(name, args);
    if (!r.ok) throw new Error(r.reason);
    return evaluateRows([[...cells, r.formula]])[0]![cells.length]!;
  };

  it('PERF.SCORE, also as _xldudf_PERF.SCORE and by its Chinese name', () => {
    const rule = '每少增加100个机位扣3分';
    const args = [
      { expr: 'A1' },
      { expr: '"每少增加100个机位扣3分"', value: rule },
      { expr: 'B1' },
      { expr: 'C1' },
    ];
    expect(call('PERF.SCORE', args, [250, 10, 400])).toBe(5.5);
    expect(call('_xldudf_PERF.SCORE', args, [300, 10, 400])).toBe(7);
    expect(call('PERF.指标得分', args, [400, 10, 400])).toBe(10);
  });

  it('PERF.BAND with the default and a custom scheme', () => {
    expect(call('PERF.BAND', [{ expr: 'A1' }], [89.99])).toBe('良好');
    expect(
      call(
        'PERF.BAND',
        [{ expr: 'A1' }, { expr: '"85:好,70:较好,60:一般,0:较差"', value: '85:好,70:较好,60:一般,0:较差' }],
        [72],
      ),
    ).toBe('较好');
    expect(call('PERF.BAND', [{ expr: 'A1' }], ['需人工评分'])).toBe('得分无效');
  });

  it('PERF.TIERED 90 → 2.441, PERF.PROGRESS, PERF.EFFICACY', () => {
    const t = { expr: 'K3:K5', value: [[67.7], [75], [83.3]] };
    const r = { expr: 'L3:L5', value: [[0.09], [0.11], [0.13]] };
    expect(call('PERF.TIERED', [{ expr: 'A1' }, t, r], [90])).toBeCloseTo(2.441, 12);
    expect(call('PERF.TIERED', [{ expr: 'A1' }, t, r], [80])).toBeCloseTo(1.207, 12);
    // progress: 10 × (85 − 80) / (90 − 80) = 5
    expect(
      call(
        'PERF.PROGRESS',
        [{ expr: 'A1' }, { expr: 'B1' }, { expr: 'C1' }, { expr: 'D1' }],
        [85, 80, 90, 10],
      ),
    ).toBe(5);
    // efficacy: (60 + 40 × (75 − 50)/(100 − 50)) × 10/100 = 8
    expect(
      call('PERF.EFFICACY', [{ expr: 'A1' }, { expr: '50' }, { expr: '100' }, { expr: '10' }], [75]),
    ).toBe(8);
  });

  it('refuses what needs the whole column (PERF.FORCED, PERF.ALLOCATE) or an unknown rule', () => {
    expect(compilePerfCall('PERF.FORCED', [{ expr: 'A1' }, { expr: 'A1:A9' }])).toMatchObject({ ok: false });
    expect(compilePerfCall('PERF.SCORE', [{ expr: 'A1' }, { expr: 'D1' }, { expr: 'B1' }])).toEqual({
      ok: false,
      reason: '规则文字未知（应为文字或含文字的单元格）',
    });
  });
});

describe('compileTotal and compileBand', () => {
  it('adds the item scores, takes deductions off, never below 0; a text while an item is unscored', () => {
    const t = compileTotal({ items: ['A1:A3'], count: 3, deductions: ['B1'] });
    const b = compileBand({
      total: 'C1',
      outOf: 50,
      scheme: null,
      vetoItems: [
        {
          name: '安全生产',
          veto: true,
          vetoExcellence: false,
          actual: 'D1',
          score: null,
          points: '5',
          program: null,
        },
      ],
    });
    expect(t.ok && b.ok).toBe(true);
    if (!t.ok || !b.ok) return;
    const rows = (a: HfCell[], ded: HfCell, veto: HfCell): HfCell[][] => [
      [a[0]!, ded, t.formula, veto, b.formula],
      [a[1]!, null, null, null, null],
      [a[2]!, null, null, null, null],
    ];
    // 20 + 15 + 10 − 2 = 43 of 50 → 86 → 良好
    expect(evaluateRows(rows([20, 15, 10], 2, false))[0]!.slice(2)).toEqual([43, false, '良好']);
    expect(evaluateRows(rows([20, 15, 10], 2, true))[0]![4]).toBe('不合格（触发一票否决）');
    expect(evaluateRows(rows([20, '需人工评分', 10], null, false))[0]!.slice(2)).toEqual([
      '有指标未评分',
      false,
      '得分无效',
    ]);
  });
});

describe("main's rule forms (8b06c96): quota bands, 或未…, count bands, growth ranges, gap steps, listed states", () => {
  it.each(
    HAND_CASES.map((k) => [`${k.rule.slice(0, 12)}… ${JSON.stringify(k.actual)}: ${k.why}`, k] as const),
  )('%s', (_, k) => {
    const f = compileRuleText(
      k.rule,
      { actual: 'A1', points: 'B1', target: k.target === null ? null : 'C1' },
      DEFAULT_SETTINGS,
    );
    if (!f.ok) throw new Error(f.reason);
    const got = evaluateRows([[k.actual, k.points, k.target, f.formula]])[0]![3];
    expect(got).toEqual(typeof k.want === 'number' ? k.want : NATIVE_TEXT[k.want]);
  });

  it('the label `or` field is compiled, not refused', () => {
    const p = parseRule('门急诊量＜规定数60%或未安排，不得分');
    expect(
      p.ok && p.rule.clauses.some((c) => c.kind === 'when' && c.test.kind === 'label' && c.test.or),
    ).toBe(true);
    if (p.ok) expect(compileNative(p.rule, { actual: 'A1', points: 'B1' }, DEFAULT_SETTINGS).ok).toBe(true);
  });
});
