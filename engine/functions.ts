/**
 * The PERF functions' logic, pure: Excel-style arguments in (numbers, text, booleans, null for an
 * empty cell, matrices for ranges), a number / text / column out, or an error the add-in turns
 * into #VALUE! / #N/A with the message. Results are exact unless an option asks for rounding.
 */
import { D, dec, round, type Dec } from './rules/decimal';
import { nfkc } from './text';
import { evaluateRule, parseRule, renderRule, marginal } from './rules';
import { DEFAULT_SETTINGS, parseOptionText, type ScoringSettings } from './rules/settings';
import type { Actual } from './rules/types';
import { readActual } from './rules/actual';
import { bandCounts, bandOf, parseBands } from './bands';

export type Scalar = number | string | boolean | null;
export type Arg = Scalar | readonly (readonly Scalar[])[];

export type FnResult<T> =
  { ok: true; value: T } | { ok: false; error: '#VALUE!' | '#N/A'; message: string; messageEn: string };

const ok = <T>(value: T): FnResult<T> => ({ ok: true, value });
const valueError = (message: string, messageEn: string): FnResult<never> => ({
  ok: false,
  error: '#VALUE!',
  message,
  messageEn,
});
const naError = (message: string, messageEn: string): FnResult<never> => ({
  ok: false,
  error: '#N/A',
  message,
  messageEn,
});

/** Flattens a range (or a scalar) into its values, row by row. */
function flat(a: Arg): Scalar[] {
  if (Array.isArray(a)) return (a as readonly (readonly Scalar[])[]).flatMap((r) => [...r]);
  return [a as Scalar];
}

/** A single value from a scalar or a 1×1 range. */
function scalar(a: Arg): Scalar {
  if (!Array.isArray(a)) return a as Scalar;
  const v = flat(a);
  return v.length === 1 ? (v[0] ?? null) : null;
}

/** A number argument: numbers, numeric text, "80%"; null when empty. */
function numberArg(a: Arg, name: string): FnResult<Dec | null> {
  const v = scalar(a);
  if (v === null || v === '') return ok(null);
  if (typeof v === 'number')
    return Number.isFinite(v)
      ? ok(dec(v))
      : valueError(`${name}不是有效数字`, `${name} is not a valid number`);
  if (typeof v === 'boolean')
    return valueError(`${name}应为数字，不是逻辑值`, `${name} must be a number, not TRUE/FALSE`);
  const r = readActual(v);
  if (r.kind !== 'number') return valueError(`${name}「${v}」不是数字`, `${name} "${v}" is not a number`);
  return ok(r.value);
}

function requiredNumber(a: Arg, name: string): FnResult<Dec> {
  const r = numberArg(a, name);
  if (!r.ok) return r;
  return r.value === null ? naError(`缺少${name}`, `${name} is missing`) : ok(r.value);
}

function settingsFrom(
  options: Arg | undefined,
): FnResult<{ settings: ScoringSettings; roundTo: number | null }> {
  const text = options === undefined ? null : scalar(options);
  if (text !== null && typeof text !== 'string')
    return valueError(
      '选项应为文本，如 "partial=floor;cap=1.2"',
      'Options must be text such as "partial=floor;cap=1.2"',
    );
  try {
    const settings = parseOptionText(text);
    const roundTo =
      text && /(?:^|[;；,，])\s*(?:decimals|dp)\s*[=:：]/i.test(text) ? settings.decimals : null;
    return ok({ settings, roundTo });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return valueError(msg, msg);
  }
}

/** A result as an Excel number; exact decimals beyond a double's range are an error, not ∞. */
function out(x: Dec, roundTo: number | null): FnResult<number> {
  const n = (roundTo === null ? x : round(x, roundTo)).toNumber();
  return Number.isFinite(n)
    ? ok(n)
    : valueError('结果超出 Excel 可表示的数值范围', "The result is beyond Excel's number range");
}

/**
 * PERF.SCORE(actual, rule, points, [target], [options]): the score of one item by the rule text
 * of its target or method cell, e.g. =PERF.SCORE(F6, D6, E6). `actual` may be a range when the
 * rule has several conditions.
 */
