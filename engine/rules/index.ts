/**
 * The rule language: lexer (lexer.ts), grammar (grammar/: one reader per family of clauses, in a
 * registry), the program every sentence compiles to (program.ts), its evaluator (evaluate.ts)
 * and its renderer (render.ts). parseRule → evaluateRule → renderRule is the whole API.
 */
import { assemble } from './assemble';
import { evaluateProgram } from './evaluate';
import { readClauses } from './grammar';
import { normaliseRule } from './lexer';
import { emptyProgram } from './program';
import { renderEn, renderZh } from './render';
import type { EvaluateInput, Outcome, ParsedRule, Rule } from './types';

const MAX_CACHE = 5000;
const SAID_MANUAL = /^([^]+?)：需人工评分(?:（满分(\d+(?:\.\d+)?)分）)?$/;
const cache = new Map<string, ParsedRule>();

/** Upper bound on the text the reader looks at; longer cells are not rules. */
export const MAX_RULE_TEXT = 2000;

/**
 * Reads a target / method text into a scoring program. Texts with no rule give a manual
 * (qualitative) program; texts with numbers or effects the reader cannot place give `ok: false`
 * with the clause (RULE_UNPARSED): never a guess.
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
  // "X：需人工评分" is how renderRule says a hand-score program; read back, it is that program
  // (X read again when it is a clause of a source text, else X as said).
  const said = SAID_MANUAL.exec(raw.trim());
  if (said) {
    const inner = parseUncached(said[1]!);
    const points = said[2] ?? null;
    if (inner.ok && inner.rule.manual !== null && inner.rule.manual.reason !== 'qualitative')
      return { ok: true, rule: { ...inner.rule, points: inner.rule.points ?? points }, veto, vetoExcellence };
    const rule = emptyProgram();
    rule.manual = { reason: 'judgement', clause: said[1]! };
    rule.points = points;
    return { ok: true, rule, veto, vetoExcellence };
  }
  const reading = readClauses(text);
  if (reading.pieces.some((p) => p.t === 'manual')) {
    const a = assemble(reading.pieces);
    if (a.ok) return { ok: true, rule: a.program, veto, vetoExcellence };
  }
  if (reading.unread.length > 0)
    return { ok: false, reason: `含有无法识别的数字或条件：「${reading.unread[0]}」`, veto, vetoExcellence };
  const a = assemble(reading.pieces);
  if (!a.ok) return { ok: false, reason: a.reason, veto, vetoExcellence };
  return { ok: true, rule: a.program, veto, vetoExcellence };
}

/** Evaluates a rule for an actual value. Never throws on bad input: errors are outcomes. */
export function evaluateRule(rule: Rule, input: EvaluateInput): Outcome {
  return evaluateProgram(rule, input);
}

/** Sentences of cached rules (parseRule returns the same object for the same text). */
const sentences = new WeakMap<Rule, { zh?: string; en?: string }>();

/** The canonical sentence of a rule: what is said is what is computed. */
export function renderRule(rule: Rule, lang: 'zh' | 'en' = 'zh'): string {
  let known = sentences.get(rule);
  if (!known) sentences.set(rule, (known = {}));
  return (known[lang] ??= lang === 'zh' ? renderZh(rule) : renderEn(rule));
}

export { marginal, type Bracket } from './grammar/tiers-math';
export { CLAUSE_READERS } from './grammar';
export { formOf, ProgramSchema, type Program, type Clause } from './program';
export { normaliseRule } from './lexer';
export * from './types';
export * from './settings';
export { dec, round, D, type Dec } from './decimal';
export { readActual, readActuals } from './actual';
