/**
 * The rule reader: one module per rule kind (registry below, tried in order), a cache of parsed
 * texts, evaluation with decimal.js and the canonical sentence of each rule.
 */
import { hasDigits, clauses, isAspiration, normaliseRule, stripNoise } from './prose';
import type { EvaluateInput, Outcome, ParsedRule, Rule, RuleKindModule } from './types';
import { fail } from './types';
import { completion } from './kinds/completion';
import { count } from './kinds/count';
import { deductionOnly } from './kinds/deduction-only';
import { graded } from './kinds/graded';
import { linear } from './kinds/linear';
import { occurrence } from './kinds/occurrence';
import { rank } from './kinds/rank';
import { ratio } from './kinds/ratio';
import { step } from './kinds/step';
import { threshold } from './kinds/threshold';
import { tiers } from './kinds/tiers';

/** Most specific wording first: a linear rule also contains a threshold. */
export const RULE_KINDS: readonly RuleKindModule[] = [
  deductionOnly,
  rank,
  tiers,
  linear,
  step,
  count,
  graded,
  completion,
  occurrence,
  ratio,
  threshold,
] as readonly RuleKindModule[];

const byKind = new Map<string, RuleKindModule>(RULE_KINDS.map((k) => [k.kind, k]));
const MAX_CACHE = 5000;
const cache = new Map<string, ParsedRule>();

/** Upper bound on the text the reader looks at; longer cells are not rules. */
export const MAX_RULE_TEXT = 2000;

/**
 * Reads a target / method text into a rule. Qualitative texts give `manual`; texts with numbers
 * or conditions the reader cannot understand give `ok: false` (RULE_UNPARSED): never a guess.
 */
export function parseRule(text: string): ParsedRule {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parseUncached(text);
  if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value as string);
  cache.set(text, result);
  return result;
}

function parseUncached(raw: string): ParsedRule {
  const text = normaliseRule(raw.length > MAX_RULE_TEXT ? raw.slice(0, MAX_RULE_TEXT) : raw);
  const veto = /一票否决/.test(text);
  const vetoExcellence = /一票否优/.test(text);
  if (raw.length > MAX_RULE_TEXT)
    return { ok: false, reason: `文字过长（${raw.length}字），无法作为计分规则`, veto, vetoExcellence };
  for (const k of RULE_KINDS) {
    const rule = k.parse(text);
    if (rule) return { ok: true, rule, veto, vetoExcellence };
  }
  const numeric = clauses(text).some((c) => !isAspiration(c) && hasDigits(stripNoise(c)));
  if (numeric) return { ok: false, reason: '含有无法识别的数字或条件', veto, vetoExcellence };
  return { ok: true, rule: { kind: 'manual' }, veto, vetoExcellence };
}

/** Evaluates a rule for an actual value. Never throws on bad input: errors are outcomes. */
export function evaluateRule(rule: Rule, input: EvaluateInput): Outcome {
  if (rule.kind === 'manual')
    return fail('MANUAL', '定性指标，需人工评分', 'Qualitative target: score by hand');
  const k = byKind.get(rule.kind);
  if (!k) return fail('RULE_UNPARSED', '未知规则', 'Unknown rule');
  return k.evaluate(rule as never, input);
}

/** Sentences of cached rules (parseRule returns the same object for the same text). */
const sentences = new WeakMap<Rule, { zh?: string; en?: string }>();

/** The canonical sentence of a rule. */
export function renderRule(rule: Rule, lang: 'zh' | 'en' = 'zh'): string {
  let known = sentences.get(rule);
  if (!known) sentences.set(rule, (known = {}));
  return (known[lang] ??= renderUncached(rule, lang));
}

function renderUncached(rule: Rule, lang: 'zh' | 'en'): string {
  if (rule.kind === 'manual') return lang === 'zh' ? '定性指标，需人工评分' : 'Qualitative: scored by hand';
  const k = byKind.get(rule.kind);
  return k ? k.render(rule as never, lang) : rule.kind;
}

export { marginal, type Bracket } from './kinds/tiers';
export * from './types';
export * from './settings';
export { dec, round, D, type Dec } from './decimal';
export { readActual, readActuals } from './actual';
