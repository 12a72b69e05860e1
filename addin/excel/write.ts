/**
 * Writes blocks of values (scores, totals, bands) back to a sheet: one 2D assignment per block,
 * with Excel's recalculation suspended and events off while our own writes land, and never over
 * a user's content without being told to.
 *
 * Syncs: 1 to look at the targets (and the current enableEvents); when there is nothing to ask
 * about, 1 to write and 1 to switch events back on.
 */
import { cellAddress, parseRangeAddress } from '../../engine/address';
import { defaultEnv, supports, type AdapterEnv } from './requirements';
import type { ExcelContext, Range } from './types';
import type { WriteBlock } from '../../engine/write-plan';
import { isEmptyContent, sameContent, toExcelLiteral } from './values';

export type { WriteValue } from './values';

export type { WriteBlock } from '../../engine/write-plan';

export interface WriteOptions {
  /** Write over cells that hold something else (default false: report them and write nothing). */
  overwrite?: boolean;
  env?: AdapterEnv;
  /** Cells the add-in wrote itself and that still hold what it wrote: replaced without asking. */
  ours?: ReadonlySet<string>;
}

/** What a written cell held before: formula or value ('' empty), its value, its number format. */
export interface PreviousContent {
  address: string;
  content: string | number | boolean;
  value: string | number | boolean | null;
  format: string | null;
}

export interface WriteConflict {
  /** A1 address of a target cell that already holds something different. */
  address: string;
  /** What it holds: its formula, or its value. */
  existing: string | number | boolean;
}

export type WriteResult =
  | { written: true; cells: number; syncs: number; previous: PreviousContent[] }
  | { written: false; conflicts: WriteConflict[]; syncs: number };

interface Planned {
  block: WriteBlock;
  top: number;
  left: number;
  /** What each cell should hold (formula text or value), null = untouched. */
  intended: (string | number | boolean | null)[][];
  /** The 2D array handed to Office.js. */
  payload: (string | number | boolean | null)[][];
  useFormulas: boolean;
}

export class WriteBlockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteBlockError';
  }
}

export async function writeBlocks(
  context: ExcelContext,
  sheetName: string,
  blocks: readonly WriteBlock[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const env = options.env ?? defaultEnv();
  const planned = blocks.map(plan);
  let syncs = 0;
  if (planned.length === 0) return { written: true, cells: 0, syncs, previous: [] };

  const worksheet = context.workbook.worksheets.getItem(sheetName);
  const ranges: Range[] = planned.map((p) => {
    const range = worksheet.getRange(p.block.address);
    range.load('formulas,values,numberFormat');
    return range;
  });
  // Whether events are on now, to turn them back on after the write (syncQuietly).
  if (supports(env, 'enableEvents')) context.runtime.load('enableEvents');
  syncs++;
  await context.sync();

  const conflicts: WriteConflict[] = [];
  const previous: PreviousContent[] = [];
  planned.forEach((p, i) => {
    const range = ranges[i];
    const existing = range?.formulas ?? [];
    const values = range?.values ?? [];
    const formats = range?.numberFormat ?? [];
    p.intended.forEach((row, r) =>
      row.forEach((want, c) => {
        const have = existing[r]?.[c];
        const address = cellAddress(p.top + r, p.left + c);
        const format = formats[r]?.[c];
        if (want !== null || p.block.numberFormats?.[r]?.[c] != null)
          previous.push({
            address,
            content: isEmptyContent(have) ? '' : display(have),
            value: isEmptyContent(values[r]?.[c]) ? null : display(values[r]?.[c]),
            format: typeof format === 'string' && format !== 'General' ? format : null,
          });
        if (want === null || isEmptyContent(have) || sameContent(have, want)) return;
        if (options.ours?.has(address)) return;
        conflicts.push({ address, existing: display(have) });
      }),
    );
  });
  if (conflicts.length > 0 && !options.overwrite) return { written: false, conflicts, syncs };

  let cells = 0;
  syncs += await syncQuietly(context, env, () =>
    planned.forEach((p, i) => {
      const range = ranges[i];
      if (!range) return;
      if (p.useFormulas) range.formulas = p.payload;
      else range.values = p.payload;
      if (p.block.numberFormats?.some((row) => row.some((f) => f !== null)))
        range.numberFormat = p.block.numberFormats;
      cells += p.intended.reduce((n, row) => n + row.filter((v) => v !== null).length, 0);
    }),
  );
  return { written: true, cells, syncs, previous };
}

/**
 * Sends the writes `put` queues in one sync with the workbook's events off (our writes must not
 * set off its own event handlers) and calculation suspended until that sync (where the host has
 * them), then turns events back on. `context.runtime.enableEvents` must have been loaded in an
 * earlier sync. Returns the number of syncs made.
 */
export async function syncQuietly(context: ExcelContext, env: AdapterEnv, put: () => void): Promise<number> {
  const eventsApi = supports(env, 'enableEvents');
  const eventsBefore = eventsApi ? context.runtime.enableEvents : true;
  let syncs = 0;
  try {
    if (eventsApi) context.runtime.enableEvents = false;
    if (supports(env, 'suspendCalculation'))
      context.workbook.application.suspendApiCalculationUntilNextSync();
    put();
    syncs++;
    await context.sync();
  } finally {
    if (eventsApi && eventsBefore !== false) {
      context.runtime.enableEvents = eventsBefore;
      try {
        syncs++;
        await context.sync();
      } catch {
        // Restoring must not hide the error of the write itself; a failed restore leaves events
        // off only until Excel resets the runtime (closing the task pane / workbook).
      }
    }
  }
  return syncs;
}

function plan(block: WriteBlock): Planned {
  const range = parseRangeAddress(block.address);
  if (!range) throw new WriteBlockError(`无效的区域地址 "${block.address}" (invalid range address)`);
  const rows = range.bottom - range.top + 1;
  const cols = range.right - range.left + 1;
  const shapeOk = (m: readonly (readonly unknown[])[]): boolean =>
    m.length === rows && m.every((row) => row.length === cols);
  if (!shapeOk(block.values)) {
    throw new WriteBlockError(
      `区域 ${block.address} 为 ${rows} 行 × ${cols} 列，写入的值形状不同 (values do not match the range size)`,
    );
  }
  if (block.formulas && !shapeOk(block.formulas)) {
    throw new WriteBlockError(
      `区域 ${block.address} 的公式形状与区域不同 (formulas do not match the range size)`,
    );
  }
  const intended = block.values.map((row, r) =>
    row.map((value, c) => {
      const formula = block.formulas?.[r]?.[c] ?? null;
      if (formula !== null) {
        if (!formula.startsWith('=')) {
          throw new WriteBlockError(`公式必须以 "=" 开头：${formula} (a formula must start with "=")`);
        }
        return formula;
      }
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new WriteBlockError(`不能写入非有限数值 ${value} (cannot write a non-finite number)`);
      }
      return value;
    }),
  );
  const useFormulas = block.formulas?.some((row) => row.some((f) => f !== null)) ?? false;
  const payload = intended.map((row, r) =>
    row.map((want, c) => {
      const isFormula = useFormulas && (block.formulas?.[r]?.[c] ?? null) !== null;
      return isFormula ? want : toExcelLiteral(want);
    }),
  );
  return { block, top: range.top, left: range.left, intended, payload, useFormulas };
}

function display(v: unknown): string | number | boolean {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : String(v);
}
