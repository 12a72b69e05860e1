/**
 * Named values beside label tests (issue 13, engine/native/silent.ts): "缺2项" against 缺一项扣1分,
 * 填写不全不得分. Every corpus program with such names, every name and unit, a range of numbers:
 * the formula (HyperFormula) gives the engine's number or a text, never another number; and the
 * corpus's own cases, worked by hand, are read.
 */
import { describe, expect, it } from 'vitest';
import { compileNative, compileRuleText } from '../../engine/native';
import { programUnits, silentNames } from '../../engine/native/silent';
import { countNouns } from '../../engine/native/count-noun';
import { dec, DEFAULT_SETTINGS, evaluateRule, parseRule, round } from '../../engine/rules';
import { loadCorpus } from '../../scripts/rules-corpus';
import type { Program } from '../../engine/rules/program';
import { evaluateRows, type HfCell } from './hf';

const NUMBERS = [0, 3, 2.5];
/** Names tried per program (the shortest first: the ones clerks write); NATIVE_SILENT_ALL=1 tries all. */
const PER_PROGRAM = process.env.NATIVE_SILENT_ALL ? Infinity : 3;

/** A corpus program and the texts to try on it. */
interface Trial {
  id: string;
  program: Program;
  points: number;
  actuals: string[];
}

/**
 * Every trial through the engine and the formula (HyperFormula): the formula's number is the
 * engine's, or it shows a text (never an error). Returns how many the formula read.
 */
function agreeWithEngine(trials: readonly Trial[]): number {
  const rows: HfCell[][] = [];
  const expected: { where: string; engine: number | null }[] = [];
  for (const t of trials)
    for (const a of t.actuals) {
      const r = rows.length + 1;
      const f = compileNative(t.program, { actual: `A${r}`, points: `B${r}` }, DEFAULT_SETTINGS, {
        mode: 'function',
        round: 2,
      });
      if (!f.ok) break;
      rows.push([a, t.points, f.formula]);
      const out = evaluateRule(t.program, { actual: a, points: dec(t.points), settings: DEFAULT_SETTINGS });
      expected.push({ where: `${t.id} ${a}`, engine: out.ok ? round(out.score, 2).toNumber() : null });
    }
  const got = evaluateRows(rows);
  let read = 0;
  expected.forEach(({ where, engine }, i) => {
    const formula = got[i]![2];
    if (typeof formula === 'number') {
      read++;
      expect(formula, where).toBeCloseTo(engine ?? NaN, 9);
    } else
      expect(typeof formula === 'string' && !formula.startsWith('#'), `${where}: ${String(formula)}`).toBe(
        true,
      );
  });
  return read;
}

/** The readable corpus programs, with trials made by `actuals` (none: not tried). */
function trials(actuals: (p: Program) => string[]): Trial[] {
  return loadCorpus()
    .flatMap((f) => f.cases)
    .flatMap((c) => {
      const p = parseRule(c.rule);
      const tried = p.ok ? actuals(p.rule) : [];
      return p.ok && tried.length > 0
        ? [{ id: c.id, program: p.rule, points: c.points ?? 10, actuals: tried }]
        : [];
    });
}

