/**
 * PERF calls inside a formula's text: where each call is, its name as written and its arguments
 * split at the top level, in every spelling a workbook holds them (PERF.<id> typed with the
 * add-in; _xldudf_PERF_<id> as Excel saves an Office custom function; _xludf.PERF.<id> /
 * _xll.PERF.<id> from other hosts; an external-book prefix Excel sometimes adds, [1]!…).
 * String literals ("…", quotes doubled) and quoted sheet names ('…') are skipped, never searched.
 */

export interface FormulaCall {
  /** The function name as written, prefixes included ("_xldudf_PERF_<id>"). */
  name: string;
  /** The PERF function id, as engine/functions declares it. */
  id: string;
  /** Offsets in the formula text: the call from its first character to after ")". */
  start: number;
  end: number;
  /** The argument texts, trimmed ('' for an omitted argument). */
  args: string[];
}

const CALL =
  /(?:\[\d+\]!)?(?:_xludf\.|_xll\.|_xlfn\.)?(?:_xldudf_PERF_|PERF\.)([A-Za-z\u4e00-\u9fff]+)\s*\(/iy;
const NAME_CHAR = /[A-Za-z0-9_.\u4e00-\u9fff\]!$]/;

/** The end of a quoted run starting at `i` (the quote character there): the index after it. */
function skipQuoted(f: string, i: number): number {
  const q = f[i]!;
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === q) {
      if (f[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return f.length;
}

/**
 * The arguments of a call whose "(" is at `open`: texts split at top-level commas, and the index
 * after the closing ")"; null when the parentheses do not close.
 */
function argsAt(f: string, open: number): { args: string[]; end: number } | null {
  const args: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open + 1; i < f.length;) {
    const ch = f[i]!;
    if (ch === '"' || ch === "'") {
      i = skipQuoted(f, i);
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      if (depth === 0) {
        const last = f.slice(from, i).trim();
        if (last !== '' || args.length > 0) args.push(last);
        return { args, end: i + 1 };
      }
      depth--;
    } else if (ch === ',' && depth === 0) {
      args.push(f.slice(from, i).trim());
      from = i + 1;
    }
    i++;
  }
  return null;
}

/** Every PERF call in a formula (with or without "="), in the order they start. */
export function perfCalls(formula: string): FormulaCall[] {
  const out: FormulaCall[] = [];
  for (let i = 0; i < formula.length;) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      i = skipQuoted(formula, i);
      continue;
    }
    if (i === 0 || !NAME_CHAR.test(formula[i - 1]!)) {
      CALL.lastIndex = i;
      const m = CALL.exec(formula);
      if (m) {
        const open = i + m[0].length - 1;
        const a = argsAt(formula, open);
        if (a) {
          out.push({
            name: m[0].slice(0, -1).trim(),
            id: m[1]!.toUpperCase(),
            start: i,
            end: a.end,
            args: a.args,
          });
          i = open + 1; // calls nested in the arguments are found too
          continue;
        }
      }
    }
    i++;
  }
  return out;
}

/** A literal argument's value: a number, a string ("" doubled quotes), TRUE/FALSE; undefined otherwise. */
export function literalValue(expr: string): number | string | boolean | undefined {
  const e = expr.trim();
  if (/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?%?$/.test(e)) {
    const n = Number(e.replace(/%$/, ''));
    return e.endsWith('%') ? n / 100 : n;
  }
  if (/^"(?:[^"]|"")*"$/.test(e)) return e.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(e)) return e.toUpperCase() === 'TRUE';
  return undefined;
}

/** A reference argument: optional sheet, a cell or a range (absolute or not); null otherwise. */
export function referenceOf(expr: string): { sheet: string | null; from: string; to: string | null } | null {
  const m =
    /^(?:(?:'((?:[^']|'')+)'|([^!'"()=,;:+\-*/^&<> ]+))!)?(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/.exec(
      expr.trim(),
    );
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  return {
    sheet,
    from: m[3]!.replace(/\$/g, '').toUpperCase(),
    to: m[4]?.replace(/\$/g, '').toUpperCase() ?? null,
  };
}
