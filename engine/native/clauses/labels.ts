/**
 * `labels` clauses (满意得2分，一般满意得1.6分): the grade whose whole label the actual is (spaces
 * ignored). The engine's looser readings (a grade named inside a longer text, {X, 无X}, credits
 * that add up) need its word lists: they are decided at compile time for the vocabulary's known
 * texts (gradeFor itself); any other text is unread (需人工评分), never guessed.
 */
import type { Clause } from '../../rules/program';
import { dec, DEFAULT_SETTINGS } from '../../rules';
import { Reader } from '../../rules/evaluate-parts';
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
    // A number actual never names a grade only while no grade has digits in it.
    const bad = c.grades.find((g) => /[\d.+-]/.test(g.label));
    return bad ? `等级「${bad.label}」含数字，数字实际值无法按等级判断` : null;
  },
};

/** The grade's base, or a text. `k` continues with the base. */
export function labelsBase(ctx: Ctx, c: Labels, k: (base: string) => Tree): Tree {
  const r = ctx.r;
  if (r.kind === 'blank') return text(NATIVE_TEXT.ACTUAL_MISSING);
  if (r.kind === 'value' && !r.fromText) return text(NATIVE_TEXT.MANUAL);
  if (r.kind === 'known') {
    // gradeFor reads only the text, and caps credits that add up at the points: a grade's own
    // score does not depend on the points, a sum does (told apart by asking with two).
    const ask = (w: number): ReturnType<typeof gradeFor> =>
      gradeFor(c, new Reader(ctx.p, { actual: r.text, points: dec(w), settings: DEFAULT_SETTINGS }), dec(w));
    const g = ask(1e15);
    if (!g.ok) return text(g.outcome.ok ? NATIVE_TEXT.MANUAL : NATIVE_TEXT[g.outcome.code]);
    const small = ask(1e-9);
    if (small.ok && small.score === g.score) return k(scoreOf(ctx, g.score));
    return k(`MIN(${lit(g.score)},${ctx.w})`);
  }
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
  return out;
}
