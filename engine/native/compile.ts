/** compileNative: a program and the item's cells → one native formula (see ./index.ts). */
import { parseRule } from '../rules';
import type { Clause, Condition, Program } from '../rules/program';
import { namesTarget } from '../rules/bind';
import { isOutcome, labelVerdicts } from '../rules/evaluate-parts';
import { programListedStates } from '../rules/evaluate-counts';
import { eventMet, labelMet, readValues } from '../rules/values';
import { vocabulary, type VocabularyLevel } from './vocab';
import { countNouns } from './count-noun';
import { programUnits } from './silent';
import { listable, listParse, nameable, namedListParse } from './list';
import { countable, countsParse } from './counts';
import type { ScoringSettings } from '../rules/settings';
import { depth, ifT, mapNum, num, render, simplify, str, text, type Tree } from './expr';
import { NATIVE_TEXT } from './messages';
import { numericMetrics, scoreTree } from './program';
import { isOneOf, numberReading, simpleParse, textParse, textPieces, type Reading } from './reading';
import { changeKinds, SAID_DOWN, SAID_UP } from './context';
import { refusal } from './registry';
import type { Ctx } from './context';

export interface NativeRefs {
  actual: string;
  points: string;
  target?: string | null;
}

export interface NativeOptions {
  mode?: 'item' | 'function';
  /** Decimal places to round to; default settings.decimals in item mode, none in function mode. */
  round?: number | null;
  unbounded?: boolean;
}

export type NativeResult = { ok: true; formula: string } | { ok: false; reason: string };

/** Excel's limit on a formula's length, and on nested functions. */
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_NESTING = 64;

