/**
 * `when` clauses (condition → effect): whether the test holds for the branch's reading, as the
 * evaluator's judge() and r.test() decide it. Label tests on text need the engine's word lists: a
 * text branch of a program with label tests is unread (需人工评分), never guessed.
 */
import type { Clause, Test } from '../../rules/program';
import { and, not, or, str, type Bool } from '../expr';
import { holds, readNumber, type Ctx, type Fail } from '../context';
import { NATIVE_TEXT } from '../messages';
import { containsAny, isEmptyText, startsWithAny, textPieces } from '../reading';
import {
  EVENT_COUNT_UNITS,
  EVENT_DENIED,
  EVENT_SAID,
  EVENT_UNSAID,
  eventMet,
  labelMet,
  squash,
} from '../../rules/values';
import { orState } from '../../rules/evaluate-parts';

export type When = Extract<Clause, { kind: 'when' }>;

export const spec = {
  kind: 'when',
  zh: '条件→效果（达到/未达到、未公示、发生事故…：得分、扣分、加分、清零、一票否决、免扣）',
  refuse(c: Clause): string | null {
    if (c.kind !== 'when') return null;
    const effects = ['set', 'deduct', 'add', 'zero', 'vetoExcellence', 'exempt'];
    if (!effects.includes(c.effect.kind)) return `未知的效果「${c.effect.kind}」`;
    if (!['condition', 'label', 'event'].includes(c.test.kind)) return `未知的条件「${c.test.kind}」`;
    return null;
  },
};

/** r.test(t): the failures that come first, whether it holds, and when the actual says neither. */
export function test(ctx: Ctx, t: Test): { fails: Fail[]; value: Bool; neither: Bool } {
  const r = ctx.r;
  if (t.kind === 'condition') {
    const n = readNumber(ctx, t.condition.metric, t.condition.unit);
    return { fails: n.fails, value: holds(n.v, t.condition), neither: false };
  }
  if (r.kind === 'blank') return { fails: [], value: false, neither: true };
  if (r.kind === 'known') {
    const v = t.kind === 'label' ? labelMet(t.label, t.negative, r.vals) : eventMet(t.event, r.vals);
    return { fails: [], value: v === true, neither: v === null };
  }
  if (r.kind === 'text') {
    if (t.kind === 'event' && eventsOnly(ctx)) {
      // eventMet: a text beginning 未发现… / 无… did not happen, one beginning 出现… / 发生… with
      // the event's words or a count did; another is unread.
      const said = saidHappened(r.t, t.event);
      return { fails: [{ c: said.unread, msg: NATIVE_TEXT.UNREAD }], value: said.yes, neither: false };
    }
    return { fails: [{ c: true, msg: NATIVE_TEXT.UNREAD }], value: false, neither: false };
  }
  // list.ts and counts.ts read lists only in programs without label or event tests.
  if (r.kind === 'list' || r.kind === 'counts')
    return { fails: [{ c: true, msg: NATIVE_TEXT.UNREAD }], value: false, neither: false };
  // A number says nothing to a label; so does a text that is only a number (textAsNumber).
  if (t.kind === 'label')
    return r.fromText && !r.silent
      ? { fails: [{ c: not(textAsNumber(ctx)), msg: NATIVE_TEXT.UNREAD }], value: false, neither: true }
      : { fails: [], value: false, neither: true };
  // eventMet: one value without words: ≥ 1 happened, 0 did not, anything else says neither. With
  // words ("出现重复档案2份"): as a text, by how it begins.
  const unnamed = isEmptyText(r.name);
  if (r.fromText && eventsOnly(ctx)) {
    const text = `SUBSTITUTE(TRIM(${ctx.a})," ","")`;
    const said = saidHappened(text, t.event, countAfterSaid(text));
    return {
      fails: [{ c: and(not(unnamed), said.unread), msg: NATIVE_TEXT.UNREAD }],
      // "发生0起": said, no times (eventMet reads the one number 0 so).
      value: or(and(unnamed, `${r.v}>=1`), and(not(unnamed), said.yes, `${r.v}<>0`)),
      neither: and(unnamed, `${r.v}<1`, `${r.v}<>0`),
    };
  }
  return {
    fails: [{ c: not(unnamed), msg: NATIVE_TEXT.UNREAD }],
    value: `${r.v}>=1`,
    neither: and(`${r.v}<1`, `${r.v}<>0`),
  };
}

