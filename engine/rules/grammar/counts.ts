/**
 * Counted wordings that are not a step of a measured value: a count that voids the item
 * (2名及以上不真实不得分, 1台不符合要求不得分, 缺1个科室,不得分), credits counted from zero
 * (1项1分, 一项可得2分, 每项各2.5分, 每个专业得0.5分, 10分/种, capped by 最多得1分), a list of
 * kinds each with its amount (在省、市级刊物发表1篇分别加1分和0.5分), 可倒扣 / 扣分不封顶, and
 * the words around a count that describe it (按未完成事项进行扣分; 无一例X before 每出现一例扣N分;
 * 每采取一种措施 before 3分/种; 核查5名患者,4分 and 5分(…) give the item's points).
 */
import { dec } from '../decimal';
import { numbersIn } from '../lexer';
import { overlaps, wordsBefore, type ClauseReader, type Piece } from './types';
import { NUM } from './words';

const C_UNIT = '(批次|人次|个|份|项|名|次|例|人|户|件|处|条|起|台|盏|宗|家|所|篇|张|本|套|批|期|种|位|块|座)';
/** 查出2名及以上不真实不得分; 1台不符合要求不得分; 缺1个科室,不得分. */
const VOIDING = new RegExp(
  `(?<![\\d.\\u4e00-\\u9fff])(?:查出|发现|出现)?(缺|少|漏)?${NUM}${C_UNIT}(及以上|或以上|以上)?((?:(?!每)[\\u4e00-\\u9fff、]){0,16}?)(?:\\([^()]{1,30}\\))?(?:的|者)?,?(?:本项|该项|此项|此处)?(?:不得分|不计分|得0分|记0分|计0分|记零分|计零分)`,
  'g',
);
const SAID = new RegExp(`^([\\u4e00-\\u9fff]+)≥${NUM}${C_UNIT}不得分`);
/** 1项1分; 一项可得2分; 每项各2.5分; 每个专业得0.5分; 每篇计2分. */
const CREDIT = new RegExp(
  `(?:每1?|(?<![\\d.≥≤<>=])1)${C_UNIT}([\\u4e00-\\u9fff]{0,6}?)(?:各|可得|得|计|记)?${NUM}分(?!/)`,
  'g',
);
/** 10分/种: an amount per case without 扣/加. */
const CREDIT_PER = new RegExp(`(?<![扣减加奖\\d.])${NUM}分/${C_UNIT}`, 'g');
const CREDIT_CAP = new RegExp(`(?:最多|最高|至多)(?:可)?得${NUM}分|(?:最多|最高)?不超过${NUM}分`, 'g');
/** 有1个专业基地不符合要求，得0.5分: an exact count and its score. */
const COUNT_BAND = new RegExp(
  `^(?:有|出现|发现)?${NUM}${C_UNIT}([\\u4e00-\\u9fff]{2,16}?)(?:的|者)?,?(?:得|计|记)${NUM}分$`,
  'g',
);
/** 在省、市级刊物发表1篇分别加1分和0.5分: levels listed with 、, one amount each. */
const LEVEL = '(?:国际|国家|全国|省|市|县|区|乡镇|乡|镇|村)';
const EACH = new RegExp(
  `(${LEVEL}级?(?:、${LEVEL}级?)+)级([^\\d,░]{0,12}?)1${C_UNIT}(?:\\([^()]{0,4}\\)|〔[^〔〕]{0,4}〕)?分别(加|奖|扣)(${NUM}分(?:(?:和|、|及)${NUM}分)+)`,
  'g',
);
/** 市、县现场会在所在地召开分别加2分、1分: levels without a counted unit. */
const EACH_LEVEL = new RegExp(
  `(${LEVEL})级?、(${LEVEL})级?([^\\d,░]{0,12}?)分别(加|奖|扣)(${NUM}分(?:(?:和|、|及)${NUM}分)+)`,
  'g',
);
/** 获市级以上先进集体和个人分别加2分、1分: two kinds joined by 和 (先进集体, 先进个人). */
const EACH_AND = new RegExp(
  `([\\u4e00-\\u9fff]{2,16}?)和([\\u4e00-\\u9fff]{1,6}?)分别(加|奖|扣)(${NUM}分(?:和|、|及)${NUM}分)(?![和、及]?\\d)`,
  'g',
);
const BELOW_ZERO = /可倒扣|倒扣分|扣分不封顶|扣分不设上限/g;
const DUTY = /^[\u4e00-\u9fff]{2,24}?(?:记|计)(\d+(?:\.\d+)?)分$/;
/** 按未完成事项进行扣分: the basis of a per-item deduction written elsewhere. */
const BASIS = /^按(?:照)?[\u4e00-\u9fff]{1,12}?(?:进行)?(?:扣分|计分)(?:的)?$/;
/** 无一例计划外引产, written before 每出现一例扣2分: the aim the count measures. */
const NONE_AIM = new RegExp(`^(?:无|没有|杜绝)1${C_UNIT}[\\u4e00-\\u9fff]{1,20}?(?:的)?$`);
/** 每采取一种传播措施, written before 3分/种. */
const PER_AIM = new RegExp(
  `^[\\u4e00-\\u9fff]{0,8}每[\\u4e00-\\u9fff]{1,6}?1${C_UNIT}[\\u4e00-\\u9fff]{1,20}?(?:的)?$`,
);