export function perfScore(
  actual: Arg,
  rule: Arg,
  points: Arg,
  target?: Arg,
  options?: Arg,
): FnResult<number> {
  const text = scalar(rule);
  if (typeof text !== 'string' || text.trim() === '')
    return valueError('规则应为目标或计分办法的文字', 'The rule must be the text of a target or method cell');
  const pts = requiredNumber(points, '分值');
  if (!pts.ok) return pts;
  if (pts.value.isNeg()) return valueError('分值不能为负数', 'Points cannot be negative');
  const tgt = target === undefined ? ok(null) : numberArg(target, '目标值');
  if (!tgt.ok) return tgt;
  const s = settingsFrom(options);
  if (!s.ok) return s;
  const parsed = parseRule(text);
  if (!parsed.ok)
    return valueError(
      `无法识别的规则：${parsed.reason}，请人工评分`,
      `Rule not understood (${parsed.reason}); score by hand`,
    );
  const act: Actual = Array.isArray(actual) ? flat(actual) : (actual as Scalar);
  const outcome = evaluateRule(parsed.rule, {
    actual: act,
    points: pts.value,
    target: tgt.value,
    settings: s.value.settings,
  });
  if (!outcome.ok)
    return outcome.code === 'ACTUAL_MISSING' || outcome.code === 'MANUAL'
      ? naError(outcome.message, outcome.messageEn)
      : valueError(outcome.message, outcome.messageEn);
  return out(outcome.score, s.value.roundTo);
}

/** PERF.BAND(score, [scheme]): the band (等次) of a score; default 90 优秀 / 80 良好 / 60 合格 / 0 不合格. */
export function perfBand(score: Arg, scheme?: Arg): FnResult<string> {
  const s = requiredNumber(score, '得分');
  if (!s.ok) return s;
  const text = scheme === undefined ? null : scalar(scheme);
  const b = parseBands(typeof text === 'string' && text.trim() !== '' ? text : DEFAULT_SETTINGS.bands);
  if (!b.ok) return b;
  const hit = bandOf(s.value, b.value);
  return hit
    ? ok(hit.label)
    : naError(
        `得分 ${s.value.toString()} 低于最低等次的下限`,
        `Score ${s.value.toString()} is below the lowest band`,
      );
}

/**
 * PERF.FORCED(score, scores, [quotas], [labels]): forced distribution by rank. `quotas` is
 * "20/60/20" (optionally ";rounding=floor;ties=lower"), `labels` "优秀/良好/一般".
 */
export function perfForced(score: Arg, scores: Arg, quotas?: Arg, labels?: Arg): FnResult<string> {
  const s = requiredNumber(score, '得分');
  if (!s.ok) return s;
  const all: Dec[] = [];
  for (const v of flat(scores)) {
    if (v === null || v === '' || typeof v === 'boolean') continue;
    // Numbers typed as text count like numbers; other text (a header inside the range) is skipped.
    const r = numberArg(v, '得分');
    if (r.ok && r.value) all.push(r.value);
  }
  if (all.length === 0) return naError('得分范围中没有数字', 'The scores range holds no numbers');
  if (!all.some((x) => x.eq(s.value)))
    return naError(
      `得分 ${s.value.toString()} 不在得分范围中`,
      `Score ${s.value.toString()} is not in the scores range`,
    );
  let forced = DEFAULT_SETTINGS.forced;
  const qText = quotas === undefined ? null : scalar(quotas);
  if (typeof qText === 'string' && qText.trim() !== '') {
    const [q, ...opts] = qText.split(/[;；]/);
    const nums = (q ?? '').split(/[/,，、:：]/).map((x) => Number(x.replace('%', '').trim()));
    if (nums.some((x) => !Number.isFinite(x) || x < 0))
      return valueError(`比例「${q}」应写成 20/60/20`, `Quotas "${q}" must look like 20/60/20`);
    forced = { ...forced, quotas: nums };
    for (const o of opts) {
      const [k, v] = o.split('=').map((x) => x.trim());
      if (k === 'rounding' && (v === 'floor' || v === 'halfUp' || v === 'largestRemainder'))
        forced = { ...forced, rounding: v };
      else if (k === 'ties' && (v === 'higher' || v === 'lower')) forced = { ...forced, ties: v };
      else
        return valueError(
          `未知选项「${o}」（rounding=floor|halfUp|largestRemainder，ties=higher|lower）`,
          `Unknown option "${o}"`,
        );
    }
  }
  const lText = labels === undefined ? null : scalar(labels);
  const names =
    typeof lText === 'string' && lText.trim() !== ''
      ? lText.split(/[/,，、]/).map((x) => x.trim())
      : forced.labels;
  if (names.length !== forced.quotas.length)
    return valueError(
      `等次数（${names.length}）与比例数（${forced.quotas.length}）不一致`,
      `${names.length} labels for ${forced.quotas.length} quotas`,
    );
  const counts = bandCounts(all.length, forced.quotas, forced.rounding);
  const higher = all.filter((x) => x.gt(s.value)).length;
  const equal = all.filter((x) => x.eq(s.value)).length;
  // Positions (1-based) this score occupies; tied scores straddling a cut-off follow the tie policy.
  const position = forced.ties === 'higher' ? higher + 1 : higher + equal;
  let cum = 0;
  for (let k = 0; k < counts.length; k++) {
    cum += counts[k]!;
    if (position <= cum) return ok(names[k]!);
  }
  return ok(names[names.length - 1]!);
}

