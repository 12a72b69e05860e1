/**
 * A whole formula → its native form: every PERF call in it, in any spelling a workbook holds
 * (calls.ts: PERF.<id>, Chinese names, _xldudf_PERF_<id> as Excel saves it without the add-in,
 * _xludf. / _xll. / [1]! prefixes), replaced by its native formula, innermost first, so a call in
 * another's arguments (a band of a score) is converted too; the rest kept as written.
 * The one converter of the pane's 转换为通用公式, the write plan and `perf-check convert`.
 *
 *   convertFormula('=ROUND(PERF.<id>(C3,D3,E3),1)', (ref) => cells[ref])
 *     → { ok: true, formula: '=ROUND((IF(…)),1)', converted: 1 }
 */
import { literalValue, perfCalls, referenceOf } from './calls';
import { compilePerfCall, type PerfArg, type PerfScalar } from './perf';

export type ValueOf = (ref: string) => PerfScalar | readonly (readonly PerfScalar[])[] | undefined;

export type ConvertResult =
  { ok: true; formula: string; converted: number } | { ok: false; reasons: string[] };

/** More nested calls than any formula holds: a guard against a loop, never reached in practice. */
const MOST_CALLS = 100;

/**
 * Each PERF call of `formula` compiled with `argValue` (an argument's value from its text, or
 * undefined when it has none: an expression, a converted call), innermost first; the first call
 * that cannot be converted stops it, with its name (PERF.<id>) and why.
 */
export function convertCalls(
  formula: string,
  argValue: (expr: string) => PerfArg['value'],
): { ok: true; formula: string; converted: number } | { ok: false; name: string; reason: string } {
  let f = formula.startsWith('=') ? formula : `=${formula}`;
  let converted = 0;
  /** The native formulas put in place of inner calls, with the calls' names. */
  const inner: { name: string; body: string }[] = [];
  for (let n = 0; n <= MOST_CALLS; n++) {
    const calls = perfCalls(f);
    if (calls.length === 0) return { ok: true, formula: f, converted };
    // The call that starts last holds no other call.
    const call = calls.reduce((a, b) => (b.start > a.start ? b : a));
    const name = `PERF.${call.id}`;
    const r = compilePerfCall(
      name,
      call.args.map((expr) => {
        const value = argValue(expr);
        return value === undefined ? { expr } : { expr, value };
      }),
    );
    if (!r.ok) {
      // An argument that was another call: say so, not the long formula it became.
      const held = inner.find((x) => call.args.some((a) => a.includes(x.body)));
      if (held)
        return {
          ok: false,
          name,
          reason: `参数中的 ${held.name} 不能直接作为参数转换，请把它放在一个单元格中再引用该单元格`,
        };
      return { ok: false, name, reason: r.reason };
    }
    const body = r.formula.replace(/^=/, '');
    inner.push({ name, body });
    const whole = call.start === 1 && call.end === f.length;
    f = f.slice(0, call.start) + (whole ? body : `(${body})`) + f.slice(call.end);
    converted++;
  }
  return { ok: false, name: 'PERF', reason: `公式中的 PERF 函数超过 ${MOST_CALLS} 个` };
}

/**
 * convertFormula: literals are read here; a reference argument's value comes from `valueOf`
 * (given the reference without "$": "B3", "'规则 表'!B3", "C3:C5").
 */
export function convertFormula(formula: string, valueOf: ValueOf): ConvertResult {
  const r = convertCalls(formula, (expr) => {
    const lit = literalValue(expr);
    if (lit !== undefined) return lit;
    return referenceOf(expr) ? valueOf(expr.trim().replace(/\$/g, '')) : undefined;
  });
  if (r.ok) return r;
  return { ok: false, reasons: [r.reason.startsWith(r.name) ? r.reason : `${r.name}：${r.reason}`] };
}
