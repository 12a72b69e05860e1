/**
 * The host-neutral grid model: what an adapter (ExcelJS in cli/, Office.js in addin/) reads
 * from a worksheet. The engine never sees a host object, only these values.
 *
 * Coordinates are 0-based (row 0 is Excel row 1, column 0 is column A); addresses shown to
 * users are produced by `address.ts`.
 */
import { lazy, z } from './zod';

/** A cell's value as Excel shows it after calculation. */
export const CellValueSchema = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('empty') }),
    z.object({ kind: z.literal('number'), value: z.number() }),
    z.object({ kind: z.literal('text'), value: z.string() }),
    z.object({ kind: z.literal('boolean'), value: z.boolean() }),
    /** `value` is the error literal as Excel shows it: "#DIV/0!", "#REF!", "#N/A" … */
    z.object({ kind: z.literal('error'), value: z.string() }),
  ]),
);
export type CellValue = z.infer<typeof CellValueSchema>;

export const CellSchema = lazy(() =>
  z.object({
    value: CellValueSchema(),
    /** Formula text including the leading "=", when the cell holds one. */
    formula: z.string().optional(),
    /** Excel number format code, e.g. "0%" or "0.00"; absent means General. */
    numberFormat: z.string().optional(),
  }),
);
export type Cell = z.infer<typeof CellSchema>;

/** A rectangular area, 0-based and inclusive. */
export const CellRangeSchema = lazy(() =>
  z
    .object({
      top: z.number().int().nonnegative(),
      left: z.number().int().nonnegative(),
      bottom: z.number().int().nonnegative(),
      right: z.number().int().nonnegative(),
    })
    .refine((r) => r.bottom >= r.top && r.right >= r.left, { message: 'range corners out of order' }),
);
export type CellRange = z.infer<typeof CellRangeSchema>;

export const SheetSchema = lazy(() =>
  z.object({
    name: z.string(),
    /**
     * Row-major cells. A missing row or a missing cell is empty; rows may have different
     * lengths. Index [r][c] is the cell at (origin.row + r, origin.col + c).
     */
    rows: z.array(z.array(CellSchema().nullable().optional()).nullable().optional()),
    /** Merged areas in sheet coordinates. Only the top-left cell of a merge holds a value. */
    merges: z.array(CellRangeSchema()).default([]),
    /** Sheet rows (0-based) that are hidden. */
    hiddenRows: z.array(z.number().int().nonnegative()).default([]),
    /** Sheet columns (0-based) that are hidden. */
    hiddenColumns: z.array(z.number().int().nonnegative()).default([]),
    /** Where rows[0][0] sits on the sheet; (0,0) unless a selection was read. */
    origin: z
      .object({ row: z.number().int().nonnegative(), col: z.number().int().nonnegative() })
      .default({ row: 0, col: 0 }),
  }),
);
/** A worksheet as the engine sees it. Build one with `makeSheet` or parse untrusted input with `SheetSchema()`. */
export type Sheet = z.infer<typeof SheetSchema>;

export const WorkbookSchema = lazy(() => z.object({ sheets: z.array(SheetSchema()) }));
export type Workbook = z.infer<typeof WorkbookSchema>;

export const EMPTY: CellValue = Object.freeze({ kind: 'empty' }) as CellValue;

/** Convenience for adapters and tests: a Sheet with defaults filled in. */
export function makeSheet(
  name: string,
  rows: Sheet['rows'],
  extra: Partial<Omit<Sheet, 'name' | 'rows'>> = {},
): Sheet {
  return {
    name,
    rows,
    merges: extra.merges ?? [],
    hiddenRows: extra.hiddenRows ?? [],
    hiddenColumns: extra.hiddenColumns ?? [],
    origin: extra.origin ?? { row: 0, col: 0 },
  };
}

/** Turns a plain JS value into a CellValue (numbers, strings, booleans; null/undefined → empty). */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return EMPTY;
  if (typeof v === 'number')
    return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', value: '#NUM!' };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (typeof v === 'string')
    return /^#(DIV\/0!|REF!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(v)
      ? { kind: 'error', value: v }
      : { kind: 'text', value: v };
  return { kind: 'text', value: String(v) };
}

/** Builds a Sheet from a matrix of plain values; handy in tests and generators. */
export function sheetFromValues(
  name: string,
  values: readonly (readonly unknown[])[],
  extra: Partial<Omit<Sheet, 'name' | 'rows'>> = {},
): Sheet {
  return makeSheet(
    name,
    values.map((row) => row.map((v) => ({ value: toCellValue(v) }))),
    extra,
  );
}
