/**
 * What a clause reader gives: pieces of a program, linked into one by the assembler (a step
 * takes its bound from the condition before it, a cap joins the clause it follows).
 */
import type { Condition, Effect, Test } from '../program';

export type StepPiece = {
  t: 'step';
  metric: string;
  direction: 'below' | 'above' | 'count';
  /** The bound written in the same clause (每低于90%…), else null: taken from the context. */
  from: string | null;
  size: string;
  unit: string;
  effect: 'deduct' | 'add';
  amount: string;
  change: boolean;
  /** The verb asks for a shortfall (少/缺/未完成) that may be a plain count when no bound is given. */
  countable: boolean;
};

export type Piece =
  | { t: 'cond'; conditions: Condition[] }
  | { t: 'when'; test: Test; effect: Effect }
  | StepPiece
  | { t: 'cap'; effect: 'deduct' | 'add'; amount: string | null; total: boolean }
  | { t: 'grade'; label: string; score: string }
  | {
      t: 'rank';
      fromBottom: boolean;
      free: number;
      entries: { rank: number; effect: 'set' | 'deduct'; amount: string }[];
      step: string | null;
    }
  | { t: 'tiers'; brackets: { from: string; to: string | null; rate: string }[]; unit: string }
  | {
      t: 'ratio';
      metric: string;
      bound: string | null;
      unit: string;
      lowerIsBetter: boolean;
      cap: string | null;
      best: boolean;
    }
  | { t: 'manual'; reason: string; clause: string }
  | { t: 'points'; value: string }
  /** 否则不得分 / 未达到不得分: the conditions before are a gate. */
  | { t: 'otherwise' }
  /** 每项达到得分值的1/n: the canonical gate's share, checked against the conditions. */
  | { t: 'share'; n: number }
  /** 每完成一项得2分 / 一项未完成的扣1分 / 全部完成的得3分, beside several conditions. */
  | { t: 'each'; effect: 'credit' | 'deduct' | 'all'; amount: string }
  | { t: 'deductionOnly'; cap: string | null }
  /** 1项1分 / 每项各2.5分: the item is earned from zero by its credits. */
  | { t: 'creditBase' }
  /** 可倒扣 / 扣分不封顶: deductions may pass the points. */
  | { t: 'belowZero' }
  | { t: 'veto' }
  | { t: 'vetoExcellence' };

/** A clause being read: its text with the parts already read masked out. */
export interface ClauseText {
  /** Normalised text; read parts are replaced by U+2591 so positions stay put. */
  text: string;
  /** The text as written (normalised), for reasons and labels. */
  original: string;
  sentence: number;
  /** The whole rule, normalised: some readers look at other clauses (a % written elsewhere). */
  rule: string;
  /**
   * The clauses just before it in the same sentence that hold no number and were not read
   * ("有，并落实，得满分": "有"), joined by commas; "" when none. A written state may span them.
   */
  lead?: string;
}

/** A clause reader: one family of wordings. */
export interface ClauseReader {
  id: string;
  /** The docs/domain.md form it reads. */
  form: string;
  /** What it reads, in Chinese (docs/rules.md lists these). */
  zh: string;
  examples: readonly string[];
  /**
   * Reads what it can of the clause: the pieces and the [start, end) spans it used. Returns null
   * when nothing of its kind is there.
   */
  read(clause: ClauseText): { pieces: Piece[]; spans: [number, number][] } | null;
}

export const MASK = '\u2591';

export function mask(text: string, spans: readonly [number, number][]): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + MASK.repeat(b - a) + out.slice(b);
  return out;
}

/** Whether a match overlaps a span another reading of the same reader already took. */
export function overlaps(spans: readonly [number, number][], m: RegExpMatchArray): boolean {
  const start = m.index ?? 0;
  const end = start + m[0].length;
  return spans.some(([a, b]) => start < b && end > a);
}

/** The words before a position, without read parts, spaces or a trailing 的/者 ("档案不真实"). */
export function wordsBefore(text: string, at: number): string {
  return text
    .slice(0, at)
    .replace(/[░\s]+/g, '')
    .replace(/[,，]+$/, '')
    .replace(/(?:的|者)$/, '');
}