const REF = /^(?:(?:'[^']+'|[\w.\u4e00-\u9fff]+)!)?\$?[A-Z]{1,3}\$?\d+$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

export function compileNative(
  program: Program,
  refs: NativeRefs,
  settings: ScoringSettings,
  options: NativeOptions = {},
): NativeResult {
  const why = refusal(program);
  if (why) return { ok: false, reason: why };
  if (!REF.test(refs.actual)) return { ok: false, reason: `实际值应为一个单元格（收到「${refs.actual}」）` };
  if (!REF.test(refs.points) && !NUMBER.test(refs.points))
    return { ok: false, reason: `分值应为单元格或数字（收到「${refs.points}」）` };
  const target = refs.target ?? null;
  if (target !== null && !REF.test(target))
    return { ok: false, reason: `目标值应为一个单元格（收到「${target}」）` };
  const mode = options.mode ?? 'item';
  const a = refs.actual;
  const w = refs.points;
  /** The formula tree of one program (a bound copy when the rule's bounds are the target). */
  const buildWith = (
    prog: Program,
    parse: typeof textParse | null,
    level: VocabularyLevel | null,
    signed: boolean,
    extras: boolean,
    named = false,
    parts = 0,
  ): Tree => {
    const base = {
      p: prog,
      a,
      w,
      target,
      settings,
      unbounded: options.unbounded ?? false,
      metrics: numericMetrics(prog),
    };
    const tree = (r: Reading): Tree =>
      finishItem(scoreTree({ ...base, r } as Ctx), prog, w, mode, options, settings);
    const whens = prog.clauses.filter((c): c is Extract<Clause, { kind: 'when' }> => c.kind === 'when');
    /** The states counted clauses list ("工作无计划、无检查、无总结"): counted there, not labels. */
    const listed = programListedStates(prog);
    /** The known texts of the vocabulary, grouped by what they score, before the unread rest. */
    const knownTree = (words: readonly string[], rest: Tree): Tree => {
      const groups = new Map<string, { tree: Tree; words: string[] }>();
      for (const x of words) {
        const vals = readValues(x);
        const verdicts = labelVerdicts(whens, vals, listed);
        // Exemptions come before the text is matched against the other states (evaluate.ts).
        const exempt = whens.some(
          (c) =>
            c.effect.kind === 'exempt' &&
            (c.test.kind === 'label'
              ? labelMet(c.test.label, c.test.negative, vals) === true
              : c.test.kind === 'event' && eventMet(c.test.event, vals) === true),
        );
        const t = isOutcome(verdicts)
          ? exempt
            ? tree({ kind: 'known', text: x, vals, verdicts: new Map() })
            : text(NATIVE_TEXT.MANUAL)
          : tree({ kind: 'known', text: x, vals, verdicts: verdicts as ReadonlyMap<Clause, boolean> });
        const key = render(simplify(t));
        const g = groups.get(key);
        if (g) g.words.push(x);
        else groups.set(key, { tree: t, words: [x] });
      }
      let out = rest;
      for (const g of [...groups.values()].reverse()) {
        const test =
          g.words.length === 1
            ? `EXACT(TRIM(${a}),${str(g.words[0]!)})`
            : `SUMPRODUCT(--EXACT(TRIM(${a}),{${g.words.map(str).join(',')}}))>0`;
        out = ifT(test, g.tree, out);
      }
      return out;
    };
    const parsed0 = parse ? parse(a, programUnits(prog)) : null;
    // A change metric (增幅): "下降10%" is −10%. The direction that turns the sign is told apart
    // once, here (both for a program with 增幅 and 降幅 metrics).
    const split = (reading: Extract<Reading, { kind: 'value' }>): Tree => {
      const down = isOneOf(reading.name, SAID_DOWN);
      const up = isOneOf(reading.name, SAID_UP);
      const both = kinds.has('growth') && kinds.has('decline');
      if (kinds.has('growth'))
        return ifT(
          down,
          tree({ ...reading, said: { down: true, up: false } }),
          both
            ? ifT(
                up,
                tree({ ...reading, said: { down: false, up: true } }),
                tree({ ...reading, said: { down: false, up: false } }),
              )
            : tree({ ...reading, said: { down: false, up } }),
        );
      return ifT(
        up,
        tree({ ...reading, said: { down: false, up: true } }),
        tree({ ...reading, said: { down, up: false } }),
      );
    };
    const parsed =
      parsed0 && signed && parse === textParse
        ? { ok: parsed0.ok, tree: split(parsed0.reading) }
        : parsed0 && { ok: parsed0.ok, tree: tree(parsed0.reading) };
    const rest0 = tree({ kind: 'text', t: `SUBSTITUTE(TRIM(${a})," ","")` });
    /** "迟报1宗，漏报1宗": counts named in one cell (counts.ts). */
    const countsTree = (otherwise: Tree): Tree => {
      if (!extras || parts === 0 || !countable(prog)) return otherwise;
      const c = countsParse(a, prog, parts);
      // A part that is not plain makes the sums an error (counts.ts): unread.
      const t = render(simplify(tree({ kind: 'counts', ded: c.ded, add: c.add })));
      return ifT(c.ok, num(`IFERROR(${t},${str(NATIVE_TEXT.UNREAD)})`), otherwise);
    };
    // After the program's own words ("无"), before the rest is unread.
    const rest = countsTree(rest0);
    const unread0 = level === null ? rest : knownTree(vocabulary(prog, level), rest);
    /** "3份不一致": a count before what it counts (count-noun.ts), grouped by what they score. */
    const nounTree = (otherwise: Tree): Tree => {
      const nouns = extras && parse === textParse ? countNouns(prog) : [];
      if (nouns.length === 0) return otherwise;
      const pieces = textPieces(a);
      const groups = new Map<string, { tree: Tree; tails: string[] }>();
      for (const n of nouns) {
        const t = tree({
          kind: 'value',
          v: `VALUE(${pieces.digits})`,
          name: str(n.name),
          raw: str(n.name),
          pct: false,
          unit: str(n.unit),
          fromText: true,
          // count-noun.ts kept only tails in which the engine finds no label or event.
          silent: true,
        });
        const key = render(simplify(t));
        const g = groups.get(key);
        if (g) g.tails.push(n.tail);
        else groups.set(key, { tree: t, tails: [n.tail] });
      }
      // Digits first, a whole number (COUNT_NOUN reads no point), VALUE reading "1.5" as 1.5, and
      // the tail one of the group's; an error anywhere (a run of 16 digits) is no match.
      const holds = (tails: readonly string[]): string =>
        `IFERROR(AND(VALUE("1.5")=1.5,${pieces.start}=1,ISERROR(FIND(".",${pieces.digits})),${isOneOf(pieces.tail, tails)}),FALSE())`;
      let out = otherwise;
      for (const g of [...groups.values()].reverse()) out = ifT(holds(g.tails), g.tree, out);
      return out;
    };
    /** "97%,65%": one value per metric, in order (list.ts). */
    const listTree = (otherwise: Tree): Tree => {
      const metrics = numericMetrics(prog);
      if (!extras || parse === null || !listable(prog, metrics)) return otherwise;
      const list = named && nameable(metrics) ? namedListParse(a, metrics) : listParse(a, metrics.length);
      return ifT(list.ok, tree({ kind: 'list', items: list.items }), otherwise);
    };
    const unread = listTree(nounTree(unread0));
    const logical =
      level === null
        ? text(NATIVE_TEXT.UNREAD)
        : ifT(a, knownTree(['TRUE'], rest0), knownTree(['FALSE'], rest0));
    return ifT(
      `ISERROR(${a})`,
      text(NATIVE_TEXT.ERROR_VALUE),
      ifT(
        `ISLOGICAL(${a})`,
        logical,
        ifT(
          `ISNUMBER(${a})`,
          tree(numberReading(a)),
          ifT(
            `LEN(TRIM(${a}&""))=0`,
            tree({ kind: 'blank' }),
            parsed ? ifT(parsed.ok, parsed.tree, unread) : unread,
          ),
        ),
      ),
    );
  };
  let last: NativeResult = { ok: false, reason: '' };
  // Shorter and shorter formulas: the full text parse with a change metric's "下降10%" read as
  // −10% (all the words, then fewer), then without it (not read), then plain numbers and percents
  // only, then numbers.
  const kinds = changeKinds(program);
  const change = kinds.size > 0;
  // Counts written before what they count ("3份不一致", count-noun.ts) and lists of values
  // ("97%,65%", list.ts) first, where the program has them; their branches lengthen the formula,
  // so without them next.
  const lists = !change && listable(program, numericMetrics(program));
  const counted = countable(program);
  const extra = lists || counted || (!change && countNouns(program).length > 0);
  const attempts = [
    [textParse, 'widest', true, false],
    [textParse, 'wide', true, false],
    [textParse, 'full', true, false],
    [textParse, 'basic', true, false],
    [textParse, 'widest', false, true],
    [textParse, 'wide', false, true],
    // A list beside plain numbers only: a program of several metrics gets no number from one value.
    [simpleParse, 'wide', false, true],
    [textParse, 'widest', false, false],
    [textParse, 'wide', false, false],
    [textParse, 'full', false, false],
    [textParse, 'basic', false, false],
    [simpleParse, 'full', false, false],
    [simpleParse, 'basic', false, false],
    [null, 'basic', false, false],
    [null, null, false, false],
  ] as const;
  // Lists whose parts are named ("小学100%，初中97.8%") first: their parse is longer (list.ts).
  const named = nameable(numericMetrics(program));
  type Attempt = readonly [
    (typeof attempts)[number][0],
    VocabularyLevel | null,
    boolean,
    boolean,
    boolean,
    number,
  ];
  // Counts named in one cell: as many parts as the rule has counted clauses, then fewer (counts.ts).
  const most = counted ? program.clauses.length : 0;
  const tries: Attempt[] = attempts.flatMap((x): Attempt[] =>
    x[3] && lists && named
      ? [
          [...x, true, 0],
          [...x, false, 0],
        ]
      : x[3] && counted
        ? Array.from({ length: most }, (_, i): Attempt => [...x, false, most - i])
        : [[...x, false, 0]],
  );
  // More parts before a wider reading of one value, named list parts before unnamed ones (a
  // program of several metrics gets no number from one value): stable sorts, the attempts' order
  // otherwise.
  if (counted) tries.sort((x, y) => y[5] - x[5]);
  if (lists && named) tries.sort((x, y) => Number(y[4]) - Number(x[4]));
  for (const [parse, level, signed, extras, namedParts, parts] of tries) {
    // The short parse with extras is for lists only (a count before its words needs the full one).
    if ((signed && !change) || (extras && !extra) || (extras && parse === simpleParse && !lists && !counted))
      continue;
    const build = (prog: Program): Tree => buildWith(prog, parse, level, signed, extras, namedParts, parts);
    let t: Tree;
    if (!namesTarget(program)) t = build(program);
    else if (target === null) t = text(NATIVE_TEXT.ARGUMENT);
    else
      // bindTarget: the target cell is the bound; a fraction below 1 makes a bare bound a percent.
      t = ifT(
        `LEN(${target}&"")=0`,
        text(NATIVE_TEXT.ARGUMENT),
        ifT(
          `ISNUMBER(${target})`,
          ifT(
            `AND(${target}>0,${target}<1,${target}<>INT(${target}))`,
            build(bindTo(program, target, '%')),
            build(bindTo(program, target, '')),
          ),
          text(NATIVE_TEXT.TARGET),
        ),
      );
    // Points must be a number ≥ 0 (the score function's check; the table scorer reads them the same way).
    if (!NUMBER.test(w))
      t = ifT(`NOT(ISNUMBER(${w}))`, text(NATIVE_TEXT.POINTS), ifT(`${w}<0`, text(NATIVE_TEXT.POINTS), t));
    else if (w.startsWith('-')) t = text(NATIVE_TEXT.POINTS);
    const formula = `=${render(simplify(t))}`;
    if (formula.length > MAX_FORMULA_LENGTH)
      last = { ok: false, reason: `公式过长（${formula.length}个字符，Excel 上限 ${MAX_FORMULA_LENGTH}）` };
    else if (depth(formula) > MAX_NESTING)
      last = { ok: false, reason: `公式嵌套过深（超过 ${MAX_NESTING} 层）` };
    else return { ok: true, formula };
  }
  return last;
}

/** bindTarget (engine/rules/bind.ts) with the target cell as the bound. */
function bindTo(p: Program, ref: string, unit: string): Program {
  const bind = (c: Condition): Condition =>
    c.value === 'target' ? { ...c, value: ref, unit: c.unit || unit } : c;
  const clauses = p.clauses.map((c): Clause => {
    if (c.kind === 'gate') return { ...c, conditions: c.conditions.map(bind) };
    if (c.kind === 'when' && c.test.kind === 'condition')
      return { ...c, test: { kind: 'condition', condition: bind(c.test.condition) } };
    if (c.kind === 'step' && c.from === null && c.direction !== 'count' && !c.change)
      return { ...c, from: ref };
    return c;
  });
  return { ...p, clauses };
}

/** The table scorer's treatment of the rule's score, then rounding. */
function finishItem(
  t: Tree,
  p: Program,
  w: string,
  mode: 'item' | 'function',
  options: NativeOptions,
  settings: ScoringSettings,
): Tree {
  if (mode === 'function') {
    const d = options.round ?? null;
    return d === null ? t : mapNum(t, (e) => num(roundTo(e, d)));
  }
  const d = options.round ?? settings.decimals;
  return mapNum(t, (e0) => {
    // 扣分制 text on an item with points: the deduction comes off the points.
    const e = p.deductionOnly && p.clauses.length === 0 ? `MAX(0,${w}+${e0})` : e0;
    // Rounding never lifts a score above its points (a score already held to them: once).
    if (heldTo(e, w)) return num(`MIN(${roundTo(e, d)},${w})`);
    return num(`MIN(${roundTo(e, d)},IF(${e}<=${w},${w},1000000000000000))`);
  });
}

/** Is `e` at most `w` by its form: `w` itself, or MIN(…, w) as a whole? */
export function heldTo(e: string, w: string): boolean {
  if (e === w) return true;
  if (!e.startsWith('MIN(') || !e.endsWith(`,${w})`)) return false;
  // The MIN's own parenthesis closes at the end, and `w` is its last argument.
  let d = 0;
  let inStr = false;
  let lastComma = -1;
  for (let i = 3; i < e.length; i++) {
    const ch = e[i];
    if (ch === '"') inStr = !inStr;
    if (inStr) continue;
    if (ch === '(' || ch === '{') d++;
    else if (ch === ')' || ch === '}') {
      d--;
      if (d === 0 && i !== e.length - 1) return false;
    } else if (ch === ',' && d === 1) lastComma = i;
  }
  return lastComma === e.length - w.length - 2;
}

/**
 * 四舍五入 to d places of the decimal the engine computes: binary arithmetic leaves 0.125 as
 * 0.12499999999999922, so the value is first taken at 10 places (far below any score's places,
 * far above the error of a double). A ROUND that works on the double itself (HyperFormula, our
 * recalc) still holds 9.825 as 9.8249999…: the nudge of 10^-14 of the value away from zero moves
 * it past the half and cannot cross any other 10-place value below 10,000.
 */
export function roundTo(e: string, d: number): string {
  return d >= 10 ? `ROUND(${e},${d})` : `ROUND(ROUND(${e},10)*(1+10^-14),${d})`;
}

/** compileNative on the text of a target or method cell. */
export function compileRuleText(
  ruleText: string,
  refs: NativeRefs,
  settings: ScoringSettings,
  options: NativeOptions = {},
): NativeResult {
  const parsed = parseRule(ruleText);
  if (!parsed.ok) return { ok: false, reason: `规则无法识别：${parsed.reason}` };
  return compileNative(parsed.rule, refs, settings, options);
}
