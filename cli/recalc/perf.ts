/**
 * The PERF functions as parser functions: their spellings in a formula, the arity check, the
 * argument conversion, and the call into the engine's registry (engine/functions/, as in the add-in):
 * the arity comes from the declared parameters.
 */
import {
  FUNCTIONS,
  requiredCount,
  type Arg,
  type ArgSource,
  type FunctionSpec,
  type Scalar,
} from '../../engine/functions.js';
import {
  formulaError,
  isFormulaError,
  makeError,
  type FormulaErrorT,
  type FunctionArg,
  type FunctionTable,
} from './parser.js';

/** The names of the PERF functions (the engine's registry), for messages. */
export const PERF_NAMES: readonly string[] = FUNCTIONS.map((f) => f.id);

/**
 * The spellings a PERF function has in a formula: typed (PERF.<id>), as Excel stores an Office
 * custom function in the file (_xldudf_PERF_<id>), as an unknown function opened elsewhere
 * (_xludf.PERF.<id>), or the XLL equivalent (_xll.PERF.<id>).
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
  return leadingOmitted(withoutBookLink(body));
}

/**
 * Excel sometimes saves a custom function as if an external book held it ("[1]!_xldudf_PERF_<id>",
 * after another add-in was linked): the call is still ours, the link is dropped (outside strings).
 */
function withoutBookLink(body: string): string {
  if (!body.includes(']!')) return body;
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\[\d+\]!(?=_xldudf_PERF_)/gi, '')))
    .join('');
}

function leadingOmitted(body: string): string {
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
  if (v !== null && v !== undefined && typeof v === 'object') return formulaError('#VALUE!'); // unions
  return scalar(v);
}

/**
 * Where an argument was read from (its cell, or the top-left cell of its range), for messages that
 * name the cell; the sheet only when it is not the formula's own. Literals have none.
 */
function sourceOf(a: FunctionArg | undefined, sheet: string): ArgSource | undefined {
  const ref = a?.ref;
  const at = ref?.from ?? (ref?.row !== undefined && ref.col !== undefined ? ref : undefined);
  if (!ref || !at || at.row === undefined || at.col === undefined) return undefined;
  const other = ref.sheet !== undefined && ref.sheet.toLowerCase() !== sheet.toLowerCase();
  return { ...(other ? { sheet: ref.sheet } : {}), row: at.row - 1, col: at.col - 1 };
}

/** Arity is checked before the call: the required arguments are there (null when empty). */
function perfCall(spec: FunctionSpec, args: FunctionArg[], here: string, sheet: string): unknown {
  const fname = `PERF.${spec.id}`;
  const min = requiredCount(spec);
  const max = spec.params.length;
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : `${min}–${max}`;
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
  for (let i = 0; i < min; i++) if (converted[i] === undefined) converted[i] = null;
  let r: ReturnType<FunctionSpec['call']>;
  try {
    r = spec.call(
      converted,
      args.map((a) => sourceOf(a, sheet)),
    );
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return makeError('#VALUE!', `${fname} 计算出错：${msg}`, `${fname} failed: ${msg}`, here);
  }
  if (r.ok) return r.value;
  return makeError(r.error, r.message, r.messageEn, here);
}

/**
 * Puts the PERF functions, in every spelling, and the omitted-argument marker into a table; their
 * arguments come with the references they were read from. `here` and `sheet` name the cell being
 * evaluated and its sheet.
 */
export function installPerf(t: FunctionTable, here: () => string, sheet: () => string): void {
  t.table[OMITTED] = () => OMITTED_VALUE;
  for (const spec of FUNCTIONS) {
    const fn = (...args: FunctionArg[]) => perfCall(spec, args, here(), sheet());
    for (const alias of perfAliases(spec.id)) {
      t.table[alias] = fn;
      t.keepReferences(alias);
    }
  }
}
