/**
 * The words a clerk writes for a program's states and events (未公示, 已公示, 资料零乱, 发生, 无,
 * 合格…) and its grades: texts the formula recognises whole. Each one's score is decided at compile
 * time by the engine's own readers (engine/rules/values.ts), so a recognised word scores exactly
 * as the engine scores it; any other text stays unread (需人工评分).
 */
import type { Program } from '../rules/program';
import { NEG_MARK, POS_MARK, readValues, sharedObject } from '../rules/values';
import { programListedStates } from '../rules/evaluate-counts';
import { clerkWords } from './clerk';

const GENERIC = [
  '无',
  '没有',
  '否',
  '是',
  '有',
  '发生',
  '未发生',
  '已发生',
  '没有发生',
  '不发生',
  '未出现',
  '不存在',
  '出现',
  '存在',
  '合格',
  '达标',
  '完成',
  '已完成',
  '全部完成',
  '未完成',
  '无问题',
  '没有问题',
  '符合要求',
  '规范',
  '齐全',
  '全部达标',
  '无扣分',
  '不扣分',
  '均无',
  '√',
  '×',
  '触发',
  '未触发',
  '否决',
];

/** How much of the vocabulary a formula carries: `widest` ⊃ `wide` ⊃ `full` ⊃ `basic`. */
export type VocabularyLevel = 'widest' | 'wide' | 'full' | 'basic';

/** The words a clerk puts before a state to say it is or is not so ("有宣传栏", "未建立"). */
const SAYING = ['有', '无', '没有', '未', '已', '不', '已经', '尚未'];
/** More such words (widest): "不能实时查看…", "已按时报告". */
const SAYING_MORE = ['不能', '未能', '按时', '已按时'];
/** The most characters of a label's subject a clerk leaves out. */
const SUBJECT = 6;

/**
 * A label's state said the clerk's ways: its core (the label less its 有/无/未… mark: 宣传栏 of
 * 无宣传栏) with each word of SAYING before it, and the same for each alternative of a label
 * with 或 ("有内部绩效考核制度或要求": 内部绩效考核制度). Only candidates: each one's score is the
 * engine's (knownTree decides it at compile time) and a text the engine cannot judge becomes
 * 需人工评分 there.
 */
export function stateForms(label: string, widest = false): string[] {
  const l = label.replace(/\s+/g, '');
  // The label's alternatives (或, and the verbs of 迟报、漏报妇幼保健信息 sharing their object), its
  // clauses ("…要求,达不到要求", "无领导机构、管理机构"), each less a closing 的 ("未设置全科专业基地的"),
  // and its tails from a 未/无/不 ("灵溪、龙港两镇未成立专门爱卫办机构": 未成立专门爱卫办机构).
  const alts = [...l.split('或'), ...(sharedObject(l) ?? [])].filter((x) => x.length >= 2);
  const pieces = l
    .split(/[,，;；、]/)
    .flatMap((x) => [x, x.replace(/的$/, '')])
    .filter((x) => x.length >= 2);
  const tails = [...l.matchAll(/未|无|不|没有/g)]
    .map((m) => l.slice(m.index))
    .filter((x) => x.length >= 3 && x !== l);
  // The label without its subject ("日常工作经费不能满足需要" for 爱卫办日常工作经费不能满足需要), as it
  // is and with its denial dropped ("日常工作经费能满足需要").
  // (widest only, as the rest of this paragraph's additions: they lengthen the formula.)
  const bare = widest
    ? Array.from({ length: SUBJECT }, (_, i) => l.slice(i + 1)).filter((x) => x.length >= 4)
    : [];
  const out: string[] = [...tails, ...bare, ...bare.map((x) => x.replace(/不|未|没有|无/, ''))];
  const all = [l, ...(alts.length > 1 ? alts : []), ...(pieces.length > 1 ? pieces : []), ...tails];
  for (const x of all) {
    // The core less its mark: 全部参加工伤保险 of 未全部参加工伤保险, and less 全部 too; one that
    // says it can be done, less its 能够 ("不能实时查看…" for 能够实时查看…).
    const denied = x.replace(NEG_MARK, '');
    const cores = [
      denied,
      denied.replace(POS_MARK, ''),
      ...(widest ? [denied.replace(/^(?:能够|能)/, '')] : []),
    ];
    for (const core of new Set(cores)) {
      if (core.length < 2) continue;
      for (const w of ['', ...SAYING, ...(widest ? SAYING_MORE : [])]) out.push(`${w}${core}`);
      // The state's first words said done or not ("已开展", "未建立" for 开展“三严三实”专题教育活动,
      // 建立开展活动; "已全部参加" for 未全部参加工伤保险).
      for (let k = 1; k <= Math.min(SAID_SHORT, core.length - 1); k++)
        for (const w of SAYING_SHORT) out.push(`${w}${core.slice(0, k)}`);
    }
  }
  // A clause list written with 、 ("按时限、程序报告" for 不按时限,程序报告).
  return [...out, ...out.filter((x) => /[,，]/.test(x)).map((x) => x.replace(/[,，]/g, '、'))];
}

