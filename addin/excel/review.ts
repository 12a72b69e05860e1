/**
 * The reviewer's desk in Excel (issue 14): every sheet of the open workbook read as a template,
 * and the 汇总 / 明细 / 问题 sheets (engine/review/sheets.ts) written into the open workbook,
 * replacing sheets of those names only when the reviewer said yes.
 */
import { rangeAddress } from '../../engine/address';
import type { Sheet } from '../../engine/grid';
import type { ReviewSheet } from '../../engine/review';
import { readSheet } from './read';
import { defaultEnv, supports, type AdapterEnv } from './requirements';
import type { ExcelContext } from './types';
import { toExcelLiteral } from './values';

/** Every worksheet of the open workbook, in order, as the engine's grid. */
export async function readAllSheets(context: ExcelContext, env: AdapterEnv = defaultEnv()): Promise<Sheet[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const names = worksheets.items.map((w) => w.name);
  const out: Sheet[] = [];
  for (const name of names) out.push((await readSheet(context, { sheet: name, env })).sheet);
  return out;
}

/** Which of these sheet names the workbook already has (compared as Excel does, ignoring case). */
export async function existingSheets(context: ExcelContext, names: readonly string[]): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const taken = new Set(worksheets.items.map((w) => w.name.toLocaleLowerCase()));
  return names.filter((n) => taken.has(n.toLocaleLowerCase()));
}

/** Excel's column width unit is points; a Chinese character is about 12 points wide in 11 pt text. */
const POINTS_PER_CHAR = 7.5;

/**
 * Writes the sheets (after the last sheet), deleting sheets of the same names first when
 * `replace`; refuses otherwise. Returns the names written.
 */
export async function writeReviewSheets(
  context: ExcelContext,
  sheets: readonly ReviewSheet[],
  options: { replace: boolean; env?: AdapterEnv },
): Promise<string[]> {
  const env = options.env ?? defaultEnv();
  const there = await existingSheets(
    context,
    sheets.map((s) => s.name),
  );
  if (there.length > 0 && !options.replace)
    throw new Error(`工作簿中已有工作表：${there.join('、')} (sheets already there: ${there.join(', ')})`);
  const worksheets = context.workbook.worksheets;
  for (const name of there) worksheets.getItemOrNullObject(name).delete();
  if (there.length > 0) await context.sync();
  for (const s of sheets) {
    const ws = worksheets.add(s.name);
    const width = Math.max(1, ...s.rows.map((r) => r.length));
    const values = s.rows.map((r) =>
      Array.from({ length: width }, (_, c) => {
        const v = r[c];
        return v === null || v === undefined ? '' : typeof v === 'number' ? v : toExcelLiteral(v);
      }),
    );
    ws.getRange(rangeAddress({ top: 0, left: 0, bottom: values.length - 1, right: width - 1 })).values =
      values;
    for (const r of [0, ...s.boldRows])
      ws.getRange(rangeAddress({ top: r, left: 0, bottom: r, right: width - 1 })).format.font.bold = true;
    s.widths.forEach((w, c) => {
      if (c < width)
        ws.getRange(
          rangeAddress({ top: 0, left: c, bottom: values.length - 1, right: c }),
        ).format.columnWidth = w * POINTS_PER_CHAR;
    });
    if (supports(env, 'freezePanes')) ws.freezePanes.freezeRows(1);
  }
  worksheets.getItem(sheets[0]!.name).activate();
  await context.sync();
  return sheets.map((s) => s.name);
}