/**
 * Programs of events only (出现虚假一例本项不得分): no other clause reads the text, so how a text
 * begins decides the whole score as it decides eventMet.
 */
const eventsOnly = (ctx: Ctx): boolean =>
  ctx.p.clauses.every((c) => c.kind === 'when' && c.test.kind === 'event');

/**
 * How a text (spaces removed) begins: a denial, a statement that it happened, or neither. For an
 * event with a number (虚假1例, 6胎或以上), a statement with a number is read only when it holds the
 * event as written; the engine compares other numbers (7胎 against 6胎或以上), the formula does not.
 */
function saidHappened(t: string, event: string, counted: Bool | null = null): { yes: Bool; unread: Bool } {
  const no = startsWithAny(t, DENIED_LEADING);
  const opens = startsWithAny(t, EVENT_SAID);
  const e = squash(event);
  const digits = containsAny(t, DIGITS);
  const numeric = /\d/.test(e);
  let named: Bool;
  if (counted !== null)
    // A value ("发生2起", "发生安全生产事故3起"): the count alone, or with the event's words.
    named = or(counted, containsAny(t, [e]), numeric ? reaches(t, e) : false);
  else {
    // A text: after 发生/出现/存在 (two characters each; 了 dropped as squash drops it) nothing or
    // the event's last words ("发生事故" of 安全生产事故; all of them: "发生了安全生产事故"). Other
    // words may name another event ("发生交通事故" against 重大安全事故): unread, as the engine asks.
    // A text with a number is unread here (the engine reads "…0起" as not happened), except as
    // `reaches` says; the engine's "发生一起" is unread too (the formula stays short).
    const rest = `SUBSTITUTE(MID(${t},3,99),"了","")`;
    // The rest ends the event's words: found in them at their end ("|" marks it). No number can
    // be found so in an event without one.
    const words = EVENT_SAID.every((w) => w.length === 2)
      ? `ISNUMBER(FIND(${rest}&"|",${str(`${e}|`)}))`
      : false;
    named = numeric ? or(and(not(digits), words), containsAny(t, [e]), reaches(t, e)) : words;
  }
  // eventUnsaid: a word beside the event's words that leaves it unsaid (发生非重大安全事故,
  // 险些发生…, …隐患): a hand score, never the event's effect. A text of 发生 and the event's last
  // words holds only the words the event holds (most hold none: no test at all).
  const words = counted === null ? EVENT_UNSAID.filter((w) => e.includes(w)) : [...EVENT_UNSAID];
  const unsaid =
    words.length === 0 ? false : containsAny(e === '' ? t : `SUBSTITUTE(${t},${str(e)},"|")`, words);
  const yes = and(opens, named, not(unsaid));
  return { yes: EXCLUSIVE ? yes : and(not(no), yes), unread: and(not(no), not(yes)) };
}

/** Words none of which begins with another: how a text begins needs only these (没有 for 没有发生). */
const leading = (ws: readonly string[]): string[] =>
  ws.filter((w) => !ws.some((x) => x !== w && w.startsWith(x)));
const DENIED_LEADING = leading(EVENT_DENIED);
/**
 * No denial begins as a statement does, nor the other way (未…, 没有…, 无… against 发生, 出现,
 * 存在): a text that begins with one does not begin with the other, so "said" needs no "not denied".
 */
const EXCLUSIVE = EVENT_DENIED.every((d) => EVENT_SAID.every((s) => !d.startsWith(s) && !s.startsWith(d)));

/**
 * A text read as one value (digits and points after its words, a measure word after them) that is
 * 发生/出现/存在, a whole number and at most a count's measure word ("发生2起", "出现1次"): the
 * third character a digit, no point, and the last a digit or a count's word right after one.
 */
