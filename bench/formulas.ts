/**
 * Issue 6.2: the score function (engine/functions/score.ts) in a headless formula engine against native formulas that compute the
 * same scores. HyperFormula (GPL-3, a devDependency used only here and in tests) because it has
 * what the comparison needs: a custom-function plugin API, a dependency graph and batched edits,
 * so "first calculation" and "recalculation after editing every input" are both well defined.
 * (cli/recalc.ts uses fast-formula-parser, which has no dependency graph: every recalculation is a
 * full re-parse, which would hide the function's own cost.)
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
} from 'hyperformula';
import { perfScore, type Scalar } from '../engine/functions';
import { formulaName, scoreFunction } from '../engine/functions/index';

/** The function's name in formulas, from its declaration (engine/functions/score.ts). */
export const NAME = formulaName(scoreFunction);

/** The score function (actual, rule, points) as a HyperFormula plugin over the pure function. */
class PerfPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    [NAME]: {
      method: 'score',
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.SCALAR },
      ],
    },
  };

  // HyperFormula does not export its AST and state types; they are only passed through.
  score(ast: { args: unknown[] }, state: unknown) {
    const args = ast.args as Parameters<FunctionPlugin['runFunction']>[0];
    const st = state as Parameters<FunctionPlugin['runFunction']>[1];
    return this.runFunction(args, st, this.metadata(NAME), (a: unknown, r: string, p: unknown) => {
      const res = perfScore(toScalar(a), r, toScalar(p));
      return res.ok ? res.value : new CellError(ErrorType.VALUE, res.messageEn);
    });
  }
}

function toScalar(v: unknown): Scalar {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return null; // HyperFormula's EmptyValue
}

let registered = false;
function register(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(PerfPlugin, { enGB: { [NAME]: NAME } });
  registered = true;
}

/** The seed rules with points, a way to make actual values, and the native formula of the rule. */
const RULES: Array<{ text: string; points: number; actual: (i: number) => number | string; native: string }> =
  [
    { text: '执行率≥80%', points: 5, actual: (i) => 0.7 + (i % 30) / 100, native: 'IF(A{r}>=0.8,C{r},0)' },
    {
      text: '保健对象满意率80%以上，每低一个百分点扣1分，直至10分扣尽。',
      points: 10,
      actual: (i) => 0.75 + (i % 20) / 100,
      native: 'MAX(0,C{r}-MIN(MAX(0,0.8-A{r})*100,10))',
    },
    { text: '未完成1项扣5分', points: 10, actual: (i) => i % 3, native: 'MAX(0,C{r}-5*A{r})' },
    {
      text: '继续扩增机考机位400个。每少增加100个机位扣3分。',
      points: 9,
      actual: (i) => 200 + (i % 5) * 60,
      native: 'MAX(0,C{r}-MIN(C{r},MAX(0,400-A{r})/100*3))',
    },
    {
      text: '满意得2分，一般满意得1.6分，不满意不得分',
      points: 2,
      actual: (i) => ['满意', '一般满意', '不满意'][i % 3]!,
      native: 'IF(A{r}="满意",2,IF(A{r}="一般满意",1.6,0))',
    },
  ];

type Content = number | string | null;

/** n rows of [actual, rule text, points, formula]; `shift` varies the actual values (an edit). */
export function formulaSheet(n: number, kind: 'perf' | 'native', shift = 0): Content[][] {
  const rows: Content[][] = [];
  for (let i = 0; i < n; i++) {
    const rule = RULES[i % RULES.length]!;
    const r = i + 1;
    const f =
      kind === 'perf' ? `=${NAME}(A${r},B${r},C${r})` : `=${rule.native.replace(/\{r\}/g, String(r))}`;
    rows.push([rule.actual(i + shift), rule.text, rule.points, f]);
  }
  return rows;
}

export interface FormulaTimes {
  build: number;
  recalc: number;
}

/** Builds (first calculation) and then edits every actual value in one batch (recalculation). */
export function runFormulaSheet(n: number, kind: 'perf' | 'native'): FormulaTimes & { values: number[] } {
  register();
  const data = formulaSheet(n, kind);
  const edited = formulaSheet(n, kind, 7).map((r) => [r[0]!]);
  let t = performance.now();
  const hf = HyperFormula.buildFromArray(data, { licenseKey: 'gpl-v3' });
  const build = performance.now() - t;
  t = performance.now();
  hf.batch(() => {
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, edited);
  });
  const recalc = performance.now() - t;
  const values = (hf.getSheetValues(0).map((r) => r[3]) as unknown[]).map((v) =>
    typeof v === 'number' ? v : NaN,
  );
  hf.destroy();
  return { build, recalc, values };
}

/** Calls per second of the pure score function with a cached rule (the parse cache is warm). */
export function callThroughput(calls: number): { nsPerCall: number; callsPerSecond: number } {
  const rules = RULES.map((r) => r.text);
  for (const r of rules) perfScore(0.8, r, 10); // warm the rule cache
  let sink = 0;
  const t = performance.now();
  for (let i = 0; i < calls; i++) {
    const rule = RULES[i % RULES.length]!;
    const res = perfScore(rule.actual(i), rule.text, rule.points);
    if (res.ok) sink += res.value;
  }
  const ms = performance.now() - t;
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return { nsPerCall: (ms * 1e6) / calls, callsPerSecond: calls / (ms / 1000) };
}
