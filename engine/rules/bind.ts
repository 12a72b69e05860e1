/**
 * Bounds that are the item's target ("达到镇考核指标得满分"): bound to the target value before the
 * program is evaluated, so every comparison sees a number. No target: the item asks for one.
 */
import type { Dec } from './decimal';
import type { Clause, Condition, Program } from './program';
import type { Outcome } from './types';
import { fail } from './types';

const usesTarget = (c: Condition): boolean => c.value === 'target';

function clauseUses(c: Clause): boolean {
  if (c.kind === 'gate') return c.conditions.some(usesTarget);
  if (c.kind === 'when') return c.test.kind === 'condition' && usesTarget(c.test.condition);
  return false;
}

/** Whether the program names the target as a bound. */
export function namesTarget(p: Program): boolean {
  return p.clauses.some(clauseUses);
}

/**
 * The program with its target bounds replaced by the target value. A target below 1 that is
 * not a whole number is a percent cell's fraction: the bound is a percent, so a bare "85"
 * against it is reported as ambiguous, not compared with 0.85.
 */
export function bindTarget(p: Program, target: Dec | null): Program | Outcome {
  if (!namesTarget(p)) return p;
  if (target === null)
    return fail(
      'ARGUMENT',
      '规则以目标值为界（如“达到考核指标”），请提供目标值',
      'The rule is bounded by the target ("达到考核指标"): give a target value',
    );
  const value = target.toString();
  const unit = target.gt(0) && target.lt(1) && !target.isInteger() ? '%' : '';
  const bind = (c: Condition): Condition => (usesTarget(c) ? { ...c, value, unit: c.unit || unit } : c);
  const clauses = p.clauses.map((c): Clause => {
    if (c.kind === 'gate') return { ...c, conditions: c.conditions.map(bind) };
    if (c.kind === 'when' && c.test.kind === 'condition')
      return { ...c, test: { kind: 'condition', condition: bind(c.test.condition) } };
    if (c.kind === 'step' && c.from === null && c.direction !== 'count' && !c.change)
      return { ...c, from: value };
    return c;
  });
  return { ...p, clauses };
}
