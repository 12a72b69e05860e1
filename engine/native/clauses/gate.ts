/**
 * `gate` clauses (执行率≥80%; several: w/n each, or all-or-nothing; 每完成一项得2分 / 一项未完成的扣1分:
 * per condition): the base from the conditions met.
 */
import type { Clause } from '../../rules/program';
import { boolText, lit, type Tree } from '../expr';
import { guard, holds, readNumber, type Ctx, type Fail } from '../context';

export const spec = {
  kind: 'gate',
  zh: '达标条件（达到得满分，多个条件每项得分值的1/n或全部达到才得分；或每完成一项得N分、每有一项未完成扣N分）',
  refuse: (): string | null => null,
};

export function gateBase(ctx: Ctx, g: Extract<Clause, { kind: 'gate' }>, k: (base: string) => Tree): Tree {
  const fails: Fail[] = [];
  const met: string[] = [];
  for (const c of g.conditions) {
    const n = readNumber(ctx, c.metric, c.unit);
    fails.push(...n.fails);
    met.push(holds(n.v, c));
  }
  const n = g.conditions.length;
  const count = met.map((m) => `(${boolText(m)})*1`).join('+');
  const base =
    g.each?.effect === 'credit'
      ? `MIN(${ctx.w},${lit(g.each.amount)}*(${count}))`
      : g.each?.effect === 'deduct'
        ? `MAX(0,${ctx.w}-${lit(g.each.amount)}*(${n}-(${count})))`
        : ctx.settings.thresholds === 'all'
          ? `IF(AND(${met.join(',')}),${ctx.w},0)`
          : n === 1
            ? `IF(${met[0]},${ctx.w},0)`
            : `${ctx.w}*(${count})/${n}`;
  return guard(fails, k(base));
}