/** Whether the rule earns credits (asked once per rule: clauses of one rule share it). */
let creditRule = { rule: '', credit: false };
function hasCredit(rule: string): boolean {
  if (creditRule.rule !== rule)
    creditRule = {
      rule,
      credit:
        [...rule.matchAll(CREDIT)].some((m) => /各|可得|得|计|记|\d分$/.test(m[0]) && creditOk(rule, m)) ||
        [...rule.matchAll(CREDIT_PER)].length > 0,
    };
  return creditRule.credit;
}

/** A credit is "1项1分" (no verb) only right after its unit; never after 扣/加 or inside a step. */
function creditOk(t: string, m: RegExpMatchArray): boolean {
  const before = t.slice(Math.max(0, (m.index ?? 0) - 2), m.index);
  if (/[扣减加奖]$/.test(before)) return false;
  // "1项1分" starts its clause; "每超1例计2分" is a step.
  if (!m[0].startsWith('每') && /[\u4e00-\u9fff]$/.test(before)) return false;
  const noun = m[2] ?? '';
  if (/扣|减|加|奖|低|少|缺|超|多|未/.test(noun)) return false;
  return true;
}

export const counts: ClauseReader = {
  id: 'counts',
  form: 'count / bonus',
  zh: '计数（2名及以上不真实不得分、1台不符合要求不得分；从零累计：1项1分、每项各2.5分、10分/种、最多得1分；分别加1分和0.5分；可倒扣）',
  examples: [
    '2名及以上不真实不得分',
    '1项1分',
    '每项各2.5分',
    '10分/种',
    '省、市级刊物发表1篇分别加1分和0.5分',
  ],
  read(clause) {
    const t = clause.text;
    // Every wording below holds 分, 每, 无 or 倒扣.
    if (!/分|每|无|没有|杜绝|倒扣|封顶/.test(t)) return null;
    const pieces: Piece[] = [];
    const spans: [number, number][] = [];
    // Points: "核查5名患者真实性,4分"; "5分(缺席1次扣2分".
    const lead = /^(\d+(?:\.\d+)?)分\(/.exec(t);
    if (lead) {
      pieces.push({ t: 'points', value: dec(lead[1]!).toString() });
      spans.push([0, lead[0].length]);
    }
    const tail = /,(\d+(?:\.\d+)?)分$/.exec(t);
    if (
      tail &&
      !/扣|加|奖|得|计|记|[≥≤<>=]/.test(t.slice(0, tail.index)) &&
      numbersIn(t.slice(0, tail.index)).every((n) => n.noise)
    ) {
      pieces.push({ t: 'points', value: dec(tail[1]!).toString() });
      spans.push([0, t.length]);
      return { pieces, spans };
    }
    // "每月及时参加例会记12分，每缺席一次扣3分": the duty and its points, then what is taken off.
    const duty = DUTY.exec(t);
    if (
      duty &&
      clause.rule.startsWith(clause.original) &&
      /扣/.test(clause.rule) &&
      !/(?:加|奖|得)\d|加分|得满分/.test(clause.rule)
    ) {
      pieces.push({ t: 'points', value: dec(duty[1]!).toString() });
      return { pieces, spans: [[0, t.length]] };
    }
    if (BASIS.test(t) && /每/.test(clause.rule)) return { pieces, spans: [[0, t.length]] };
    const aim = NONE_AIM.exec(t);
    if (aim && new RegExp(`每(?:出现|发生|有)?1?${aim[1]}`).test(clause.rule))
      return { pieces, spans: [[0, t.length]] };
    const perAim = PER_AIM.exec(t);
    if (perAim && new RegExp(`分/${perAim[1]}|每1?${perAim[1]}得`).test(clause.rule))
      return { pieces, spans: [[0, t.length]] };
    for (const m of t.matchAll(BELOW_ZERO)) {
      pieces.push({ t: 'belowZero' });
      spans.push([m.index, m.index + m[0].length]);
    }
    for (const m of t.matchAll(EACH)) {
      const [all, list, , unit, eff, amountList] = m;
      // "省、市级": 级 belongs to each level.
      const names = list!.split('、').map((k) => `${k.replace(/级$/, '')}级`);
      const amounts = [...amountList!.matchAll(/(\d+(?:\.\d+)?)分/g)].map((a) => a[1]!);
      if (amounts.length !== names.length) continue;
      amounts.forEach((amount, i) =>
        pieces.push({
          t: 'step',
          metric: names[i]!,
          direction: 'count',
          from: null,
          size: '1',
          unit: unit!,
          effect: /扣/.test(eff!) ? 'deduct' : 'add',
          amount: dec(amount).toString(),
          change: false,
          countable: true,
        }),
      );
      spans.push([m.index, m.index + all.length]);
    }
    const listed = (m: RegExpMatchArray, names: string[], eff: string, amountList: string): void => {
      const amounts = [...amountList.matchAll(/(\d+(?:\.\d+)?)分/g)].map((a) => a[1]!);
      if (amounts.length !== names.length || overlaps(spans, m)) return;
      amounts.forEach((amount, i) =>
        pieces.push({
          t: 'step',
          metric: names[i]!,
          direction: 'count',
          from: null,
          size: '1',
          unit: '',
          effect: /扣/.test(eff) ? 'deduct' : 'add',
          amount: dec(amount).toString(),
          change: false,
          countable: true,
        }),
      );
      spans.push([m.index!, m.index! + m[0].length]);
    };
    for (const m of t.matchAll(EACH_LEVEL)) listed(m, [`${m[1]!}级`, `${m[2]!}级`], m[4]!, m[5]!);
    for (const m of t.matchAll(EACH_AND)) {
      // "先进集体和个人": the second kind shares the first one's head (先进个人).
      const first = m[1]!.replace(/^.*(?:以上|以下|级)/, '');
      const second = m[2]!;
      if (first.length < 2) continue;
      const head = first.length > second.length ? first.slice(0, first.length - second.length) : '';
      listed(m, [first, `${head}${second}`], m[3]!, m[4]!);
    }
    // The canonical sentence: "灭灯或不合格灯≥1盏不得分".
    const said = SAID.exec(t);
    if (said) {
      pieces.push({
        t: 'when',
        test: {
          kind: 'condition',
          condition: {
            metric: said[1]!,
            op: '>=',
            value: dec(said[2]!).toString(),
            unit: said[3]!,
            to: null,
          },
        },
        effect: { kind: 'set', score: '0' },
      });
      spans.push([0, said[0].length]);
    }
    for (const m of t.matchAll(VOIDING)) {
      if (overlaps(spans, m)) continue;
      const [all, verb, n, unit, atLeast, noun] = m;
      // "2名不真实不得分" without 及以上 is not said to hold from 2 on; 1 case is at least one.
      if (!atLeast && n !== '1') continue;
      const nouns = (noun ?? '').split('、').filter((x) => x !== '');
      const metric = `${verb ?? ''}${nouns.join('或')}`;
      if (metric === '') continue;
      pieces.push({
        t: 'when',
        test: {
          kind: 'condition',
          condition: { metric, op: '>=', value: dec(n!).toString(), unit: unit!, to: null },
        },
        effect: { kind: 'set', score: '0' },
      });
      spans.push([m.index, m.index + all.length]);
    }
    // "1个专业基地不符合要求，得0.5分" beside "2个及以上专业基地不符合要求，不得分": a band of the count.
    for (const m of t.matchAll(COUNT_BAND)) {
      if (overlaps(spans, m)) continue;
      const [all, n, unit, noun, score] = m;
      const more = new RegExp(`\\d+\\s*${unit!}(?:及以上|或以上|以上)${noun!}|${noun!}≥\\d+${unit!}`);
      if (!more.test(clause.rule)) continue;
      pieces.push({
        t: 'when',
        test: {
          kind: 'condition',
          condition: { metric: noun!, op: '=', value: dec(n!).toString(), unit: unit!, to: null },
        },
        effect: { kind: 'set', score: dec(score!).toString() },
      });
      spans.push([m.index, m.index + all.length]);
    }
    const credits = (m: RegExpMatchArray, unit: string, amount: string, noun: string): void => {
      pieces.push({ t: 'creditBase' });
      pieces.push({
        t: 'step',
        metric: `${wordsBefore(t, m.index!)}${noun}` || unit,
        direction: 'count',
        from: null,
        size: '1',
        unit,
        effect: 'add',
        amount: dec(amount).toString(),
        change: false,
        countable: true,
      });
      spans.push([m.index!, m.index! + m[0].length]);
    };
    for (const m of t.matchAll(CREDIT)) {
      if (overlaps(spans, m) || !creditOk(t, m)) continue;
      const [all, unit, noun, amount] = m;
      // "1项1分" needs the amount right after its unit; with words between, a verb says it is a credit.
      if (!/各|可得|得|计|记/.test(all) && (noun ?? '') !== '') continue;
      if (/^1/.test(all) && !/分$/.test(all)) continue;
      credits(m, unit!, amount!, noun ?? '');
    }
    for (const m of t.matchAll(CREDIT_PER)) {
      if (overlaps(spans, m)) continue;
      credits(m, m[2]!, m[1]!, '');
    }
    for (const m of t.matchAll(CREDIT_CAP)) {
      if (overlaps(spans, m) || !hasCredit(clause.rule)) continue;
      pieces.push({ t: 'cap', effect: 'add', amount: dec((m[1] ?? m[2])!).toString(), total: false });
      spans.push([m.index, m.index + m[0].length]);
    }
    return pieces.length > 0 ? { pieces, spans } : null;
  },
};
