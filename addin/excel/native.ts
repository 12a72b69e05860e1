/**
 * 转换为通用公式: every formula of the workbook (or of the selection) that calls a PERF function
 * becomes its native formula (engine/native convertFormula: ordinary functions that Excel 2010+,
 * WPS and LibreOffice calculate without the add-in). The rule text, options and band scheme a call
 * reads are taken from the cells it names, on any sheet. A formula that cannot be converted stays
 * as it is and is listed with the reason.
 *
 * Syncs: 1 for the sheet names (or the selection), 1 for the used range of every sheet in scope
 * (formulas and values; events' state), 1 more only when the selection's formulas read other
 * sheets, and, when something converts, 1 to write (events off, calculation suspended where the
 * API has it) and 1 to switch events back on.
 */
import { cellAddress, parseRangeAddress } from '../../engine/address';
import { convertFormula, MAX_FORMULA_LENGTH, type PerfScalar } from '../../engine/native';
import { defaultEnv, supports, type AdapterEnv } from './requirements';
import type { ExcelContext } from './types';
import { syncQuietly } from './write';

export type NativeScope = 'workbook' | 'selection';

export interface NativeConverted {
  sheet: string;
  cell: string;
  /** The formula as it was, and the native formula written in its place (with "="). */
  from: string;
  to: string;
}

export interface NativeUnconverted {
  sheet: string;
  cell: string;
  formula: string;
  reason: string;
}

export interface NativeConversion {
  converted: NativeConverted[];
  unconverted: NativeUnconverted[];
  syncs: number;
}

/** A PERF call in any spelling a workbook holds (PERF.x, _xldudf_PERF_x, _xludf.PERF.x). */
const PERF_CALL = /(?:^|[^\w.])(?:_xldudf_|_xludf\.|_xll\.)?PERF[._]/i;

/** "'考核 表'!B3:C4" → the sheet and the range; no sheet → null. */
function splitRef(ref: string): { sheet: string | null; range: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
  if (!m) return { sheet: null, range: ref };
  return { sheet: (m[1] ?? m[2] ?? '').replace(/''/g, "'"), range: m[3]! };
}

interface SheetCells {
  name: string;
  top: number;
  left: number;
  formulas: unknown[][];
  values: unknown[][];
}

const scalar = (v: unknown): PerfScalar =>
  typeof v === 'number' || typeof v === 'boolean' ? v : typeof v === 'string' && v !== '' ? v : null;

/** The sheets named in the PERF formulas' references ("'规则 表'!B3"), other than `here`. */
function sheetsNamed(formulas: readonly string[], here: string): string[] {
  const out = new Set<string>();
  for (const f of formulas)
    for (const m of f.matchAll(/(?:'((?:[^']|'')+)'|([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*))!/g)) {
      const name = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
      if (name !== here) out.add(name);
    }
  return [...out];
}

export async function convertToNative(
  context: ExcelContext,
  scope: NativeScope,
  env: AdapterEnv = defaultEnv(),
): Promise<NativeConversion> {
  let syncs = 0;
  const worksheets = context.workbook.worksheets;
  // The sheets to convert: all of them, or the selection's.
  const selected = scope === 'selection' ? context.workbook.getSelectedRange() : null;
  if (selected) selected.load('address');
  else worksheets.load('items/name');
  syncs++;
  await context.sync();
  const selection = selected ? splitRef(selected.address) : null;
  const names = selection ? [selection.sheet ?? ''] : worksheets.items.map((ws) => ws.name);

  // Whether events are on now, to turn them back on after the write (syncQuietly).
  if (supports(env, 'enableEvents')) context.runtime.load('enableEvents');
  const cells: SheetCells[] = [];
  const read = async (list: readonly string[]): Promise<void> => {
    const ranges = list.map((name) => {
      const range = worksheets.getItem(name).getUsedRange();
      range.load('address,formulas,values');
      return { name, range };
    });
    syncs++;
    await context.sync();
    for (const { name, range } of ranges) {
      const r = parseRangeAddress(splitRef(range.address).range);
      cells.push({
        name,
        top: r?.top ?? 0,
        left: r?.left ?? 0,
        formulas: range.formulas,
        values: range.values,
      });
    }
  };
  const selectedRange = selection ? parseRangeAddress(selection.range) : null;
  const inScope = (sheet: string, row: number, col: number): boolean =>
    !selection ||
    (selection.sheet === sheet &&
      selectedRange !== null &&
      row >= selectedRange.top &&
      row <= selectedRange.bottom &&
      col >= selectedRange.left &&
      col <= selectedRange.right);
  await read(names);
  const perf = cells.flatMap((c) =>
    c.formulas.flatMap((line, i) =>
      line.filter(
        (f, j): f is string =>
          typeof f === 'string' && PERF_CALL.test(f) && inScope(c.name, c.top + i, c.left + j),
      ),
    ),
  );
  // Rules, options or band schemes on other sheets (the selection's formulas): those sheets too.
  if (selection) {
    const others = sheetsNamed(perf, selection.sheet ?? '');
    // A name that is no sheet of the workbook fails that sync: its references stay unknown.
    if (others.length > 0) await read(others).catch(() => undefined);
  }

  const converted: NativeConverted[] = [];
  const unconverted: NativeUnconverted[] = [];
  for (const s of cells.filter((c) => names.includes(c.name))) {
    const valueOf = (ref: string): PerfScalar | PerfScalar[][] | undefined => {
      const { sheet, range } = splitRef(ref);
      const from = sheet === null ? s : cells.find((x) => x.name === sheet);
      const r = parseRangeAddress(range);
      if (!from || !r) return undefined;
      const at = (row: number, col: number): PerfScalar =>
        scalar(from.values[row - from.top]?.[col - from.left]);
      if (r.top === r.bottom && r.left === r.right) return at(r.top, r.left);
      const out: PerfScalar[][] = [];
      for (let row = r.top; row <= r.bottom && out.length < 10000; row++) {
        const line: PerfScalar[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(at(row, col));
        out.push(line);
      }
      return out;
    };
    s.formulas.forEach((line, i) =>
      line.forEach((f, j) => {
        if (typeof f !== 'string' || !f.startsWith('=') || !PERF_CALL.test(f)) return;
        const row = s.top + i;
        const col = s.left + j;
        if (!inScope(s.name, row, col)) return;
        const cell = cellAddress(row, col);
        const r = convertFormula(f, valueOf);
        if (!r.ok) unconverted.push({ sheet: s.name, cell, formula: f, reason: r.reasons.join('；') });
        else if (r.converted === 0)
          unconverted.push({ sheet: s.name, cell, formula: f, reason: '公式中 PERF 函数的写法无法识别' });
        else if (r.formula.length > MAX_FORMULA_LENGTH)
          unconverted.push({
            sheet: s.name,
            cell,
            formula: f,
            reason: `转换后的公式过长（${r.formula.length} 个字符，Excel 上限 ${MAX_FORMULA_LENGTH}）`,
          });
        else converted.push({ sheet: s.name, cell, from: f, to: r.formula });
      }),
    );
  }
  if (converted.length === 0) return { converted, unconverted, syncs };

  syncs += await syncQuietly(context, env, () => {
    for (const c of converted)
      context.workbook.worksheets.getItem(c.sheet).getRange(c.cell).formulas = [[c.to]];
  });
  return { converted, unconverted, syncs };
}
