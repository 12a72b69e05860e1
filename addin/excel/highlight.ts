/**
 * Highlights the cells of findings with our own fill and takes the highlight away again,
 * restoring each cell's fill exactly as it was.
 *
 * Where the originals are kept: in the workbook's add-in settings (`workbook.settings`, ExcelApi
 * 1.4, or the document settings before it: settings.ts), as one JSON value. They are saved with the workbook, so "clear highlights" still works
 * after the file was closed and reopened or sent to a colleague who has the add-in; they are
 * private to this add-in and invisible in the grid. A hidden sheet would show up in the sheet
 * list of "Unhide", in every other tool that reads the file (our own CLI would analyse it) and
 * in formulas such as SHEETS(); custom XML parts (ExcelApi 1.5) would do too, at the cost of
 * writing and parsing XML for a few hundred entries.
 *
 * Entries are keyed by worksheet id (stable across renames) and cell address. Clearing restores
 * only cells that still carry our colour: a cell the user has refilled since keeps the user's fill,
 * and cells we never painted are never touched.
 */
import { cellAddress, parseRangeAddress } from '../../engine/address';
import { defaultEnv, supports, type AdapterEnv } from './requirements';
import { settingSlot } from './settings';
import { queueSheetLookup } from './sheets';
import type { ExcelContext, RangeFill, Worksheet } from './types';

/** Key of our entry in the workbook settings. */
export const HIGHLIGHT_SETTING_KEY = 'perf-addin.highlights';
/** Our highlight colour (warnings): a light amber that Excel's built-in styles do not use. */
export const HIGHLIGHT_COLOR = '#FFD98C';
/** Errors: a light red, told apart from the warnings' amber (not Excel's 差/Bad #FFC7CE either). */
export const ERROR_HIGHLIGHT_COLOR = '#F4B0B0';

