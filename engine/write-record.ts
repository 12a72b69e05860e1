/**
 * What the pane wrote into a workbook, remembered in the workbook's settings, so that writing
 * again replaces exactly its own cells (the scores, the 合计 cell, the summary block) and
 * 撤销上次写入 puts back exactly what was there before: value or formula, and number format.
 *
 * A cell counts as ours only while it still holds what we wrote: once the clerk types over it,
 * it is the clerk's, and neither a new write nor an undo touches it without asking.
 *
 * Pure: the pane reads and saves the log through the adapter's workbook settings.
 */
import { parseCellAddress } from './address';
import type { Cell, CellValue, Sheet } from './grid';
import type { ScoringSettings } from './rules/settings';
import { lazy, z } from './zod';
import type { PlannedCell, ScorePlan, WriteBlock, WriteMode } from './write-plan';
import { toBlocks } from './write-plan';

/** Key of the write log in the workbook settings. */
export const WRITE_LOG_KEY = 'perf-addin.writes';

const ContentSchema = lazy(() => z.union([z.string(), z.number(), z.boolean()]));

const WrittenCellSchema = lazy(() =>
  z.object({
    address: z.string(),
    /** What we wrote: a formula ("=SUM(…)") or a value. */
    wrote: ContentSchema(),
    /** What the cell held before: its formula, else its value ('' for empty), and its number format. */
    before: ContentSchema(),
    beforeValue: z.union([z.string(), z.number(), z.boolean(), z.null()]).default(null),
    format: z.string().nullable().default(null),
  }),
);
export type WrittenCell = z.infer<typeof WrittenCellSchema>;

const TableWriteSchema = lazy(() =>
  z.object({
    sheet: z.string(),
    /** Excel row of the table's (first) header row: the table's identity on its sheet. */
    headerRow: z.number().int().positive(),
    range: z.string(),
    mode: z.enum(['values', 'formulas', 'native']),
    /** The scoring settings the write used, as JSON (compared to tell a stale write). */
    settings: z.string(),
    /** ISO time of the write. */
    at: z.string(),
    cells: z.array(WrittenCellSchema()),
  }),
);
export type TableWrite = z.infer<typeof TableWriteSchema>;

const WriteLogSchema = lazy(() => z.object({ version: z.literal(1), tables: z.array(TableWriteSchema()) }));
export type WriteLog = z.infer<typeof WriteLogSchema>;

export const EMPTY_LOG: WriteLog = Object.freeze({ version: 1, tables: [] }) as WriteLog;

/** The log saved in the workbook; a damaged one is reported, never silently dropped. */
export function parseWriteLog(text: string | null): { log: WriteLog; problem: string | null } {
  if (text === null || text === '') return { log: EMPTY_LOG, problem: null };
  try {
    const r = WriteLogSchema().safeParse(JSON.parse(text));
    if (r.success) return { log: r.data, problem: null };
  } catch {
    // fall through: the same message for bad JSON and a bad shape
  }
  return {
    log: EMPTY_LOG,
    problem: '工作簿中保存的写入记录已损坏，无法撤销此前的写入；再次写入前请检查表旁的单元格',
  };
}

/** The entry of one table (by sheet and header row), if it was written. */
export function entryFor(log: WriteLog, sheet: string, headerRow: number): TableWrite | null {
  return log.tables.find((t) => t.sheet === sheet && t.headerRow === headerRow) ?? null;
}

/** The log with one table's entry replaced (or removed, with null). */
export function withEntry(
  log: WriteLog,
  sheet: string,
  headerRow: number,
  entry: TableWrite | null,
): WriteLog {
  const rest = log.tables.filter((t) => !(t.sheet === sheet && t.headerRow === headerRow));
  return { version: 1, tables: entry ? [...rest, entry] : rest };
}

/** What a grid cell holds, as a write would compare it: its formula, else its value, '' when empty. */
export function contentOf(cell: Cell | null | undefined): string | number | boolean {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  const v = cell.value;
  return v.kind === 'empty' ? '' : v.value;
}