/** PERF.RANKSCORE(rank, rule, points): points after a rank deduction ("排序前5位不扣分，第6位扣0.25分…"). */
export function perfRankScore(rank: Arg, rule: Arg, points: Arg): FnResult<number> {
  const text = scalar(rule);
  if (typeof text !== 'string') return valueError('规则应为文字', 'The rule must be text');
  const parsed = parseRule(text);
  if (!parsed.ok || parsed.rule.kind !== 'rank')
    return valueError('不是排序扣分规则（应含“前N位不扣分，第M位扣X分”）', 'Not a rank-deduction rule');
  return perfScore(rank, rule, points);
}

function numberList(a: Arg, name: string): FnResult<Dec[]> {
  const outList: Dec[] = [];
  for (const v of flat(a)) {
    if (v === null || v === '') continue;
    const r = numberArg(v, name);
    if (!r.ok) return r;
    if (r.value) outList.push(r.value);
  }
  return ok(outList);
}

/** PERF.TIERED(amount, thresholds, rates): marginal brackets, e.g. (90, {67.7,75,83.3}, {9%,11%,13%}) → 2.441. */
export function perfTiered(amount: Arg, thresholds: Arg, rates: Arg): FnResult<number> {
  const a = requiredNumber(amount, '金额');
  if (!a.ok) return a;
  const t = numberList(thresholds, '起点');
  if (!t.ok) return t;
  const r = numberList(rates, '比例');
  if (!r.ok) return r;
  if (t.value.length === 0 || t.value.length !== r.value.length)
    return valueError(
      `起点（${t.value.length}个）与比例（${r.value.length}个）数量应相同`,
      `thresholds and rates must have the same count`,
    );
  for (let i = 1; i < t.value.length; i++)
    if (!t.value[i]!.gt(t.value[i - 1]!)) return valueError('起点应从小到大排列', 'Thresholds must increase');
  if (r.value.some((x) => x.gt(1) || x.isNeg()))
    return valueError('比例应为百分数（如 9% 或 0.09）', 'Rates must be fractions such as 9% or 0.09');
  const brackets = t.value.map((from, i) => ({ from, to: t.value[i + 1] ?? null, rate: r.value[i]! }));
  return out(marginal(a.value, brackets), null);
}

/**
 * PERF.PROGRESS(actual, last, target, points, [direction]): w × clamp((A − last)/(T − last), 0, 1).
 * The formula is the same for "+" and "−"; the direction checks the target lies the right way.
 */
export function perfProgress(
  actual: Arg,
  last: Arg,
  target: Arg,
  points: Arg,
  direction?: Arg,
): FnResult<number> {
  const A = requiredNumber(actual, '实际值');
  if (!A.ok) return A;
  const L = requiredNumber(last, '上年值');
  if (!L.ok) return L;
  const T = requiredNumber(target, '目标值');
  if (!T.ok) return T;
  const w = requiredNumber(points, '分值');
  if (!w.ok) return w;
  if (w.value.isNeg()) return valueError('分值不能为负数', 'Points cannot be negative');
  if (T.value.eq(L.value))
    return valueError('目标值等于上年值，无法计算进步分', 'Target equals last year: progress is undefined');
  const dirText = direction === undefined ? null : scalar(direction);
  if (dirText !== null && dirText !== '') {
    const d = nfkc(String(dirText)).trim(); // also U+2212 and full-width minus
    if (d !== '+' && d !== '-') return valueError('方向应为 + 或 −', 'Direction must be + or −');
    if ((d === '+' && T.value.lt(L.value)) || (d === '-' && T.value.gt(L.value)))
      return valueError(
        `方向为${d}，但目标值与上年值的关系相反`,
        `Direction ${d} but the target lies the other way from last year`,
      );
  }
  const share = A.value.minus(L.value).div(T.value.minus(L.value));
  return ok(w.value.mul(D.max(0, D.min(1, share))).toNumber());
}

