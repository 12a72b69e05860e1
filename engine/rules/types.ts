/**
 * Typed rules read from the prose of target / method cells (zod discriminated union: the schema
 * is the source of truth). Numbers are kept as strings so they stay exact decimals; percents are
 * stored as fractions ("80%" → "0.8").
 */
import { z } from '../zod';
import type { Dec } from './decimal';
import type { ScoringSettings } from './settings';

const NumText = z.string().regex(/^-?\d+(\.\d+)?$/);

export const ComparatorSchema = z.enum(['>=', '>', '<=', '<', '=']);
export type Comparator = z.infer<typeof ComparatorSchema>;

export const ConditionSchema = z.object({
  /** What is measured, as written ("执行率", "服务对象满意度"). */
  metric: z.string(),
  op: ComparatorSchema,
  value: NumText,
  /** "%" (value is a fraction), or a count unit ("个", "次"), or "". */
  unit: z.string(),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const RuleSchema = z.discriminatedUnion('kind', [
  /** One or more conditions; each worth points/n (or all-or-nothing by setting). */
  z.object({ kind: z.literal('threshold'), conditions: z.array(ConditionSchema).min(1) }),
  /** 满意率80%以上，每低一个百分点扣1分，直至10分扣尽. */
  z.object({
    kind: z.literal('linear'),
    condition: ConditionSchema,
    /** Size of one step of shortfall ("一个百分点" → 0.01 for percents). */
    step: NumText,
    deduct: NumText,
    cap: NumText.nullable(),
  }),
  /** 每少增加100个机位扣3分, target taken from 扩增机考机位400个. */
  z.object({
    kind: z.literal('step'),
    noun: z.string(),
    /** Null when the text names no target: the target cell / argument must give it. */
    target: NumText.nullable(),
    step: NumText,
    deduct: NumText,
    unit: z.string(),
    cap: NumText.nullable(),
  }),
  /** 未完成1项扣5分; 每例扣0.5分…扣完为止. `zeroIf` is a written condition that voids the item. */
  z.object({
    kind: z.literal('count'),
    per: NumText,
    deduct: NumText,
    unit: z.string(),
    cap: NumText.nullable(),
    zeroIf: z.string().nullable(),
  }),
  /** 满意得2分，一般满意得1.6分，不满意不得分. */
  z.object({
    kind: z.literal('graded'),
    grades: z.array(z.object({ label: z.string(), points: NumText })).min(2),
  }),
  /** 排序前两位不扣分，第3位扣0.2分…; or 前5位不扣分，第6位扣0.25分，随后每后移一位加扣0.25分. */
  z.object({
    kind: z.literal('rank'),
    free: z.number().int().nonnegative(),
    table: z.array(z.object({ rank: z.number().int().positive(), deduct: NumText })),
    step: NumText.nullable(),
  }),
  /** 67.7–75万提取9%，75–83.3万11%，83.3万以上13%: marginal brackets. */
  z.object({
    kind: z.literal('tiers'),
    brackets: z.array(z.object({ from: NumText, to: NumText.nullable(), rate: NumText })).min(1),
    unit: z.string(),
  }),
  /** w × min(A/T, cap) (T/A for lower-is-better). */
  z.object({ kind: z.literal('ratio'), cap: NumText.nullable(), lowerIsBetter: z.boolean() }),
  /** 全年不发生…: full points unless the event occurred. */
  z.object({ kind: z.literal('occurrence'), event: z.string() }),
  /** 未完成网站建设不得分: full points when done, else 0. */
  z.object({ kind: z.literal('completion'), task: z.string() }),
  /** 实行扣分制…10分扣完为止: deducts from the table total up to a cap. */
  z.object({ kind: z.literal('deductionOnly'), cap: NumText.nullable() }),
  /** Qualitative target (落实…工作): scored by hand. */
  z.object({ kind: z.literal('manual') }),
]);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule['kind'];

/** What reading a text gave: a rule with flags, or a text the reader could not understand. */
export type ParsedRule =
  | { ok: true; rule: Rule; veto: boolean; vetoExcellence: boolean }
  | { ok: false; reason: string; veto: boolean; vetoExcellence: boolean };

/** The actual value as it arrives from a cell or a function argument. */
export type Actual = number | string | boolean | null | readonly (number | string | boolean | null)[];

export interface EvaluateInput {
  actual: Actual;
  points: Dec;
  /** A target cell that overrides the rule's own number (PERF.SCORE's 4th argument). */
  target?: Dec | null;
  settings: ScoringSettings;
}

export type ScoreErrorCode =
  'ACTUAL_MISSING' | 'ACTUAL_INVALID' | 'ACTUAL_AMBIGUOUS' | 'MANUAL' | 'RULE_UNPARSED' | 'ARGUMENT';

export type Outcome =
  | {
      ok: true;
      score: Dec;
      /** The event of a veto/occurrence rule happened. */ triggered?: boolean;
      note?: string;
    }
  | { ok: false; code: ScoreErrorCode; message: string; messageEn: string };

/** One rule kind: how to read it, evaluate it and say it back. */
export interface RuleKindModule<K extends RuleKind = RuleKind> {
  kind: K;
  /** Returns the rule when the text is of this kind, else null. */
  parse(text: string): Extract<Rule, { kind: K }> | null;
  evaluate(rule: Extract<Rule, { kind: K }>, input: EvaluateInput): Outcome;
  /** A short canonical Chinese sentence (and English), so a clerk sees how the text was read. */
  render(rule: Extract<Rule, { kind: K }>, lang: 'zh' | 'en'): string;
}

export function fail(code: ScoreErrorCode, message: string, messageEn: string): Outcome {
  return { ok: false, code, message, messageEn };
}
