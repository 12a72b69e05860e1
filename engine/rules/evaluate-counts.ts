/**
 * Counts an actual gives for counted clauses: several counters told apart by name or unit
 * ("缺2项，少1次"), the states of a fault list a text names, a shortfall written without a bound.
 */
import { D } from './decimal';
import type { Clause, Program } from './program';
import { fail } from './types';
import { eventMet, squash, type Value } from './values';
import { isFraction, manual, nameFits, type Num, type Reader } from './evaluate-parts';

/**
 * The states a counted clause lists ("工作无计划、无检查、无总结，每项扣1分" → 无计划, 无检查, 无总结);
 * [] when its name is not such a list.
 */
export function listedStates(metric: string): string[] {
  if (!metric.includes('、')) return [];
  const items = metric.split('、').map((x) => x.trim());
  const mark = /^(?:没有|无|未|不)/.exec(items[1] ?? '');
  // "工作无计划": the scope word before the first state is not part of it.
  if (mark && !items[0]!.startsWith(mark[0])) {
    const at = items[0]!.indexOf(mark[0]);
    if (at > 0) items[0] = items[0]!.slice(at);
  }
  return items.every((x) => x.length >= 2) ? items : [];
}

/** The states every counted clause of a program lists, in clause order (listedStates of each). */
export function programListedStates(p: Program): string[] {
  return p.clauses.flatMap((c) =>
    c.kind === 'step' && c.direction === 'count' ? listedStates(c.metric) : [],
  );
}

/** How many of a counted clause's listed states a text names ("无计划、无总结" → 2); null when none listed. */
export function listedCount(s: Extract<Clause, { kind: 'step' }>, text: string): number | null {
  const items = listedStates(s.metric).map(squash);
  if (items.length === 0) return null;
  return text
    .split(/[,，;；、]/)
    .map(squash)
    .filter((x) => items.includes(x)).length;
}

/** The shortfall a clerk wrote for a step with no bound ("少2期"), told apart from other counts by its unit. */
export function shortfallOf(
  s: Extract<Clause, { kind: 'step' }>,
  values: readonly Value[],
): Value | undefined {
  if (s.direction !== 'below' || s.from !== null || s.unit === '' || isFraction(s.unit)) return undefined;
  const hits = values.filter((x) => /^(?:少|缺|差|欠)/.test(x.name) && x.unit === s.unit);
  return hits.length === 1 ? hits[0] : undefined;
}

/** Every character of `name`, in order, in `metric` ("未及时修订" in "未能及时修订"). */
function inOrder(name: string, metric: string): boolean {
  if (name.length < 2) return false;
  let i = 0;
  for (const ch of metric) if (ch === name[i]) i++;
  return i === name.length;
}

/** The counters a named count fits: by name, else by the order of its words, else by its unit. */
function countersOf<T extends { metric: string; unit: string }>(x: Value, all: readonly T[]): T[] {
  const byName = all.filter((y) => nameFits(x.name, y.metric));
  if (byName.length === 1) return byName;
  const byUnit = all.filter((y) => x.unit !== '' && y.unit === x.unit);
  if (byName.length === 0) {
    const loose = all.filter((y) => inOrder(x.name, y.metric));
    if (loose.length === 1) return loose;
    if (loose.length === 0 && byUnit.length === 1 && x.name === '') return byUnit;
  }
  return byUnit.length === 1 && (x.name === '' || byName.length > 1) ? byUnit : [];
}

/**
 * The count for one counted clause. Several counts are told apart by name ("缺2项，少1次"); a
 * value that names a measured metric ("控制率4.5%") is left to it; a plain number behind two
 * counters is ambiguous. A text without numbers that a clause of the rule states (`explained`:
 * "未建立档案", "均符合标准") counts no cases.
 */
export function countFor(
  s: Extract<Clause, { kind: 'step' }>,
  all: readonly Extract<Clause, { kind: 'step' }>[],
  r: Reader,
  explained = false,
): Num {
  const { values } = r.v;
  if (r.v.blank)
    return { ok: false, outcome: fail('ACTUAL_MISSING', `缺少${s.unit || s.metric}数`, `No count given`) };
  const listed = values.length === 0 && r.v.text !== null ? listedCount(s, r.v.text) : null;
  if (listed !== null) return { ok: true, value: new D(listed) };
  if (values.length === 0 && r.v.text !== null && explained) return { ok: true, value: new D(0) };
  let v: Value | undefined;
  const measured = r.metrics.filter((m) => m !== '');
  const shortfalls = r.p.clauses.flatMap((c) =>
    c.kind === 'step' && values.length > 1 ? [shortfallOf(c, values)] : [],
  );
  const forCounts = values.filter(
    (x) =>
      !(x.percent || (x.name !== '' && measured.some((m) => nameFits(x.name, m))) || shortfalls.includes(x)),
  );
  // "分管领导参加2次" against 分管领导参加不少于4次…；主要领导参加一次加2.5分: every value is a measured
  // metric's; the counted events are not stated and did not occur (as for a label not stated).
  if (values.length > 0 && values.every((x) => x.name !== '' && measured.some((m) => nameFits(x.name, m)))) {
    r.notes.push(`实际值未说明「${s.metric || s.unit}」，按未发生计`);
    return { ok: true, value: new D(0) };
  }
  if (all.length > 1 || (forCounts.length !== values.length && forCounts.length > 0) || values.length > 1) {
    const named = forCounts.filter((x) => x.name !== '' || x.unit !== '');
    if (named.length === 0 || named.length !== forCounts.length)
      return {
        ok: false,
        outcome: manual(
          all.length > 1
            ? `有${all.length}种计数（${all.map((x) => x.metric).join('、')}），一个数字无法区分，请分别写明（如“缺2项，少1次”）或人工评分`
            : `实际值「${r.v.text ?? ''}」中哪一个是「${s.metric}」的数目无法确定，请写明或人工评分`,
          `${all.length} counters share one number: name them ("缺2项，少1次") or score by hand`,
        ),
      };
    let total = new D(0);
    for (const x of named) {
      const fits = countersOf(x, all);
      if (fits.length !== 1)
        return {
          ok: false,
          outcome: manual(
            `无法确定「${x.name}${x.value.toString()}${x.unit}」属于哪一种计数，需人工评分`,
            `Cannot tell which counter "${x.name}${x.value.toString()}" belongs to: score by hand`,
          ),
        };
      if (fits[0] === s) total = total.plus(x.value);
    }
    v = { name: s.metric, value: total, percent: false, unit: s.unit };
  } else if (values.length === 1) v = values[0];
  else if (values.length === 0 && r.v.text !== null) {
    const e = eventMet(s.metric, r.v);
    if (e === false) return { ok: true, value: new D(0) };
  }
  if (!v)
    return {
      ok: false,
      outcome: fail(
        'ACTUAL_INVALID',
        `实际值「${r.v.text ?? ''}」不是次数/项数`,
        `"${r.v.text ?? ''}" is not a count`,
      ),
    };
  if (v.value.isNeg() || !v.value.isInteger())
    return {
      ok: false,
      outcome: fail(
        'ACTUAL_INVALID',
        `次数/项数应为非负整数，实际为 ${v.value.toString()}`,
        `The count must be a whole number ≥ 0, got ${v.value.toString()}`,
      ),
    };
  return { ok: true, value: v.value };
}
