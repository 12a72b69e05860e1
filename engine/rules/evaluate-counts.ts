/**
 * Counts an actual gives for counted clauses: several counters told apart by name or unit
 * ("缺2项，少1次"), the states of a fault list a text names, a shortfall written without a bound.
 */
import { D } from './decimal';
import type { Clause, Program } from './program';
import { fail, type Outcome } from './types';
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

/** Words that say a fault or a lack on their own (缺2项, 迟报1次, 未整改2处, 超生1个, 出现问题2例). */
const FAULT = /未|没有|无|不|非|缺|漏|迟|少|差|欠|错|超|虚假|重复|违|问题|事故|隐患|投诉/;
/** A plain negation. */
const DENIAL = /未|没有|无|不|非/;
/** Words with a count that say only that it was found, or how many. */
const NEUTRAL = /^(?:发现|共|计|共计|合计|累计|有|存在|查出|其中|计有|检查发现|抽查发现|发生|出现)$/;
/** A lack said alone ("缺2项"): the rule's own word, often left out of the counted name. */
const LACK = /^(?:缺|少|差|欠|漏|缺少|缺失)$/;

/**
 * Whether the words written with a count may say the opposite of what the rule counts: "完成3项"
 * against 未完成1项扣5分, "3份规范" against 不规范, "按时报送12次" against 迟报, "已整改3处" against
 * 问题未整改, "排除3例" against 每发现1例扣 (words that are not the counted name), "2项未开展" against
 * 每开展一项加1分. Then the count is no count of the rule's: a hand score.
 */
export function countWordsClash(words: string, name: string, s: Extract<Clause, { kind: 'step' }>): boolean {
  const metric = s.metric;
  if (words === '' || NEUTRAL.test(words) || LACK.test(words)) return false;
  // "3例以上", "约3例", "每月1例": a bound or a rate, not a count of cases (unless the rule's words).
  const bound = /以上|以下|左右|约|多|余|每|至少|不少于|超过/.exec(words);
  if (bound && !metric.includes(bound[0])) return true;
  if (FAULT.test(metric) && !FAULT.test(words)) return true;
  if (s.effect === 'add') return DENIAL.test(words) && !DENIAL.test(metric);
  // Names that fit no counter only where the counted name says no fault itself (每发现1例扣).
  const named = metric.length > 1 && metric !== s.unit && !FAULT.test(metric);
  return (
    named &&
    name !== '' &&
    !NEUTRAL.test(name) &&
    !LACK.test(name) &&
    !nameFits(name, metric) &&
    !inOrder(name, metric)
  );
}

/** The words of the part of a text that holds its one count, less the number and measure word. */
function wordsOf(text: string, x: Value, s: Extract<Clause, { kind: 'step' }>): string {
  const part = text.split(/[,，;；、\s]+/).find((t) => /\d/.test(t)) ?? text;
  const t = squash(part).replace(/\d+(?:\.\d+)?/, '');
  const unit = s.unit !== '' && t.includes(s.unit) ? s.unit : x.unit;
  return unit === '' ? t : t.replace(unit, '');
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
      if (x.name !== '' && countWordsClash(squash(x.name), squash(x.name), s) && countersOf(x, all)[0] === s)
        return { ok: false, outcome: clash(`${x.name}${x.value.toString()}${x.unit}`, s) };
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
  } else if (values.length === 1) {
    v = values[0]!;
    if (r.v.text !== null && countWordsClash(wordsOf(r.v.text, v, s), squash(v.name), s))
      return { ok: false, outcome: clash(r.v.text, s) };
  } else if (values.length === 0 && r.v.text !== null) {
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

function clash(text: string, s: Extract<Clause, { kind: 'step' }>): Outcome {
  return manual(
    `实际值「${text}」的文字没有说明是「${s.metric}」的确切数目（可能是相反的情况，或是范围、频率），请写明（如“${s.metric}1${s.unit}”）或人工评分`,
    `"${text}" does not say it counts "${s.metric}" (it may count the opposite): name it or score by hand`,
  );
}
