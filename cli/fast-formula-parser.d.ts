/**
 * The part of fast-formula-parser (MIT, no bundled typings) that cli/recalc/parser.ts uses (the only module that imports it).
 * Rows and columns are 1-based; `sheet` is the sheet name as written in the formula.
 */
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
    address?: string;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export type Ref = CellRef | RangeRef;

  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    details: unknown;
    equals(err: unknown): boolean;
    static readonly DIV0: FormulaError;
    static readonly NA: FormulaError;
    static readonly NAME: FormulaError;
    static readonly NULL: FormulaError;
    static readonly NUM: FormulaError;
    static readonly REF: FormulaError;
    static readonly VALUE: FormulaError;
  }

  /** One evaluated argument of a (non-context) function. */
  export interface FunctionArg {
    value: unknown;
    isArray: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
    omitted?: boolean;
    /** The reference the value was read from, for the functions in `funsPreserveRef`. */
    ref?: Partial<CellRef & RangeRef>;
  }

  export type ParserFunction = (...args: FunctionArg[]) => unknown;

  export interface ParserConfig {
    functions?: Record<string, ParserFunction>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown;
    onVariable?: (name: string, sheet: string | undefined, position?: unknown) => Ref | null;
  }

  export class DepParser {
    constructor(config?: { onVariable?: (name: string, sheet: string | undefined) => Ref | null });
    parse(
      formula: string,
      position: { sheet: string; row: number; col: number },
      ignoreError?: boolean,
    ): Ref[];
    getCell(ref: CellRef): unknown;
    data: Ref[];
    position: { sheet: string; row: number; col: number } | undefined;
  }

  class FormulaParser {
    constructor(config?: ParserConfig);
    parse(
      formula: string,
      position: { sheet: string; row: number; col: number },
      allowReturnArray?: boolean,
    ): unknown;
    supportedFunctions(): string[];
    functions: Record<string, ParserFunction>;
    funsNeedContext: string[];
    /** Functions whose arguments keep the reference they were read from (`FunctionArg.ref`). */
    funsPreserveRef: string[];
    static FormulaError: typeof FormulaError;
    static DepParser: typeof DepParser;
  }
  export default FormulaParser;
}
