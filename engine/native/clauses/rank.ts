/**
 * `rank` clauses (排名第1至4名依次得20、18、16、14分; 前5位不扣分，第6位扣0.25分，随后每后移一位
 * 加扣0.25分; 倒数第1名扣2分): the base a rank gives, as rankBase() in evaluate-parts.ts.
 */
import type { Clause } from '../../rules/program';
import { ifT, lit, mapNum, not, num, text, type Tree } from '../expr';
import { guard, type Ctx } from '../context';
import { NATIVE_TEXT } from '../messages';
import { containsAny } from '../reading';

export type Rank = Extract<Clause, { kind: 'rank' }>;

export const spec = {
  kind: 'rank',
  zh: '名次表（逐位得分或扣分，前N位不扣分，随后每后移一位加扣）',
  refuse: (): string | null => null,
};

export function rankBase(ctx: Ctx, c: Rank, k: (base: string) => Tree): Tree {
  const r = ctx.r;
  if (r.kind === 'blank') return text(NATIVE_TEXT.ACTUAL_MISSING);
  // "8/10", "第3名/共10名": a rank and the number of units, read by the engine only.
  if (r.kind === 'text') return text(NATIVE_TEXT.UNREAD);
  if (r.kind === 'known') return text(NATIVE_TEXT.ACTUAL_INVALID); // no number in it
  if (r.kind === 'list' || r.kind === 'counts') return text(NATIVE_TEXT.UNREAD); // not for ranks
  const n = r.v;
  const bottomWritten = containsAny(r.raw, ['倒数']);
  const w = ctx.w;
  const fails = [
    { c: `OR(${n}<>INT(${n}),${n}<1)`, msg: NATIVE_TEXT.ACTUAL_INVALID },
    // one value named 总数 would be the count of units, not a rank
    { c: r.fromText ? `${r.name}="总数"` : false, msg: NATIVE_TEXT.UNREAD },
  ];
  const last = c.entries[c.entries.length - 1];
  let past: Tree;
  if (c.step !== null && last && last.effect === 'deduct') {
    const lastAmount = last.amount === 'full' ? w : lit(last.amount);
    past = ifT(
      `${n}>${last.rank}`,
      num(`MAX(0,${w}-(${lastAmount}+${lit(c.step)}*(${n}-${last.rank})))`),
      c.fromBottom ? num(w) : text(NATIVE_TEXT.MANUAL),
    );
  } else past = c.fromBottom ? num(w) : text(NATIVE_TEXT.MANUAL);
  let table: Tree = past;
  for (let i = c.entries.length - 1; i >= 0; i--) {
    const e = c.entries[i]!;
    if (c.entries.findIndex((x) => x.rank === e.rank) !== i) continue;
    const amount = e.amount === 'full' ? w : lit(e.amount);
    table = ifT(`${n}=${e.rank}`, num(e.effect === 'set' ? amount : `MAX(0,${w}-${amount})`), table);
  }
  const base = ifT(c.free > 0 ? `${n}<=${c.free}` : false, num(w), table);
  // 倒数 written against a table from the top, or a bottom table without 倒数 (nor rank/total): manual.
  const wrongEnd = c.fromBottom ? not(bottomWritten) : bottomWritten;
  return guard(fails, ifT(wrongEnd, text(NATIVE_TEXT.MANUAL), mapNum(base, k)));
}