/** The words a clerk puts before the first words of a state ("已开展", "未获"). */
const SAYING_SHORT = ['未', '已', '有', '无', '没有'];
/** The most characters of a state said so. */
const SAID_SHORT = 4;

/**
 * Candidate texts, most specific first; `full` adds generic words and pairs of fault states;
 * `wide` adds every label's states said the clerk's ways (stateForms).
 */
export function vocabulary(p: Program, level: VocabularyLevel): string[] {
  const out: string[] = [];
  const add = (x: string): void => {
    if (x !== '' && !out.includes(x)) out.push(x);
  };
  for (const c of p.clauses) {
    if (c.kind === 'labels') c.grades.forEach((g) => add(g.label.replace(/\s+/g, '')));
    if (c.kind !== 'when') continue;
    const t = c.test;
    if (t.kind === 'label') {
      const l = t.label.replace(/\s+/g, '');
      const variants = t.negative
        ? [`未${l}`, `无${l}`, `没有${l}`, `不${l}`, l, `已${l}`, `有${l}`]
        : [l, `未${l}`, `无${l}`, `没有${l}`, `已${l}`, `有${l}`];
      variants.forEach(add);
    } else if (t.kind === 'event') {
      const e = t.event.replace(/\s+/g, '');
      [`发生${e}`, `未发生${e}`, `出现${e}`, `未出现${e}`, e, `无${e}`].forEach(add);
    }
  }
  if (p.clauses.some((c) => c.kind === 'step' && c.direction === 'count'))
    ['无', '没有', '未发生', '未出现'].forEach(add);
  // The states a counted clause lists ("工作无计划、无检查、无总结"): each, and (full) two of them.
  const listed = programListedStates(p);
  listed.forEach(add);
  if (level !== 'basic') {
    GENERIC.forEach(add);
    for (let i = 0; i < listed.length; i++)
      for (let j = i + 1; j < listed.length; j++) add(`${listed[i]}、${listed[j]}`);
  }
  if (level === 'wide' || level === 'widest') {
    const widest = level === 'widest';
    for (const c of p.clauses) {
      if (c.kind === 'labels') c.grades.forEach((g) => stateForms(g.label, widest).forEach(add));
      if (c.kind === 'when' && c.test.kind === 'label') stateForms(c.test.label, widest).forEach(add);
      // An event named by its last words (死亡事故, 事故 of 人员死亡事故), as eventMet reads them.
      if (c.kind === 'when' && c.test.kind === 'event') {
        const e = c.test.event.replace(/\s+/g, '');
        for (let n = Math.min(6, e.length - 1); n >= 2; n--) add(e.slice(-n));
      }
    }
    // (widest) More of a clerk's shortened answers, those the engine scores (./clerk.ts).
    if (widest) clerkWords(p).forEach(add);
  }
  // Only texts without numbers (those are read by the value parse), without spaces, and unchanged
  // by NFKC; lists of states may hold a full-width comma: a word is matched as typed and scored by
  // the engine's readers on the same text (they normalise it themselves).
  const plain = (x: string): boolean => !/\s/.test(x) && readValues(x).values.length === 0;
  const kept = out.filter((x) => x === x.normalize('NFKC') && plain(x));
  // Punctuation as a Chinese keyboard types it: "有，并落实" for 有,并落实 (NFKC reads them alike);
  // (wide) several states in one answer.
  const more = [
    ...(level === 'wide' || level === 'widest' ? stateLists(p, level === 'widest') : []),
    ...(level === 'basic' ? [] : kept.filter((w) => /[,;:]/.test(w)).map(typedWidth)),
  ];
  for (const x of more)
    if (
      !kept.includes(x) &&
      x.replace(/[，；：]/g, '') === x.replace(/[，；：]/g, '').normalize('NFKC') &&
      plain(x)
    )
      kept.push(x);
  return kept;
}

