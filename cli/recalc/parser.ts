/**
 * The formula parser behind one module: fast-formula-parser (MIT) is used only here, and every
 * other part of the recalc sees the narrow interface below (references of a formula, evaluation
 * with our hooks and our function table, formula error values).
 *
 * fast-formula-parser is unmaintained and pins a deprecated chevrotain. If it breaks, what this
 * module exports is what its replacement has to give (see README, "perf-check recalc"): the graph,
 * the cycle detection, the function table and the PERF adapters are ours and stay.
 */
import FormulaParser from 'fast-formula-parser';
import { columnLetter } from '../../engine/address.js';
import { elementwise, type OperatorUtils } from './arrays.js';
import type { CellRef, FunctionArg, ParserFunction, RangeRef, Ref } from 'fast-formula-parser';

export type { CellRef, FunctionArg, ParserFunction, RangeRef, Ref };

const { FormulaError, DepParser } = FormulaParser;
export type FormulaErrorT = InstanceType<typeof FormulaError>;

/** What the parser passes around: a scalar, an error, or (for ranges) a matrix. */
export type PValue = number | string | boolean | null | FormulaErrorT | PValue[][];

/** A cell position as the parser takes it: sheet name, 1-based row and column. */
export interface Position {
  sheet: string;
  row: number;
  col: number;
}

export interface ErrorDetails {
  zh: string;
  en: string;
  /** The cell whose formula produced the error (sheet-qualified when needed). */
  origin?: string;
}

export function isFormulaError(v: unknown): v is FormulaErrorT {
  return v instanceof FormulaError;
}

/** The plain error value for a code ("#VALUE!"): one shared instance per code. */
export function formulaError(code: string): FormulaErrorT {
  return new FormulaError(code);
}

/** An error value that carries its explanation in both languages and the cell it came from. */
export function makeError(code: string, zh: string, en: string, origin?: string): FormulaErrorT {
  const details: ErrorDetails = { zh, en, origin };
  return new FormulaError(code, zh, details);
}

export interface EvalHooks {
  onCell: (ref: CellRef) => unknown;
  onRange: (ref: RangeRef) => unknown;
  onVariable: (name: string, sheet: string | undefined) => Ref | null;
  /** The cell being evaluated, for error origins. */
  here: () => string;
  /** The sheet of the cell being evaluated. */
  sheet: () => string;
}

/** What the evaluation needs of a parser. */
export interface FormulaEvaluator {
  /** Evaluates a formula body (without "="); throws on a formula it cannot parse. */
  evaluate(body: string, position: Position): unknown;
}

/** The parser's function table, and what the function table needs to know to fill it. */
export interface FunctionTable {
  table: Record<string, ParserFunction>;
  /** Functions the parser implements itself (its other names are stubs that return nothing). */
  native: ReadonlySet<string>;
  /** Functions the parser calls with its context first (not to be replaced). */
  context: ReadonlySet<string>;
  /** Asks the parser to give a function's arguments with the reference each was read from. */
  keepReferences(name: string): void;
}

/** The part of a parser (evaluating or listing references) that reads column letters. */
interface ColumnReading {
  utils: { parseCol(col: string): unknown; applyRange(refs: unknown[]): unknown };
}

/** A bare column token that is a defined name: the name's reference, and the column it spells. */
interface NamedColumn {
  ref: Ref;
  column: unknown;
}

function isNamedColumn(x: unknown): x is NamedColumn {
  return typeof x === 'object' && x !== null && 'column' in x && 'ref' in x;
}

/**
 * A name spelled like a column (K, ABC) is a defined name, as Excel reads it: a column alone is
 * never a reference in Excel (only K:K is). fast-formula-parser reads every such token as a
 * column, and a column alone as a cell without a row, i.e. an empty value: a silent wrong number.
 * Here a column token that is a defined name becomes the name's reference, except as one end of a
 * range (K:K stays the column); one that is no name stays a column, read as #NAME? (`onCell`).
 */
function readNamesSpelledLikeColumns(p: ColumnReading, lookup: (name: string) => Ref | null): void {
  const parseCol = p.utils.parseCol.bind(p.utils);
  const applyRange = p.utils.applyRange.bind(p.utils);
  p.utils.parseCol = (col: string) => {
    const column = parseCol(col);
    const ref = col.includes('$') ? null : lookup(col);
    return ref ? ({ ref: { ...ref }, column } satisfies NamedColumn) : column;
  };
  p.utils.applyRange = (refs: unknown[]) => applyRange(refs.map((r) => (isNamedColumn(r) ? r.column : r)));
}

