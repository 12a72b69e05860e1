/**
 * What a clerk types as the actual value, read for a program: numbers ("85%", "１０", 0.85),
 * named values ("建档率92%，随访率88%"), values in order ("92%,88%" or a range), counts with a
 * verb ("未完成2项", "缺2项，少1次"), changes ("增加3人", "-2"), ranks ("第3名", "倒数第1名",
 * "8/10") and labels ("未公示", "发生").
 */
import { numberFromText } from '../text';
import { dec, type Dec } from './decimal';
import type { Actual } from './types';

export interface Value {
  /** The words before the number ("建档率", "缺", "倒数第"), "" when none. */
  name: string;
  value: Dec;
  /** Written as a percent or per-mille (so a fraction), or a fraction cell. */
  percent: boolean;
  unit: string;
}

export interface Values {
  values: Value[];
  /** The text as typed (NFKC, trimmed), null for a number or a blank. */
  text: string | null;
  blank: boolean;
}

const PART = /^([^\d+\-.]*?)([+-]?\d+(?:\.\d+)?)\s*(%|‰|个百分点|[\u4e00-\u9fff]{0,3})$/;
/** A count with what it counts after its measure word: "3份不一致", "2个专业未完成", "缺1个科室". */
const COUNT_NOUN =
  /^([^\d+\-.]*?)(\d+)\s*(批次|月次|人次|个月|份|项|个|名|次|例|人|户|件|处|条|起|台|盏|宗|家|所|篇|张|本|套|批|期|种|类|位|块|座)([^\d%‰]+)$/;

function one(part: string): Value | null {
  const t = part.trim();
  if (t === '') return null;
  const n = numberFromText(t);
  if (n)
    return {
      name: '',
      value: n.percent ? dec(n.digits).div(100) : dec(n.digits),
      percent: n.percent,
      unit: n.percent ? '%' : n.unit,
    };
  const m = PART.exec(t);
  if (!m) {
    const c = COUNT_NOUN.exec(t);
    if (!c) return null;
    return {
      name: `${(c[1] ?? '').replace(/[:：=为是]$/, '').trim()}${c[4]!.trim()}`,
      value: dec(c[2]!),
      percent: false,
      unit: c[3]!,
    };
  }
  const unit = m[3] ?? '';
  let v = dec(m[2]!);
  if (unit === '%' || unit === '个百分点') v = v.div(100);
  if (unit === '‰') v = v.div(1000);
  return {
    name: (m[1] ?? '').replace(/[:：=为是]$/, '').trim(),
    value: v,
    percent: unit === '%' || unit === '‰' || unit === '个百分点',
    unit,
  };
}

const MAX_VALUES = 50;

/** Reads an actual value for a program. */
export function readValues(a: Actual): Values {
  if (a === null || a === undefined) return { values: [], text: null, blank: true };
  if (Array.isArray(a)) {
    const cells = a.filter((x) => x !== null && x !== '');
    // A blank among the values: one of them is still to be filled in.
    if (cells.length < a.length) return { values: [], text: null, blank: true };
    const values: Value[] = [];
    for (const c of cells) {
      const r = readValues(c);
      if (r.values.length !== 1) return { values: [], text: cells.join(','), blank: false };
      values.push(r.values[0]!);
    }
    return { values, text: null, blank: false };
  }
  if (typeof a === 'number')
    return Number.isFinite(a)
      ? { values: [{ name: '', value: dec(a), percent: false, unit: '' }], text: null, blank: false }
      : { values: [], text: String(a), blank: false };
  if (typeof a === 'boolean') return { values: [], text: a ? 'TRUE' : 'FALSE', blank: false };
  const text = String(a).normalize('NFKC').trim();
  if (text === '') return { values: [], text: null, blank: true };
  const whole = one(text);
  if (whole) return { values: [whole], text, blank: false };
  // "8/10": a rank and the number of units.
  const frac = /^(?:第)?(\d+)(?:名)?\s*\/\s*(?:共)?(\d+)(?:名|个|家)?$/.exec(text);
  if (frac)
    return {
      values: [
        { name: '名次', value: dec(frac[1]!), percent: false, unit: '名' },
        { name: '总数', value: dec(frac[2]!), percent: false, unit: '' },
      ],
      text,
      blank: false,
    };
  // "出现问题、错误等问题3项，严重错误1项": 、 lists inside a name; it separates values only otherwise.
  for (const sep of text.includes('、') ? [/[,，;；\s]+/, /[,，;；、\s]+/] : [/[,，;；\s]+/]) {
    const parts = text.split(sep).filter((x) => x !== '');
    // A rule names a few metrics or counts; a cell of hundreds of numbers is not a list of them.
    if (parts.length > MAX_VALUES) break;
    const values: Value[] = [];
    for (const p of parts) {
      const v = one(p);
      if (!v) break;
      values.push(v);
    }
    if (values.length > 0 && values.length === parts.length) return { values, text, blank: false };
  }
  return { values: [], text, blank: false };
}

