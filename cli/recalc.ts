/**
 * `perf-check recalc`: recalculates the formulas of a workbook that use PERF functions, and the
 * formulas that depend on them, without Excel and without the add-in.
 *
 * The formula engine is fast-formula-parser (MIT): it parses Excel formulas, evaluates operators,
 * references and about 280 functions, and lists the references of a formula. The functions it
 * leaves unimplemented (MAX, MIN, RANK, MATCH, COUNTA, …) are taken from @formulajs/formulajs
 * (MIT). The PERF functions are engine/functions.ts, as in the add-in.
 *
 * How a workbook is recalculated:
 *  1. every formula cell of every sheet becomes a node; its references (cells, ranges, defined
 *     names) come from the parser's dependency pass; an array formula (Excel's `t="array"` with a
 *     `ref`) covers its whole spill area;
 *  2. the PERF cells and everything downstream of them are recalculated; upstream formulas keep
 *     their cached values, unless they have none, in which case they are calculated too;
 *  3. those nodes are ordered by Tarjan's algorithm: dependencies first, and every cycle is found
 *     as a strongly connected component. Each cell of a cycle gets #CIRC! with the path
 *     ("循环引用：D2 → E2 → D2"); nothing loops, nothing recurses without bound.
 * Numbers come out at 15 significant digits, as Excel shows them; ROUND / ROUNDUP / ROUNDDOWN are
 * decimal and round half away from zero on the 15-digit value (ROUND(21.9/0.2, 0) = 110).
 */
import { promises as fs } from 'node:fs';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import FormulaParser from 'fast-formula-parser';
import type { CellRef, FunctionArg, ParserFunction, RangeRef, Ref } from 'fast-formula-parser';
import * as formulajs from '@formulajs/formulajs';
import { cellAddress, parseRangeAddress } from '../engine/address.js';
import {
  perfAllocate,
  perfBand,
  perfEfficacy,
  perfForced,
  perfProgress,
  perfRankScore,
  perfRule,
  perfScore,
  perfTiered,
  type Arg,
  type FnResult,
  type Scalar,
} from '../engine/functions.js';
import type { CellValue, Workbook } from '../engine/grid.js';
import type { Lang } from './report.js';
import { installFastMergeLoading } from '../xlsx/merges.js';

const { FormulaError, DepParser } = FormulaParser;
type FormulaErrorT = InstanceType<typeof FormulaError>;

// =============================================================================================
// Results
// =============================================================================================

export interface ErrorValue {
  error: string;
  message: string;
}
/** A recalculated value as reported: number, text, boolean or an error with its message. */
export type RecalcValue = number | string | boolean | ErrorValue;

export interface RecalcCell {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** The formula as stored, with "=". For a spilled cell: the formula of its anchor. */
  formula: string;
  value: RecalcValue;
  /** The formula itself calls a PERF function. */
  perf: boolean;
  /** Set on the cells an array result spilled into: the anchor cell holding the formula. */
  spillFrom?: string;
}

/** One value to store in the output workbook. */
export interface CellWrite {
  sheet: string;
  cell: string;
  value: RecalcValue;
}

export interface RecalcOutcome {
  /** PERF cells, their dependents and their spilled cells, in sheet then row/column order. */
  cells: RecalcCell[];
  /** Every value recalculated, including upstream formulas that had no cached value. */
  writes: CellWrite[];
}

/** An array formula (Excel `t="array"`): the anchor holds the formula, `ref` is the spill area. */
export interface ArrayFormula {
  sheet: string;
  anchor: string;
  ref: string;
}

/** A workbook-level defined name: "Sheet!$A$1:$B$3". Only names with one range are used. */
export interface DefinedName {
  name: string;
  ranges: string[];
}

export interface RecalcInput {
  workbook: Workbook;
  arrays?: readonly ArrayFormula[];
  names?: readonly DefinedName[];
  lang?: Lang;
}

// =============================================================================================
// PERF functions as parser functions
// =============================================================================================

const PERF_NAMES = [
  'SCORE',
  'BAND',
  'FORCED',
  'RANKSCORE',
  'TIERED',
  'PROGRESS',
  'EFFICACY',
  'ALLOCATE',
  'RULE',
] as const;
type PerfName = (typeof PERF_NAMES)[number];

interface PerfSpec {
  min: number;
  max: number;
  call: (a: (Arg | undefined)[]) => FnResult<number | string | number[][]>;
}

// Arity is checked before the call: the required arguments are there (null when empty).
const PERF_SPECS: Record<PerfName, PerfSpec> = {
  SCORE: { min: 3, max: 5, call: (a) => perfScore(a[0]!, a[1]!, a[2]!, a[3], a[4]) },
  BAND: { min: 1, max: 2, call: (a) => perfBand(a[0]!, a[1]) },
  FORCED: { min: 2, max: 4, call: (a) => perfForced(a[0]!, a[1]!, a[2], a[3]) },
  RANKSCORE: { min: 3, max: 3, call: (a) => perfRankScore(a[0]!, a[1]!, a[2]!) },
  TIERED: { min: 3, max: 3, call: (a) => perfTiered(a[0]!, a[1]!, a[2]!) },
  PROGRESS: { min: 4, max: 5, call: (a) => perfProgress(a[0]!, a[1]!, a[2]!, a[3]!, a[4]) },
  EFFICACY: { min: 3, max: 4, call: (a) => perfEfficacy(a[0]!, a[1]!, a[2]!, a[3]) },
  ALLOCATE: { min: 3, max: 3, call: (a) => perfAllocate(a[0]!, a[1]!, a[2]!) },
  RULE: { min: 1, max: 1, call: (a) => perfRule(a[0]!) },
};

