/**
 * Scoring settings (zod; defaults are the (default) conventions of docs/domain.md). Also the short
 * option text of PERF functions: "partial=floor;cap=1.2;decimals=1".
 */
import { lazy, z } from '../zod';

export const ForcedSettingsSchema = lazy(() =>
  z.object({
    /** Quotas in percent, best band first: 优秀 20%, 良好 60%, 一般 20%. */
    quotas: z.array(z.number().nonnegative()).min(1).default([20, 60, 20]),
    labels: z.array(z.string().min(1)).min(1).default(['优秀', '良好', '一般']),
    /** How N × quota becomes whole counts. */
    rounding: z.enum(['largestRemainder', 'floor', 'halfUp']).default('largestRemainder'),
    /** Equal scores across a cut-off: all take the higher band, or all the lower. */
    ties: z.enum(['higher', 'lower']).default('higher'),
  }),
);

export const ScoringSettingsSchema = lazy(() =>
  z.object({
    /** Decimal places of item scores and totals (四舍五入). */
    decimals: z.number().int().min(0).max(10).default(2),
    /** A fractional shortfall in linear/step deductions: proportional, or whole steps (floor/ceil). */
    partial: z.enum(['proportional', 'floor', 'ceil']).default('proportional'),
    /** Cap of completion ratios (1 = 100%; 1.2 is common elsewhere). */
    ratioCap: z.number().positive().default(1),
    /** Several thresholds in one item: each worth points/n, or all-or-nothing. */
    thresholds: z.enum(['split', 'all']).default('split'),
    /** Band scheme, highest first: "90:优秀,80:良好,60:合格,0:不合格". */
    bands: z.string().default('90:优秀,80:良好,60:合格,0:不合格'),
    /** Totals add the rounded item scores, or add exact scores and round once. */
    totals: z.enum(['roundItems', 'roundOnce']).default('roundItems'),
    /** Efficacy coefficient: keep the actual within [worst, best] (scores 60..100 % of points). */
    efficacyClamp: z.boolean().default(true),
    forced: ForcedSettingsSchema().default({
      quotas: [20, 60, 20],
      labels: ['优秀', '良好', '一般'],
      rounding: 'largestRemainder',
      ties: 'higher',
    }),
  }),
);
export type ScoringSettings = z.output<typeof ScoringSettingsSchema>;
export type ScoringSettingsInput = z.input<typeof ScoringSettingsSchema>;

export const DEFAULT_SETTINGS: ScoringSettings = ScoringSettingsSchema().parse({});

const KEYS: Record<string, keyof ScoringSettings> = {
  decimals: 'decimals',
  dp: 'decimals',
  partial: 'partial',
  cap: 'ratioCap',
  ratiocap: 'ratioCap',
  thresholds: 'thresholds',
  bands: 'bands',
  totals: 'totals',
  clamp: 'efficacyClamp',
  // The Chinese names the pane writes into formulas of a Chinese workbook (OPTION_NAMES_ZH).
  小数位数: 'decimals',
  不足一档: 'partial',
  比例封顶: 'ratioCap',
  多项达标: 'thresholds',
  等次: 'bands',
  合计: 'totals',
  功效限幅: 'efficacyClamp',
};

/** Chinese names of the options, written into the formulas of a Chinese workbook. */
export const OPTION_NAMES_ZH: Partial<Record<keyof ScoringSettings, string>> = {
  decimals: '小数位数',
  partial: '不足一档',
  ratioCap: '比例封顶',
  thresholds: '多项达标',
  bands: '等次',
  totals: '合计',
  efficacyClamp: '功效限幅',
};

/** Chinese words for option values, both ways (按比例 ⇄ proportional…). */
export const OPTION_VALUES_ZH: Readonly<Record<string, string>> = {
  proportional: '按比例',
  floor: '向下取整',
  ceil: '向上取整',
  split: '分项',
  all: '全部',
  roundItems: '逐项取整',
  roundOnce: '合计取整',
};
const VALUE_FROM_ZH = new Map(Object.entries(OPTION_VALUES_ZH).map(([k, v]) => [v, k]));

/** Keys of the forced distribution ("quotas=20/60/20;labels=优秀/良好/一般;rounding=floor;ties=lower"). */
const FORCED_KEYS: Record<string, keyof ScoringSettings['forced']> = {
  quotas: 'quotas',
  labels: 'labels',
  rounding: 'rounding',
  ties: 'ties',
};

/**
 * Parses "partial=floor;cap=1.2" into settings on top of `base`. Throws an Error whose message
 * names the bad key or value (the add-in shows it as #VALUE!).
 */
export function parseOptionText(
  text: string | null | undefined,
  base: ScoringSettings = DEFAULT_SETTINGS,
): ScoringSettings {
  if (!text || text.trim() === '') return base;
  const raw: Record<string, unknown> = { ...base, forced: { ...base.forced } };
  // A comma separates options only before another "name=": band schemes contain commas
  // ("bands=90:优秀,80:良好,60:合格,0:不合格", as the README writes it).
  for (const part of text.split(/[;；]|[,，](?=\s*(?:[A-Za-z]+|[\u4e00-\u9fff]+)\s*[=:：])/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^([A-Za-z]+|[\u4e00-\u9fff]+)\s*[=:：]\s*(.+)$/.exec(p);
    if (!m) throw new Error(`无法识别的选项「${p}」，应为 名称=值 (bad option "${p}")`);
    const value0 = (m[2] ?? '').trim();
    const forcedKey = FORCED_KEYS[(m[1] ?? '').toLowerCase()];
    if (forcedKey) {
      const list = value0.split(/[/,，、]/).map((x) => x.trim());
      (raw.forced as Record<string, unknown>)[forcedKey] =
        forcedKey === 'quotas'
          ? list.map((x) => (/^\d+(?:\.\d+)?%?$/.test(x) ? Number(x.replace('%', '')) : NaN))
          : forcedKey === 'labels'
            ? list
            : value0;
      continue;
    }
    const key = Object.hasOwn(KEYS, (m[1] ?? '').toLowerCase())
      ? KEYS[(m[1] ?? '').toLowerCase()]
      : undefined;
    if (!key) throw new Error(`未知选项「${m[1]}」 (unknown option "${m[1]}")`);
    const given = (m[2] ?? '').trim();
    const value = VALUE_FROM_ZH.get(given) ?? (given === '是' ? 'true' : given === '否' ? 'false' : given);
    raw[key] =
      key === 'decimals' || key === 'ratioCap'
        ? Number(value)
        : key === 'efficacyClamp'
          ? value !== 'false' && value !== '0'
          : value;
  }
  const f = raw.forced as { quotas: unknown[]; labels: unknown[] };
  if (f.quotas.length !== f.labels.length)
    throw new Error(
      `等次数（${f.labels.length}）与比例数（${f.quotas.length}）不一致 (${f.labels.length} labels for ${f.quotas.length} quotas)`,
    );
  const r = ScoringSettingsSchema().safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(
      `选项值无效：${issue?.path.join('.') ?? ''} (invalid option value: ${issue?.message ?? ''})`,
    );
  }
  return r.data;
}
