/**
 * The formula function table: fast-formula-parser's own functions, @formulajs/formulajs (MIT) for
 * the ones it leaves unimplemented (MAX, MIN, RANK, MATCH, COUNTA, …), Excel-faithful fixes
 * (decimal ROUND, errors that propagate out of aggregates, CHOOSE, VALUE, RANK), and the PERF
 * functions (./perf.ts).
 */
import Decimal from 'decimal.js';
import * as formulajs from '@formulajs/formulajs';
import {
  formulaError,
  isFormulaError,
  makeError,
  type FormulaErrorT,
  type FunctionArg,
  type FunctionTable,
  type ParserFunction,
} from './parser.js';
import { installPerf, PERF_NAMES } from './perf.js';

function firstError(args: readonly FunctionArg[]): FormulaErrorT | null {
  for (const a of args) {
    if (!a) continue;
    const v = a.value;
    if (isFormulaError(v)) return v;
    if (Array.isArray(v)) {
      for (const row of v as unknown[]) {
        if (!Array.isArray(row)) continue;
        for (const x of row as unknown[]) if (isFormulaError(x)) return x;
      }
    }
  }
  return null;
}

/** An argument's value, or an array's first element (what a one-value argument reads). */
function firstValue(a: FunctionArg | undefined): unknown {
  const v: unknown = a?.value ?? null;
  return Array.isArray(v) ? ((v[0] as unknown[] | undefined)?.[0] ?? null) : v;
}

function toNumber(a: FunctionArg | undefined, fallback: number): number | FormulaErrorT {
  if (a === undefined || a.omitted) return fallback;
  const v = firstValue(a);
  if (isFormulaError(v)) return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return formulaError('#VALUE!');
}

const Dx = Decimal.clone({ precision: 40 });

/** ROUND / ROUNDUP / ROUNDDOWN on the 15-digit value, half away from zero. */
function excelRound(mode: Decimal.Rounding): ParserFunction {
  return (number, digits) => {
    const x = toNumber(number, 0);
    if (isFormulaError(x)) return x;
    const d0 = toNumber(digits, 0);
    if (isFormulaError(d0)) return d0;
    if (!Number.isFinite(x)) return formulaError('#NUM!');
    const d = Math.trunc(d0);
    const v = new Dx(x === 0 ? 0 : x.toPrecision(15));
    if (d >= 0) return v.toDecimalPlaces(Math.min(d, 30), mode).toNumber();
    const f = new Dx(10).pow(Math.min(-d, 300));
    return v.div(f).toDecimalPlaces(0, mode).mul(f).toNumber();
  };
}

/**
 * fast-formula-parser's aggregates skip error values inside ranges; Excel's return the first
 * error (=SUM(D2:D9) is #VALUE! when D5 is). These are wrapped to do the same.
 */
const PROPAGATE_ERRORS = [
  'SUM',
  'SUMSQ',
  'PRODUCT',
  'AVERAGE',
  'AVERAGEA',
  'AVEDEV',
  'DEVSQ',
  'GEOMEAN',
  'HARMEAN',
  'SUMPRODUCT',
  'SUMX2MY2',
  'SUMX2PY2',
  'SUMXMY2',
  'AND',
  'OR',
  'XOR',
  'CONCATENATE',
  'CONCAT',
];

const LEGACY_NAMES: Record<string, string> = {
  RANK: 'RANK.EQ',
  STDEV: 'STDEV.S',
  STDEVP: 'STDEV.P',
  VAR: 'VAR.S',
  VARP: 'VAR.P',
  PERCENTILE: 'PERCENTILE.INC',
  QUARTILE: 'QUARTILE.INC',
  PERCENTRANK: 'PERCENTRANK.INC',
  MODE: 'MODE.SNGL',
};

/** CHOOSE(index, value1, …): fast-formula-parser passes its context first and has no body for it. */
function choose(_context: unknown, index?: FunctionArg, ...values: FunctionArg[]): unknown {
  const i = toNumber(index, 0);
  if (isFormulaError(i)) return i;
  const k = Math.trunc(i);
  if (k < 1 || k > values.length) return formulaError('#VALUE!');
  const v = values[k - 1]!;
  return v.omitted ? 0 : v.value;
}

/** VALUE(text): formulajs gives 0 for text that is not a number; Excel gives #VALUE!. */
function value(text?: FunctionArg): unknown {
  let v: unknown = text?.value ?? null;
  if (Array.isArray(v)) v = (v[0] as unknown[] | undefined)?.[0] ?? null;
  if (isFormulaError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return formulaError('#VALUE!');
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)$/i.exec(v.trim().replace(/,(?=\d{3}\b)/g, ''));
  if (!m) return formulaError('#VALUE!');
  const n = Number(m[1]);
  return m[2] ? n / 100 : n;
}