describe('named values beside label tests', () => {
  it('score as the engine scores them, for every name, unit and number', () => {
    const named = trials((p) =>
      [...silentNames(p)]
        .sort((x, y) => x.length - y.length)
        .slice(0, PER_PROGRAM)
        .flatMap((key) => {
          const [name, unit] = key.split('|') as [string, string];
          return NUMBERS.map((n) => `${name}${n}${unit}`);
        }),
    );
    expect(named.length).toBeGreaterThanOrEqual(8);
    // Some are read, not left to a hand score (how many: the LibreOffice report's agree count).
    expect(agreeWithEngine(named)).toBeGreaterThan(0);
  }, 120_000);

  it('read counts written before what they count ("3份不一致") as the engine does', () => {
    const nouns = trials((p) =>
      countNouns(p)
        .slice(0, PER_PROGRAM)
        .flatMap(({ tail }) => [0, 1, 2, 3.5].map((n) => `${n}${tail}`)),
    );
    expect(nouns.flatMap((t) => t.actuals).length).toBeGreaterThan(40);
    agreeWithEngine(nouns);
    // Worked by hand: 5 − 0.5×3 = 3.5 (一份不一致扣0.5分); 1台不符合要求不得分 → 0; 0台 → 4.
    const at = (rule: string, points: number, actual: string): HfCell | undefined => {
      const f = compileRuleText(rule, { actual: 'A1', points: 'B1' }, DEFAULT_SETTINGS);
      if (!f.ok) throw new Error(f.reason);
      return evaluateRows([[actual, points, f.formula]])[0]![2];
    };
    expect(at('花名册、电子档案、纸质档案数据需一致,一份不一致扣0.5分。', 5, '3份不一致')).toBe(3.5);
    expect(at('查现场和资料。1 台不符合要求不得分', 4, '1台不符合要求')).toBe(0);
    expect(at('查现场和资料。1 台不符合要求不得分', 4, '0台不符合要求')).toBe(4);
    // A point: COUNT_NOUN reads whole numbers only; the formula leaves it unread.
    expect(at('花名册、电子档案、纸质档案数据需一致,一份不一致扣0.5分。', 5, '1.5份不一致')).toBe(
      '完成情况无法识别，需人工评分',
    );
  }, 120_000);

  it('reads the clerk answers of the corpus (worked by hand) and leaves other words unread', () => {
    const at = (rule: string, points: number, actuals: string[]): (HfCell | undefined)[] => {
      const f = compileRuleText(rule, { actual: 'A1', points: 'B1' }, DEFAULT_SETTINGS);
      if (!f.ok) throw new Error(f.reason);
      return actuals.map((a) => evaluateRows([[a, points, f.formula]])[0]![2]);
    };
    // 8 − 1×2 = 6; 填写不全 → 0; "漏填2项" names no count of the rule: unread.
    expect(at('缺一项扣 1分, 填写不全不得分', 8, ['缺2项', '填写不全', '漏填2项'])).toEqual([
      6,
      0,
      '完成情况无法识别，需人工评分',
    ]);
    // 2 − 0.5×3 = 0.5; 2 − 0.5×1 = 1.5.
    expect(
      at('五保对象核定不准造成漏保、错保的每人次扣0.5分,有弄虚作假现象的该项不计分。', 2, [
        '漏保3人次',
        '错保1人次',
      ]),
    ).toEqual([0.5, 1.5]);
    // 20 − 5×2 = 10 (少一次扣5分).
    expect(
      at(
        '查阅相关文件,未成立组织的扣10分;组织不健全的扣2分; 查阅乡镇长办公会的会议纪要或记录,少一次扣5分。',
        20,
        ['少2次'],
      ),
    ).toEqual([10]);
  });

  it("reads values in a program's own measure words (批次, 个科室, 小点) as the engine does", () => {
    // Every corpus program's own units, a few numbers each, with and without a shortfall word.
    const own = trials((p) =>
      programUnits(p).flatMap((u) => ['', '缺'].flatMap((name) => [0, 2, 1.5].map((n) => `${name}${n}${u}`))),
    );
    expect(own.length).toBeGreaterThanOrEqual(5);
    expect(agreeWithEngine(own)).toBeGreaterThan(0);
    const at = (rule: string, points: number, actuals: string[]): (HfCell | undefined)[] => {
      const f = compileRuleText(rule, { actual: 'A1', points: 'B1' }, DEFAULT_SETTINGS);
      if (!f.ok) throw new Error(f.reason);
      return actuals.map((a) => evaluateRows([[a, points, f.formula]])[0]![2]);
    };
    const unread = '完成情况无法识别，需人工评分';
    // 30 − 5 = 25; 30 − 15×2 = 0; "2批次" could be any of the three: no number. A text that only
    // looks like one value (digits on both sides of a word, 17 digits) is not read. This rule's
    // formula reads counts named in one cell (counts.ts: 30 − 15 − 5×2 = 5) in place of the full
    // one-value parse, so "到省非访 1 批次" (spaces) is not read either (the engine: 30 − 10 = 20).
    expect(
      at('按问题属地进行考核,进京非访扣15分/批次,到省非访扣10分/批次,到市非访扣5分/批次', 30, [
        '到市非访1批次',
        '进京非访2批次',
        '到省非访 1 批次',
        '2批次',
        '到市非访1批2次',
        '到市非访12345678901234567批次',
        '进京非访1批次，到市非访2批次',
      ]),
    ).toEqual([25, 0, unread, unread, unread, unread, 5]);
    // 3 − 2 = 1; 3 − 4 → 0; 均符合标准 → 3.
    expect(
      at('均符合标准，得满分\n缺1个科室，扣1分，直至扣完', 3, ['缺2个科室', '缺4个科室', '均符合标准']),
    ).toEqual([1, 0, 3]);
    // 6 − 4 = 2; 6 − 8 → 0; 1.5 小点 is not a whole count (the engine says so; the formula gives no number).
    const dots = at(
      '信访受理或办理过程中未严格按照程序受理或办理,且在过程中要素不规范的每一小点扣1分,共6分,扣完为止。',
      6,
      ['4小点', '8小点', '1.5小点'],
    );
    expect(dots.slice(0, 2)).toEqual([2, 0]);
    expect(typeof dots[2]).toBe('string');
  }, 120_000);
});
