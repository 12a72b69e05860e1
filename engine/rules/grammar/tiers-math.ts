/** Marginal brackets: Σ rate × (part of the amount inside the bracket). A = 90 → 2.441. */
import { D, type Dec } from '../decimal';

export interface Bracket {
  from: Dec;
  to: Dec | null;
  rate: Dec;
}

export function marginal(amount: Dec, brackets: readonly Bracket[]): Dec {
  let total = new D(0);
  for (const b of brackets) {
    const top = b.to === null ? amount : D.min(amount, b.to);
    const part = top.minus(b.from);
    if (part.gt(0)) total = total.plus(part.mul(b.rate));
  }
  return total;
}
