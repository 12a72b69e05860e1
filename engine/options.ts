/** Settings of recognition and validation (zod: the schema is the source of truth). */
import { lazy, z } from './zod';
import { ColumnRoleSchema, FindingCodeSchema, SeveritySchema } from './model';
import { ScoringSettingsSchema } from './rules/settings';

export const LanguageSchema = lazy(() => z.enum(['zh', 'en']));
export type Language = z.infer<typeof LanguageSchema>;

export const AnalyseOptionsSchema = lazy(() =>
  z.object({
    /** Language of `Finding.message`; the other language is always in `messageEn`/`message`. */
    lang: LanguageSchema().default('zh'),
    /**
     * Unit type for minimum-row rules of rectification lists (L7), e.g. "专科性医院". When
     * absent it is read from the "填报单位：" line, and the strictest minimum applies if unclear.
     */
    unitType: z.string().min(1).optional(),
    /** Finding codes to leave out. */
    disable: z.array(FindingCodeSchema()).default([]),
    /**
     * Column roles corrected by a clerk, per table: header row ("5") → column letter ("D") → role,
     * or 'none' to ignore the column. Tables whose header row is not listed are read as recognised.
     */
    columnRoles: z
      .record(z.string(), z.record(z.string(), z.union([ColumnRoleSchema(), z.literal('none')])))
      .default({}),
    /** Severity overrides per code, e.g. { DUPLICATE_ITEM: 'error' }. */
    severity: z.partialRecord(FindingCodeSchema(), SeveritySchema()).default({}),
  }),
);
export type AnalyseOptions = z.input<typeof AnalyseOptionsSchema>;
export type ResolvedOptions = z.output<typeof AnalyseOptionsSchema>;

/** Options of `scoreSheet` and of the review: those of analysis plus the scoring settings. */
export const ScoreOptionsSchema = lazy(() =>
  AnalyseOptionsSchema().extend({
    scoring: ScoringSettingsSchema().default(ScoringSettingsSchema().parse({})),
  }),
);
export type ScoreOptions = z.input<typeof ScoreOptionsSchema>;

export type ResolvedScoreOptions = z.output<typeof ScoreOptionsSchema>;

/**
 * Resolved score options, parsed once per options object (and once for none): a review resolves
 * the same options for every workbook it reads. The engine only reads resolved options, and an
 * options object is not changed once it is passed in, so one resolution serves every call.
 */
const resolvedScoreOptions = new WeakMap<object, ResolvedScoreOptions>();
let defaultScoreOptions: ResolvedScoreOptions | undefined;

export function resolveScoreOptions(options?: ScoreOptions): ResolvedScoreOptions {
  if (options === undefined) return (defaultScoreOptions ??= ScoreOptionsSchema().parse({}));
  let r = resolvedScoreOptions.get(options);
  if (r === undefined) resolvedScoreOptions.set(options, (r = ScoreOptionsSchema().parse(options)));
  return r;
}