/** A value as text, as Excel joins it: 15 significant digits, TRUE / FALSE, "" for a blank. */
function textOf(a: FunctionArg | undefined): string | FormulaErrorT {
  const v = firstValue(a);
  if (isFormulaError(v)) return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  return String(v);
}

/**
 * SUBSTITUTE(text, old, new, [instance]): fast-formula-parser has no body for it, and formulajs
 * leaves a number as old text unreplaced (SUBSTITUTE("漏报0例",0,"") is "漏报例" in Excel).
 */
function substitute(
  text?: FunctionArg,
  old?: FunctionArg,
  by?: FunctionArg,
  instance?: FunctionArg,
): unknown {
  const t = textOf(text);
  const o = textOf(old);
  const b = textOf(by);
  for (const x of [t, o, b]) if (isFormulaError(x)) return x;
  const [s, from, to] = [t, o, b] as string[];
  if (from === '') return s;
  if (instance === undefined || instance.omitted) return s!.split(from!).join(to);
  const n = toNumber(instance, 1);
  if (isFormulaError(n)) return n;
  const k = Math.trunc(n);
  if (k < 1) return formulaError('#VALUE!');
  let at = -1;
  for (let i = 0; i < k; i++) {
    at = s!.indexOf(from!, at + 1);
    if (at < 0) return s;
  }
  return s!.slice(0, at) + to + s!.slice(at + from!.length);
}

/** Excel's wildcard text ("*" any run, "?" one character, "~" quotes the next) as a RegExp. */
function wildcard(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '~' && i + 1 < pattern.length) out += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '*') out += '[\\s\\S]*';
    else if (ch === '?') out += '[\\s\\S]';
    else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

/**
 * MATCH(lookup, array, 0), as Excel finds it: the first element equal to the lookup, text without
 * regard to case and with Excel's wildcards, an empty text too. formulajs read the lookup as a
 * regular expression ("|约" matched every element) and found no empty text. Other match types
 * stay with formulajs.
 */
function matchExact(inner: ParserFunction): ParserFunction {
  return (...args) => {
    const [lookup, array, type] = args;
    const exact = type !== undefined && !type.omitted && type.value === 0;
    if (!exact || !lookup || !array) return inner(...args);
    let v: unknown = lookup.value;
    if (Array.isArray(v)) v = (v[0] as unknown[] | undefined)?.[0] ?? null;
    if (isFormulaError(v)) return v;
    const list: unknown[] = Array.isArray(array.value) ? (array.value as unknown[][]).flat() : [array.value];
    const re = typeof v === 'string' && /[*?~]/.test(v) ? wildcard(v) : null;
    const at = list.findIndex((x) => {
      if (typeof v === 'string') {
        if (typeof x !== 'string') return false;
        return re ? re.test(x) : x.toLowerCase() === v.toLowerCase();
      }
      if (v === null || v === undefined) return false;
      return x === v;
    });
    return at >= 0 ? at + 1 : formulaError('#N/A');
  };
}

/** A message fast-formula-parser throws (not returns) for a blank cell in its number functions. */
const BLANK_THROWN = /Unknown type in FormulaHelpers\.acceptNumber/;

/**
 * fast-formula-parser's own number functions (MOD, …) throw on a blank cell, which stops the whole
 * formula, even in an IF branch not taken (it reads every argument first). Excel reads a blank
 * as 0 there: the call is made again with blanks as 0.
 */
function blankAsZero(inner: ParserFunction): ParserFunction {
  return (...args) => {
    try {
      return inner(...args);
    } catch (e) {
      if (!(e instanceof Error) || !BLANK_THROWN.test(e.message)) throw e;
      return inner(...args.map((a) => (a && !a.omitted && a.value === null ? { ...a, value: 0 } : a)));
    }
  };
}

/** RANK / RANK.EQ / RANK.AVG: #N/A when the number is not in the list (formulajs gives 0). */
function rankOf(fn: ParserFunction): ParserFunction {
  return (...args) => {
    const err = firstError(args.slice(0, 1));
    if (err) return err;
    const n = toNumber(args[0], 0);
    const list = args[1]?.value;
    const values = (Array.isArray(list) ? (list as unknown[]).flat() : [list]).filter(
      (x) => typeof x === 'number',
    );
    if (isFormulaError(n) || !values.includes(n)) return formulaError('#N/A');
    return fn(...args);
  };
}