let supportedCache: Set<string> | null = null;
/** The functions fast-formula-parser really implements (its stubs return nothing). */
function nativelySupported(): Set<string> {
  supportedCache ??= new Set(new FormulaParser({}).supportedFunctions());
  return supportedCache;
}

/**
 * A parser with our hooks; `fill` completes its function table, and `unknown` gives the value of
 * a call to any other name (an error value with the name, not an exception that loses the formula).
 */
export function createEvaluator(
  hooks: EvalHooks,
  fill: (t: FunctionTable) => void,
  unknown: (name: string) => unknown,
): FormulaEvaluator {
  const functions: Record<string, ParserFunction> = {};
  const parser = new FormulaParser({
    functions,
    // A column alone (no row) is a name that is not defined (readNamesSpelledLikeColumns).
    onCell: (ref) =>
      ref.row == null
        ? makeError(
            '#NAME?',
            `名称 ${columnLetter(ref.col - 1)} 未定义`,
            `the name ${columnLetter(ref.col - 1)} is not defined`,
            hooks.here(),
          )
        : hooks.onCell(ref),
    onRange: hooks.onRange,
    onVariable: hooks.onVariable,
  });
  readNamesSpelledLikeColumns(parser as unknown as ColumnReading, (name) =>
    hooks.onVariable(name, undefined),
  );
  const table = parser.functions;
  fill({
    table,
    native: nativelySupported(),
    context: new Set(parser.funsNeedContext),
    keepReferences: (name) => {
      parser.funsPreserveRef.push(name.toUpperCase());
    },
  });
  // Array constants element by element, as Excel reads them (./arrays.ts).
  elementwise(
    (parser as unknown as { utils: OperatorUtils }).utils,
    table,
    formulaError('#N/A'),
    formulaError('#VALUE!'),
    isFormulaError,
  );
  parser.functions = new Proxy(table, {
    get(target, prop) {
      if (typeof prop !== 'string' || prop in target) return target[prop as string];
      return () => unknown(prop);
    },
  });
  return { evaluate: (body, position) => parser.parse(body, position, true) };
}

/** Lists the references of formulas (cells, ranges, defined names through `onVariable`). */
export interface ReferenceLister {
  /**
   * The references of a formula body. `complete` is false when the formula does not parse: the
   * references are then what a lenient pass could still find, and may miss some.
   */
  references(body: string, position: Position): { refs: Ref[]; complete: boolean };
}

export function createReferenceLister(onVariable: (name: string) => Ref | null): ReferenceLister {
  const dep = new DepParser({ onVariable });
  readNamesSpelledLikeColumns(dep as unknown as ColumnReading, onVariable);
  // The stock dependency pass drops a cell that lies inside an earlier range of another sheet.
  dep.getCell = function (this: InstanceType<typeof DepParser>, ref: CellRef) {
    if (ref.row != null) {
      if (ref.sheet == null) ref.sheet = this.position?.sheet;
      this.data.push(ref);
    }
    return 0;
  };
  const copy = (refs: Ref[]): Ref[] => refs.map((r) => ({ ...r }));
  return {
    references: (body, position) => {
      try {
        return { refs: copy(dep.parse(body, position, false)), complete: true };
      } catch {
        // The lenient pass skips what it cannot parse, silently: say the list may be short.
        try {
          return { refs: copy(dep.parse(body, position, true)), complete: false };
        } catch {
          return { refs: [], complete: false };
        }
      }
    },
  };
}

/** What an exception thrown by the parser during evaluation means. */
export type Thrown =
  | { kind: 'error'; error: FormulaErrorT }
  | { kind: 'missing'; name: string }
  | { kind: 'syntax'; why: string }
  | { kind: 'other'; why: string };

export function classifyThrown(e: unknown): Thrown {
  const inner = isFormulaError(e) ? e.details : undefined;
  if (isFormulaError(inner)) {
    const missing = /^Function (\S+) is not implemented/.exec(inner.message)?.[1];
    return missing ? { kind: 'missing', name: missing } : { kind: 'error', error: inner };
  }
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const why = (lines[lines.length - 1] ?? '').trim().slice(0, 200);
  if (inner && typeof inner === 'object' && 'errorLocation' in inner) return { kind: 'syntax', why };
  return { kind: 'other', why };
}
