/**
 * A whole formula → its native form: every PERF call in it (also `_xldudf_` / `_xludf.`-prefixed,
 * English or Chinese names) replaced by its native formula in parentheses, the rest kept as
 * written. `valueOf` gives the value of a reference argument (the converter reads the workbook);
 * string and number literals are read here.
 *
 *   convertFormula('=ROUND(PERF.指标得分(C3,D3,E3),1)', (ref) => cells[ref])
 *     → { ok: true, formula: '=ROUND((IF(…)),1)', converted: 1 }
 */
import { compilePerfCall, type PerfArg, type PerfScalar } from './perf';

export type ValueOf = (ref: string) => PerfScalar | readonly (readonly PerfScalar[])[] | undefined;

export type ConvertResult =
  { ok: true; formula: string; converted: number } | { ok: false; reasons: string[] };

const CALL = /(?:_xldudf_|_xludf\.)?PERF\.[A-Za-z\u4e00-\u9fff]+\s*\(/iy;

/** Splits "a, b, (c, d)" at its top-level commas (strings, parentheses and braces respected). */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (inStr) {
      cur += ch;
      if (ch === '"') inStr = s[i + 1] === '"' ? ((cur += s[++i]!), true) : false;
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.length === 1 && out[0]!.trim() === '' ? [] : out;
}

function literal(expr: string, valueOf: ValueOf): PerfArg {
  const e = expr.trim();
  if (/^".*"$/s.test(e)) return { expr: e, value: e.slice(1, -1).replace(/""/g, '"') };
  if (/^-?\d+(?:\.\d+)?$/.test(e)) return { expr: e, value: Number(e) };
  if (e === '') return { expr: e };
  const v = valueOf(e.replace(/\$/g, ''));
  return v === undefined ? { expr: e } : { expr: e, value: v };
}

export function convertFormula(formula: string, valueOf: ValueOf): ConvertResult {
  const body = formula.replace(/^=/, '');
  let out = '';
  let converted = 0;
  const reasons: string[] = [];
  let inStr = false;
  for (let i = 0; i < body.length;) {
    const ch = body[i]!;
    if (ch === '"') inStr = !inStr;
    CALL.lastIndex = i;
    const m = !inStr && (i === 0 || !/[\w.]/.test(body[i - 1]!)) ? CALL.exec(body) : null;
    if (!m) {
      out += ch;
      i++;
      continue;
    }
    // Find the call's closing parenthesis.
    let depth = 1;
    let j = i + m[0].length;
    let s = false;
    for (; j < body.length && depth > 0; j++) {
      const c = body[j]!;
      if (c === '"') s = !s;
      else if (!s && c === '(') depth++;
      else if (!s && c === ')') depth--;
    }
    if (depth !== 0) return { ok: false, reasons: ['公式括号不配对'] };
    const name = m[0].replace(/\s*\($/, '');
    const inner = body.slice(i + m[0].length, j - 1);
    CALL.lastIndex = 0;
    if (/PERF\./i.test(inner)) reasons.push(`${name}：参数中含有 PERF 函数，无法转换`);
    else {
      const r = compilePerfCall(
        name,
        splitArgs(inner).map((a) => literal(a, valueOf)),
      );
      if (r.ok) {
        out += `(${r.formula.slice(1)})`;
        converted++;
      } else reasons.push(`${name}：${r.reason}`);
    }
    if (reasons.length > 0) out += body.slice(i, j);
    i = j;
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, formula: `=${out}`, converted };
}
