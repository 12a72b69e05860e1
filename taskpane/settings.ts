/**
 * The pane's settings, saved in the workbook so every clerk who opens it scores the same way:
 * the scoring settings of the engine, the column roles a clerk corrected (per sheet), and how
 * scores are written. zod is the single source of truth; a saved value that does not parse is
 * reported and replaced by the defaults, never half-used.
 */
import { z } from '../engine/zod';
import { ColumnRoleSchema } from '../engine/model';
import { ScoringSettingsSchema, type ScoringSettings } from '../engine/rules/settings';

export const PANE_SETTINGS_KEY = 'perf-addin.settings';

const CorrectionsSchema = z.record(
  z.string(),
  z.record(z.string(), z.union([ColumnRoleSchema(), z.literal('none')])),
);

export const PaneSettingsSchema = z.object({
  version: z.literal(1).default(1),
  scoring: ScoringSettingsSchema().default(ScoringSettingsSchema().parse({})),
  /** Sheet name → header row → column letter → role. */
  columnRoles: z.record(z.string(), CorrectionsSchema).default({}),
  writeMode: z.enum(['values', 'formulas', 'native']).default('values'),
  /** Findings the clerk chose to ignore (忽略此问题), as findingKey gives them: saved, as Excel keeps its own. */
  ignored: z.array(z.string()).default([]),
});
export type PaneSettings = z.output<typeof PaneSettingsSchema>;

/** A finding's identity for 忽略此问题: where it is and what it is. */
export function findingKey(f: { sheet: string; cell: string | null; code: string }): string {
  return `${f.sheet}!${f.cell ?? ''}|${f.code}`;
}

export const DEFAULT_PANE_SETTINGS: PaneSettings = PaneSettingsSchema.parse({});

export type SettingsRead = { settings: PaneSettings; problem: string | null };

/** Reads the saved text; `problem` says (in Chinese and English) why it was not used. */
export function readPaneSettings(text: string | null): SettingsRead {
  if (text === null || text.trim() === '') return { settings: DEFAULT_PANE_SETTINGS, problem: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      settings: DEFAULT_PANE_SETTINGS,
      problem: '工作簿中保存的设置不是有效的 JSON (saved settings are not valid JSON)',
    };
  }
  const parsed = PaneSettingsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return {
      settings: DEFAULT_PANE_SETTINGS,
      problem: `工作簿中保存的设置无法使用（${where}：${issue?.message ?? ''}），已改用默认设置 (saved settings are invalid at ${where}; defaults are used)`,
    };
  }
  return { settings: parsed.data, problem: null };
}

/** Forced-distribution quotas as the clerk types them: "20/60/20". */
export function parseQuotas(text: string): number[] | null {
  const parts = text
    .normalize('NFKC')
    .split(/[/,，、\s]+/)
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const nums = parts.map((p) => Number(p.replace(/%$/, '')));
  return nums.every((n) => Number.isFinite(n) && n >= 0) ? nums : null;
}

/** Validates edited scoring settings; the message names the field. */
export function checkScoring(
  input: unknown,
): { ok: true; value: ScoringSettings } | { ok: false; field: string; message: string } {
  const parsed = ScoringSettingsSchema().safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: issue ? issue.path.join('.') : '', message: issue?.message ?? '' };
}