/** PERF.EFFICACY(actual, worst, best, [points]): 功效系数法 (60 + 40 × (A − 不允许值)/(满意值 − 不允许值)) × w/100. */
export function perfEfficacy(actual: Arg, worst: Arg, best: Arg, points?: Arg): FnResult<number> {
  const A = requiredNumber(actual, '实际值');
  if (!A.ok) return A;
  const lo = requiredNumber(worst, '不允许值');
  if (!lo.ok) return lo;
  const hi = requiredNumber(best, '满意值');
  if (!hi.ok) return hi;
  const w = points === undefined ? ok(new D(100)) : numberArg(points, '分值');
  if (!w.ok) return w;
  if (w.value?.isNeg()) return valueError('分值不能为负数', 'Points cannot be negative');
  if (lo.value.eq(hi.value)) return valueError('满意值与不允许值相同，无法计算', 'Best equals worst');
  let share = A.value.minus(lo.value).div(hi.value.minus(lo.value));
  if (DEFAULT_SETTINGS.efficacyClamp) share = D.max(0, D.min(1, share));
  return ok(
    new D(60)
      .plus(share.mul(40))
      .mul(w.value ?? 100)
      .div(100)
      .toNumber(),
  );
}

/**
 * PERF.ALLOCATE(coefficients, counts, pool): pool × kᵢnᵢ / Σkⱼnⱼ per row, to the cent, with the
 * largest remainder so the parts add up to the pool exactly. Returns a column.
 */
export function perfAllocate(coefficients: Arg, counts: Arg, pool: Arg): FnResult<number[][]> {
  const k = flat(coefficients);
  const n = flat(counts);
  if (k.length !== n.length)
    return valueError(
      `系数（${k.length}个）与人数（${n.length}个）数量应相同`,
      'coefficients and counts must be the same size',
    );
  const p = requiredNumber(pool, '总额');
  if (!p.ok) return p;
  if (!p.value.mul(100).isInteger()) return valueError('总额应精确到分', 'The pool must be in whole cents');
  if (p.value.isNeg()) return valueError('总额不能为负数', 'The pool cannot be negative');
  const weights: Dec[] = [];
  for (let i = 0; i < k.length; i++) {
    const ki = numberArg(k[i] ?? null, `第${i + 1}行系数`);
    if (!ki.ok) return ki;
    const ni = numberArg(n[i] ?? null, `第${i + 1}行人数`);
    if (!ni.ok) return ni;
    const wi = (ki.value ?? new D(0)).mul(ni.value ?? new D(0));
    if (wi.isNeg()) return valueError(`第${i + 1}行为负数`, `Row ${i + 1} is negative`);
    weights.push(wi);
  }
  const sum = weights.reduce((a, b) => a.plus(b), new D(0));
  if (sum.isZero()) return valueError('系数×人数之和为0，无法分配', 'The sum of coefficient × count is 0');
  const cents = p.value.mul(100);
  const exact = weights.map((w) => cents.mul(w).div(sum));
  const floors = exact.map((e) => e.floor());
  let left = cents.minus(floors.reduce((a, b) => a.plus(b), new D(0))).toNumber();
  const order = exact
    .map((e, i) => ({ i, rem: e.minus(e.floor()) }))
    .sort((a, b) => b.rem.cmp(a.rem) || a.i - b.i);
  for (let j = 0; left > 0; j++, left--) floors[order[j]!.i] = floors[order[j]!.i]!.plus(1);
  return ok(floors.map((c) => [c.div(100).toNumber()]));
}

/** PERF.RULE(rule): how the rule text was understood, as a short canonical sentence. */
export function perfRule(rule: Arg, lang: 'zh' | 'en' = 'zh'): FnResult<string> {
  const text = scalar(rule);
  if (typeof text !== 'string' || text.trim() === '')
    return valueError('规则应为文字', 'The rule must be text');
  const parsed = parseRule(text);
  if (!parsed.ok) return naError(`无法识别：${parsed.reason}`, `Not understood: ${parsed.reason}`);
  const flags = [
    parsed.veto ? (lang === 'zh' ? '（一票否决）' : ' (veto)') : '',
    parsed.vetoExcellence ? (lang === 'zh' ? '（一票否优）' : ' (veto of excellence)') : '',
  ].join('');
  return ok(renderRule(parsed.rule, lang) + flags);
}
