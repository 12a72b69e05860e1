/**
 * perf-addin engine: recognise indicator tables on host-neutral sheets and validate them.
 * Pure: no Office, DOM or Node APIs.
 */
import { WorkbookSchema, type Sheet, type Workbook } from './grid';
import type { ColumnRole, Layout, SheetAnalysis } from './model';
import { AnalyseOptionsSchema, ScoreOptionsSchema, type AnalyseOptions, type ScoreOptions } from './options';
import { recogniseSheet, type RecognisedTable } from './recognise';
import { LAYOUTS } from './recognition/layouts';
import { SheetView } from './sheet-view';
import { sortFindings, validateSheet } from './validate';
import { scoreTableSteps } from './scoring';
import { runSteps, type SheetProgress } from './progress';
import type { Finding, TableScore, Table } from './model';

export * from './grid';
export * from './model';
export * from './address';
export {
  AnalyseOptionsSchema,
  ScoreOptionsSchema,
  type ScoreOptions,
  LanguageSchema,
  type AnalyseOptions,
  type Language,
  type ResolvedOptions,
} from './options';
export { CHECKS, CODE_SPECS, nextStep } from './checks';
export { parseLabel, parsePointsCell } from './points';
export { matchHeader } from './headers';
export { SheetView } from './sheet-view';
export {
  recogniseSheet,
  type ColumnRoleCorrections,
  type RecognisedTable,
  type RecognisedItem,
} from './recognise';
export { scoreTable } from './scoring';
export type { SheetProgress } from './progress';
export * as functions from './functions';
export { parseRule, evaluateRule, renderRule, CLAUSE_READERS, formOf } from './rules';
export {
  ScoringSettingsSchema,
  parseOptionText,
  DEFAULT_SETTINGS,
  type ScoringSettings,
} from './rules/settings';

/** Recognises the tables of one sheet and validates them. Never throws on cell content. */
export function analyseSheet(sheet: Sheet, options?: AnalyseOptions): SheetAnalysis {
  const opts = AnalyseOptionsSchema().parse(options ?? {});
  const view = new SheetView(sheet);
  const tables: RecognisedTable[] = recogniseSheet(view, opts.columnRoles);
  const findings = validateSheet(view, tables, opts);
  return { sheet: sheet.name, tables: tables.map((t) => t.table), findings };
}

/** A table with its scoring result. */
export type ScoredTable = Table & { score: TableScore };
export interface ScoredSheet {
  sheet: string;
  tables: ScoredTable[];
  findings: Finding[];
}

/**
 * Recognises, validates and scores the tables of one sheet. Findings of validation and scoring
 * come together, ordered by cell.
 */
export function scoreSheet(sheet: Sheet, options?: ScoreOptions): ScoredSheet {
  return runSteps(scoreSheetSteps(sheet, options));
}

/**
 * scoreSheet in steps: yields before recognising, before checking and before scoring each item
 * (with its sheet row), so that a page can draw a progress bar by rows between two steps.
 */
export function* scoreSheetSteps(
  sheet: Sheet,
  options?: ScoreOptions,
): Generator<SheetProgress, ScoredSheet, void> {
  const opts = ScoreOptionsSchema().parse(options ?? {});
  const view = new SheetView(sheet);
  const lastRow = sheet.origin.row + sheet.rows.length;
  yield { stage: 'recognise', row: 0, lastRow };
  const tables = recogniseSheet(view, opts.columnRoles);
  yield { stage: 'check', row: 0, lastRow };
  const findings = validateSheet(view, tables, opts);
  const scored: ScoredTable[] = [];
  for (const t of tables) {
    const steps = scoreTableSteps(t, view, opts.scoring, opts.lang);
    let step = steps.next();
    for (; !step.done; step = steps.next()) yield { stage: 'score', row: step.value + 1, lastRow };
    const r = step.value;
    scored.push({ ...t.table, score: r.score });
    for (const f of r.findings)
      if (!opts.disable.includes(f.code))
        findings.push({ ...f, severity: opts.severity[f.code] ?? f.severity });
  }
  return { sheet: sheet.name, tables: scored, findings: sortFindings(findings) };
}

/** Analyses every sheet of a workbook, in order. */
export function analyseWorkbook(workbook: Workbook, options?: AnalyseOptions): SheetAnalysis[] {
  return workbook.sheets.map((s) => analyseSheet(s, options));
}

/** Validates untrusted input (e.g. JSON from another process) into a Workbook, or throws a zod error. */
export function parseWorkbook(input: unknown): Workbook {
  return WorkbookSchema().parse(input);
}

/** Human names of the layouts (from their registry, engine/recognition/layouts.ts). */
export const LAYOUT_NAMES = Object.fromEntries(LAYOUTS.map((l) => [l.id, { zh: l.zh, en: l.en }])) as Record<
  Layout,
  { zh: string; en: string }
>;

/** Human names of the column roles. */
export const ROLE_NAMES: Record<ColumnRole, { zh: string; en: string }> = {
  seq: { zh: '序号', en: 'No.' },
  level1: { zh: '一级指标', en: 'level 1' },
  level2: { zh: '二级指标', en: 'level 2' },
  level3: { zh: '三级指标', en: 'level 3' },
  item: { zh: '指标', en: 'item' },
  target: { zh: '目标', en: 'target' },
  method: { zh: '计分办法', en: 'scoring method' },
  points: { zh: '分值', en: 'points' },
  direction: { zh: '方向', en: 'direction' },
  standard: { zh: '标准值', en: 'standard' },
  owner: { zh: '责任科室', en: 'department' },
  person: { zh: '责任人', en: 'person' },
  basis: { zh: '制定依据', en: 'basis' },
  attribute: { zh: '指标属性', en: 'attribute' },
  lastYear: { zh: '上年完成', en: 'last year' },
  actual: { zh: '完成情况', en: 'actual' },
  ratio: { zh: '完成比例', en: 'completion ratio' },
  progress: { zh: '进步分', en: 'progress' },
  score: { zh: '得分', en: 'score' },
  deduction: { zh: '扣分', en: 'deduction' },
  measure: { zh: '整改措施', en: 'measures' },
  result: { zh: '整改成效', en: 'results' },
  coefficient: { zh: '系数', en: 'coefficient' },
  headcount: { zh: '人数', en: 'headcount' },
  note: { zh: '备注', en: 'note' },
};
export * from './review';
export { CODE_NAMES, SEVERITY_LABELS } from './finding-names';
