/**
 * The recognised table model and validation findings. zod schemas are the single source of
 * truth; the TypeScript types are inferred from them. Every address here is an A1 address
 * on the table's sheet ("E20"), every row number is the Excel row (1-based).
 */
import { LAYOUT_IDS } from './recognition/layouts';
import { lazy, z } from './zod';

/** What a column means, independent of how the header spells it. */
export const ColumnRoleSchema = lazy(() =>
  z.enum([
    'seq',
    'level1',
    'level2',
    'level3',
    'item',
    'target',
    'method',
    'points',
    'direction',
    'standard',
    'owner',
    'person',
    'basis',
    'attribute',
    'lastYear',
    'actual',
    'ratio',
    'progress',
    'score',
    'deduction',
    'measure',
    'result',
    'coefficient',
    'headcount',
    'note',
  ]),
);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

/** The layouts (their registry: engine/recognition/layouts.ts). */
export const LayoutSchema = lazy(() => z.enum(LAYOUT_IDS));
export type Layout = z.infer<typeof LayoutSchema>;

export const SeveritySchema = lazy(() => z.enum(['error', 'warning', 'info']));
export type Severity = z.infer<typeof SeveritySchema>;

/** Codes that come from scoring (rules, actual values, vetoes) rather than from checking the table. */
const SCORING_CODES = [
  'RULE_UNPARSED',
  'MANUAL_SCORE',
  'ACTUAL_MISSING',
  'ACTUAL_INVALID',
  'RULE_CONDITION',
  'VETO_TRIGGERED',
] as const;

/** Codes of the comparison of a returned table with its template (engine/checks/template.ts). */
const TEMPLATE_CODES = [
  'TEMPLATE_ITEM_ADDED',
  'TEMPLATE_ITEM_REMOVED',
  'TEMPLATE_POINTS_CHANGED',
  'TEMPLATE_TARGET_CHANGED',
  'TEMPLATE_FORMULA_REPLACED',
] as const;

export const FindingCodeSchema = lazy(() =>
  z.enum([
    'POINTS_SUM_MISMATCH',
    'POINTS_MISSING',
    'POINTS_INVALID',
    'OWNER_MISSING',
    'PERSON_MISSING',
    'DIRECTION_INVALID',
    'STANDARD_MISSING',
    'TARGET_MISSING',
    'DUPLICATE_ITEM',
    'CELL_ERROR',
    'NUMBER_AS_TEXT',
    'HIDDEN_ROW',
    'MIN_ROWS',
    'SCORE_OUT_OF_RANGE',
    'DEDUCTION_EXCEEDS',
    'HIDDEN_COLUMN',
    'NAME_MISSING',
    'VALUE_MISSING',
    'TABLE_EMPTY',
    'NO_TABLE',
    ...SCORING_CODES,
    ...TEMPLATE_CODES,
  ]),
);
export type FindingCode = z.infer<typeof FindingCodeSchema>;

export const TEMPLATE_FINDING_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(TEMPLATE_CODES);

export const SCORING_FINDING_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(SCORING_CODES);

export const FindingSchema = lazy(() =>
  z.object({
    code: FindingCodeSchema(),
    severity: SeveritySchema(),
    sheet: z.string(),
    /** A1 address of the cell to look at; null only for sheet-level findings (NO_TABLE). */
    cell: z.string().nullable(),
    /** Message in the requested language (Chinese by default). */
    message: z.string(),
    /** The same message in the other language, so a report can show both. */
    messageEn: z.string(),
    /** Structured facts behind the message (numbers, labels), for programs and tests. */
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  }),
);
export type Finding = z.infer<typeof FindingSchema>;

/** Points as written: a number (points, or a fraction for percent weights) or nothing. */
export const PointsSchema = lazy(() => z.number().nullable());

export const GroupSchema = lazy(() =>
  z.object({
    /** Labels from the top level down, without points suffix and line breaks. */
    path: z.array(z.string()),
    /** The label exactly as written in its cell (first occurrence). */
    label: z.string(),
    /** Cell holding the label (top-left of its merge). */
    cell: z.string(),
    /** Points declared in the label ("（380分）"), or null. */
    declared: PointsSchema(),
    /** Sum of the children's points (items' points and child groups' declared-or-summed points). */
    sum: z.number(),
    /** True when the group's items carry no points: the group is scored as a whole (L5). */
    scoredAsWhole: z.boolean(),
    level: z.number().int().positive(),
  }),
);
export type Group = z.infer<typeof GroupSchema>;

