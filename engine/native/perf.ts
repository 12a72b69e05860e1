/**
 * PERF function calls → native formulas, for the converter (CLI `convert --to native`, the pane's
 * 转换为通用公式). Each call's arguments come as they are written: `expr` the argument's formula
 * text (a cell reference, a number, a string literal), and `value` its value where the converter
 * knows it (a literal, or the current value of the cell it names): the rule text, the options and
 * the band scheme must be known, because the formula is compiled from them.
 *
 *   compilePerfCall('PERF.指标得分', [{expr:'F6'}, {expr:'D6', value:'满意率80%以上…'}, {expr:'E6'}])
 *     → { ok: true, formula: '=IF(…)' }
 *
 * Names: the English id or the Chinese name (PERF.指标得分), with or without the `_xldudf_` /
 * `_xludf.` prefix Excel saves without the add-in. A call that cannot be converted gives the reason.
 */
import { BAND_NOTES, bandWithNote, parseBands } from '../bands';
import { FUNCTIONS, requiredCount, type FunctionSpec } from '../functions';
import { spec as scoreSpec } from '../functions/score';
import { spec as rankScoreSpec } from '../functions/rankscore';
import { spec as bandSpec } from '../functions/band';
import { spec as tieredSpec } from '../functions/tiered';
import { spec as progressSpec } from '../functions/progress';
import { spec as efficacySpec } from '../functions/efficacy';
import { spec as ruleSpec } from '../functions/rule';
import { nfkc } from '../text';
import { parseRule, renderRule } from '../rules';
import { dec } from '../rules/decimal';
import { parseOptionText, type ScoringSettings } from '../rules/settings';
import { and, boolText, str, type Bool } from './expr';
import { NATIVE_TEXT } from './messages';
import { marginalOf } from './clauses/tiers';
import { compileNative, roundTo, type NativeResult } from './compile';

export type PerfScalar = number | string | boolean | null;

export interface PerfArg {
  /** The argument as written in the formula ("F6", "0.8", "\"partial=floor\""). */
  expr: string;
  /** Its value when known: a literal, or the cell's current value (a range: its values). */
  value?: PerfScalar | readonly (readonly PerfScalar[])[];
}

const refuse = (reason: string): NativeResult => ({ ok: false, reason });
const isOmitted = (a: PerfArg | undefined): boolean => a === undefined || a.expr.trim() === '';

/** The PERF function a name stands for (id or Chinese name, with Excel's prefixes), or null. */
export function perfFunctionId(name: string): string | null {
  const n = name
    .trim()
    .replace(/^_xldudf_/i, '')
    .replace(/^_xludf\./i, '')
    .replace(/^PERF\./i, '');
  const f = FUNCTIONS.find((x) => x.id === n.toUpperCase() || x.zh === n);
  return f ? f.id : null;
}

function textValue(a: PerfArg | undefined): string | null {
  if (!a || a.value === undefined || a.value === null) return null;
  const v = Array.isArray(a.value)
    ? a.value.length === 1 && a.value[0]!.length === 1
      ? a.value[0]![0]
      : null
    : a.value;
  return typeof v === 'string' ? v : null;
}

function numbers(a: PerfArg | undefined): number[] | null {
  if (!a || a.value === undefined || a.value === null) return null;
  const flat = Array.isArray(a.value) ? a.value.flat() : [a.value];
  const out: number[] = [];
  for (const v of flat) {
    if (v === null || v === '') continue;
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(nfkc(v).replace(/%$/, 'e-2')) : NaN;
    if (!Number.isFinite(n)) return null;
    out.push(n);
  }
  return out;
}

