/**
 * Building native formulas: string literals, booleans folded at compile time (so a branch the
 * compiler can decide disappears), and result trees whose leaves are a number expression, a short
 * Chinese text (no number: a hand score, a missing or ambiguous actual…) or "unread" (the formula
 * cannot read this actual the way the engine does: it says 需人工评分, never a guessed number).
 */

/** A boolean known at compile time, or a formula expression. */
export type Bool = boolean | string;

/** A formula string literal ("" doubled). */
export const str = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Wraps an expression in parentheses unless it is a single token or call. */
export function paren(e: string): string {
  return /^[\w.$!:]+$/.test(e) ? e : `(${e})`;
}

export function and(...xs: Bool[]): Bool {
  if (xs.some((x) => x === false)) return false;
  const rest = xs.filter((x): x is string => x !== true);
  if (rest.length === 0) return true;
  return rest.length === 1 ? rest[0]! : `AND(${rest.join(',')})`;
}

export function or(...xs: Bool[]): Bool {
  if (xs.some((x) => x === true)) return true;
  const rest = xs.filter((x): x is string => x !== false);
  if (rest.length === 0) return false;
  return rest.length === 1 ? rest[0]! : `OR(${rest.join(',')})`;
}

export function not(x: Bool): Bool {
  return typeof x === 'boolean' ? !x : `NOT(${x})`;
}

/** A Bool as a formula. */
export const boolText = (b: Bool): string => (b === true ? 'TRUE()' : b === false ? 'FALSE()' : b);

/** A result: a number expression, a text (the engine gives no number), or a choice. */
export type Tree =
  { k: 'num'; f: string } | { k: 'text'; msg: string } | { k: 'if'; c: string; a: Tree; b: Tree };

export const num = (f: string): Tree => ({ k: 'num', f });
export const text = (msg: string): Tree => ({ k: 'text', msg });

export function ifT(c: Bool, a: Tree, b: Tree): Tree {
  if (c === true) return a;
  if (c === false) return b;
  if (same(a, b)) return a;
  return { k: 'if', c, a, b };
}

function same(a: Tree, b: Tree): boolean {
  if (a.k !== b.k) return false;
  if (a.k === 'num' && b.k === 'num') return a.f === b.f;
  if (a.k === 'text' && b.k === 'text') return a.msg === b.msg;
  return a.k === 'if' && b.k === 'if' && a.c === b.c && same(a.a, b.a) && same(a.b, b.b);
}

/** Replaces every number leaf by what `f` makes of it. */
export function mapNum(t: Tree, f: (e: string) => Tree): Tree {
  if (t.k === 'num') return f(t.f);
  if (t.k === 'text') return t;
  return ifT(t.c, mapNum(t.a, f), mapNum(t.b, f));
}

/** Combines two trees' number leaves. */
export function map2(a: Tree, b: Tree, f: (x: string, y: string) => Tree): Tree {
  return mapNum(a, (x) => mapNum(b, (y) => f(x, y)));
}

/**
 * Drops choices already decided on the way down (a condition tested again inside one of its own
 * branches): the same reading checked by several clauses is tested once.
 */
export function simplify(t: Tree, known: ReadonlyMap<string, boolean> = new Map()): Tree {
  if (t.k !== 'if') return t;
  const k = known.get(t.c);
  if (k !== undefined) return simplify(k ? t.a : t.b, known);
  const yes = new Map(known).set(t.c, true);
  const no = new Map(known).set(t.c, false);
  return ifT(t.c, simplify(t.a, yes), simplify(t.b, no));
}

export function render(t: Tree): string {
  if (t.k === 'num') return t.f;
  if (t.k === 'text') return str(t.msg);
  return `IF(${t.c},${render(t.a)},${render(t.b)})`;
}

/** Every text leaf (for tests and reports). */
export function texts(t: Tree): string[] {
  if (t.k === 'num') return [];
  if (t.k === 'text') return [t.msg];
  return [...texts(t.a), ...texts(t.b)];
}

/** max(0, x) */
export const max0 = (x: string): string => `MAX(0,${x})`;

/** A decimal constant of a program ("0.8", "-1") as a formula number. */
export function lit(n: string): string {
  return n.startsWith('-') ? `(${n})` : n;
}

/** Deepest nesting of parentheses in a formula (Excel allows 64 levels of functions). */
export function depth(formula: string): number {
  let d = 0;
  let max = 0;
  let inStr = false;
  for (const ch of formula) {
    if (ch === '"') inStr = !inStr;
    else if (!inStr && ch === '(') max = Math.max(max, ++d);
    else if (!inStr && ch === ')') d--;
  }
  return max;
}