/** formulajs functions by Excel name ("RANK.EQ" from formulajs.RANK.EQ). */
let formulajsCache: Map<string, (...args: unknown[]) => unknown> | null = null;
function formulajsFunctions(): Map<string, (...args: unknown[]) => unknown> {
  if (formulajsCache) return formulajsCache;
  const out = new Map<string, (...args: unknown[]) => unknown>();
  formulajsCache = out;
  for (const [k, v] of Object.entries(formulajs as Record<string, unknown>)) {
    if (typeof v === 'function') out.set(k.toUpperCase(), v as (...args: unknown[]) => unknown);
    else if (v && typeof v === 'object') {
      for (const [s, w] of Object.entries(v as Record<string, unknown>)) {
        if (typeof w === 'function') out.set(`${k}.${s}`.toUpperCase(), w as (...args: unknown[]) => unknown);
      }
    }
  }
  // Excel's legacy names (RANK, STDEV, PERCENTILE …) are objects in formulajs, not functions.
  for (const [legacy, modern] of Object.entries(LEGACY_NAMES)) {
    const fn = out.get(modern);
    if (fn && !out.has(legacy)) out.set(legacy, fn);
  }
  return out;
}

export const ERROR_CODES = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!']);

/** Adapts a formulajs function: plain values in, its Error objects back to formula errors. */
export function fromFormulajs(name: string, fn: (...args: unknown[]) => unknown): ParserFunction {
  return (...args) => {
    const plain = args.map((a) => (a === undefined || a.omitted ? undefined : a.value));
    let r: unknown;
    try {
      r = fn(...plain);
    } catch (e) {
      // An exception inside formulajs is its bug or an argument it cannot take: say which function.
      const msg = e instanceof Error ? e.message : String(e);
      return makeError('#VALUE!', `${name} 计算出错：${msg}`, `${name} failed: ${msg}`);
    }
    if (isFormulaError(r)) return r;
    if (r instanceof Error) return formulaError(ERROR_CODES.has(r.message) ? r.message : '#VALUE!');
    if (r instanceof Date) return formulaError('#VALUE!');
    return r;
  };
}

/**
 * Fills the parser's table; `here` names the cell being evaluated, for error origins, and `sheet`
 * its sheet.
 */
export function fillFunctionTable(t: FunctionTable, here: () => string, sheet: () => string): void {
  const { table, native, context } = t;
  const fill = formulajsFunctions();
  for (const [name, fn] of fill) {
    if (!native.has(name) && !context.has(name)) table[name] = fromFormulajs(name, fn);
  }
  for (const name of PROPAGATE_ERRORS) {
    const inner = table[name];
    if (!inner || context.has(name)) continue;
    table[name] = (...args) => firstError(args) ?? inner(...args);
  }
  for (const name of native) {
    const inner = table[name];
    if (inner && !context.has(name)) table[name] = blankAsZero(inner);
  }
  if (table.MATCH) table.MATCH = matchExact(table.MATCH);
  table.CHOOSE = choose as unknown as ParserFunction;
  table.VALUE = value;
  table.SUBSTITUTE = substitute;
  for (const name of ['RANK', 'RANK.EQ', 'RANK.AVG']) {
    const inner = table[name];
    if (inner) table[name] = rankOf(inner);
  }
  table.ROUND = excelRound(Decimal.ROUND_HALF_UP);
  table.ROUNDUP = excelRound(Decimal.ROUND_UP);
  table.ROUNDDOWN = excelRound(Decimal.ROUND_DOWN);
  // No network from a workbook's formulas.
  table.WEBSERVICE = () => makeError('#NAME?', '不支持 WEBSERVICE', 'WEBSERVICE is not supported');
  installPerf(t, here, sheet);
}

export function unknownFunction(name: string, here: string): FormulaErrorT {
  if (/(?:^|[._])PERF[._]/i.test(name)) {
    const shown = name.replace(/^_XLDUDF_PERF_/, 'PERF.').replace(/^_(?:XLUDF|XLL)\./, '');
    return makeError(
      '#NAME?',
      `没有 PERF 函数 ${shown}（可用：${PERF_NAMES.map((n) => `PERF.${n}`).join('、')}）`,
      `there is no PERF function ${shown}`,
      here,
    );
  }
  return makeError(
    '#NAME?',
    `公式引擎不支持函数 ${name}，无法重算`,
    `the formula engine does not support ${name}`,
    here,
  );
}
