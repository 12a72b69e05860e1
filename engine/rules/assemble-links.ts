/**
 * Small links the assembler makes between pieces: the loosest of several bands, the side a step
 * measures from, bare failures that share the effect after them.
 */
import type { Located } from './grammar';
import type { StepPiece } from './grammar/types';
import type { Condition } from './program';

/** A unit that is a fraction of the whole (% or ‰). */
export const isFraction = (u: string): boolean => u === '%' || u === '‰';
/** Two units of one kind: the same unit, or both fractions (% and ‰). */
export const sameKind = (a: string, b: string): boolean => a === b || (isFraction(a) && isFraction(b));

/**
 * The band every other band lies within, when all bound one metric from the same side
 * (≥90%, ≥80% → ≥80%); null when they do not line up.
 */
export function loosestBand(bands: readonly Condition[]): Condition | null {
  if (bands.length === 0) return null;
  const first = bands[0]!;
  const low = first.op === '>=' || first.op === '>';
  const high = first.op === '<=' || first.op === '<';
  if (!low && !high) return null;
  let best = first;
  for (const c of bands) {
    if (c.to !== null || c.metric !== first.metric || !sameKind(c.unit, first.unit)) return null;
    if (c.value === 'target') return bands.length === 1 ? c : null;
    const cLow = c.op === '>=' || c.op === '>';
    const cHigh = c.op === '<=' || c.op === '<';
    if (cLow !== low || cHigh !== high) return null;
    const v = Number(c.value);
    const b = Number(best.value);
    if (low ? v < b || (v === b && c.op === '>=') : v > b || (v === b && c.op === '<=')) best = c;
  }
  return best;
}

/**
 * The direction a per-step deduction counts from its bound: a lower bound (≥) measures a shortfall,
 * an upper one (≤) an excess ("控制在5%以内…超过0.1个百分点扣1分").
 */
export function measuredFrom(s: StepPiece, c: Condition): StepPiece['direction'] {
  return s.direction === 'below' && (c.op === '<=' || c.op === '<') && s.effect === 'deduct' && !s.countable
    ? 'above'
    : s.direction;
}

/**
 * "计划完成率全年低于90%，上半年低于30%不得分": bare failures (低于…) listed before a failure with an
 * effect share that effect, each on its own. Read as a gate, they would earn the points for
 * failing.
 */
export function failuresBefore(work: Located[]): void {
  const below = (c: Condition): boolean => (c.op === '<' || c.op === '<=') && c.to === null;
  for (let i = work.length - 2; i >= 0; i--) {
    const x = work[i]!;
    const next = work[i + 1]!;
    if (
      x.t !== 'cond' ||
      next.t !== 'when' ||
      next.sentence !== x.sentence ||
      next.test.kind !== 'condition' ||
      !below(next.test.condition) ||
      !x.conditions.every(below) ||
      !(
        (next.effect.kind === 'set' && next.effect.score === '0') ||
        next.effect.kind === 'zero' ||
        next.effect.kind === 'deduct'
      )
    )
      continue;
    const effect = next.effect;
    work.splice(
      i,
      1,
      ...x.conditions.map((c) => ({ ...next, test: { kind: 'condition' as const, condition: c }, effect })),
    );
  }
}

/**
 * A bare condition that states the standard whose shortfalls the rule counts, not a gate over the
 * whole item.
 */
export function countedStandard(
  x: Extract<Located, { t: 'cond' }>,
  i: number,
  work: readonly Located[],
): boolean {
  // "统计准确率100%(6分),错报、漏报每例扣2分": the errors counted are what falls short of 100%.
  if (
    x.conditions.every((c) => c.unit === '%' && c.value === '1' && c.op === '>=' && c.to === null) &&
    work.some(
      (y, k) =>
        k > i &&
        y.t === 'step' &&
        y.effect === 'deduct' &&
        (y.direction === 'count' || y.countable) &&
        y.sentence === x.sentence,
    ) &&
    !work.some((y) => y.t === 'step' && y.direction !== 'count' && !y.countable)
  )
    return true;
  // "每月不低于40条…低于规定标准,出现1个月扣5分": the months that fall short are counted, so the
  // monthly standard is what they fall short of, not a gate over the whole item.
  const period = x.conditions.every((c) => /^每个?月$/.test(c.metric))
    ? '个月'
    : x.conditions.every((c) => /^每个?季度$/.test(c.metric))
      ? '个季度'
      : null;
  return (
    period !== null &&
    work.some((y) => y.t === 'step' && y.effect === 'deduct' && y.direction === 'count' && y.unit === period)
  );
}
