/**
 * Writes the findings to a new sheet "校验报告" ("校验报告 (2)", "(3)" … when taken): one row per
 * finding with 严重程度 · 代码 · 工作表 · 单元格 · 说明, bold header, sized columns. Two syncs.
 */
import type { Finding, Severity } from '../../engine/model';
import { rangeAddress } from '../../engine/address';
import { defaultEnv, supports, type AdapterEnv } from './requirements';
import type { ExcelContext } from './types';
import { toExcelLiteral } from './values';

export const REPORT_SHEET_NAME = '校验报告';
export const REPORT_HEADER = ['严重程度', '代码', '工作表', '单元格', '说明'] as const;
export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

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
    ...findings.map((f) => [SEVERITY_LABELS[f.severity], f.code, f.sheet, f.cell ?? '', f.message]),
  ];
}

export async function writeReportSheet(
  context: ExcelContext,
  findings: readonly Finding[],
  options: { env?: AdapterEnv; name?: string } = {},
): Promise<ReportResult> {
  const env = options.env ?? defaultEnv();
  let syncs = 0;

  const worksheets = context.workbook.worksheets;
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