/**
 * The spellings a PERF function has in a formula: typed (PERF.SCORE), as Excel stores an Office
 * custom function in the file (_xldudf_PERF_SCORE), as an unknown function opened elsewhere
 * (_xludf.PERF.SCORE), or the XLL equivalent (_xll.PERF.SCORE).
 */
function perfAliases(name: string): string[] {
  return [`PERF.${name}`, `_XLUDF.PERF.${name}`, `_XLL.PERF.${name}`, `_XLDUDF_PERF_${name}`];
}

/** Calls of PERF functions, in any spelling (string literals removed first). */
const PERF_CALL = /(?:^|[^A-Za-z0-9_.])(?:_xludf\.|_xll\.|_xlfn\.)?(?:PERF\.|_xldudf_PERF_)[A-Za-z]+\s*\(/i;

function stripStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

/** The function a leading omitted argument becomes (see withLeadingOmitted). */
const OMITTED = '_PERF_OMITTED_';

/** What OMITTED() gives: a marker the PERF adapters read as an omitted argument. */
const OMITTED_VALUE = '\u2063omitted\u2063';

/**
 * fast-formula-parser drops an omitted *first* argument: F(,2,3) would reach F as (2,3), every
 * argument shifted. In a PERF call such an argument becomes OMITTED(), read as omitted.
 */
export function withLeadingOmitted(body: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    out += ch;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (
      ch === '(' &&
      /^\s*,/.test(body.slice(i + 1)) &&
      /(?:PERF\.|_xldudf_PERF_)[A-Za-z]+\($/i.test(out)
    ) {
      out += `${OMITTED}()`;
    }
  }
  return out;
}

/** True when a formula calls a PERF function (known or not). */
export function usesPerf(formula: string): boolean {
  return PERF_CALL.test(stripStrings(formula));
}

// =============================================================================================
// Values
// =============================================================================================

/** What the parser passes around: a scalar, an error, or (for ranges) a matrix. */
type PValue = number | string | boolean | null | FormulaErrorT | PValue[][];

interface ErrorDetails {
  zh: string;
  en: string;
  /** The cell whose formula produced the error (sheet-qualified when needed). */
  origin?: string;
}

function isFormulaError(v: unknown): v is FormulaErrorT {
  return v instanceof FormulaError;
}

function makeError(code: string, zh: string, en: string, origin?: string): FormulaErrorT {
  const details: ErrorDetails = { zh, en, origin };
  return new FormulaError(code, zh, details);
}

const ERROR_TEXT: Record<string, [string, string]> = {
  '#DIV/0!': ['除数为零', 'division by zero'],
  '#VALUE!': ['参数或值的类型不对', 'wrong type of argument or value'],
  '#REF!': ['引用无效', 'invalid reference'],
  '#NAME?': ['无法识别的函数或名称', 'unknown function or name'],
  '#NUM!': ['数字无效或超出范围', 'invalid or out-of-range number'],
  '#N/A': ['值不可用', 'value not available'],
  '#NULL!': ['区域没有交集', 'the ranges do not intersect'],
  '#SPILL!': ['溢出区域不是空的', 'the spill range is not empty'],
  '#CALC!': ['计算出错', 'calculation error'],
};

function errorValue(err: FormulaErrorT, here: string, lang: Lang): ErrorValue {
  const d = err.details as Partial<ErrorDetails> | undefined;
  const code = err.error === '#ERROR!' ? '#VALUE!' : err.error;
  if (d && typeof d.zh === 'string' && typeof d.en === 'string') {
    const text = lang === 'en' ? d.en : d.zh;
    if (!d.origin || d.origin === here) return { error: code, message: text };
    return {
      error: code,
      message: lang === 'en' ? `error in ${d.origin}: ${text}` : `${d.origin} 出错：${text}`,
    };
  }
  const [zh, en] = ERROR_TEXT[code] ?? [`错误值 ${code}`, `error value ${code}`];
  return { error: code, message: lang === 'en' ? en : zh };
}

function fromCellValue(v: CellValue): PValue {
  switch (v.kind) {
    case 'empty':
      return null;
    case 'number':
    case 'text':
    case 'boolean':
      return v.value;
    case 'error':
      return new FormulaError(v.value);
  }
}

/** A final value as Excel shows it: 15 significant digits, no -0, no NaN. */
function normaliseScalar(v: unknown): number | string | boolean | FormulaErrorT {
  if (isFormulaError(v)) return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return FormulaError.VALUE;
    if (!Number.isFinite(v)) return FormulaError.NUM;
    const n = Number(v.toPrecision(15));
    return n === 0 ? 0 : n;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return FormulaError.VALUE;
}

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

/** A parser argument → an engine argument (matrix or scalar), or the error it carries. */
function toPerfArg(a: FunctionArg | undefined): Arg | undefined | FormulaErrorT {
  if (a === undefined || a.omitted || a.value === OMITTED_VALUE) return undefined;
  const v = a.value;
  if (isFormulaError(v)) return v;
  const scalar = (x: unknown): Scalar | FormulaErrorT => {
    if (isFormulaError(x)) return x;
    if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') return x;
    return null;
  };
  if (Array.isArray(v)) {
    const rows: Scalar[][] = [];
    for (const row of v as unknown[]) {
      const r: Scalar[] = [];
      for (const x of Array.isArray(row) ? (row as unknown[]) : [row]) {
        const s = scalar(x);
        if (isFormulaError(s)) return s;
        r.push(s);
      }
      rows.push(r);
    }
    return rows;
  }
  if (v !== null && v !== undefined && typeof v === 'object') return FormulaError.VALUE; // unions
  return scalar(v);
}

function toNumber(a: FunctionArg | undefined, fallback: number): number | FormulaErrorT {
  if (a === undefined || a.omitted) return fallback;
  let v: unknown = a.value;
  if (Array.isArray(v)) v = (v[0] as unknown[] | undefined)?.[0] ?? null;
  if (isFormulaError(v)) return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return FormulaError.VALUE;
}

// =============================================================================================
// The parser: fast-formula-parser + formulajs for its gaps + Excel-faithful rounding
// =============================================================================================

const Dx = Decimal.clone({ precision: 40 });

/** ROUND / ROUNDUP / ROUNDDOWN on the 15-digit value, half away from zero. */
function excelRound(mode: Decimal.Rounding): ParserFunction {
  return (number, digits) => {
    const x = toNumber(number, 0);
    if (isFormulaError(x)) return x;
    const d0 = toNumber(digits, 0);
    if (isFormulaError(d0)) return d0;
    if (!Number.isFinite(x)) return FormulaError.NUM;
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
  if (k < 1 || k > values.length) return FormulaError.VALUE;
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
  if (typeof v !== 'string') return FormulaError.VALUE;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)$/i.exec(v.trim().replace(/,(?=\d{3}\b)/g, ''));
  if (!m) return FormulaError.VALUE;
  const n = Number(m[1]);
  return m[2] ? n / 100 : n;
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
    if (isFormulaError(n) || !values.includes(n)) return FormulaError.NA;
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

const ERROR_CODES = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!']);

/** Adapts a formulajs function: plain values in, its Error objects back to formula errors. */
function fromFormulajs(fn: (...args: unknown[]) => unknown): ParserFunction {
  return (...args) => {
    const plain = args.map((a) => (a === undefined || a.omitted ? undefined : a.value));
    let r: unknown;
    try {
      r = fn(...plain);
    } catch {
      return FormulaError.VALUE;
    }
    if (isFormulaError(r)) return r;
    if (r instanceof Error) return new FormulaError(ERROR_CODES.has(r.message) ? r.message : '#VALUE!');
    if (r instanceof Date) return FormulaError.VALUE;
    return r;
  };
}

let supportedCache: Set<string> | null = null;
/** The functions fast-formula-parser really implements (its stubs return nothing). */
function nativelySupported(): Set<string> {
  supportedCache ??= new Set(new FormulaParser({}).supportedFunctions());
  return supportedCache;
}

interface EvalHooks {
  onCell: (ref: CellRef) => unknown;
  onRange: (ref: RangeRef) => unknown;
  onVariable: (name: string, sheet: string | undefined) => Ref | null;
  /** The cell being evaluated, for error origins. */
  here: () => string;
}

function makeParser(hooks: EvalHooks): FormulaParser {
  const functions: Record<string, ParserFunction> = {};
  const parser = new FormulaParser({
    functions,
    onCell: hooks.onCell,
    onRange: hooks.onRange,
    onVariable: hooks.onVariable,
  });
  const native = nativelySupported();
  const context = new Set(parser.funsNeedContext);
  const fill = formulajsFunctions();
  const table = parser.functions;
  for (const [name, fn] of fill) {
    if (!native.has(name) && !context.has(name)) table[name] = fromFormulajs(fn);
  }
  for (const name of PROPAGATE_ERRORS) {
    const inner = table[name];
    if (!inner || context.has(name)) continue;
    table[name] = (...args) => firstError(args) ?? inner(...args);
  }
  table[OMITTED] = () => OMITTED_VALUE;
  table.CHOOSE = choose as unknown as ParserFunction;
  table.VALUE = value;
  for (const name of ['RANK', 'RANK.EQ', 'RANK.AVG']) {
    const inner = table[name];
    if (inner) table[name] = rankOf(inner);
  }
  table.ROUND = excelRound(Decimal.ROUND_HALF_UP);
  table.ROUNDUP = excelRound(Decimal.ROUND_UP);
  table.ROUNDDOWN = excelRound(Decimal.ROUND_DOWN);
  // No network from a workbook's formulas.
  table.WEBSERVICE = () => makeError('#NAME?', '不支持 WEBSERVICE', 'WEBSERVICE is not supported');
  for (const name of PERF_NAMES) {
    const spec = PERF_SPECS[name];
    const fn: ParserFunction = (...args) => perfCall(name, spec, args, hooks.here());
    for (const alias of perfAliases(name)) table[alias] = fn;
  }
  // Any other name: an error value with the name, not an exception that loses the formula.
  parser.functions = new Proxy(table, {
    get(target, prop) {
      if (typeof prop !== 'string' || prop in target) return target[prop as string];
      return () => unknownFunction(prop, hooks.here());
    },
  });
  return parser;
}

function unknownFunction(name: string, here: string): FormulaErrorT {
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

function perfCall(name: PerfName, spec: PerfSpec, args: FunctionArg[], here: string): unknown {
  const fname = `PERF.${name}`;
  if (args.length < spec.min || args.length > spec.max) {
    const want = spec.min === spec.max ? `${spec.min}` : `${spec.min}–${spec.max}`;
    return makeError(
      '#VALUE!',
      `${fname} 需要 ${want} 个参数，给了 ${args.length} 个`,
      `${fname} takes ${want} arguments, not ${args.length}`,
      here,
    );
  }
  const converted: (Arg | undefined)[] = [];
  for (const a of args) {
    const c = toPerfArg(a);
    if (isFormulaError(c)) return c;
    converted.push(c);
  }
  for (let i = 0; i < spec.min; i++) if (converted[i] === undefined) converted[i] = null;
  let r: FnResult<number | string | number[][]>;
  try {
    r = spec.call(converted);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return makeError('#VALUE!', `${fname} 计算出错：${msg}`, `${fname} failed: ${msg}`, here);
  }
  if (r.ok) return r.value;
  return makeError(r.error, r.message, r.messageEn, here);
}

// =============================================================================================
// The dependency graph
// =============================================================================================

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface Node {
  id: number;
  sheet: number;
  row: number; // 1-based
  col: number; // 1-based
  formula: string; // as stored, with "="
  body: string; // without "="
  perf: boolean;
  area: Area; // the anchor, or the spill area of an array formula
  fixedArea: boolean; // the area comes from the file (t="array" ref)
  cached: PValue;
  reads: number[];
  readBy: number[];
}

interface SheetInfo {
  name: string;
  /** Values by "row,col" (1-based). */
  values: Map<string, PValue>;
  maxRow: number;
  maxCol: number;
  /** Node covering each cell: col → sorted [row, node id] pairs. */
  owners: Map<number, [number, number][]>;
}

const key = (sheet: number, row: number, col: number): string => `${sheet}:${row},${col}`;

function a1(row: number, col: number): string {
  return cellAddress(row - 1, col - 1);
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class Recalculator {
  private readonly sheets: SheetInfo[] = [];
  private readonly sheetIndex = new Map<string, number>();
  private readonly nodes: Node[] = [];
  private readonly names = new Map<string, Ref>();
  private readonly lang: Lang;

  // evaluation state
  private overlay = new Map<string, PValue>();
  private state = new Map<number, 'visiting' | 'done'>();
  private fresh = new Set<number>();
  private spills = new Map<number, Area>();
  private readonly stack: Node[] = [];
  private readonly parsers: FormulaParser[] = [];
  private readonly hooks: EvalHooks;

  constructor(input: RecalcInput) {
    this.lang = input.lang ?? 'zh';
    this.hooks = {
      onCell: (ref) => this.cellValue(ref),
      onRange: (ref) => this.rangeValue(ref),
      onVariable: (name) => this.names.get(name.toUpperCase()) ?? null,
      here: () => {
        const n = this.stack[this.stack.length - 1];
        return n ? this.label(n, n) : '';
      },
    };
    input.workbook.sheets.forEach((s, i) => {
      this.sheetIndex.set(s.name.toLowerCase(), i);
      const info: SheetInfo = { name: s.name, values: new Map(), maxRow: 0, maxCol: 0, owners: new Map() };
      this.sheets.push(info);
      s.rows.forEach((row, r) => {
        row?.forEach((cell, c) => {
          if (!cell) return;
          const R = s.origin.row + r + 1;
          const C = s.origin.col + c + 1;
          const v = fromCellValue(cell.value);
          if (v !== null) info.values.set(`${R},${C}`, v);
          if (v !== null || cell.formula) {
            info.maxRow = Math.max(info.maxRow, R);
            info.maxCol = Math.max(info.maxCol, C);
          }
          if (cell.formula && cell.formula.length > 1) {
            const formula = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
            this.nodes.push({
              id: this.nodes.length,
              sheet: i,
              row: R,
              col: C,
              formula,
              body: withLeadingOmitted(formula.slice(1)),
              perf: usesPerf(formula),
              area: { top: R, left: C, bottom: R, right: C },
              fixedArea: false,
              cached: v,
              reads: [],
              readBy: [],
            });
          }
        });
      });
    });
    for (const n of input.names ?? []) {
      if (n.ranges.length !== 1) continue;
      const ref = this.parseRef(n.ranges[0] ?? '');
      if (ref) this.names.set(n.name.toUpperCase(), ref);
    }
    const byAnchor = new Map(this.nodes.map((n) => [key(n.sheet, n.row, n.col), n]));
    for (const a of input.arrays ?? []) {
      const s = this.sheetIndex.get(a.sheet.toLowerCase());
      const anchor = parseRangeAddress(a.anchor);
      const ref = parseRangeAddress(a.ref);
      if (s === undefined || !anchor || !ref) continue;
      const node = byAnchor.get(key(s, anchor.top + 1, anchor.left + 1));
      if (!node) continue;
      node.area = { top: ref.top + 1, left: ref.left + 1, bottom: ref.bottom + 1, right: ref.right + 1 };
      node.fixedArea = true;
    }
  }

  /** "Sheet!$A$1:$B$2" → a reference (for defined names). */
  private parseRef(text: string): Ref | null {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(text.trim());
    if (!m) return null;
    const sheet = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
    const r = parseRangeAddress(m[3]!.replace(/\$/g, ''));
    if (!r) return null;
    if (r.top === r.bottom && r.left === r.right) return { sheet, row: r.top + 1, col: r.left + 1 };
    return { sheet, from: { row: r.top + 1, col: r.left + 1 }, to: { row: r.bottom + 1, col: r.right + 1 } };
  }

  private label(n: { sheet: number; row: number; col: number }, from: { sheet: number }): string {
    const addr = a1(n.row, n.col);
    return n.sheet === from.sheet ? addr : `${quoteSheet(this.sheets[n.sheet]!.name)}!${addr}`;
  }

  private indexOwners(): void {
    for (const s of this.sheets) s.owners.clear();
    for (const n of this.nodes) {
      const area = this.spills.get(n.id) ?? n.area;
      const s = this.sheets[n.sheet]!;
      for (let c = area.left; c <= area.right; c++) {
        let list = s.owners.get(c);
        if (!list) s.owners.set(c, (list = []));
        for (let r = area.top; r <= area.bottom; r++) list.push([r, n.id]);
      }
      s.maxRow = Math.max(s.maxRow, area.bottom);
      s.maxCol = Math.max(s.maxCol, area.right);
    }
    for (const s of this.sheets) for (const list of s.owners.values()) list.sort((x, y) => x[0] - y[0]);
  }

  /** Node ids whose area meets the rectangle. */
  private ownersIn(sheet: number, a: Area): number[] {
    const s = this.sheets[sheet];
    if (!s) return [];
    const out: number[] = [];
    for (const [col, list] of s.owners) {
      if (col < a.left || col > a.right) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]![0] < a.top) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < list.length && list[i]![0] <= a.bottom; i++) out.push(list[i]![1]);
    }
    return out;
  }

  private refArea(ref: Ref): { sheet: number; area: Area } | null {
    const sheet = ref.sheet === undefined ? undefined : this.sheetIndex.get(ref.sheet.toLowerCase());
    if (sheet === undefined) return null;
    if ('from' in ref) {
      return {
        sheet,
        area: {
          top: Math.min(ref.from.row, ref.to.row),
          left: Math.min(ref.from.col, ref.to.col),
          bottom: Math.max(ref.from.row, ref.to.row),
          right: Math.max(ref.from.col, ref.to.col),
        },
      };
    }
    return { sheet, area: { top: ref.row, left: ref.col, bottom: ref.row, right: ref.col } };
  }

  private depRefs = new Map<number, Ref[]>();

  private references(n: Node, dep: InstanceType<typeof DepParser>): Ref[] {
    const known = this.depRefs.get(n.id);
    if (known) return known;
    let refs: Ref[] = [];
    try {
      refs = dep.parse(n.body, { sheet: this.sheets[n.sheet]!.name, row: n.row, col: n.col }, true);
    } catch {
      refs = [];
    }
    refs = refs.map((r) => ({ ...r }));
    this.depRefs.set(n.id, refs);
    return refs;
  }

  private buildGraph(): void {
    this.indexOwners();
    const dep = new DepParser({ onVariable: (name) => this.names.get(name.toUpperCase()) ?? null });
    // The stock dependency pass drops a cell that lies inside an earlier range of another sheet.
    dep.getCell = function (this: InstanceType<typeof DepParser>, ref: CellRef) {
      if (ref.row != null) {
        if (ref.sheet == null) ref.sheet = this.position?.sheet;
        this.data.push(ref);
      }
      return 0;
    };
    for (const n of this.nodes) {
      n.reads = [];
      n.readBy = [];
    }
    for (const n of this.nodes) {
      const reads = new Set<number>();
      for (const ref of this.references(n, dep)) {
        const r = this.refArea(ref);
        if (!r) continue;
        for (const id of this.ownersIn(r.sheet, r.area)) reads.add(id);
      }
      n.reads = [...reads];
      for (const id of reads) this.nodes[id]!.readBy.push(n.id);
    }
  }

  /** PERF nodes, their dependents, and upstream formulas without a cached value. */
  private freshSet(): Set<number> {
    const fresh = this.downstream();
    const up = [...fresh];
    for (let i = 0; i < up.length; i++) {
      for (const u of this.nodes[up[i]!]!.reads) {
        const n = this.nodes[u]!;
        if (fresh.has(u) || n.cached !== null) continue;
        fresh.add(u);
        up.push(u);
      }
    }
    return fresh;
  }

  /** Tarjan's strongly connected components over `fresh`, dependencies first. */
  private components(fresh: Set<number>): number[][] {
    const index = new Map<number, number>();
    const low = new Map<number, number>();
    const onStack = new Set<number>();
    const stack: number[] = [];
    const out: number[][] = [];
    let counter = 0;
    const ids = [...fresh].sort((a, b) => a - b);
    for (const start of ids) {
      if (index.has(start)) continue;
      const work: { v: number; i: number }[] = [{ v: start, i: 0 }];
      index.set(start, counter);
      low.set(start, counter++);
      stack.push(start);
      onStack.add(start);
      while (work.length > 0) {
        const top = work[work.length - 1]!;
        const reads = this.nodes[top.v]!.reads;
        if (top.i < reads.length) {
          const w = reads[top.i++]!;
          if (!fresh.has(w)) continue;
          if (!index.has(w)) {
            index.set(w, counter);
            low.set(w, counter++);
            stack.push(w);
            onStack.add(w);
            work.push({ v: w, i: 0 });
          } else if (onStack.has(w)) {
            low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
          }
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(top.v)!));
        if (low.get(top.v) === index.get(top.v)) {
          const comp: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            comp.push(w);
          } while (w !== top.v);
          out.push(comp);
        }
      }
    }
    return out;
  }

  /** The shortest cycle from `start` back to it inside its component, as labels. */
  private cyclePath(start: number, comp: Set<number>): string {
    const prev = new Map<number, number>();
    const queue = [start];
    let found = false;
    for (let i = 0; i < queue.length && !found; i++) {
      const v = queue[i]!;
      for (const w of this.nodes[v]!.reads) {
        if (!comp.has(w)) continue;
        if (w === start) {
          prev.set(-1, v);
          found = true;
          break;
        }
        if (!prev.has(w)) {
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    const from = this.nodes[start]!;
    const chain: number[] = [];
    let v = prev.get(-1);
    while (v !== undefined && v !== start) {
      chain.unshift(v);
      v = prev.get(v);
    }
    return [start, ...chain, start].map((id) => this.label(this.nodes[id]!, from)).join(' → ');
  }

  // ---- values seen by formulas -------------------------------------------------------------

  private cellAt(sheet: number, row: number, col: number): PValue {
    const k = key(sheet, row, col);
    if (this.overlay.has(k)) return this.overlay.get(k)!;
    const owners = this.ownersIn(sheet, { top: row, left: col, bottom: row, right: col });
    for (const id of owners) {
      if (this.state.get(id) === 'done') continue;
      const n = this.nodes[id]!;
      if (this.fresh.has(id) || (n.cached === null && n.row === row && n.col === col)) {
        this.evaluate(n);
        if (this.overlay.has(k)) return this.overlay.get(k)!;
      }
    }
    return this.sheets[sheet]!.values.get(`${row},${col}`) ?? null;
  }

  private cellValue(ref: CellRef): unknown {
    const sheet = ref.sheet === undefined ? undefined : this.sheetIndex.get(ref.sheet.toLowerCase());
    if (sheet === undefined) return FormulaError.REF;
    return this.cellAt(sheet, ref.row, ref.col);
  }

  private rangeValue(ref: RangeRef): unknown {
    const r = this.refArea(ref);
    if (!r) return FormulaError.REF;
    const s = this.sheets[r.sheet]!;
    // Whole columns and rows stop at the used area.
    const bottom = Math.min(r.area.bottom, Math.max(s.maxRow, r.area.top));
    const right = Math.min(r.area.right, Math.max(s.maxCol, r.area.left));
    const rows: PValue[][] = [];
    for (let row = r.area.top; row <= bottom; row++) {
      const line: PValue[] = [];
      for (let col = r.area.left; col <= right; col++) line.push(this.cellAt(r.sheet, row, col));
      rows.push(line);
    }
    return rows;
  }

  // ---- evaluation --------------------------------------------------------------------------

  private parserAt(depth: number): FormulaParser {
    while (this.parsers.length <= depth) this.parsers.push(makeParser(this.hooks));
    return this.parsers[depth]!;
  }

  private static readonly MAX_DEPTH = 64;

  private evaluate(n: Node): void {
    if (this.state.get(n.id) === 'done') return;
    if (this.state.get(n.id) === 'visiting') {
      // A cycle through a reference the dependency pass could not see (INDIRECT, OFFSET …).
      const path = [...this.stack.slice(this.stack.indexOf(n)), n].map((x) => this.label(x, n)).join(' → ');
      this.finish(
        n,
        makeError('#CIRC!', `循环引用：${path}`, `circular reference: ${path}`, this.label(n, n)),
      );
      return;
    }
    if (this.stack.length >= Recalculator.MAX_DEPTH) {
      this.finish(
        n,
        makeError('#NUM!', '引用链过深，无法计算', 'reference chain too deep', this.label(n, n)),
      );
      return;
    }
    this.state.set(n.id, 'visiting');
    this.stack.push(n);
    let result: unknown;
    try {
      const parser = this.parserAt(this.stack.length - 1);
      result = parser.parse(n.body, { sheet: this.sheets[n.sheet]!.name, row: n.row, col: n.col }, true);
    } catch (e) {
      result = this.thrown(e, n);
    } finally {
      this.stack.pop();
    }
    if (this.state.get(n.id) === 'done') return; // finished as part of a cycle meanwhile
    this.finish(n, result);
  }

  private thrown(e: unknown, n: Node): FormulaErrorT {
    const here = this.label(n, n);
    const inner = isFormulaError(e) ? e.details : undefined;
    if (isFormulaError(inner)) {
      const missing = /^Function (\S+) is not implemented/.exec(inner.message)?.[1];
      return missing ? unknownFunction(missing, here) : inner;
    }
    const text = e instanceof Error ? e.message : String(e);
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const why = (lines[lines.length - 1] ?? '').trim().slice(0, 200);
    if (inner && typeof inner === 'object' && 'errorLocation' in inner) {
      return makeError('#VALUE!', `公式无法解析：${why}`, `the formula cannot be parsed: ${why}`, here);
    }
    return makeError('#VALUE!', `计算出错：${why}`, `evaluation failed: ${why}`, here);
  }

  /** Stores a result: the anchor value and, for arrays, the spilled values. */
  private finish(n: Node, result: unknown): void {
    this.state.set(n.id, 'done');
    const matrix = Array.isArray(result) ? (result as unknown[][]) : null;
    const top = matrix ? normaliseScalar(matrix[0]?.[0]) : normaliseScalar(result);
    if (!matrix || !(matrix.length > 1 || (matrix[0]?.length ?? 0) > 1)) {
      this.overlay.set(key(n.sheet, n.row, n.col), top);
      return;
    }
    let area = n.area;
    if (!n.fixedArea) {
      area = {
        top: n.row,
        left: n.col,
        bottom: n.row + matrix.length - 1,
        right: n.col + Math.max(...matrix.map((r) => r.length)) - 1,
      };
      const blocked = this.spillBlocked(n, area);
      if (blocked) {
        this.overlay.set(
          key(n.sheet, n.row, n.col),
          makeError(
            '#SPILL!',
            `结果需要溢出到 ${a1(area.top, area.left)}:${a1(area.bottom, area.right)}，但 ${blocked} 不是空的`,
            `the result needs ${a1(area.top, area.left)}:${a1(area.bottom, area.right)} but ${blocked} is not empty`,
            this.label(n, n),
          ),
        );
        return;
      }
      const known = this.spills.get(n.id);
      if (!known || known.bottom !== area.bottom || known.right !== area.right) {
        this.spills.set(n.id, area);
        this.spillChanged = true;
      }
    }
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const row = matrix[r - n.row];
        // Cells of an array area beyond the result show #N/A, as in Excel.
        const v = row && c - n.col < row.length ? normaliseScalar(row[c - n.col]) : FormulaError.NA;
        this.overlay.set(key(n.sheet, r, c), v);
      }
    }
  }

  private spillChanged = false;

  private spillBlocked(n: Node, area: Area): string | null {
    const s = this.sheets[n.sheet]!;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === n.row && c === n.col) continue;
        const owners = this.ownersIn(n.sheet, { top: r, left: c, bottom: r, right: c });
        if (owners.some((id) => id !== n.id) || s.values.has(`${r},${c}`)) return a1(r, c);
      }
    }
    return null;
  }

  private pass(): void {
    this.overlay = new Map();
    this.state = new Map();
    this.spillChanged = false;
    this.buildGraph();
    this.fresh = this.freshSet();
    for (const comp of this.components(this.fresh)) {
      const only = comp[0]!;
      const cyclic = comp.length > 1 || this.nodes[only]!.reads.includes(only);
      if (!cyclic) {
        this.evaluate(this.nodes[only]!);
        continue;
      }
      const members = new Set(comp);
      for (const id of [...comp].sort((a, b) => a - b)) {
        const n = this.nodes[id]!;
        const path = this.cyclePath(id, members);
        this.finish(
          n,
          makeError('#CIRC!', `循环引用：${path}`, `circular reference: ${path}`, this.label(n, n)),
        );
      }
    }
  }

  run(): RecalcOutcome {
    this.pass();
    // A result that spilled without a declared area changes the graph once; redo with it.
    if (this.spillChanged) this.pass();
    const affected = this.downstream();
    const cells: RecalcCell[] = [];
    const writes: CellWrite[] = [];
    for (const id of this.fresh) {
      const n = this.nodes[id]!;
      const sheet = this.sheets[n.sheet]!.name;
      const area = this.spills.get(n.id) ?? n.area;
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const v = this.overlay.get(key(n.sheet, r, c));
          if (v === undefined) continue;
          const value = this.toRecalcValue(v, n);
          const cell = a1(r, c);
          writes.push({ sheet, cell, value });
          if (!affected.has(id)) continue; // upstream, calculated only for lack of a cached value
          const spilled = r !== n.row || c !== n.col;
          cells.push({
            sheet,
            cell,
            formula: n.formula,
            value,
            perf: n.perf && !spilled,
            ...(spilled ? { spillFrom: a1(n.row, n.col) } : {}),
          });
        }
      }
    }
    const order = (x: { sheet: string; cell: string }, y: { sheet: string; cell: string }): number => {
      const sx = this.sheetIndex.get(x.sheet.toLowerCase())!;
      const sy = this.sheetIndex.get(y.sheet.toLowerCase())!;
      const px = parseRangeAddress(x.cell)!;
      const py = parseRangeAddress(y.cell)!;
      return sx - sy || px.top - py.top || px.left - py.left;
    };
    cells.sort(order);
    writes.sort(order);
    return { cells, writes };
  }

  /** PERF nodes and everything downstream of them. */
  private downstream(): Set<number> {
    const out = new Set<number>();
    const queue = this.nodes.filter((n) => n.perf).map((n) => n.id);
    for (const id of queue) out.add(id);
    for (let i = 0; i < queue.length; i++) {
      for (const d of this.nodes[queue[i]!]!.readBy) {
        if (!out.has(d)) {
          out.add(d);
          queue.push(d);
        }
      }
    }
    return out;
  }

  private toRecalcValue(v: PValue, n: Node): RecalcValue {
    const s = normaliseScalar(v);
    return isFormulaError(s) ? errorValue(s, this.label(n, n), this.lang) : s;
  }
}

