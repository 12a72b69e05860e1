/**
 * Named values that say nothing to a program's label tests: "缺2项" beside 填写不全不得分 and 每缺一项
 * 扣1分. The formula cannot run the engine's word lists on a text it does not know, so a text value
 * with words in a program with label tests was unread. Here the names and units such a value may
 * carry are drawn from the program's own metrics (缺, 少, 漏保 of 漏保、错保…), and each pair is
 * kept only where the engine's own readers, asked at compile time, find that the value states no
 * label, answers no label by its count, and reads back as that one value. The formula then reads a
 * text whose name and unit are exactly such a pair as its number, and any other stays unread.
 *
 * Why a few digits stand for all: with labels that have no digits, labelSays and labelVerdicts
 * compare a label's words with the text's words around the number (its name, its unit), never
 * with the digits, so the verdicts are the same for every number; the samples check it besides.
 */
import { countAnswers, isOutcome, labelVerdicts } from '../rules/evaluate-parts';
import { programListedStates } from '../rules/evaluate-counts';
import type { Clause, Program } from '../rules/program';
import { eventMet, labelMet, readValues, squash, type Values } from '../rules/values';
import { PERCENT_UNITS, UNITS } from './reading';

export type When = Extract<Clause, { kind: 'when' }>;

/** Numbers a clerk writes; every verdict must be the same for each. */
const SAMPLES = ['0', '1', '2', '3', '7', '10', '0.5', '12.5', '100'];
/** Words a clerk writes before a missing count, whatever the rule calls the things counted. */
const SHORT = ['缺', '少', '缺少', '差'];
/** The longest tail of a metric taken as a name ("造成漏保、错保" → 漏保, 错保). */
const LONGEST = 8;

/** The program's metrics, their listed parts and their tails: names a counted value may carry. */
function candidateNames(p: Program): string[] {
  const metrics = [
    ...countedMetrics(p).map((x) => x.metric),
    ...p.clauses.flatMap((c) => (c.kind === 'gate' ? c.conditions.map((x) => x.metric) : [])),
  ];
  // A shortfall said on its own ("缺2项" against 三大指标每缺一项扣1分).
  const out = new Set<string>(p.clauses.some((c) => c.kind === 'step') ? SHORT : []);
  for (const m of metrics)
    for (const part of [m, ...m.split(/[、，,；;和及与或]/)]) {
      const x = part.replace(/\s+/g, '');
      for (let k = 1; k <= Math.min(LONGEST, x.length); k++) out.add(x.slice(x.length - k));
    }
  // Names the text parse reads as they are: no digits, signs, points, wildcards, spaces, nothing
  // NFKC changes, and no ":" / "为" / "是" the engine drops before a number.
  return [...out].filter(
    (n) =>
      n === n.normalize('NFKC') && !/[\d+\-.*?~|\s:：=＝]/.test(n) && !/[为是]$/.test(n) && squash(n) === n,
  );
}

/** The units a counted value of the program is written in (those the text parse reads). */
function candidateUnits(p: Program): string[] {
  const units = countedMetrics(p).map((x) => x.unit);
  const own = programUnits(p);
  return [...new Set(['', ...units, ...own])].filter((u) => u === '' || UNITS.includes(u) || own.includes(u));
}

/** The metrics of a program's steps and conditions, with their units: what its values count. */
export function countedMetrics(p: Program): { metric: string; unit: string }[] {
  return p.clauses.flatMap((c) =>
    c.kind === 'step'
      ? [{ metric: c.metric, unit: c.unit }]
      : c.kind === 'when' && c.test.kind === 'condition'
        ? [{ metric: c.test.condition.metric, unit: c.test.condition.unit }]
        : [],
  );
}

/** Whether the engine reads `name + d + unit` as that one value and finds no label in it. */
function silentFor(
  p: Program,
  whens: readonly When[],
  listed: readonly string[],
  name: string,
  unit: string,
): boolean {
  return SAMPLES.every((d) => {
    const vals = readValues(`${name}${d}${unit}`);
    const x = vals.values[0];
    if (vals.values.length !== 1 || !x || x.name !== name || x.unit !== unit || x.percent || !x.value.eq(d))
      return false;
    return saysNothing(p, whens, listed, vals);
  });
}

/**
 * Whether the engine finds in this reading no label or event of the program: no test says yes
 * or no, no count answers a label, labelVerdicts decides nothing.
 */