export const ItemSchema = lazy(() =>
  z.object({
    /** Excel row number. */
    row: z.number().int().positive(),
    path: z.array(z.string()),
    /** Item name without points suffix and without line breaks. */
    name: z.string(),
    /** Cell of the item name. */
    cell: z.string(),
    points: PointsSchema(),
    /** Cell the points were read from (points column or the label), when any. */
    pointsCell: z.string().nullable(),
    /** 一票否决: the item can fail the whole unit. */
    veto: z.boolean(),
    /** 一票否优: the item can deny the 优秀 band. */
    vetoExcellence: z.boolean(),
    /** 实行扣分制: no points of its own, deducts from the table total. */
    deductionOnly: z.boolean(),
    target: z.string().nullable(),
    method: z.string().nullable(),
    standard: z.string().nullable(),
    direction: z.string().nullable(),
    owner: z.string().nullable(),
    person: z.string().nullable(),
    /** Several owners / persons in one cell, split on spaces, line breaks and 、，, */
    owners: z.array(z.string()),
    persons: z.array(z.string()),
    note: z.string().nullable(),
    /** Raw values of the entry columns, when the table has them (numbers, or text as typed). */
    actual: z.union([z.number(), z.string(), z.boolean()]).nullable(),
    /** The score typed in the 得分 column, as typed (the computed score is in scoring results). */
    enteredScore: z.union([z.number(), z.string()]).nullable(),
    deduction: z.union([z.number(), z.string()]).nullable(),
    lastYear: z.union([z.number(), z.string()]).nullable(),
  }),
);
export type Item = z.infer<typeof ItemSchema>;

export const TableSchema = lazy(() =>
  z.object({
    sheet: z.string(),
    /** A1 range from the first header row to the last table row (totals row included). */
    range: z.string(),
    /** Excel row number of the (first) header row. */
    headerRow: z.number().int().positive(),
    /** Number of header rows (2 for grouped headers, L4). */
    headerRows: z.number().int().positive(),
    layout: LayoutSchema(),
    /** Role → column letter. */
    columns: z.partialRecord(ColumnRoleSchema(), z.string()),
    /** Header text per role as written (line breaks removed), for reports. */
    headers: z.partialRecord(ColumnRoleSchema(), z.string()),
    /** Points carried by grouped header columns ("任务完成情况(90分)"). */
    columnPoints: z.partialRecord(ColumnRoleSchema(), z.number()),
    title: z.string().nullable(),
    /** Section row above the table ("一、考核类指标"). */
    section: z.string().nullable(),
    declaredTotal: PointsSchema(),
    /** Sum of the top level: groups (declared, else summed) and items outside any group. */
    sum: z.number(),
    declaredTotalCell: z.string().nullable(),
    /** 'points' or 'percent' (weights as fractions: 25% is 0.25). */
    pointsUnit: z.enum(['points', 'percent']),
    /** Row of the 合计 line, when present. */
    totalsRow: z.number().int().positive().nullable(),
    /** Rows of 注： lines directly below the table, with their text. */
    notes: z.array(z.object({ row: z.number().int().positive(), text: z.string() })),
    groups: z.array(GroupSchema()),
    items: z.array(ItemSchema()),
  }),
);
export type Table = z.infer<typeof TableSchema>;

export const SheetAnalysisSchema = lazy(() =>
  z.object({
    sheet: z.string(),
    tables: z.array(TableSchema()),
    findings: z.array(FindingSchema()),
  }),
);
export type SheetAnalysis = z.infer<typeof SheetAnalysisSchema>;

/** Per item, what scoring found (the `score` command's JSON adds these to the item). */
export const ItemScoreSchema = lazy(() =>
  z.object({
    row: z.number().int().positive(),
    /** The actual value as read (fractions for percents), or the raw text. */
    actual: z.union([z.number(), z.string(), z.boolean()]).nullable(),
    /** The computed score, rounded as the settings say; null when it needs a manual score or input. */
    score: z.number().nullable(),
    /** Where the score came from. */
    source: z.enum(['entered', 'deduction', 'rule', 'none']),
    /** The canonical sentence of the rule read from the target / method text, or null. */
    rule: z.string().nullable(),
    ruleKind: z.string().nullable(),
    /** The item needs a score typed by hand (qualitative or unreadable rule). */
    manual: z.boolean(),
    /** A veto (一票否决 / 一票否优) event was reported for this item. */
    triggered: z.boolean(),
    /** Cell the score belongs in (the 得分 column) when the table has one. */
    scoreCell: z.string().nullable(),
  }),
);
export type ItemScore = z.infer<typeof ItemScoreSchema>;

export const TableScoreSchema = lazy(() =>
  z.object({
    /** Table total (deduction-only items taken off, never below 0); null while items lack scores. */
    total: z.number().nullable(),
    /** Sum of the items that do have a score, for progress while others are pending. */
    partialTotal: z.number(),
    /** Points the total is out of (declared total, else the sum of points). */
    outOf: z.number().nullable(),
    band: z.string().nullable(),
    /** Why the band is what it is beyond the total (veto), or null. */
    bandNote: z.string().nullable(),
    unscored: z.number().int().nonnegative(),
    deductions: z.number(),
    items: z.array(ItemScoreSchema()),
  }),
);
export type TableScore = z.infer<typeof TableScoreSchema>;