/** A fill as we save it. Pattern fields are absent when this Excel cannot report them (before 1.9). */
export interface SavedFill {
  color: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface HighlightEntry {
  sheetId: string;
  /** Sheet name when painted, for messages only. */
  sheetName: string;
  /** Single-cell A1 address. */
  address: string;
  /** The colour we painted. */
  color: string;
  /** The user's fill before we painted. */
  original: SavedFill;
}

export interface HighlightMemory {
  version: 1;
  entries: HighlightEntry[];
}

export interface CellRef {
  sheet: string;
  /** A1 address of a cell, or of a range whose every cell is highlighted. */
  address: string;
  /** This cell's colour (errors and warnings differ); else the call's colour. A cell named twice keeps the first. */
  color?: string;
}

export interface HighlightOptions {
  color?: string;
  env?: AdapterEnv;
}

/**
 * What could not be read of the saved record (someone or some tool changed the setting): 'all' when
 * the record itself is unreadable, else the number of entries dropped. Absent when it read whole.
 */
export type RecordDamage = 'all' | number;

export interface HighlightResult {
  /** Cells painted now (cells already highlighted by us are repainted, not counted twice in the memory). */
  painted: number;
  /** The earlier record was damaged: the cells it named lost their way back to their fills. */
  damaged?: RecordDamage;
  /** Cells that could not be highlighted: unknown sheet or address. */
  skipped: CellRef[];
  syncs: number;
}

export interface ClearResult {
  /** Cells whose original fill was put back. */
  restored: number;
  /** Cells we had painted but the user has refilled since: left as the user made them. */
  keptUserFill: CellRef[];
  /** The record was damaged: cells it no longer names keep our colour, and the pane says so. */
  damaged?: RecordDamage;
  syncs: number;
}

/** Max cells per highlight call: each is a proxy object in one request. */
export const MAX_HIGHLIGHT_CELLS = 10_000;

export async function highlightCells(
  context: ExcelContext,
  cells: readonly CellRef[],
  options: HighlightOptions = {},
): Promise<HighlightResult> {
  const env = options.env ?? defaultEnv();
  const defaultColor = normaliseColor(options.color ?? HIGHLIGHT_COLOR);
  const fillProperties = fillPropertiesFor(env);
  let syncs = 0;

  const skipped: CellRef[] = [];
  const wanted = new Map<string, { sheet: string; address: string; color: string }>();
  for (const ref of cells) {
    const addresses = expand(ref.address);
    if (addresses === null) skipped.push(ref);
    else
      for (const address of addresses) {
        const key = `${ref.sheet}\u0000${address}`;
        if (!wanted.has(key))
          wanted.set(key, {
            sheet: ref.sheet,
            address,
            color: ref.color ? normaliseColor(ref.color) : defaultColor,
          });
      }
  }
  if (wanted.size > MAX_HIGHLIGHT_CELLS) {
    throw new RangeError(
      `一次最多标记 ${MAX_HIGHLIGHT_CELLS} 个单元格 (at most ${MAX_HIGHLIGHT_CELLS} cells at once)`,
    );
  }

  // Request 1: our memory and the sheets.
  const setting = settingSlot(context, HIGHLIGHT_SETTING_KEY, env);
  const lookup = queueSheetLookup(
    context,
    [...wanted.values()].map((w) => w.sheet),
    env,
  );
  syncs++;
  await context.sync();
  const saved = setting.value();
  const { memory, damaged } = saved === null ? { memory: emptyMemory() } : readMemory(saved);
  const sheets = lookup();

  // Request 2: the current fills of the cells to paint.
  const targets: { ref: CellRef & { color: string }; ws: Worksheet; fill: RangeFill }[] = [];
  for (const ref of wanted.values()) {
    const ws = sheets.get(ref.sheet);
    if (!ws) {
      skipped.push(ref);
      continue;
    }
    const fill = ws.getRange(ref.address).format.fill;
    fill.load(fillProperties);
    targets.push({ ref, ws, fill });
  }
  if (targets.length === 0) return { painted: 0, skipped, ...(damaged ? { damaged } : {}), syncs };
  syncs++;
  await context.sync();

  // Request 3: paint, and remember what was there.
  const index = new Map(memory.entries.map((e) => [entryKey(e.sheetId, e.address), e]));
  for (const { ref, ws, fill } of targets) {
    const color = ref.color;
    const current = readFill(fill, fillProperties);
    const key = entryKey(ws.id, ref.address);
    const known = index.get(key);
    if (!known) {
      const entry: HighlightEntry = {
        sheetId: ws.id,
        sheetName: ws.name,
        address: ref.address,
        color,
        original: current,
      };
      memory.entries.push(entry);
      index.set(key, entry);
    } else {
      // A cell we had painted and the user refilled since: that fill is now the one to come back.
      if (!isOurs(current, known.color)) known.original = current;
      known.color = color;
    }
    fill.color = color;
  }
  setting.write(JSON.stringify(memory));
  syncs++;
  await context.sync();
  await setting.flush();
  return { painted: targets.length, skipped, ...(damaged ? { damaged } : {}), syncs };
}

export async function clearHighlights(
  context: ExcelContext,
  options: { env?: AdapterEnv } = {},
): Promise<ClearResult> {
  const env = options.env ?? defaultEnv();
  const fillProperties = fillPropertiesFor(env);
  let syncs = 0;

  // Request 1: our memory and the worksheets it names.
  const setting = settingSlot(context, HIGHLIGHT_SETTING_KEY, env);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id,items/name');
  syncs++;
  await context.sync();
  const saved = setting.value();
  if (saved === null) return { restored: 0, keptUserFill: [], syncs };
  const { memory, damaged } = readMemory(saved);
  const byId = new Map(worksheets.items.map((ws) => [ws.id, ws]));

  // Request 2: what the painted cells look like now. Cells on deleted sheets are gone with them.
  const targets: { entry: HighlightEntry; ws: Worksheet; fill: RangeFill }[] = [];
  for (const entry of memory.entries) {
    const ws = byId.get(entry.sheetId);
    if (!ws) continue;
    const fill = ws.getRange(entry.address).format.fill;
    fill.load(fillProperties);
    targets.push({ entry, ws, fill });
  }
  if (targets.length > 0) {
    syncs++;
    await context.sync();
  }

  // Request 3: put the originals back where our colour is still on, and forget everything.
  let restored = 0;
  const keptUserFill: CellRef[] = [];
  for (const { entry, ws, fill } of targets) {
    if (!isOurs(readFill(fill, fillProperties), entry.color)) {
      keptUserFill.push({ sheet: ws.name, address: entry.address });
      continue;
    }
    restoreFill(fill, entry.original, supports(env, 'fillPattern'));
    restored++;
  }
  setting.write(null);
  syncs++;
  await context.sync();
  await setting.flush();
  return { restored, keptUserFill, ...(damaged ? { damaged } : {}), syncs };
}

/** Reads the memory saved in the workbook; anything unreadable counts as no memory. */
export function parseMemory(value: unknown): HighlightMemory {
  return readMemory(value).memory;
}

/** The memory saved in the workbook, and what of it could not be read (said to the clerk). */
export function readMemory(value: unknown): { memory: HighlightMemory; damaged?: RecordDamage } {
  let data: unknown = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      return { memory: emptyMemory(), damaged: 'all' };
    }
  }
  if (typeof data !== 'object' || data === null) return { memory: emptyMemory(), damaged: 'all' };
  const entries = (data as { entries?: unknown }).entries;
  if ((data as { version?: unknown }).version !== 1 || !Array.isArray(entries))
    return { memory: emptyMemory(), damaged: 'all' };
  const kept = entries.filter(isEntry);
  const dropped = entries.length - kept.length;
  return { memory: { version: 1, entries: kept }, ...(dropped > 0 ? { damaged: dropped } : {}) };
}