/** Separators a clerk writes between the states of a list ("无爱卫组织、无分管领导"). */
const LIST_SEPARATORS = ['、', '，'];
/** Lists are generated for at most this many states (2^n − n − 1 subsets of them). */
const MOST_LISTED = 4;
/** Grades listed as written for at most this many grades. */
const MOST_GRADES = 5;

/**
 * Several of a program's states in one answer, in the rule's order: for label tests each subset
 * of two or more of the states as written ("无培训，没有开展考核"); for graded labels every grade
 * said done or not ("已落实，未建立"). Candidates like the rest: the engine scores each one.
 */
function stateLists(p: Program, widest: boolean): string[] {
  const out: string[] = [];
  const phrases = p.clauses.flatMap((c) =>
    c.kind === 'when' && c.test.kind === 'label' && c.effect.kind !== 'exempt'
      ? [statePhrase(c.test.label, c.test.negative)]
      : [],
  );
  if (phrases.length >= 2 && phrases.length <= MOST_LISTED + (widest ? 1 : 0))
    for (let mask = 1; mask < 1 << phrases.length; mask++) {
      const picked = phrases.filter((_, i) => mask & (1 << i));
      if (picked.length >= 2) LIST_SEPARATORS.forEach((sep) => out.push(picked.join(sep)));
    }
  for (const c of p.clauses) {
    if (c.kind !== 'labels' || c.grades.length < 2) continue;
    // The grades a unit meets, as the rule writes them ("有测评机制、合理运用测评结果").
    const grades = c.grades.map((g) => g.label.replace(/\s+/g, ''));
    if (grades.length <= MOST_GRADES)
      for (let mask = 1; mask < 1 << grades.length; mask++) {
        const picked = grades.filter((_, i) => mask & (1 << i));
        if (picked.length >= 2) LIST_SEPARATORS.forEach((sep) => out.push(picked.join(sep)));
      }
    // (widest) Four grades too, said with their own mark only when they share one (有/无 for
    // 有组织领导, 有宣传窗…).
    if (c.grades.length > MOST_LISTED - (widest ? 0 : 1)) continue;
    const labels = c.grades.map((g) => g.label.replace(/\s+/g, ''));
    const full = labels.map((x) => x.replace(NEG_MARK, '').replace(POS_MARK, ''));
    // (widest) A grade with 或 said by its first alternative ("已建立" for 建立或成立), one with 并
    // by its first part ("无电脑设备" for 有电脑设备并联网).
    const first = full.map((x) => x.split(/或|并/)[0]!);
    const mark = /^[有已]/.exec(labels[0]!)?.[0];
    const shared = mark !== undefined && labels.every((x) => x.startsWith(mark));
    const pairs = (
      [
        ['已', '未'],
        ['有', '无'],
      ] as const
    ).filter(([yes]) => c.grades.length < MOST_LISTED || !shared || yes === mark);
    for (const cores of widest && first.some((x, i) => x !== full[i]) ? [full, first] : [full]) {
      if (cores.some((x) => x.length < 2)) continue;
      for (const [yes, no] of pairs)
        for (let mask = 0; mask < 1 << cores.length; mask++) {
          const said = cores.map((x, i) => `${mask & (1 << i) ? yes : no}${x}`);
          LIST_SEPARATORS.forEach((sep) => out.push(said.join(sep)));
        }
    }
  }
  return out;
}

/** A label test's state as a clerk writes it: 未 before a denied state that has no mark of its own. */
function statePhrase(label: string, negative: boolean): string {
  const l = label.replace(/\s+/g, '');
  return negative && !NEG_MARK.test(l) ? `未${l}` : l;
}

/** A word with its ASCII commas, semicolons and colons as full-width ones. */
const typedWidth = (x: string): string => x.replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：');
