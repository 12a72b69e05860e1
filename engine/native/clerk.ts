/**
 * More of the words a clerk writes for a rule's states, derived from the rule's own labels by the
 * ways such answers are shortened (the widest vocabulary, ./vocab.ts): the label less a closing
 * word of time or kind (12月底前仍未整改 of …整改年度), the subject kept before a piece's state
 * (实施方案无任务清单 of 实施方案有具体工作指标,有任务清单…), a requirement's verb and object
 * (不达要求, 达到年度任务书要求 of …比例达到年度任务书要求), the state without the light verb 进行
 * (已全部告知 of 未全部进行告知), without notes and words of scope and from its preposition
 * (未与村卫生室互联互通 of 基层机构与下辖村卫生室互联互通, 未被认可推广 of 工作做法和经验被市级(含)
 * 以上认可并推广), and one grade's verb with the other grade's object
 * (已签定责任书 beside 无责任书). Candidates only: a word is kept when the engine scores it (a
 * number or a definite text: engine/rules evaluateRule), and then scored by the engine's readers
 * when the formula is built (compile.ts knownTree), so the formula never says what the engine
 * would not.
 */
import type { Program } from '../rules/program';
import { dec, DEFAULT_SETTINGS, evaluateRule } from '../rules';
import { NEG_MARK, POS_MARK } from '../rules/values';

/** Words a clerk puts before a state ("无任务清单", "已全部告知"). */
const SAY = ['有', '无', '未', '已', '没有', '不'];
/** Closing words of time or kind that a state is written without ("…未整改年度", "…违规情况"). */
const CLOSING = /(?:本年度|年度|全年|当年|情况|现象)$/;
/** Words of scope a clerk leaves out ("与下辖村卫生室" → "与村卫生室"). */
const SCOPE = /下辖|所辖|辖区内|辖区|所属/g;
/** Prepositions a state may begin with once its subject is left out ("与村卫生室互联互通"). */
const PREPOSITION = /与|同|向|对|被/g;
/** Notes in brackets and levels of scope a clerk leaves out ("被市级(含)以上认可" → "被认可"). */
const NOTE = /[(（][^)）]*[)）]/g;
const LEVEL = /(?:国家|省|市|县|区|乡镇|镇|乡)级(?:及|或)?(?:以上|以下)?/g;
/** The most characters of a subject before a preposition ("工作做法和经验" of …和经验被认可…). */
const SUBJECT_MOST = 8;
/** The words before a state's first mark: its subject ("实施方案" of 实施方案有具体工作指标). */
const SUBJECT = /^([^有无未已不没能]{2,6}?)(?=有|无|未|已|不|没有|能够|能)/;
/** Verbs of a requirement and how a clerk denies them ("不达要求", "达不到要求"). */
const REQUIRE: Record<string, string[]> = {
  达到: ['未达到', '没有达到', '不达', '未达', '达不到'],
  符合: ['不符合', '未符合'],
  满足: ['不满足', '未满足', '不能满足'],
};
/** The light verb a clerk leaves out before the real one ("未全部进行告知" → "未全部告知"). */
const LIGHT = /进行/g;
/** The most characters of a grade's verb said with the other grade's object. */
const VERB = 4;

const squeeze = (x: string): string => x.replace(/\s+/g, '');
const pieces = (l: string): string[] => l.split(/[,，;；、]/).filter((x) => x.length >= 2);
/** A state less its mark (未/无… or 有/已…). */
const core = (x: string): string => x.replace(NEG_MARK, '').replace(POS_MARK, '');