const DOWN = /减少|下降|降低|少|减/;

/** Names of a signed growth against last year, and the plain words that mean the same change. */
export const GROWTH = /(?:增幅|增长幅度|提升幅度|增长率|增速|涨幅)$/;
export const GENERIC_CHANGE = /^(?:幅度|变化幅度|变动幅度|波动幅度)$/;
/** Names of a decline, counted up (降幅 20% is a fall of 20%). */
const DECLINE = /(?:降幅|下降幅度|下降率|减少率|降低率|下降比例)$/;
/**
 * The names a value written as a direction has ("比上年下降10%"): one of CHANGE_SINCE or nothing,
 * then one verb (the native formulas list the same names: engine/native/context.ts).
 */
export const CHANGE_SINCE = ['比上年', '比去年', '较上年', '较去年', '同比'] as const;
export const SAID_DOWN_VERBS = ['下降', '减少', '降低', '回落', '下滑'] as const;
export const SAID_UP_VERBS = ['上升', '增加', '提高', '增长', '提升'] as const;
const said = (verbs: readonly string[]): RegExp =>
  new RegExp(`^(?:${CHANGE_SINCE.join('|')})?(?:${verbs.join('|')})$`);
const SAID_DOWN = said(SAID_DOWN_VERBS);
const SAID_UP = said(SAID_UP_VERBS);

/**
 * What a value written as a direction means for a metric: 'growth' (增幅: 下降 is negative),
 * 'decline' (降幅: 下降 is positive), null (not a change: 死亡率 "下降10%" does not say the rate).
 */
export function changeKind(metric: string): 'growth' | 'decline' | null {
  if (GROWTH.test(metric) || GENERIC_CHANGE.test(metric)) return 'growth';
  return DECLINE.test(metric) ? 'decline' : null;
}

/**
 * A value written as a direction ("下降10%", "增加3%") for a metric: the signed number a change
 * metric means (增幅 −10%, 降幅 10%); null when the metric is not a change (死亡率 "下降10%" does
 * not say the rate); undefined when the value names no direction.
 */
export function signedByDirection(x: Value, metric: string): Dec | null | undefined {
  const down = SAID_DOWN.test(x.name);
  if (!down && !SAID_UP.test(x.name)) return undefined;
  const kind = changeKind(metric);
  if (kind === 'growth') return down ? x.value.abs().neg() : x.value.abs();
  if (kind === 'decline') return down ? x.value.abs() : x.value.abs().neg();
  return null;
}

/**
 * Names that make a value a difference from the rule's bound, not the metric's value ("低3个百分点"
 * against 满意率80%以上, "少10人" against 达到100人, "提前3天" against a time limit): read as the
 * gap only where the rule has no bound (the step loop); elsewhere a hand score. Whole names only:
 * 差错率, 低保 and 高危 are metrics. A short list: the native formulas test it on every value read.
 */
export const GAP_NAMES = [
  '低',
  '少',
  '差',
  '缺',
  '欠',
  '多',
  '高',
  '超',
  '提前',
  '还差',
  '相差',
  '比目标低',
  '比目标少',
] as const;

