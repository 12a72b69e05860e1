// Debug aid: a rule's native formula against the engine, in HyperFormula.
//   npx tsx scripts/native-probe.ts "<rule>" <points> <target|-> <actuals…>   (PROBE_FORMULA=1 prints it)
import { parseRule, evaluateRule, DEFAULT_SETTINGS, dec } from '../engine/rules';
import { compileRuleText } from '../engine/native';
import { evaluateRows } from '../test/native/hf';
const [rule, points, target, ...actuals] = process.argv.slice(2);
const p = parseRule(rule!);
if (!p.ok) throw new Error(p.reason);
console.log(JSON.stringify(p.rule));
const f = compileRuleText(
  rule!,
  { actual: 'A1', points: 'B1', target: target === '-' ? null : 'C1' },
  DEFAULT_SETTINGS,
);
if (!f.ok) throw new Error(f.reason);
if (process.env.PROBE_FORMULA) console.log(f.formula);
console.log('length', f.formula.length);
for (const a of actuals) {
  const e = evaluateRule(p.rule, {
    actual: a,
    points: dec(points!),
    target: target === '-' ? null : dec(target!),
    settings: DEFAULT_SETTINGS,
  });
  const hf = evaluateRows([[a, Number(points), target === '-' ? null : target!, f.formula]])[0]![3];
  console.log(a, 'engine →', e.ok ? e.score.toString() : e.message, '| formula →', hf);
}
