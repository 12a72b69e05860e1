/**
 * Writes the findings to a new sheet "校验报告" ("校验报告 (2)", "(3)" … when taken, or in place of
 * the earlier report when asked to): one row per finding with 严重程度 · 问题类型 · 工作表 · 单元格 ·
 * 说明, bold header, sized columns. Two syncs (three when replacing).
 */
import type { Finding, FindingCode, Severity } from '../../engine/model';
import { rangeAddress } from '../../engine/address';
import { defaultEnv, supports, type AdapterEnv } from './requirements';
import type { ExcelContext } from './types';
import { toExcelLiteral } from './values';

export const REPORT_SHEET_NAME = '校验报告';
export const REPORT_HEADER = ['严重程度', '问题类型', '工作表', '单元格', '说明'] as const;
export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** What each finding code is called in a sheet a clerk prints (the codes themselves are for programs). */
export const CODE_NAMES: Record<FindingCode, string> = {
  POINTS_SUM_MISMATCH: '分值合计不符',
  POINTS_MISSING: '缺少分值',
  POINTS_INVALID: '分值不是数字',
  OWNER_MISSING: '缺少责任单位',
  PERSON_MISSING: '缺少责任人',
  DIRECTION_INVALID: '指标方向有误',
  STANDARD_MISSING: '缺少评分标准',
  TARGET_MISSING: '缺少目标值',
  DUPLICATE_ITEM: '指标名称重复',
  CELL_ERROR: '单元格错误值',
  NUMBER_AS_TEXT: '数字存为文本',
  HIDDEN_ROW: '隐藏行',
  MIN_ROWS: '行数不足',
  SCORE_OUT_OF_RANGE: '得分超出范围',
  DEDUCTION_EXCEEDS: '扣分超过分值',
  HIDDEN_COLUMN: '隐藏列',
  NAME_MISSING: '缺少指标名称',
  VALUE_MISSING: '缺少分配参数',
  TABLE_EMPTY: '表格没有指标行',
  NO_TABLE: '未识别到指标表',
  RULE_UNPARSED: '评分规则未能识别',
  MANUAL_SCORE: '需人工评分',
  ACTUAL_MISSING: '待填完成情况',
  ACTUAL_INVALID: '完成情况无法识别',
  RULE_CONDITION: '规则有附加条件',
  VETO_TRIGGERED: '触发一票否决',
  TEMPLATE_ITEM_ADDED: '模板外新增指标',
  TEMPLATE_ITEM_REMOVED: '删除模板指标',
  TEMPLATE_POINTS_CHANGED: '改动模板分值',
  TEMPLATE_TARGET_CHANGED: '改动目标或计分办法',
  TEMPLATE_FORMULA_REPLACED: '模板公式被改为数值',
};

/** Width of the 说明 column in points (about 60 Chinese characters); its text wraps. */
const MESSAGE_COLUMN_WIDTH = 420;

export interface ReportResult {
  sheetName: string;
  rows: number;
  syncs: number;
}

/** The first free name among "校验报告", "校验报告 (2)", … (sheet names compare case-insensitively). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLocaleLowerCase()));
  if (!taken.has(base.toLocaleLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}

/** The report's rows, header first, as text (cells are written as text, never reinterpreted). */
export function reportRows(findings: readonly Finding[]): string[][] {
  return [
    [...REPORT_HEADER],
    ...findings.map((f) => [
      SEVERITY_LABELS[f.severity],
      CODE_NAMES[f.code],
      f.sheet,
      f.cell ?? '',
      f.message,
    ]),
  ];
}

/**
 * The sheet a report would be written to, when it is already there: its name, and whether it
 * is a report this add-in wrote (its header row), which may be replaced after asking.
 */
export async function existingReport(
  context: ExcelContext,
  name: string = REPORT_SHEET_NAME,
): Promise<{ sheetName: string; ours: boolean } | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load('name');
  await context.sync();
  if (sheet.isNullObject) return null;
  const header = sheet.getRange(`A1:${String.fromCharCode(64 + REPORT_HEADER.length)}1`);
  header.load('values');
  await context.sync();
  const first = header.values[0] ?? [];
  return { sheetName: sheet.name, ours: first[0] === REPORT_HEADER[0] && first[4] === REPORT_HEADER[4] };
}

export async function writeReportSheet(
  context: ExcelContext,
  findings: readonly Finding[],
  /** replace: delete the sheet of that name first (a report of ours, after asking) and take its name. */
  options: { env?: AdapterEnv; name?: string; replace?: boolean } = {},
): Promise<ReportResult> {
  const env = options.env ?? defaultEnv();
  let syncs = 0;

  const worksheets = context.workbook.worksheets;
  if (options.replace) {
    worksheets.getItemOrNullObject(options.name ?? REPORT_SHEET_NAME).delete();
    syncs++;
    await context.sync();
  }
  worksheets.load('items/name');
  syncs++;
  await context.sync();
  const sheetName = uniqueSheetName(
    options.name ?? REPORT_SHEET_NAME,
    worksheets.items.map((w) => w.name),
  );

  const rows = reportRows(findings);
  const cols = REPORT_HEADER.length;
  const sheet = worksheets.add(sheetName);
  const all = sheet.getRange(rangeAddress({ top: 0, left: 0, bottom: rows.length - 1, right: cols - 1 }));
  all.values = rows.map((row) => row.map((v) => toExcelLiteral(v)));
  sheet.getRange(rangeAddress({ top: 0, left: 0, bottom: 0, right: cols - 1 })).format.font.bold = true;
  sheet
    .getRange(rangeAddress({ top: 0, left: 0, bottom: rows.length - 1, right: cols - 2 }))
    .format.autofitColumns();
  const message = sheet.getRange(
    rangeAddress({ top: 0, left: cols - 1, bottom: rows.length - 1, right: cols - 1 }),
  );
  message.format.columnWidth = MESSAGE_COLUMN_WIDTH;
  message.format.wrapText = true;
  if (supports(env, 'freezePanes')) sheet.freezePanes.freezeRows(1);
  sheet.activate();
  syncs++;
  await context.sync();
  return { sheetName, rows: findings.length, syncs };
}
