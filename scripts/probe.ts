// Debug aid: prints the pieces and program of a rule, and scores actuals.
import { readClauses } from '../engine/rules/grammar';
import { normaliseRule } from '../engine/rules/lexer';
import { parseRule, evaluateRule, renderRule, DEFAULT_SETTINGS, dec } from '../engine/rules';
const [rule, points, target, ...actuals] = process.argv.slice(2);
const t = normaliseRule(rule!);
console.log('norm:', t);
const r = readClauses(t);
console.log('pieces:', JSON.stringify(r.pieces), 'unread:', r.unread);
const p = parseRule(rule!);
console.log(JSON.stringify(p));
if (p.ok) {
  console.log('zh:', renderRule(p.rule));
  for (const a of actuals)
    console.log(
      a,
      '→',
      JSON.stringify(
        evaluateRule(p.rule, {
          actual: a,
          points: dec(points!),
          target: target === '-' ? null : dec(target!),
          settings: DEFAULT_SETTINGS,
        }),
      ),
    );
}
