/** `tiers` clauses (超额累进): Σ rate × the part of the amount inside each bracket. */
import type { Clause } from '../../rules/program';
import { lit, num, type Tree } from '../expr';
import { guard, readNumber, type Ctx } from '../context';

export const spec = {
  kind: 'tiers',
  zh: '超额累进（每档比例只用于落在该档内的部分）',
  refuse: (): string | null => null,
};

/** marginal(amount, brackets) over a number expression. */
export function marginalOf(
  v: string,
  brackets: readonly { from: string; to: string | null; rate: string }[],
): string {
  return brackets
    .map((b) => `MAX(0,${b.to === null ? v : `MIN(${v},${lit(b.to)})`}-${lit(b.from)})*${lit(b.rate)}`)
    .join('+');
}

export function tiersScore(ctx: Ctx, t: Extract<Clause, { kind: 'tiers' }>): Tree {
  const n = readNumber(ctx, '金额', '');
  return guard(n.fails, num(marginalOf(n.v, t.brackets)));
}