/** Recalculates the PERF formulas of a workbook and everything that depends on them. */
export function recalcWorkbook(input: RecalcInput): RecalcOutcome {
  return new Recalculator(input).run();
}

// =============================================================================================
// Files
// =============================================================================================

/** Array formulas and defined names, which the grid model does not carry. */
export function workbookExtras(wb: ExcelJS.Workbook): { arrays: ArrayFormula[]; names: DefinedName[] } {
  const arrays: ArrayFormula[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const v = cell.value as { shareType?: unknown; ref?: unknown };
        if (v.shareType === 'array' && typeof v.ref === 'string') {
          arrays.push({ sheet: ws.name, anchor: cell.address, ref: v.ref });
        }
      });
    });
  }
  let names: DefinedName[] = [];
  try {
    names = wb.definedNames.model.map((n) => ({ name: n.name, ranges: [...n.ranges] }));
  } catch {
    names = [];
  }
  return { arrays, names };
}

export async function loadExcelWorkbook(file: string): Promise<ExcelJS.Workbook> {
  installFastMergeLoading(); // many merges stay linear (xlsx/merges.ts)
  const buf = await fs.readFile(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  return wb;
}

/** Excel has no #CIRC!; a workbook stores such cells as #N/A. */
function storedResult(
  v: RecalcValue,
): number | string | boolean | { error: ExcelJS.CellErrorValue['error'] } {
  if (typeof v !== 'object') return v;
  const valid = ERROR_CODES.has(v.error) ? v.error : '#N/A';
  return { error: valid as ExcelJS.CellErrorValue['error'] };
}

/** Stores the recalculated values as the cached results of their formulas (and spilled cells). */
export function applyWrites(wb: ExcelJS.Workbook, writes: readonly CellWrite[]): void {
  for (const w of writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.cell);
    const result = storedResult(w.value);
    if (cell.type === ExcelJS.ValueType.Formula) {
      const model = cell.value as unknown as Record<string, unknown>;
      cell.value = { ...model, result } as unknown as ExcelJS.CellValue;
    } else {
      cell.value = result as ExcelJS.CellValue;
    }
  }
}

