/**
 * The ratio base (按完成比例计分; 与第1名的比例): w × A / T (T / A when lower is better), kept
 * within [0, cap]; T is the target cell when given, else the sentence's bound.
 */
import type { Base } from '../../rules/program';
import { ifT, lit, text, type Tree } from '../expr';
import { guard, readNumber, type Ctx } from '../context';
import { NATIVE_TEXT } from '../messages';

export const spec = {
  kind: 'ratio',
  zh: '完成比例（实际值÷目标值×分值，上限为比例上限）',
  refuse: (): string | null => null,
};

export function ratioBase(ctx: Ctx, b: Extract<Base, { kind: 'ratio' }>, k: (base: string) => Tree): Tree {
  const withBound = (bound: string | null): Tree => {
    if (bound === null) return text(NATIVE_TEXT.MANUAL);
    const n = readNumber(ctx, b.metric, b.unit);
    const zero = b.lowerIsBetter ? `OR(${bound}=0,${n.v}=0)` : `${bound}=0`;
    const ratio = b.lowerIsBetter ? `${bound}/${n.v}` : `${n.v}/${bound}`;
    const cap = b.cap !== null ? lit(b.cap) : String(ctx.settings.ratioCap);
    return guard(
      n.fails,
      ifT(zero, text(NATIVE_TEXT.ACTUAL_INVALID), k(`${ctx.w}*MAX(0,MIN(${ratio},${cap}))`)),
    );
  };
  const own = b.best ? null : b.bound === null ? null : lit(b.bound);
  if (ctx.target === null) return withBound(own);
  return targetSwitch(ctx, withBound(own), (t) => withBound(t));
}

/** The target argument: blank means "not given"; a number replaces the rule's own bound. */
export function targetSwitch(ctx: Ctx, absent: Tree, given: (t: string) => Tree): Tree {
  const t = ctx.target!;
  return ifT(`LEN(${t}&"")=0`, absent, ifT(`ISNUMBER(${t})`, given(t), text(NATIVE_TEXT.TARGET)));
}