/** A cell or a number: what the compiled formula may read directly. */
const SIMPLE = /^(?:(?:'[^']+'|[\w.\u4e00-\u9fff]+)!)?\$?[A-Z]{1,3}\$?\d+$|^-?\d+(?:\.\d+)?$/;

function options(a: PerfArg | undefined): { settings: ScoringSettings; round: number | null } | string {
  if (isOmitted(a)) return { settings: parseOptionText(null), round: null };
  const text = textValue(a);
  if (text === null) return '选项应为已知的文字';
  try {
    const settings = parseOptionText(text);
    const round = /(?:^|[;；,，])\s*(?:decimals|dp)\s*[=:：]/i.test(text) ? settings.decimals : null;
    return { settings, round };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export function compilePerfCall(name: string, args: readonly PerfArg[]): NativeResult {
  const id = perfFunctionId(name);
  if (id === null) return refuse(`不是 PERF 函数：${name}`);
  const spec = FUNCTIONS.find((f) => f.id === id)!;
  const required = requiredCount(spec);
  if (args.length < required || args.length > spec.params.length)
    return refuse(`PERF.${id} 的参数个数不对（${args.length}个）`);
  for (let i = 0; i < required; i++) if (isOmitted(args[i])) return refuse(`PERF.${id} 缺少第${i + 1}个参数`);
  const compile = COMPILERS.get(spec);
  return compile
    ? compile(spec, args)
    : refuse(`PERF.${id} 依赖整组数据的排序或分配（溢出数组），通用公式不支持`);
}

type Compiler = (spec: FunctionSpec, args: readonly PerfArg[]) => NativeResult;

function score(spec: FunctionSpec, args: readonly PerfArg[]): NativeResult {
  const rankOnly = spec === rankScoreSpec;
  const text = textValue(args[1]);
  if (text === null) return refuse('规则文字未知（应为文字或含文字的单元格）');
  const parsed = parseRule(text);
  if (!parsed.ok) return refuse(`规则无法识别：${parsed.reason}`);
  if (rankOnly && !parsed.rule.clauses.some((c) => c.kind === 'rank')) return refuse('不是排序扣分规则');
  const o = !rankOnly ? options(args[4]) : { settings: parseOptionText(null), round: null };
  if (typeof o === 'string') return refuse(o);
  const target = !rankOnly && !isOmitted(args[3]) ? args[3]!.expr.trim() : null;
  return compileNative(
    parsed.rule,
    { actual: args[0]!.expr.trim(), points: args[2]!.expr.trim(), target },
    o.settings,
    { mode: 'function', round: o.round },
  );
}

function band(_spec: FunctionSpec, args: readonly PerfArg[]): NativeResult {
  const s0 = args[0]!.expr.trim();
  // A cell, a number, or arithmetic of them ("J5*100/30": the pane's band of a total out of 30).
  const arithmetic = /^[$A-Z\d.+\-*/() ]+$/.test(s0) && !/[A-Z]\s*\(/.test(s0);
  if (!SIMPLE.test(s0) && !arithmetic) return refuse(`得分应为单元格、数字或它们的四则运算（收到「${s0}」）`);
  const s = SIMPLE.test(s0) ? s0 : `(${s0})`;
  const scheme = isOmitted(args[1]) ? null : textValue(args[1]);
  if (!isOmitted(args[1]) && scheme === null) return refuse('等次方案应为已知的文字');
  return bandFormula(s, scheme);
}

/** What a table's veto items say for its band (./veto.ts): each a formula test. */
export interface BandVetoes {
  /** 一票否决 happened: the lowest band, with its note. */
  veto: Bool;
  /** 一票否优 happened: a top band drops to the next, with its note. */
  excellence: Bool;
  /** The formula cannot tell whether a veto happened: a text asks for the band by hand. */
  unsure: Bool;
}

/** The band of a score cell by a scheme ("90:优秀,80:良好,60:合格,0:不合格"), as PERF.考核等次 does. */
export function bandFormula(
  score: string,
  scheme: string | null,
  scale = '',
  vetoes: BandVetoes | null = null,
): NativeResult {
  const b = parseBands(scheme && scheme.trim() !== '' ? scheme : '90:优秀,80:良好,60:合格,0:不合格');
  if (!b.ok) return refuse(b.message);
  const x = `${score}${scale}`;
  const bands = b.value;
  let inner = str('低于最低等次');
  for (let i = bands.length - 1; i >= 0; i--)
    inner = `IF(${x}>=${bands[i]!.min.toString()},${str(bands[i]!.label)},${inner})`;
  if (vetoes !== null) {
    // As engine/bands.ts bandOfTotal: a veto gives the lowest band whatever the total; a veto of
    // excellence stops a top band at the next one; both say so beside the label.
    const lowest = bandWithNote(bands[bands.length - 1]!.label, BAND_NOTES.veto.zh);
    if (bands.length > 1 && vetoes.excellence !== false)
      inner = `IF(${boolText(and(vetoes.excellence, `${x}>=${bands[0]!.min.toString()}`))},${str(
        bandWithNote(bands[1]!.label, BAND_NOTES.vetoExcellence.zh),
      )},${inner})`;
    if (vetoes.veto !== false) inner = `IF(${boolText(vetoes.veto)},${str(lowest)},${inner})`;
    if (vetoes.unsure !== false)
      inner = `IF(${boolText(vetoes.unsure)},${str(NATIVE_TEXT.VETO_UNREAD)},${inner})`;
  }
  return { ok: true, formula: `=IF(ISNUMBER(${score}),${inner},${str('得分无效')})` };
}

function tiered(_spec: FunctionSpec, args: readonly PerfArg[]): NativeResult {
  const a = args[0]!.expr.trim();
  if (!SIMPLE.test(a)) return refuse(`金额应为单元格或数字（收到「${a}」）`);
  const t = numbers(args[1]);
  const r = numbers(args[2]);
  if (!t || !r) return refuse('起点和比例应为已知的数字');
  if (t.length === 0 || t.length !== r.length) return refuse('起点与比例数量应相同');
  for (let i = 1; i < t.length; i++) if (!(t[i]! > t[i - 1]!)) return refuse('起点应从小到大排列');
  if (r.some((x) => x > 1 || x < 0)) return refuse('比例应为百分数');
  const brackets = t.map((from, i) => ({
    from: dec(from).toString(),
    to: i + 1 < t.length ? dec(t[i + 1]!).toString() : null,
    rate: dec(r[i]!).toString(),
  }));
  return { ok: true, formula: `=IF(ISNUMBER(${a}),${marginalOf(a, brackets)},${str('金额无效')})` };
}

function progress(_spec: FunctionSpec, args: readonly PerfArg[]): NativeResult {
  const [A, L, T, W] = args.slice(0, 4).map((x) => x!.expr.trim()) as [string, string, string, string];
  for (const x of [A, L, T, W]) if (!SIMPLE.test(x)) return refuse(`参数应为单元格或数字（收到「${x}」）`);
  let dirCheck = '';
  if (!isOmitted(args[4])) {
    const d = textValue(args[4]);
    const dn = d === null ? null : nfkc(d).trim();
    if (dn !== '+' && dn !== '-') return refuse('方向应为已知的 + 或 −');
    dirCheck = dn === '+' ? `${T}<${L}` : `${T}>${L}`;
  }
  const body = `${W}*MAX(0,MIN(1,(${A}-${L})/(${T}-${L})))`;
  const checks = `IF(${W}<0,${str('分值无效')},IF(${T}=${L},${str('目标值等于上年值')},${dirCheck ? `IF(${dirCheck},${str('方向与目标相反')},${body})` : body}))`;
  return {
    ok: true,
    formula: `=IF(AND(ISNUMBER(${A}),ISNUMBER(${L}),ISNUMBER(${T}),ISNUMBER(${W})),${checks},${str('参数不是数字')})`,
  };
}

function efficacy(_spec: FunctionSpec, args: readonly PerfArg[]): NativeResult {
  const [A, lo, hi] = args.slice(0, 3).map((x) => x!.expr.trim()) as [string, string, string];
  const W = isOmitted(args[3]) ? '100' : args[3]!.expr.trim();
  for (const x of [A, lo, hi, W]) if (!SIMPLE.test(x)) return refuse(`参数应为单元格或数字（收到「${x}」）`);
  const o = options(args[4]);
  if (typeof o === 'string') return refuse(o);
  const share0 = `(${A}-${lo})/(${hi}-${lo})`;
  const share = o.settings.efficacyClamp ? `MAX(0,MIN(1,${share0}))` : share0;
  let body = `(60+${share}*40)*${W}/100`;
  if (o.round !== null) body = roundTo(body, o.round);
  return {
    ok: true,
    formula: `=IF(AND(ISNUMBER(${A}),ISNUMBER(${lo}),ISNUMBER(${hi}),ISNUMBER(${W})),IF(${W}<0,${str('分值无效')},IF(${hi}=${lo},${str('满意值与不允许值相同')},${body})),${str('参数不是数字')})`,
  };
}

function rule(_spec: FunctionSpec, args: readonly PerfArg[]): NativeResult {
  const text = textValue(args[0]);
  if (text === null) return refuse('规则文字未知');
  const parsed = parseRule(text);
  if (!parsed.ok) return refuse(`规则无法识别：${parsed.reason}`);
  const flags = (parsed.veto ? '（一票否决）' : '') + (parsed.vetoExcellence ? '（一票否优）' : '');
  return { ok: true, formula: `=${str(renderRule(parsed.rule, 'zh') + flags)}` };
}

/** The functions with a native form, by their declaration (engine/functions/); others are refused. */
const COMPILERS = new Map<FunctionSpec, Compiler>([
  [scoreSpec, score],
  [rankScoreSpec, score],
  [bandSpec, band],
  [tieredSpec, tiered],
  [progressSpec, progress],
  [efficacySpec, efficacy],
  [ruleSpec, rule],
]);