export { OutputError, writeWorkbookAtomically } from './output.js';

// =============================================================================================
// Reports
// =============================================================================================

export interface RecalcFileResult {
  file: string;
  cells?: RecalcCell[];
  error?: { kind: string; messageZh: string; messageEn: string };
}

/** The `--json` document. */
export function recalcJson(results: readonly RecalcFileResult[], lang: Lang): { files: unknown[] } {
  return {
    files: results.map((r) =>
      r.error
        ? {
            file: r.file,
            error: {
              kind: r.error.kind,
              message: lang === 'en' ? r.error.messageEn : r.error.messageZh,
              messageEn: r.error.messageEn,
            },
          }
        : {
            file: r.file,
            cells: (r.cells ?? []).map((c) => ({
              sheet: c.sheet,
              cell: c.cell,
              formula: c.formula,
              value: c.value,
              ...(c.spillFrom ? { spillFrom: c.spillFrom } : {}),
            })),
          },
    ),
  };
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

export function formatValue(v: RecalcValue, lang: Lang): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v === '' ? (lang === 'en' ? '(empty text)' : '（空文本）') : v;
  return `${v.error} ${v.message}`;
}

/** The human-readable report of one file. */
export function recalcText(result: RecalcFileResult, lang: Lang): string {
  const cells = result.cells ?? [];
  const zh = lang === 'zh';
  const lines: string[] = [result.file];
  if (cells.length === 0) {
    lines.push(zh ? '  没有使用 PERF 函数的公式。' : '  No formula uses a PERF function.');
    return lines.join('\n') + '\n';
  }
  const head = zh ? ['单元格', '公式', '结果'] : ['Cell', 'Formula', 'Result'];
  const formulas = cells.map((c) =>
    c.spillFrom ? (zh ? `（${c.spillFrom} 溢出）` : `(spilled from ${c.spillFrom})`) : c.formula,
  );
  const wCell = Math.max(displayWidth(head[0]!), ...cells.map((c) => displayWidth(c.cell)));
  const wFormula = Math.min(56, Math.max(displayWidth(head[1]!), ...formulas.map(displayWidth)));
  let sheet: string | null = null;
  cells.forEach((c, i) => {
    if (c.sheet !== sheet) {
      sheet = c.sheet;
      lines.push(zh ? `  工作表「${c.sheet}」` : `  Sheet '${c.sheet}'`);
      lines.push(`    ${pad(head[0]!, wCell)}  ${pad(head[1]!, wFormula)}  ${head[2]}`);
    }
    lines.push(
      `    ${pad(c.cell, wCell)}  ${pad(clip(formulas[i]!, wFormula), wFormula)}  ${formatValue(c.value, lang)}`,
    );
  });
  const perf = cells.filter((c) => c.perf);
  const perfErrors = perf.filter((c) => typeof c.value === 'object').length;
  const errors = cells.filter((c) => typeof c.value === 'object').length;
  const formulaCount = cells.filter((c) => !c.spillFrom).length;
  lines.push(
    zh
      ? `  重算 ${formulaCount} 个公式（PERF 函数 ${perf.length} 个，出错 ${perfErrors} 个；全部结果中错误值 ${errors} 个）。`
      : `  Recalculated ${formulaCount} formulas (${perf.length} PERF, ${perfErrors} with errors; ${errors} error values in all).`,
  );
  return lines.join('\n') + '\n';
}

/** True when a PERF cell evaluated to an error (exit status 1). */
export function hasPerfError(cells: readonly RecalcCell[]): boolean {
  return cells.some((c) => c.perf && typeof c.value === 'object');
}
