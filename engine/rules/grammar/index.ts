/**
 * The grammar: one reader per family of clauses, in a registry that declares what each reads.
 * Every clause is offered to every reader in this order; what a reader uses is masked, so the
 * next reader sees only the rest. A number or an effect word that no reader used makes the rule
 * unreadable: never a guess.
 */
import { EFFECT_WORD, numbersIn, segment } from '../lexer';
import { caps } from './caps';
import { conditions } from './conditions';
import { counts } from './counts';
import { gap } from './gap';
import { judgement } from './judgement';
import { labels } from './labels';
import { eachCondition, otherwise, phrases } from './phrases';
import { quota } from './quota';
import { rank } from './rank';
import { ratio } from './ratio';
import { BARE_COUNT_VERB, steps } from './steps';
import { target } from './target';
import { tiers } from './tiers';
import { mask, type ClauseReader, type Piece } from './types';

/** Readers, most specific first: a step also holds a number a condition reader would take. */
export const CLAUSE_READERS: readonly ClauseReader[] = [
  judgement,
  tiers,
  rank,
  ratio,
  eachCondition,
  counts,
  gap,
  steps,
  caps,
  otherwise,
  quota,
  target,
  labels,
  conditions,
  phrases,
];

export type Located = Piece & { sentence: number; seg: number };

export interface Reading {
  pieces: Located[];
  /** Clauses holding numbers or effects nobody read, as written. */
  unread: string[];
}

/**
 * A clause a written state may start with: words only, not a way of checking (查阅资料, 现场查看)
 * and not a scope (其中, 全年).
 */
const LEAD =
  /^(?![查抽核询听看检]|现场|随机|其中|全年|年内|统计期|考核期|对照|根据|按照|依据)[^\d░≥≤<>=%]{1,40}$/;

/** Clauses before a state that may belong to it (有，并落实，得满分). */
const MAX_LEAD = 4;

/** Effect words left over: the clause says something about the score that was not read. */
const LEFT_EFFECT = /扣\d|扣分|扣除|加\d|奖\d|得\d|计\d|记\d|不得分|清零|得满分|不扣分/;

/** Reads the clauses of a normalised rule text. */
export function readClauses(text: string): Reading {
  const pieces: Located[] = [];
  const unread: string[] = [];
  const segments = segment(text);
  const read = new Set<number>();
  segments.forEach((seg, clauseNo) => {
    let masked = seg.text;
    const before = pieces.length;
    // "力争全市达1300以上": an aspiration, not a condition of the score.
    if (/^(?:\d+\s*[.、]\s*)?(?:争取|力争|努力)/.test(seg.text)) return;
    let tiersRead = false;
    const lead: string[] = [];
    // A state spans a few clauses at most: looking further back only costs time on hostile text.
    for (let k = clauseNo - 1; k >= 0 && k >= clauseNo - MAX_LEAD; k--) {
      const prev = segments[k]!;
      if (prev.sentence !== seg.sentence || read.has(k) || !LEAD.test(prev.text)) break;
      lead.unshift(prev.text);
    }
    for (const reader of CLAUSE_READERS) {
      if (reader === tiers && (tiersRead || clauseNo > 0)) continue;
      const r = reader.read({
        text: masked,
        original: seg.text,
        sentence: seg.sentence,
        rule: text,
        lead: lead.join(','),
      });
      if (!r) continue;
      if (reader === tiers) tiersRead = true;
      for (const p of r.pieces) pieces.push({ ...p, sentence: seg.sentence, seg: clauseNo });
      masked = mask(masked, r.spans);
      if (reader === tiers) {
        // The brackets span clauses: their numbers are read.
        for (const s of segments) s.text = s.text.replace(/\d/g, '\u2591');
        masked = masked.replace(/\d/g, '\u2591');
      }
    }
    // "受到市政府以上通报表彰的，每次加3分": a count names what it counts in the clause before.
    for (let k = before; k < pieces.length; k++) {
      const p = pieces[k]!;
      const prev = segments[clauseNo - 1];
      if (
        p.t === 'step' &&
        (p.direction === 'count' || p.countable) &&
        (p.metric === p.unit || p.metric === '' || BARE_COUNT_VERB.test(p.metric)) &&
        prev &&
        !read.has(clauseNo - 1) &&
        prev.sentence === seg.sentence
      )
        pieces[k] = {
          ...p,
          metric: `${prev.text.replace(/[(（][^)）]*$/, '').replace(/(?:的|者)$/, '')}${BARE_COUNT_VERB.test(p.metric) ? p.metric : ''}`,
        };
    }
    if (pieces.length > before) read.add(clauseNo);
    for (let k = before; k < pieces.length; k++) {
      const p = pieces[k]!;
      const label = p.t === 'grade' ? p.label : p.t === 'when' && p.test.kind === 'label' ? p.test.label : '';
      if (lead.length > 0 && label.startsWith(`${lead.join(',')},`))
        for (let j = clauseNo - lead.length; j < clauseNo; j++) read.add(j);
    }
    const left = numbersIn(masked).filter((n) => !n.noise || (n.frequency && !EFFECT_WORD.test(text)));
    if (left.length > 0 || LEFT_EFFECT.test(masked)) unread.push(seg.text);
  });
  return { pieces, unread };
}
