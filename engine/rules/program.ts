/**
 * The scoring program every rule sentence compiles to (zod: the schema is the source of truth).
 * A base (full points, zero, or a ratio), then ordered clauses (condition → effect, per-step
 * clauses measured from a stated bound, bands, label tables, rank tables, marginal brackets),
 * caps, and an explicit manual part naming the clause that makes the item a hand score.
 * Numbers are decimal strings; percents are fractions with unit "%" ("80%" → "0.8").
 */
import { lazy, z } from '../zod';

export const NumText = lazy(() => z.string().regex(/^-?\d+(\.\d+)?$/));

export const ComparatorSchema = lazy(() => z.enum(['>=', '>', '<=', '<', '=']));
export type Comparator = z.infer<typeof ComparatorSchema>;

/**
 * metric op value [unit]; `to` closes a range ("60%-70%"). `value` "target": the bound is the
 * item's target value ("达到镇考核指标得满分", "大于控制数不得分"); the evaluator binds it before
 * anything compares, and asks for the target when there is none.
 */
export const ConditionSchema = lazy(() =>
  z.object({
    metric: z.string(),
    op: ComparatorSchema(),
    value: z.union([NumText(), z.literal('target')]),
    /** "%" (value is a fraction), "分" (a points scale), a count unit ("次", "个"), or "". */
    unit: z.string(),
    to: z.object({ op: z.enum(['<', '<=']), value: NumText() }).nullable(),
  }),
);
export type Condition = z.infer<typeof ConditionSchema>;

/** A points amount: a number, or "full" (得满分 / the item's points). */
export const ScoreSchema = lazy(() => z.union([z.literal('full'), NumText()]));

/** What a condition does to the score. */
export const EffectSchema = lazy(() =>
  z.discriminatedUnion('kind', [
    /** 得满分 / 得3分 / 不得分 (score "0"): the item's score is set. */
    z.object({ kind: z.literal('set'), score: ScoreSchema() }),
    z.object({ kind: z.literal('deduct'), amount: NumText() }),
    z.object({ kind: z.literal('add'), amount: NumText() }),
    /** 清零 (and 考核分/总分清零: `total`), 一票否决 (`veto`): the item scores 0. */
    z.object({ kind: z.literal('zero'), total: z.boolean(), veto: z.boolean() }),
    /** 一票否优: the score stays, the band is capped. */
    z.object({ kind: z.literal('vetoExcellence') }),
    /** 未发生…的不扣分; 辖区无此类机构的得满分: the base, whatever else the rule says. */
    z.object({ kind: z.literal('exempt') }),
  ]),
);
export type Effect = z.infer<typeof EffectSchema>;

/** What is tested: a number against a bound, a written state (未公示), or an event (发生…). */
export const TestSchema = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('condition'), condition: ConditionSchema() }),
    /**
     * 未公示 (negative: "未/无/没有 X" meets it), 已建立档案 (positive). `label` is the state without
     * its marker ("公示", "建立档案").
     */
    z.object({
      kind: z.literal('label'),
      label: z.string(),
      negative: z.boolean(),
      /**
       * The other side of the condition clause right after it, with the same effect ("＜规定数60%或未安排，
       * 不得分"): a number for that metric says the state is not the case.
       */
      or: z.literal(true).optional(),
    }),
    /** 发生X / 出现X: an event that occurred (发生, 是, a count ≥ 1). */
    z.object({ kind: z.literal('event'), event: z.string() }),
  ]),
);
export type Test = z.infer<typeof TestSchema>;

export const ClauseSchema = lazy(() =>
  z.discriminatedUnion('kind', [
    /**
     * Bare conditions (执行率≥80%): each met condition earns its share of the base; with `each`,
     * each met condition earns `amount` (每完成一项得2分), or each unmet one costs it (一项未完成的扣1分).
     */
    z.object({
      kind: z.literal('gate'),
      conditions: z.array(ConditionSchema()).min(1),
      each: z.object({ effect: z.enum(['credit', 'deduct']), amount: NumText() }).optional(),
    }),
    z.object({ kind: z.literal('when'), test: TestSchema(), effect: EffectSchema() }),
    /**
     * Per-step: every `size` (in `unit`) below / above `from`, or per counted case, deduct or add
     * `amount`, at most `cap`. `from` null: the target value gives the bound. `change`: the actual
     * is the change against last year.
     */
    z.object({
      kind: z.literal('step'),
      metric: z.string(),
      direction: z.enum(['below', 'above', 'count']),
      from: NumText().nullable(),
      size: NumText(),
      unit: z.string(),
      effect: z.enum(['deduct', 'add']),
      amount: NumText(),
      cap: NumText().nullable(),
      change: z.boolean(),
    }),
    /** Graded labels: the whole label must match the actual. */
    z.object({
      kind: z.literal('labels'),
      grades: z.array(z.object({ label: z.string(), score: ScoreSchema() })).min(2),
    }),
    /**
     * Rank table: explicit entries (set a score or deduct), ranks up to `free` keep the base, ranks
     * past the last entry take `step` more each (when written), else are not guessed.
     */
    z.object({
      kind: z.literal('rank'),
      fromBottom: z.boolean(),
      free: z.number().int().nonnegative(),
      entries: z.array(
        z.object({
          rank: z.number().int().positive(),
          effect: z.enum(['set', 'deduct']),
          amount: ScoreSchema(),
        }),
      ),
      step: NumText().nullable(),
    }),
    /** Marginal brackets (超额累进): Σ rate × part of the amount inside each bracket. */
    z.object({
      kind: z.literal('tiers'),
      brackets: z.array(z.object({ from: NumText(), to: NumText().nullable(), rate: NumText() })).min(1),
      unit: z.string(),
    }),
  ]),
);
export type Clause = z.infer<typeof ClauseSchema>;
export type ClauseKind = Clause['kind'];

