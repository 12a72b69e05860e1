/**
 * The vocabulary clause readers share: numbers, units, comparators with their inclusivity
 * (docs/domain.md: 以上/以下/不低于/不超过/达到 include the bound; 超过/低于/不足/不满 exclude it),
 * effects and metric names.
 */
import { dec } from '../decimal';
import type { Comparator, Condition, Effect } from '../program';

export const NUM = '(\\d+(?:\\.\\d+)?)';
/** Units after a number in a condition or a step. */
export const UNIT =
  '(个百分点|百分点|%|‰|分|个|项|次|例|人次|人|户|张|家|所|篇|件|处|条|起|台|份|期|批|名|位|本|套|种|类|天|万元|元|万|倍|床|辆|场|页)?';

export const PRE: Record<string, Comparator> = {
  '≥': '>=',
  '≤': '<=',
  '>': '>',
  '<': '<',
  '=': '=',
  大于等于: '>=',
  大于或等于: '>=',
  高于或等于: '>=',
  低于或等于: '<=',
  小于等于: '<=',
  小于或等于: '<=',
  不低于: '>=',
  不少于: '>=',
  不小于: '>=',
  至少: '>=',
  达到: '>=',
  达: '>=',
  在: '>=',
  为: '>=',
  不超过: '<=',
  不高于: '<=',
  不多于: '<=',
  不大于: '<=',
  控制在: '<=',
  超过: '>',
  超出: '>',
  高于: '>',
  多于: '>',
  大于: '>',
  低于: '<',
  不足: '<',
  不满: '<',
  不到: '<',
  少于: '<',
  小于: '<',
  未达到: '<',
  未达: '<',
};
export const PRE_WORDS = Object.keys(PRE)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[<>=]/g, (c) => `\\${c}`))
  .join('|');
export const POST: Record<string, Comparator> = {
  或以上: '>=',
  或以下: '<=',
  及以上: '>=',
  '(含)以上': '>=',
  以上: '>=',
  及以下: '<=',
  '(含)以下': '<=',
  以下: '<=',
  以内: '<=',
  之内: '<=',
};
export const POST_WORDS = '或以上|或以下|及以上|\\(含\\)以上|以上|及以下|\\(含\\)以下|以下|以内|之内';

/** "个百分点"/"百分点" → "%"; "‰" stays; others as written. */
export function unitOf(u: string | undefined): string {
  if (!u) return '';
  if (u === '个百分点' || u === '百分点') return '%';
  return u;
}

/** A written number in its unit → the stored value (percent and per-mille as fractions). */
export function valueOf(n: string, unit: string): string {
  if (unit === '%') return dec(n).div(100).toString();
  if (unit === '‰') return dec(n).div(1000).toString();
  return dec(n).toString();
}

/** The comparator of a pre word and a post word together. */
export function comparatorOf(pre: string | undefined, post: string | undefined): Comparator | null {
  const p = pre ? PRE[pre] : undefined;
  const q = post ? POST[post] : undefined;
  // "达到90%以上", "在90%以上", "控制在2%以内": the post word decides; "低于60%以下": the pre word.
  if (p && q) return pre === '达到' || pre === '达' || pre === '在' || pre === '控制在' ? q : p;
  return p ?? q ?? null;
}

/** Leading words of a metric that are not its name. */
const FILLER =
  /^(?:[\s░]|确保|实现|保持|要求|其中|并且|并|且|和|及|与|或|全市|全县|全区|全镇|全乡|全年|年度|年内|当年|本年度|辖区内?|各项|以上|考核|指标|抽查|如|若|凡|对|的)+/;

/** The name of what is measured, from the words before a comparator. */
export function metricName(words: string): string {
  // "得分=满意度合格率", "(85%以上": the name starts after = or a bracket.
  // "期刊年收入（版面费除外，下同）超过": an aside in brackets is not the name.
  // "加分项(最多加5分)全年…": brackets whose words another reader took part the name there.
  let m = words
    .replace(/[(（]░+[)）]/g, ' ')
    .replace(/░+/g, ' ')
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(/^.*[=(（]/, '')
    .trim();
  // The last phrase before the comparator names the metric ("…工作，规范管理率").
  m =
    m
      .split(/[，,、；;:：\s]/)
      .filter((x) => x.length > 0)
      .pop() ?? '';
  m = m.replace(FILLER, '').replace(/(?:的|均|都|各|分别|须|需|应|必须|要)+$/, '');
  return m.trim();
}

/** Metrics joined by 、/和 and a scope word (均/分别/都/各): "建档率、随访率均" → two names. */
export function metricList(words: string): string[] | null {
  const w = words.replace(/░+/g, ' ').trim();
  const m = /([^，,；;:：\s]+?)(?:均|都|分别|各自?|全部)(?:要|须|需|应)?$/.exec(w);
  if (!m) return null;
  const names = m[1]!
    .split(/[、和及与]/)
    .map((x) => x.replace(FILLER, '').trim())
    .filter((x) => x.length > 0);
  return names.length >= 2 ? names : null;
}

export function condition(metric: string, op: Comparator, n: string, unit: string): Condition {
  return { metric, op, value: valueOf(n, unit), unit: unit === '‰' ? '‰' : unit, to: null };
}

/** Effects after a condition or a label. */
export const EFFECT = `(?:本项目|该项目|本项|该项|此项|此处|该指标)?(?:得满分|计满分|记满分|得全分|得标准分|满分|不扣分|不失分|不得分|不计分|不记分|不给分|得0分|计0分|记0分|为0分|记零分|计零分|得零分|零分|清零|实行一票否决|一票否决|一票否优|(?:得|计|记|给|赋|可得)${NUM}分|(?:扣|扣除|减|减去)${NUM}(?:分|(?=$|[,░]))|(?:加|奖|加计|奖励|另加)${NUM}分)`;

/** The effect of an EFFECT match. */
export function effectOf(text: string): Effect | null {
  if (/一票否优/.test(text)) return { kind: 'vetoExcellence' };
  if (/一票否决/.test(text)) return { kind: 'zero', total: false, veto: true };
  if (/清零/.test(text)) return { kind: 'zero', total: /考核分|总分|综合分/.test(text), veto: false };
  if (/得满分|计满分|记满分|得全分|得标准分|^满分|不扣分|不失分/.test(text))
    return { kind: 'set', score: 'full' };
  if (/不得分|不计分|不记分|不给分|[得计记为]0分|[记计得]?零分/.test(text))
    return { kind: 'set', score: '0' };
  const n = /\d+(?:\.\d+)?/.exec(text)?.[0];
  if (n === undefined) return null;
  if (/扣|减/.test(text)) return { kind: 'deduct', amount: dec(n).toString() };
  if (/加|奖/.test(text)) return { kind: 'add', amount: dec(n).toString() };
  return { kind: 'set', score: dec(n).toString() };
}

/**
 * Metrics where lower is better whatever the sentence's verb: pollutant concentrations and rates
 * of harm. Used only where a sentence says "差" (a gap) without a side.
 */
export const LOWER_IS_BETTER = /PM10|PM2\.5|颗粒物|浓度|死亡率|发病率|发生率|事故率|差错率|超标率/;

/** "少原始登记比目标值": the canonical sentence's "compared with the target" is not part of the name. */
export function withoutTargetWord(metric: string): string {
  return metric.replace(/(?:比|较|与)(?:年度)?目标值?(?:相比)?$/, '');
}