/** The candidate forms of one label. */
export function clerkForms(label: string): string[] {
  const l = squeeze(label);
  const out: string[] = [];
  const said = (c: string): void => {
    if (c.length < 2) return;
    out.push(c);
    for (const w of SAY) out.push(`${w}${c}`);
  };
  // Less a closing word of time or kind.
  const closed = l.replace(CLOSING, '');
  if (closed !== l && closed.length >= 3) {
    out.push(closed);
    said(core(closed));
  }
  const subject = SUBJECT.exec(pieces(l)[0] ?? '')?.[1] ?? null;
  for (const p of pieces(l)) {
    const own = subject !== null && p.startsWith(subject) ? p.slice(subject.length) : p;
    const c = core(own.replace(/^并/, ''));
    // The subject kept before each piece's state: 实施方案 + 无 + 任务清单.
    if (subject !== null && c.length >= 2) for (const w of SAY) out.push(`${subject}${w}${c}`);
    // Without the light verb 进行.
    for (const c of new Set([p.replace(NEG_MARK, ''), core(p)])) {
      const light = c.replace(LIGHT, '');
      if (light !== c) said(light);
    }
    // Without notes and words of scope (and with 并 between verbs left out too: 认可推广), from a
    // preposition with the subject left out (未与村卫生室…, 未被认可推广) or kept before the
    // denial (工作做法和经验未被认可推广).
    const scoped = p.replace(NOTE, '').replace(SCOPE, '').replace(LEVEL, '');
    for (const v of new Set([scoped, scoped.replace(/并/g, '')])) {
      if (v !== p && (NEG_MARK.test(v) || POS_MARK.test(v))) said(core(v));
      for (const m of v.matchAll(PREPOSITION)) {
        if (m.index < 2 || m.index > SUBJECT_MOST) continue;
        said(v.slice(m.index));
        for (const w of SAY) out.push(`${v.slice(0, m.index)}${w}${v.slice(m.index)}`);
      }
    }
    // A requirement: its verb and object (the object's last word too: 要求 of 年度任务书要求).
    for (const [verb, denials] of Object.entries(REQUIRE)) {
      const v = p.indexOf(verb);
      if (v < 0) continue;
      const object = p.slice(v + verb.length).replace(/[“”"‘’]/g, '');
      const objects = object.length > 2 ? [object, object.slice(-2)] : [object];
      for (const o of objects.filter((x) => x.length >= 2))
        for (const w of [verb, `已${verb}`, ...denials]) out.push(`${w}${o}`);
    }
  }
  return out;
}

/**
 * Two grades, one denying a thing (无责任书) and the other doing it in more words (签定好村组目标
 * 管理责任书): the doing said by its verb and the thing ("已签定责任书").
 */
export function gradeVerbForms(labels: readonly string[]): string[] {
  const ls = labels.map(squeeze);
  const out: string[] = [];
  for (const no of ls) {
    const m = NEG_MARK.exec(no);
    if (!m) continue;
    const thing = no.slice(m[0].length);
    if (thing.length < 2) continue;
    for (const yes of ls) {
      if (yes === no || NEG_MARK.test(yes) || !yes.endsWith(thing)) continue;
      const act = yes.replace(POS_MARK, '');
      for (let k = 1; k <= Math.min(VERB, act.length - thing.length - 1); k++)
        for (const w of ['', '已', '有']) out.push(`${w}${act.slice(0, k)}${thing}`);
    }
  }
  return out;
}

/** The program's clerk forms the engine scores (a number, or a text other than a hand score). */
export function clerkWords(p: Program): string[] {
  const forms: string[] = [];
  for (const c of p.clauses) {
    if (c.kind === 'when' && c.test.kind === 'label') forms.push(...clerkForms(c.test.label));
    if (c.kind === 'labels') {
      c.grades.forEach((g) => forms.push(...clerkForms(g.label)));
      forms.push(...gradeVerbForms(c.grades.map((g) => g.label)));
    }
  }
  const kept: string[] = [];
  for (const x of new Set(forms)) {
    const out = evaluateRule(p, { actual: x, points: dec(10), settings: DEFAULT_SETTINGS });
    if (out.ok || out.code !== 'MANUAL') kept.push(x);
  }
  return kept;
}