function isEntry(e: unknown): e is HighlightEntry {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Record<string, unknown>;
  const original = x.original as Record<string, unknown> | undefined;
  return (
    typeof x.sheetId === 'string' &&
    typeof x.sheetName === 'string' &&
    typeof x.address === 'string' &&
    typeof x.color === 'string' &&
    typeof original === 'object' &&
    original !== null &&
    typeof original.color === 'string'
  );
}

function emptyMemory(): HighlightMemory {
  return { version: 1, entries: [] };
}

function entryKey(sheetId: string, address: string): string {
  return `${sheetId}\u0000${address}`;
}

function fillPropertiesFor(env: AdapterEnv): string {
  return supports(env, 'fillPattern')
    ? 'color,pattern,patternColor,tintAndShade,patternTintAndShade'
    : 'color';
}

function readFill(fill: RangeFill, properties: string): SavedFill {
  const saved: SavedFill = { color: normaliseColor(fill.color) };
  if (properties !== 'color') {
    saved.pattern = fill.pattern;
    saved.patternColor = fill.patternColor;
    saved.tintAndShade = fill.tintAndShade;
    saved.patternTintAndShade = fill.patternTintAndShade;
  }
  return saved;
}

/** Our fill is still on when the colour is ours (and, where known, it is a plain solid fill). */
function isOurs(fill: SavedFill, color: string): boolean {
  return (
    normaliseColor(fill.color) === normaliseColor(color) &&
    (fill.pattern === undefined || fill.pattern === 'Solid')
  );
}

function restoreFill(fill: RangeFill, original: SavedFill, patternApi: boolean): void {
  // No fill reads as pattern "None" (1.9+); before 1.9 it reads as white, the usual meaning of "#FFFFFF".
  const noFill =
    original.pattern !== undefined
      ? original.pattern === 'None'
      : normaliseColor(original.color) === '#FFFFFF';
  if (noFill) {
    fill.clear();
    return;
  }
  fill.color = original.color;
  if (patternApi && original.pattern !== undefined) {
    fill.pattern = original.pattern;
    if (original.patternColor !== undefined && original.patternColor !== null)
      fill.patternColor = original.patternColor;
    if (typeof original.tintAndShade === 'number') fill.tintAndShade = original.tintAndShade;
    if (typeof original.patternTintAndShade === 'number')
      fill.patternTintAndShade = original.patternTintAndShade;
  }
}

function normaliseColor(color: unknown): string {
  return typeof color === 'string' ? color.trim().toUpperCase() : '';
}

/** "C5" → ["C5"]; "C5:D6" → its cells; null when not an address. */
function expand(address: string): string[] | null {
  const range = parseRangeAddress(address.replace(/\$/g, ''));
  if (!range) return null;
  const out: string[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) out.push(cellAddress(r, c));
  }
  return out.length > MAX_HIGHLIGHT_CELLS ? null : out;
}