/** A change against last year: "增加3人" → 3, "减少2人" → −2, "-2" → −2, (this, last) → this − last. */
export function changeOf(v: Values): Dec | null {
  if (v.values.length === 1) {
    const x = v.values[0]!;
    return DOWN.test(x.name) ? x.value.abs().neg() : x.value;
  }
  if (v.values.length === 2 && v.values.every((x) => x.name === '' || /今年|本年|上年|去年/.test(x.name)))
    return v.values[0]!.value.minus(v.values[1]!.value);
  return null;
}

export const NEG_MARK = /^(?:未按要求|未按时|未能|未经|未|没有|无|不|缺少|缺乏|缺|既未|尚未)/;
export const POS_MARK = /^(?:已经|已|有|按时|按要求|完成了|全部)/;
const YES = new Set(['是', '发生', '有', '已发生', 'true', 'yes', 'y', '√', '触发', '存在', '出现', '否决']);
const NO = new Set([
  '否',
  '未发生',
  '无',
  '没有',
  '不发生',
  'false',
  'no',
  'n',
  '×',
  '未触发',
  '不存在',
  '未出现',
  '没有发生',
]);

export const squash = (s: string): string => s.normalize('NFKC').replace(/[\s,，。；;、:：的了"“”'‘’]/g, '');

/** Whether every character of `short` appears in `long` in order ("达要求" in "达到三增长要求"). */
function within(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Words of a quality rather than a thing had or done: a bare 无 against them says neither. */
const QUALITY = /符合|合格|达标|规范|齐全|完整|满意|正确|及时|准确|真实|整洁|干净|健全|到位|合理|清楚|清晰/;
/** The same, for every quality a text names (matchAll). */
const QUALITIES = new RegExp(QUALITY.source, 'g');

/** Whether the label's words beyond a piece said done ask a quality or another deed. */
function asksMore(core: string, piece: string, said: string): boolean {
  const at = core.indexOf(piece);
  if (at < 0) return false;
  const rest = core.slice(0, at) + '|' + core.slice(at + piece.length);
  if (/并|和|及|且|、|,|，/.test(rest.replace(/及时/g, ''))) return true;
  // A quality the text says too ("按时上报" against 未及时上报: 按时 is 及时) asks nothing more.
  const s = said.replace(/按时/g, '及时');
  return [...rest.matchAll(QUALITIES)].some((m) => !s.includes(m[0]));
}

/** asksMore for words said in the label's order but not as one piece ("已全部告知"). */
function asksBeyond(core: string, done: string): boolean {
  const joins = /并|和|及|且|、/;
  if (joins.test(core) && !joins.test(done)) return true;
  return [...core.matchAll(QUALITIES)].some((m) => !done.includes(m[0]));
}

/** A negation inside a text: 未/无/没有/不 and the words around it. */
const NEG_INSIDE = /既未|尚未|未能|未|没有|无|不/;

/**
 * "不能实时查看基层机构的信息" against 能够实时查看基层机构的信息, "实施方案无任务清单" against
 * 实施方案有具体工作指标，有任务清单…, "不达要求" against 教育经费达到“三增长”要求: the text denies
 * a part of the label, in the label's own words. Never when the label itself says the denial.
 */
function denies(l: string, a: string): boolean {
  const m = NEG_INSIDE.exec(a);
  if (!m) return false;
  const prefix = a.slice(0, m.index);
  const rest = a.slice(m.index + m[0].length).replace(/^(?:有|能够|能)/, '');
  if (rest.length < 2 || l.includes(m[0] + rest) || NEG_INSIDE.test(rest)) return false;
  // The label must not deny what the text denies ("未对…" against "未对…"), nor hold a denial
  // before it ("未整改" against 发现问题未及时整改: not 整改 at all is not a denial of the label).
  const at = l.indexOf(rest.slice(0, 2));
  if (at > 0 && NEG_INSIDE.test(l.slice(0, at))) return false;
  return within(prefix + rest, l);
}

/** A negation that ends the words before a piece of a label ("发现问题未" before 整改). */
const NEG_BEFORE = /(?:既未|尚未|未能|未|没有|无|不)$/;

/** How `piece` stands in `label`: once with no negation before it, right after one, or neither. */
function pieceOf(label: string, piece: string): 'fits' | 'denied' | 'none' {
  let denied = false;
  for (let at = label.indexOf(piece); at >= 0; at = label.indexOf(piece, at + 1)) {
    const before = label.slice(0, at);
    if (!NEG_INSIDE.test(before)) return 'fits';
    if (NEG_BEFORE.test(before)) denied = true;
  }
  return denied ? 'denied' : 'none';
}

/**
 * How a text's words (less its own 已 / 未) stand to a label's core: 'fits' when they are the
 * core or a piece of it said as the core says it, or hold the core with no negation before it
 * ("2项不符合要求" does not fit 符合要求); 'denied' when they are a piece the core denies ("整改"
 * in 发现问题未整改: "已整改" says the opposite of the label, "没有整改" says the label); else
 * 'none'. A piece after a negation further back ("整改" in 未及时整改) is neither: it may be
 * under the denial or not.
 */
function fitsPlain(core: string, rest: string): 'fits' | 'denied' | 'none' {
  if (core.length === 0 || rest.length === 0) return 'none';
  const piece = pieceOf(core, rest);
  if (piece !== 'none') return piece;
  const at = rest.indexOf(core);
  // "不太满意" is not "不满意": a word of degree between the denial and the words.
  if (at > 0 && /^(?:太|很|大|够|怎么|十分|非常|完全|全|都|一定)/.test(rest)) return 'none';
  if (at < 0 || NEG_INSIDE.test(rest.slice(0, at))) return 'none';
  // "未建立台账的情况不存在": denied again after the words; "未建立台账管理制度": another thing.
  const after = rest.slice(at + core.length);
  if (/不存在|不属实|不成立|并非|不是/.test(after)) return 'none';
  return /^[\u4e00-\u9fff]{3,}$/.test(after) && !NEG_MARK.test(after) ? 'none' : 'fits';
}

/**
 * Does this text state the label? "未公示" against 未公示 → true; "已公示" → false; "资料零乱"
 * against 资料零乱 → true; "日常工作经费能满足需要" against …不能满足需要 → false; another text →
 * null (neither).
 */
export function labelSays(label: string, negative: boolean, text: string, strict = false): boolean | null {
  const alts = sharedObject(label);
  if (alts) {
    const says = alts.map((x) => labelSays(x, negative, text, strict));
    return says.includes(true) ? true : says.every((x) => x === false) ? false : null;
  }
  const a = squash(text);
  const l = squash(label);
  if (a === '') return null;
  // "未公示0项": the state said with no case of it: not the case.
  const none = /^(\D{2,}?)0+(?:\.0+)?([\u4e00-\u9fff]{0,2})$/.exec(a);
  if (none && !/\d/.test(l)) return labelSays(label, negative, none[1]!, strict) === true ? false : null;
  if (a === l) return true;
  // "发现有1个对象未公示" (any one) against "3个对象未公示" (met) or "0个对象未公示" (not).
  const any = /^(?:发现|存在|查出)?有1(个|项|例|处|人|户|家|次|份|件)(.{2,})$/.exec(l);
  const count = any ? /^(?:发现|存在|查出)?有?(\d+)(个|项|例|处|人|户|家|次|份|件)(.+)$/.exec(a) : null;
  if (any && count && count[2] === any[1] && count[3] === any[2]) return Number(count[1]) >= 1;
  const core = negative ? l.replace(NEG_MARK, '') : l.replace(POS_MARK, '');
  const fits = (rest: string): boolean => fitsPlain(core, rest) === 'fits';
  // Said done, a piece is not the whole where the rest of the label asks more: "已建立" against
  // 建立健全工作制度 (健全?), "已制定计划" against 制定计划并组织实施. A denied piece denies the whole.
  const fitsDone = (rest: string): boolean => fits(rest) && !asksMore(core, rest, a);
  const deniedIn = (rest: string): boolean => fitsPlain(core, rest) === 'denied';
  let neg = NEG_MARK.exec(a);
  let pos = POS_MARK.exec(a);
  // "有，未落实": a positive word followed by a denial is a denial.
  if (pos && NEG_MARK.test(a.slice(pos[0].length))) {
    neg = NEG_MARK.exec(a.slice(pos[0].length));
    if (neg)
      neg = Object.assign([pos[0] + neg[0]], { index: 0, input: a, groups: undefined }) as RegExpExecArray;
    pos = null;
  }
  // The label says the text's negation itself ("食用农产品未建立索证索票制度" against "未建立…").
  const saysNeg = neg !== null && l.includes(a);
  // "按时限，程序报告" against 突发事件不按时限，程序报告: the label denies what the text states.
  const at = l.indexOf(a);
  // "未全面实施…或未落实…": one part said done says nothing of the other.
  const either = /或(?:既未|尚未|未能|未|没有|无|不)/.test(l);
  if (!neg && at > 0 && /(?:不|未|无|没有)$/.test(l.slice(0, at))) return either ? null : false;
  if (negative) {
    // A bare "没有" / "无" (没有该项不得分): "没有" states it, a statement of having does not.
    if (core === '') {
      if (NO.has(a.toLowerCase())) return true;
      if ((pos && !NEG_INSIDE.test(a)) || YES.has(a.toLowerCase())) return false;
      return null;
    }
    if (either && !neg && !NO.has(a.toLowerCase())) return null;
    if (a === core || (pos && fitsDone(a.slice(pos[0].length))) || (core.startsWith(a) && a.length >= 2))
      return false;
    // "未落实…" against 未全面实施…或未落实…: the label's second denial, in its own words.
    if (neg && (fits(a.slice(neg[0].length)) || (saysNeg && deniedIn(a.slice(neg[0].length))))) return true;
    // TRUE / FALSE, √ / ×, yes / no, 存在 against a denial (未建立台账): the fault is so, or the thing
    // is there? Neither can be told. A Chinese 无, 没有, 否 echoes the label's own denial (无工作方案
    // 不得分: 无; 是否建立…: 否).
    if (/^(?:true|false|yes|no|y|n|√|×)$/.test(a.toLowerCase()) || YES.has(a.toLowerCase())) return null;
    if (NO.has(a.toLowerCase()) || a === '未') return true;
    // "已全部告知" against 未全部进行告知: the label's words, stated as done.
    const done = pos ? a.slice(pos[0].length) : a;
    if (!neg && !NEG_INSIDE.test(a) && done.length >= 2 && within(done, core) && !asksBeyond(core, done))
      return false;
  } else {
    // A bare "无" / "没有" / "否" denies the state ("有应急预案得2分": nothing earned; "资料零乱扣2分":
    // nothing deducted).
    // Not a bare 无 against a quality ("符合要求": 无 may say "no problem"): that stays unread.
    if (NO.has(a.toLowerCase()) || a === '未' || a === '不')
      return /^(?:无|没有)$/.test(a) && QUALITY.test(l) ? null : false;
    if (neg && !saysNeg && fits(a.slice(neg[0].length))) return false;
    if (pos && fitsDone(a.slice(pos[0].length))) return true;
    // "已整改" against 发现问题未整改: done what the label says was not; "没有整改": the label.
    if (pos && deniedIn(a.slice(pos[0].length))) return false;
    if (neg && !saysNeg && deniedIn(a.slice(neg[0].length))) return true;
    if (!saysNeg && denies(l, a)) return false;
  }
  // "日常工作经费能满足需要" against "日常工作经费不能满足需要": the label denied.
  const denied = l.replace(/不|未|没有|无/, '');
  if (denied !== l && (denied === a || (denied.includes(a) && a.length >= 4))) return false;
  if (
    neg &&
    !negative &&
    !saysNeg &&
    a.length > neg[0].length &&
    pieceOf(l, a.slice(neg[0].length)) === 'fits'
  )
    return false;
  // An abbreviation of the label ("未开展" for 未开展进行产后访视工作); never a label with words
  // added ("较满意" is not 满意), except a count ("无电话号码4人").
  if (!strict && l.includes(a) && a.length >= 3 && !(neg && !NEG_MARK.test(l) && !saysNeg)) return true;
  // "未公示2项": the state, counted; "未公示0项": none of it.
  const counted = a.startsWith(l) ? /^([\d.]+)[\u4e00-\u9fff]?$/.exec(a.slice(l.length)) : null;
  if (counted) return Number(counted[1]) > 0 ? true : Number(counted[1]) === 0 ? false : null;
  return null;
}

/**
 * "迟报、漏报、错报妇幼保健信息": verbs of one length sharing the object written after the last one;
 * the states are 迟报妇幼保健信息, 漏报妇幼保健信息, 错报妇幼保健信息. null for any other label.
 */
export function sharedObject(label: string): string[] | null {
  const m = /^((?:[\u4e00-\u9fff]{1,3}[、,，])+)([\u4e00-\u9fff]+)$/.exec(label.trim());
  if (!m) return null;
  const verbs = m[1]!.split(/[、,，]/).filter((x) => x !== '');
  const k = verbs[0]!.length;
  const last = m[2]!;
  if (verbs.some((v) => v.length !== k) || last.length < k + 2) return null;
  const object = last.slice(k);
  return [...verbs, last.slice(0, k)].map((v) => `${v}${object}`);
}

/** labelSays on the whole actual value. */
export function labelMet(label: string, negative: boolean, v: Values): boolean | null {
  return v.text === null ? null : labelSays(label, negative, v.text);
}

/** Texts that say nothing went wrong: no label of a fault list applies. */
export const NOTHING_WRONG =
  /^(?:无|没有|否|未发生|无问题|没有问题|合格|达标|完成|全部完成|已完成|符合要求|规范|齐全|全部达标|无扣分|不扣分|0|均无)$/;

/** A text that begins so says the event did not happen ("未发现虚假", "无重复档案"). */
export const EVENT_DENIED = [
  '未发生',
  '没有发生',
  '无',
  '未出现',
  '没有出现',
  '不存在',
  '未发现',
  '没有发现',
  '未查出',
  '没有',
];
/**
 * A text that begins so says it happened: with nothing or a count after it ("发生2起"), with the
 * event's words or its last words ("出现虚假1例", "发生事故" of 安全生产事故); other words after it
 * ("发生交通事故" against 重大安全事故) may name another event: a hand score.
 */
export const EVENT_SAID = ['发生', '出现', '存在'];
/** Measure words of a count of events ("2起", "1例"). */
export const EVENT_COUNT_UNITS = ['起', '次', '例', '件', '宗', '人', '个', '处'];
const COUNT = `(?:\\d+|[一二两三四五六七八九十]+)(?:${EVENT_COUNT_UNITS.join('|')})?`;
const SAID_COUNT = new RegExp(`^${COUNT}$`);
const SAID_COUNT_TAIL = new RegExp(`${COUNT}$`);
const EVENT_DENIED_RE = new RegExp(`^(?:${EVENT_DENIED.join('|')})`);
const EVENT_SAID_RE = new RegExp(`^(?:${EVENT_SAID.join('|')})`);

/**
 * A text that holds the event's words, said otherwise than 发生…: a denial before them ("全年未发生
 * 安全生产事故", "本年度无…") says it did not happen; a count after them says how often ("…0起" none,
 * "…2起" it did); other words of denial after them ("…为零" aside) leave it to a hand score.
 */
function namedEvent(a: string, e: string): boolean | null {
  const at = a.indexOf(e);
  if (/未|无|没有|不|杜绝/.test(a.slice(0, at))) return false;
  const after = a.slice(at + e.length);
  const count = new RegExp(`^(?:为|共|共计|计)?(\\d+|零)(?:${EVENT_COUNT_UNITS.join('|')})?$`).exec(after);
  if (count) return count[1] === '零' || Number(count[1]) === 0 ? false : true;
  if (/未|无|没有|不|零/.test(after)) return null;
  return true;
}

/**
 * Words beside an event's words that leave it unsaid: another kind (发生非重大安全事故), a near miss
 * (险些发生…, …未遂), a prevention (防止发生…), a doubt (疑似…), its hazard or first signs (…隐患,
 * …苗头, …风险). A text holding one outside the event's own words is a hand score, never the
 * event's effect (the native formulas test the same words: engine/native/clauses/when.ts).
 */
export const EVENT_UNSAID = [
  '非',
  '险些',
  '差点',
  '几乎',
  '防止',
  '预防',
  '防范',
  '防控',
  '避免',
  '疑似',
  '可能',
  '是否',
  '如果',
  '假如',
  '隐患',
  '苗头',
  '风险',
  '未遂',
  '险情',
  '征兆',
  '迹象',
  '倾向',
  '趋势',
  '预警',
  '嫌疑',
  '预案',
] as const;

/** Whether a text (squashed) holds a word of EVENT_UNSAID outside the event's own words. */
function eventUnsaid(a: string, e: string): boolean {
  const rest = e === '' ? a : a.split(e).join('|');
  return EVENT_UNSAID.some((w) => rest.includes(w));
}

/** Did the event happen? "发生", "是", a count ≥ 1, a text naming the event → true. */
export function eventMet(event: string, v: Values): boolean | null {
  if (v.values.length === 1 && v.values[0]!.name === '') {
    const x = v.values[0]!.value;
    return x.gte(1) ? true : x.isZero() ? false : null;
  }
  if (v.text === null) return null;
  const a = squash(v.text).toLowerCase();
  if (YES.has(a)) return true;
  if (NO.has(a) || EVENT_DENIED_RE.test(a)) return false;
  const e = squash(event);
  // "发生非责任事故", "险些发生…", "防止发生…", "发生…隐患": the words of the event, but not said
  // to have happened (nor said not to): a hand score, never the event's effect.
  if (eventUnsaid(a, e)) return null;
  const said = EVENT_SAID_RE.test(a);
  // A piece of the event names it only as its last words, the kind of event ("死亡事故", "事故" of
  // 人员死亡事故): its first words ("人员", "重大") name no event at all.
  const piece = a.replace(EVENT_SAID_RE, '');
  // "发生0起", "发生安全生产事故0起": said to have happened no times.
  const nums = said ? a.match(/\d+(?:\.\d+)?/g) : null;
  if (nums && nums.length === 1 && Number(nums[0]) === 0) return false;
  if (e !== '' && a.includes(e) && !said) return namedEvent(a, e);
  if (e !== '' && (a.includes(e) || e.endsWith(piece))) return !/^(?:未|无|没有|不)/.test(a);
  // "出现7胎出生" against 6胎或以上的出生: the count reaches the event's; "出现5胎出生" does not say
  // the event, and one number against another in words is not read further.
  if (/\d/.test(e) && /\d/.test(a)) {
    const need = /(\d+(?:\.\d+)?)([\u4e00-\u9fff]?)(?:或|及)?以上/.exec(e);
    const one = a.match(/\d+(?:\.\d+)?/g)?.length === 1 ? /(\d+(?:\.\d+)?)([\u4e00-\u9fff]?)/.exec(a) : null;
    const reaches = need && one && need[2] === one[2] && Number(one[1]) >= Number(need[1]);
    return reaches && said ? true : null;
  }
  // "发生2起", "出现一次": said, with how often; "发生事故1起": the event's last words and how often.
  // "发生交通事故" against 重大安全事故: another event, or this one in other words: a hand score,
  // never a veto.
  if (said) {
    if (SAID_COUNT.test(piece)) return true;
    const words = piece.replace(SAID_COUNT_TAIL, '');
    return words !== piece && words !== '' && e.endsWith(words) ? true : null;
  }
  return null;
}