export function saysNothing(
  p: Program,
  whens: readonly When[],
  listed: readonly string[],
  vals: Values,
): boolean {
  for (const c of whens) {
    const t = c.test;
    if (t.kind === 'label' && labelMet(t.label, t.negative, vals) !== null) return false;
    if (t.kind === 'event' && eventMet(t.event, vals) !== null) return false;
    if (countAnswers(p, c, vals) !== null) return false;
  }
  const verdicts = labelVerdicts(whens, vals, listed);
  return !isOutcome(verdicts) && verdicts.size === 0;
}

/**
 * "name|unit" of each named value the engine reads as a plain count beside the program's label
 * tests; empty when a label or event has digits (the argument above needs none) or the program
 * tests events (a named value may state one: "出现虚假1例").
 */
export const silentNames = perProgram(findSilentNames);

/**
 * `find` remembered for each program: a formula asks for a program's names, units and tails in
 * every branch of its tree, and each answer asks the engine many times.
 */
export function perProgram<T>(find: (p: Program) => T): (p: Program) => T {
  const known = new WeakMap<Program, T>();
  return (p) => {
    if (!known.has(p)) known.set(p, find(p));
    return known.get(p)!;
  };
}

function findSilentNames(p: Program): string[] {
  const whens = p.clauses.filter((c): c is When => c.kind === 'when');
  const words = whens.flatMap((c) =>
    c.test.kind === 'label' ? [c.test.label] : c.test.kind === 'event' ? [c.test.event] : [],
  );
  if (whens.some((c) => c.test.kind === 'event') || words.some((w) => /\d/.test(squash(w)))) return [];
  const listed = programListedStates(p);
  const out: string[] = [];
  for (const name of candidateNames(p))
    for (const unit of candidateUnits(p))
      if (silentFor(p, whens, listed, name, unit)) out.push(`${name}|${unit}`);
  return out;
}

/** Numbers a clerk writes; every reading must be the same for each. */
const UNIT_SAMPLES = ['0', '1', '2', '3', '10', '25', '0.5'];
/** values.ts PART: at most three CJK characters after the number. */
const UNIT_LONGEST = 3;
const CJK = /^[\u4e00-\u9fff]+$/;

/**
 * Measure words a program's own values are written in beyond the common ones (reading.ts UNITS):
 * "到市非访1批次" against 到市非访扣5分/批次, "缺2个科室" against 缺1个科室扣1分, "4小点" against 每一小点扣1分.
 * The engine reads up to three CJK characters after a number as its unit (values.ts PART); the
 * formula cannot tell CJK characters apart in every program, so it reads only units it is given.
 * Here they are drawn from the program (a counted clause's unit, that unit with the last
 * characters of what it counts, the last characters of a metric without a unit) and each is kept
 * only where the engine, asked when the formula is built, reads "digits + unit" and "缺 + digits +
 * unit" as that one value, and (beside label or event tests) finds none of them in it.
 * Empty for most programs.
 */
export const programUnits = perProgram(findUnits);

function findUnits(p: Program): string[] {
  const candidates = new Set<string>();
  for (const { metric, unit } of countedMetrics(p)) {
    const m = metric.replace(/\s+/g, '');
    if (unit !== '') {
      candidates.add(unit);
      for (let k = 1; unit.length + k <= UNIT_LONGEST && k <= m.length; k++)
        candidates.add(unit + m.slice(m.length - k));
    } else for (let k = 1; k <= Math.min(UNIT_LONGEST, m.length); k++) candidates.add(m.slice(m.length - k));
  }
  const whens = p.clauses.filter((c): c is When => c.kind === 'when' && c.test.kind !== 'condition');
  const listed = programListedStates(p);
  return [...candidates].filter(
    (u) =>
      CJK.test(u) &&
      u.length <= UNIT_LONGEST &&
      u === u.normalize('NFKC') &&
      squash(u) === u &&
      !UNITS.includes(u) &&
      !PERCENT_UNITS.includes(u) &&
      ['', '缺'].every((name) =>
        UNIT_SAMPLES.every((d) => {
          const vals = readValues(`${name}${d}${u}`);
          const v = vals.values;
          const one =
            v.length === 1 && v[0]!.name === name && v[0]!.unit === u && !v[0]!.percent && v[0]!.value.eq(d);
          // A named value beside label tests is read only as silentNames keeps it.
          return one && (name !== '' || whens.length === 0 || saysNothing(p, whens, listed, vals));
        }),
      ),
  );
}