export const BaseSchema = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('full') }),
    /** Credits counted from zero (1项1分, 每项各2.5分): the score is what they add, at most the points. */
    z.object({ kind: z.literal('zero') }),
    /**
     * w × A / T (T / A when lower is better), at most `cap` × w (the ratio-cap setting when null).
     * T is `bound` (the sentence's), else the target value; `best`: T is the best unit's value.
     */
    z.object({
      kind: z.literal('ratio'),
      metric: z.string(),
      bound: NumText().nullable(),
      unit: z.string(),
      lowerIsBetter: z.boolean(),
      cap: NumText().nullable(),
      best: z.boolean(),
    }),
  ]),
);
export type Base = z.infer<typeof BaseSchema>;

export const ProgramSchema = lazy(() =>
  z.object({
    base: BaseSchema(),
    clauses: z.array(ClauseSchema()),
    /** 扣分合计最多X分: all deductions together. */
    deductCap: NumText().nullable(),
    /** 最高加X分 / 加分不超过X分: all bonuses together. */
    bonusCap: NumText().nullable(),
    /** The item is scored by hand: the reason, and the clause as written that makes it so. */
    manual: z.object({ reason: z.string(), clause: z.string() }).nullable(),
    /** 实行扣分制: no points of its own; the deduction comes off the table total. */
    deductionOnly: z.boolean(),
    /**
     * 可倒扣 / 扣分不封顶: the sentence lets deductions pass the points. Scores never go below 0 (docs/domain.md),
     * so an item whose deductions pass its base is scored by hand.
     */
    belowZero: z.boolean(),
    /** Points the sentence states for the item ((10分), 共10分), if any. */
    points: NumText().nullable(),
  }),
);
export type Program = z.infer<typeof ProgramSchema>;

/** A program with no clauses yet. */
export function emptyProgram(): Program {
  return {
    base: { kind: 'full' },
    clauses: [],
    deductCap: null,
    bonusCap: null,
    manual: null,
    deductionOnly: false,
    belowZero: false,
    points: null,
  };
}

/**
 * The form of a program, for reports and the pane (the docs/domain.md name of what it mostly does).
 */
export function formOf(p: Program): string {
  let form = forms.get(p);
  if (form === undefined) forms.set(p, (form = readForm(p)));
  return form;
}

/** Programs are cached per rule text and never changed: each one's form is worked out once. */
const forms = new WeakMap<Program, string>();

function readForm(p: Program): string {
  if (p.manual) return p.manual.reason === 'qualitative' ? 'manual' : 'judgement';
  const kinds = p.clauses.map((c) => c.kind);
  if (kinds.includes('tiers')) return 'tiers';
  if (p.deductionOnly) return 'deductionOnly';
  if (p.base.kind === 'ratio') return p.base.best ? 'ratio-best' : 'ratio';
  if (kinds.includes('rank')) return 'rank';
  if (kinds.includes('labels')) return 'graded';
  const steps = p.clauses.filter((c) => c.kind === 'step');
  if (steps.some((s) => s.change)) return 'change';
  if (
    steps.some((s) => s.effect === 'add') ||
    p.clauses.some((c) => c.kind === 'when' && c.effect.kind === 'add')
  )
    return 'bonus';
  const sets = p.clauses.filter(
    (c) => c.kind === 'when' && c.test.kind === 'condition' && c.effect.kind === 'set',
  );
  if (sets.length >= 2) return 'bands';
  if (steps.some((s) => s.direction === 'count')) return 'count';
  if (steps.some((s) => s.direction === 'above')) return 'lower-better';
  if (steps.some((s) => s.unit === '%')) return 'linear';
  if (steps.length > 0) return 'step';
  const whens = p.clauses.filter((c) => c.kind === 'when');
  if (whens.some((c) => c.effect.kind === 'zero' && c.effect.veto)) return 'veto';
  if (whens.some((c) => c.effect.kind === 'zero')) return 'zeroing';
  if (whens.some((c) => c.effect.kind === 'exempt')) return 'exemption';
  if (whens.some((c) => c.test.kind === 'event')) return 'occurrence';
  if (whens.some((c) => c.test.kind === 'label')) return 'labelled';
  if (kinds.includes('gate')) return 'threshold';
  if (sets.length === 1) return 'threshold';
  return 'other';
}