function cellAt(sheet: Sheet, address: string): Cell | null {
  const at = parseCellAddress(address);
  if (!at) return null;
  return sheet.rows[at.row - sheet.origin.row]?.[at.col - sheet.origin.col] ?? null;
}

/** Our cells of the sheet: those of every entry for it that still hold what we wrote. */
export function ourCells(sheet: Sheet, log: WriteLog): Map<string, WrittenCell> {
  const out = new Map<string, WrittenCell>();
  for (const t of log.tables)
    if (t.sheet === sheet.name)
      for (const c of t.cells) if (contentOf(cellAt(sheet, c.address)) === c.wrote) out.set(c.address, c);
  return out;
}

function valueOf(v: string | number | boolean | null): CellValue {
  if (v === null || v === '') return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return /^#(DIV\/0!|REF!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(v)
    ? { kind: 'error', value: v }
    : { kind: 'text', value: v };
}

/**
 * The sheet as the clerk made it: each of our cells back to what it held before we wrote. The
 * pane recognises and scores this, so what it wrote is never read back as the clerk's own score,
 * nor the summary block as part of the sheet.
 */
export function withoutOurCells(sheet: Sheet, ours: ReadonlyMap<string, WrittenCell>): Sheet {
  if (ours.size === 0) return sheet;
  const rows = sheet.rows.map((r) => (r ? [...r] : r));
  for (const c of ours.values()) {
    const at = parseCellAddress(c.address);
    if (!at) continue;
    const r = at.row - sheet.origin.row;
    const col = at.col - sheet.origin.col;
    if (r < 0 || col < 0 || r >= rows.length) continue;
    const row = rows[r] ?? [];
    rows[r] = row;
    const before = typeof c.before === 'string' && c.before.startsWith('=') ? c.beforeValue : c.before;
    const cell: Cell = { value: valueOf(before) };
    if (typeof c.before === 'string' && c.before.startsWith('=')) cell.formula = c.before;
    if (c.format) cell.numberFormat = c.format;
    row[col] = cell.value.kind === 'empty' && !cell.formula && !cell.numberFormat ? null : cell;
  }
  return { ...sheet, rows };
}

/** Blocks that put our cells back as they were (undo, or cells a new write no longer needs). */
export function restoreBlocks(cells: readonly WrittenCell[]): WriteBlock[] {
  const planned: PlannedCell[] = cells.map((c) => {
    const formula = typeof c.before === 'string' && c.before.startsWith('=') ? c.before : null;
    return {
      address: c.address,
      kind: 'item',
      value: formula ? null : c.before,
      formula,
      numberFormat: c.format ?? 'General',
    };
  });
  return toBlocks(planned);
}

/** What a planned cell will hold once written: its formula, else its value. */
export function plannedContent(c: PlannedCell): string | number | boolean {
  return c.formula ?? c.value ?? '';
}

export type StaleReason = 'mode' | 'settings' | 'inputs';

/**
 * Whether the written results still say what a write now would: null when they do; else the
 * first reason that differs (write mode, scoring settings, or the table's inputs), for the pane to
 * say and offer a refresh. Cells the clerk has typed over are theirs and do not count.
 */
export function staleness(
  entry: TableWrite,
  plan: ScorePlan,
  mode: WriteMode,
  settings: ScoringSettings,
  ours: ReadonlyMap<string, WrittenCell>,
): StaleReason | null {
  if (entry.mode !== mode) return 'mode';
  if (entry.settings !== JSON.stringify(settings)) return 'settings';
  const wrote = new Map(entry.cells.filter((c) => ours.has(c.address)).map((c) => [c.address, c.wrote]));
  const now = new Map(plan.cells.map((c) => [c.address, plannedContent(c)]));
  if (wrote.size !== now.size) return 'inputs';
  for (const [address, content] of now) if (wrote.get(address) !== content) return 'inputs';
  return null;
}

/** "D4:D9、F5:H7": the written cells, contiguous runs per column joined. */
export function cellList(cells: readonly Pick<WrittenCell, 'address'>[]): string[] {
  return toBlocks(cells.map((c) => ({ address: c.address, kind: 'item', value: 0, formula: null }))).map(
    (b) => b.address,
  );
}
