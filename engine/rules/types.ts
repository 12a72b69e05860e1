/**
 * The rule reader's types: a rule is a scoring program (engine/rules/program.ts); reading a text
 * gives a program with the text's veto flags, or the reason it could not be read.
 */
import type { Dec } from './decimal';
import { ProgramSchema, type Program } from './program';
import type { ScoringSettings } from './settings';

/** A rule is the program its sentence compiles to. */
export const RuleSchema = ProgramSchema;
export type Rule = Program;
export type { Comparator, Condition } from './program';

/** What reading a text gave: a program with flags, or a text the reader could not understand. */
export type ParsedRule =
  | { ok: true; rule: Rule; veto: boolean; vetoExcellence: boolean }
  | { ok: false; reason: string; veto: boolean; vetoExcellence: boolean };

/** The actual value as it arrives from a cell or a function argument. */
export type Actual = number | string | boolean | null | readonly (number | string | boolean | null)[];

export interface EvaluateInput {
  actual: Actual;
  points: Dec;
  /** A target cell that overrides the rule's own bound (the score function's target argument). */
  target?: Dec | null;
  settings: ScoringSettings;
  /** The item has no points of its own (a bonus or band item): the score is what the rule gives. */
  unbounded?: boolean;
}

export type ScoreErrorCode =
  'ACTUAL_MISSING' | 'ACTUAL_INVALID' | 'ACTUAL_AMBIGUOUS' | 'MANUAL' | 'RULE_UNPARSED' | 'ARGUMENT';

export type Outcome =
  | {
      ok: true;
      score: Dec;
      /** An event of the rule happened (清零, 一票否决…). */
      triggered?: boolean;
      /** 一票否决 inside the rule was triggered: the unit fails. */
      veto?: boolean;
      /** 一票否优 was triggered: the band is capped below the top. */
      vetoExcellence?: boolean;
      /** 考核分清零: the table total is zeroed too. */
      zeroTotal?: boolean;
      note?: string;
    }
  | { ok: false; code: ScoreErrorCode; message: string; messageEn: string };

export function fail(code: ScoreErrorCode, message: string, messageEn: string): Outcome {
  return { ok: false, code, message, messageEn };
}
