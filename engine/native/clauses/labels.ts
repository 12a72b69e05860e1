/**
 * `labels` clauses (满意得2分，一般满意得1.6分): the grade whose whole label the actual is (spaces
 * ignored). The engine's looser readings (a grade named inside a longer text, {X, 无X}, credits
 * that add up) need its word lists: they are decided at compile time for the vocabulary's known
 * texts (gradeFor itself); any other text is unread (需人工评分), never guessed.
 */
import type { Clause } from '../../rules/program';
import { dec, DEFAULT_SETTINGS } from '../../rules';
import { Reader } from '../../rules/evaluate-parts';
import { evaluateProgram } from '../../rules/evaluate';
import { squash } from '../../rules/values';
import { isOneOf, textPieces } from '../reading';
import { gradeFor } from '../../rules/evaluate-labels';
import { ifT, lit, str, text, type Tree } from '../expr';
import { scoreOf, type Ctx } from '../context';
import { NATIVE_TEXT } from '../messages';

export type Labels = Extract<Clause, { kind: 'labels' }>;

export const spec = {
  kind: 'labels',
  zh: '等级（满意得满分，一般得1分…：整段文字与某一等级相同）',
  refuse(c: Clause): string | null {
    if (c.kind !== 'labels') return null;
    // A number actual never names a grade only while no grade has digits in it, but for a grade
    // of any one case ("有1项不符合要求"), which anyCount reads.
    const bad = c.grades.find((g) => /[\d.+-]/.test(g.label) && anyOne(g.label) === null);
    return bad ? `等级「${bad.label}」含数字，数字实际值无法按等级判断` : null;
  },
};

/** The grade's base, or a text. `k` continues with the base. */
export function labelsBase(ctx: Ctx, c: Labels, k: (base: string) => Tree): Tree {
  const r = ctx.r;
  if (r.kind === 'blank') return text(NATIVE_TEXT.ACTUAL_MISSING);
  if (r.kind === 'value' && !r.fromText) return text(NATIVE_TEXT.MANUAL);
  if (r.kind === 'known') return gradeOf(ctx, c, r.text, k);
  // The text without spaces, as typed (the rule's labels are NFKC already).
  const t = `SUBSTITUTE(TRIM(${ctx.a})," ","")`;
  let out: Tree = text(NATIVE_TEXT.UNREAD);
  const grades = c.grades.map((g) => ({ ...g, label: g.label.replace(/\s+/g, '') }));
  for (let i = grades.length - 1; i >= 0; i--) {
    const g = grades[i]!;
    // The first grade with that label wins (grades.find).
    if (grades.findIndex((x) => x.label === g.label) !== i) continue;
    out = ifT(`EXACT(${t},${str(g.label)})`, k(scoreOf(ctx, g.score)), out);
  }
  return r.kind === 'text' ? anyCount(ctx, c, t, k, out) : out;
}

/** A grade as gradeFor scores a text known when the formula is built. */
function gradeOf(ctx: Ctx, c: Labels, actual: string, k: (base: string) => Tree): Tree {
  // gradeFor reads only the text, and caps credits that add up at the points: a grade's own
  // score does not depend on the points, a sum does (told apart by asking with two).
  const ask = (w: number): ReturnType<typeof gradeFor> =>
    gradeFor(c, new Reader(ctx.p, { actual, points: dec(w), settings: DEFAULT_SETTINGS }), dec(w));
  const g = ask(1e15);
  if (!g.ok) return text(g.outcome.ok ? NATIVE_TEXT.MANUAL : NATIVE_TEXT[g.outcome.code]);
  const small = ask(1e-9);
  if (small.ok && small.score === g.score) return k(scoreOf(ctx, g.score));
  return k(`MIN(${lit(g.score)},${ctx.w})`);
}

/** values.ts labelSays' grade of any one case: 发现有1个对象未公示 → [个, 对象未公示]; else null. */
function anyOne(label: string): [string, string] | null {
  const m = /^(?:发现|存在|查出)?有1(个|项|例|处|人|户|家|次|份|件)(.{2,})$/.exec(squash(label));
  return m && !/[\d.+-]/.test(m[2]!) ? [m[1]!, m[2]!] : null;
}

/** The words labelSays lets stand before such a count. */
const ANY_PREFIXES = ['', '有', '发现', '发现有', '存在', '存在有', '查出', '查出有'];
/** Counts the engine is asked for: each must score as 1 does (or as 0 does, for 0). */
const ANY_SAMPLES = ['0', '00', '1', '01', '2', '3', '10', '25'];

/**
 * "3个对象未公示" against 发现有1个对象未公示 (labelSays: a count of at least 1 of that case is that
 * grade, 0 is not): a text that is one of the allowed words, a whole count and the grade's own
 * measure word and words is scored as "有1…" when the count is at least 1, as "有0…" for 0 — where
 * the engine, asked when the formula is built for every allowed word and several counts, scores
 * each so. Only for a rule of grades alone. `t`: the text without spaces.
 */
function anyCount(ctx: Ctx, c: Labels, t: string, k: (base: string) => Tree, otherwise: Tree): Tree {
  if (ctx.p.clauses.length !== 1) return otherwise;
  const pieces = textPieces(t);
  let out = otherwise;
  for (const g of c.grades) {
    const any = anyOne(g.label);
    if (!any) continue;
    const tail = any[0] + any[1];
    const score = (a: string): string => {
      const o = evaluateProgram(ctx.p, { actual: a, points: dec(10), settings: DEFAULT_SETTINGS });
      return o.ok ? `=${o.score.toString()}` : o.code;
    };
    const one = score(`有1${tail}`);
    const zero = score(`有0${tail}`);
    const same = ANY_PREFIXES.every((w) =>
      ANY_SAMPLES.every((d) => score(`${w}${d}${tail}`) === (Number(d) >= 1 ? one : zero)),
    );
    if (!same) continue;
    const holds = `IFERROR(AND(${pieces.start}<=LEN(${t}),${isOneOf(`LEFT(${t},${pieces.start}-1)`, ANY_PREFIXES)},ISERROR(FIND(".",${pieces.digits})),LEN(${pieces.digits})<=15,EXACT(${pieces.tail},${str(tail)})),FALSE())`;
    out = ifT(
      holds,
      ifT(`VALUE(${pieces.digits})>=1`, gradeOf(ctx, c, `有1${tail}`, k), gradeOf(ctx, c, `有0${tail}`, k)),
      out,
    );
  }
  return out;
}