function countAfterSaid(t: string): Bool {
  // One character: a digit exactly when it negates to a number.
  const digit = (x: string): string => `ISNUMBER(-${x})`;
  return and(
    digit(`MID(${t},3,1)`),
    `ISERROR(FIND(".",${t}))`,
    or(
      digit(`RIGHT(${t},1)`),
      and(
        digit(`MID(${t},LEN(${t})-1,1)`),
        `ISNUMBER(FIND(RIGHT(${t},1),${str(EVENT_COUNT_UNITS.join(''))}))`,
      ),
    ),
  );
}

/**
 * eventMet's comparison: "出现7胎出生" against 6胎或以上的出生 — the text's one number, followed by
 * the event's measure word, at least the event's number. false for an event without "N…以上".
 */
function reaches(t: string, e: string): Bool {
  const need = /(\d+(?:\.\d+)?)([\u4e00-\u9fff]?)(?:或|及)?以上/.exec(e);
  if (!need) return false;
  // textPieces: the digits and points of the text, counted: one number exactly when they stand
  // together (then the tail, the text after them, has none).
  const { start, digits, tail } = textPieces(t);
  return `IFERROR(AND(${start}<=LEN(${t}),ISNUMBER(-${digits}),RIGHT(${digits},1)<>".",LEFT(${tail},1)=${str(need[2] ?? '')},VALUE(${digits})>=${need[1]}),FALSE())`;
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** judge(c): a test the actual does not speak to is not triggered (with other clauses) or manual. */
export function judge(ctx: Ctx, c: When): { fails: Fail[]; value: Bool } {
  const known = ctx.r.kind === 'known' ? ctx.r.verdicts.get(c) : undefined;
  if (known !== undefined) return { fails: [], value: known };
  const t = test(ctx, c.test);
  const fails = [...t.fails];
  if (t.neither !== false) {
    if (ctx.r.kind === 'blank') fails.push({ c: t.neither, msg: NATIVE_TEXT.ACTUAL_MISSING });
    // A text with no number (a known word) says nothing to the other clauses either: manual. A
    // number does not say the state is the case beside other clauses, or when the state is the
    // other side of the condition after it ("＜规定数60%或未安排", orState).
    else if (ctx.r.kind === 'known' || (!ctx.p.clauses.some((x) => x.kind !== 'when') && !orState(ctx.p, c)))
      fails.push({ c: t.neither, msg: NATIVE_TEXT.MANUAL });
  }
  return { fails, value: t.value };
}

/**
 * An exemption holds: r.test is true. Its failures only mean "not exempt", except an actual the
 * formula cannot read (then it cannot tell either).
 */
export function exemptHolds(ctx: Ctx, c: When): { fails: Fail[]; value: Bool } {
  const known = ctx.r.kind === 'known' ? ctx.r.verdicts.get(c) : undefined;
  if (known !== undefined) return { fails: [], value: known };
  const t = test(ctx, c.test);
  const unread = t.fails.filter((f) => f.msg === NATIVE_TEXT.UNREAD);
  const others = t.fails.filter((f) => f.msg !== NATIVE_TEXT.UNREAD);
  return { fails: unread, value: and(...others.map((f) => not(f.c)), t.value) };
}

/** Programs whose text actuals the formula cannot read: label tests need the engine's word lists. */
export const hasLabelTests = (ctx: Ctx): boolean =>
  ctx.p.clauses.some((c) => c.kind === 'when' && c.test.kind === 'label');

/**
 * When a text value says nothing to the label tests, exactly as a number cell: the program's
 * labels have no digits (labelSays then finds nothing of such a label in "85%" or "3项"), and the
 * text has no words before its number and is not "0" (NOTHING_WRONG: "0" says nothing went
 * wrong). false when no text value can be read so.
 */
export function textAsNumber(ctx: Ctx): Bool {
  const r = ctx.r;
  if (r.kind !== 'value' || !r.fromText) return false;
  const labels = ctx.p.clauses.flatMap((c) =>
    c.kind === 'when' && c.test.kind === 'label' ? [c.test.label] : [],
  );
  if (labels.some((l) => squash(l) === '' || /\d/.test(squash(l)))) return false;
  return and(isEmptyText(r.name), `TRIM(${ctx.a})<>"0"`);
}
