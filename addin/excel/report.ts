/**
 * Writes the findings to a new sheet "校验报告" ("校验报告 (2)", "(3)" … when taken, or in place of
 * the earlier report when asked to): one row per finding with 严重程度 · 问题类型 · 工作表 · 单元格 ·
 * 说明, bold header, sized columns. Two syncs (three when replacing).
 */
import type { Finding } from '../../engine/model';
import { CODE_NAMES, SEVERITY_LABELS } from '../../engine/finding-names';
import { rangeAddress } from '../../engine/address';
import { defaultEnv, supports, type AdapterEnv } from './requirements';
import { queueSheetLookup } from './sheets';
import type { ExcelContext } from './types';
import { toExcelLiteral } from './values';

export const REPORT_SHEET_NAME = '校验报告';
export const REPORT_HEADER = ['严重程度', '问题类型', '工作表', '单元格', '说明'] as const;
export { CODE_NAMES, SEVERITY_LABELS } from '../../engine/finding-names';

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
  env: AdapterEnv = defaultEnv(),
): Promise<{ sheetName: string; ours: boolean } | null> {
  const lookup = queueSheetLookup(context, [name], env);
  await context.sync();
  const sheet = lookup().get(name);
  if (!sheet) return null;
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
    const name = options.name ?? REPORT_SHEET_NAME;
    if (supports(env, 'nullObjects')) worksheets.getItemOrNullObject(name).delete();
    else {
      // Without null objects: find it in the sheet list first (one more sync).
      const lookup = queueSheetLookup(context, [name], env);
      syncs++;
      await context.sync();
      lookup().get(name)?.delete();
    }
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
  const message = sheet.getRange(
    rangeAddress({ top: 0, left: cols - 1, bottom: rows.length - 1, right: cols - 1 }),
  );
  if (supports(env, 'columnFormat')) {
    sheet
      .getRange(rangeAddress({ top: 0, left: 0, bottom: rows.length - 1, right: cols - 2 }))
      .format.autofitColumns();
    message.format.columnWidth = MESSAGE_COLUMN_WIDTH;
  }
  message.format.wrapText = true;
  if (supports(env, 'freezePanes')) sheet.freezePanes.freezeRows(1);
  sheet.activate();
  syncs++;
  await context.sync();
  return { sheetName, rows: findings.length, syncs };
}
