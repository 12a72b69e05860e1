/**
 * What is written back when scores are written (the pane's 写入评分, `perf-check score --out`),
 * decided before anything is written: the item scores in the 得分 column
 * (an existing one, or a new one right of the table), the total in the 合计 row, and a summary
 * block beside the table with the group totals, the table total and the band. As values, or as
 * live formulas (the score function's, `=SUM(…)`, the band function's: engine/functions/) that
 * Excel keeps up to date.
 *
 * Pure: the pane shows the plan and the adapter writes its blocks, asking before overwriting;
 * the CLI writes the same cells into its copy.
 */
import { cellAddress, columnIndex, columnLetter, parseCellAddress, parseRangeAddress } from './address';
import { bandFunction, formulaCall, scoreFunction } from './functions/index';
import { dec, type Dec } from './rules/decimal';
import { compliance, readItemRule } from './rules/item-rule';
import type { Sheet } from './grid';
import type { ScoredTable } from './index';
import type { Group, Item, ItemScore } from './model';
import { convertFormula } from './native/convert';
import { compileTotal } from './native/totals';
import { planBand } from './write-band';
import { DEFAULT_SETTINGS, OPTION_NAMES_ZH, OPTION_VALUES_ZH, type ScoringSettings } from './rules/settings';
import { SheetView } from './sheet-view';

/** A value to write: text is written as text even when it looks like a number; null leaves the cell. */
export type WriteValue = string | number | boolean | null;

/** A rectangle of cells to write at once (the Office.js adapter's unit of writing). */
export interface WriteBlock {
  /** A1 range on the target sheet, without sheet name, e.g. "H5:H20". Its size must match `values`. */
  address: string;
  /** Row-major values; null leaves the cell as it is. */
  values: WriteValue[][];
  /**
   * Optional formulas of the same shape ("=SUM(H5:H19)"); where a formula is given it is
   * written instead of the value, elsewhere (null) the value is.
   */
  formulas?: (string | null)[][];
  /** Optional number formats of the same shape; null leaves a cell's format as it is. */
  numberFormats?: (string | null)[][];
}

/**
 * values; formulas: PERF functions and SUM/MAX (need the add-in); native: the same formulas with
 * every PERF call compiled to ordinary functions (engine/native: Excel 2010+, WPS, LibreOffice).
 */
export type WriteMode = 'values' | 'formulas' | 'native';

export type PlannedKind = 'header' | 'item' | 'total' | 'summary' | 'group' | 'band';

/** One cell the plan writes. */
export interface PlannedCell {
  address: string;
  kind: PlannedKind;
  value: WriteValue;
  /** The formula written instead of the value (formulas mode), else null. */
  formula: string | null;
  /** A number format to set with it (only when putting a cell back as it was). */
  numberFormat?: string;
}

export interface ScorePlan {
  /** Why nothing is written: a table without points, or no item with a score yet; else null. */
  nothing: 'noPoints' | 'noScores' | null;
  /** Column of the item scores, and whether the plan creates it (header "得分"). */
  scoreColumn: string;
  createsScoreColumn: boolean;
  cells: PlannedCell[];
  /** Blocks for the adapter's `writeBlocks`, one per contiguous run of cells in a column. */
  blocks: WriteBlock[];
  /** Items left for a score typed by hand (or waiting for an actual value). */
  pending: { row: number; name: string; cell: string }[];
  /** Top-left cell of the summary block (group totals, total, band); null when none is written. */
  summaryAt: string | null;
  /** native mode: cells written as values because their formula has no native form, with the reason. */
  notNative?: { cell: string; reason: string }[];
}

export const SCORE_HEADER = '得分';
// Words no header matches, so the block is never read as a table of its own.
export const SUMMARY_TITLE = '汇总（绩效考核助手写入）';
const SUMMARY_LABELS = {
  points: '应得',
  score: '实得',
  total: '总分',
  band: '等次',
} as const;

/**
 * The option text of the score function (engine/functions/score.ts) that makes a formula score exactly as the engine did with these
 * settings ("decimals=2;partial=floor"). Settings at their defaults are left out, but for the
 * decimals: the function does not round unless told.
 */
export function optionText(settings: ScoringSettings, lang: 'zh' | 'en' = 'en'): string {
  // A Chinese workbook gets Chinese option names and words (小数位数=2;不足一档=向下取整).
  const zh = lang === 'zh';
  const name = (key: keyof ScoringSettings, en: string) => (zh ? (OPTION_NAMES_ZH[key] ?? en) : en);
  const word = (v: string) => (zh ? (OPTION_VALUES_ZH[v] ?? v) : v);
  const parts = [`${name('decimals', 'decimals')}=${settings.decimals}`];
  if (settings.partial !== DEFAULT_SETTINGS.partial)
    parts.push(`${name('partial', 'partial')}=${word(settings.partial)}`);
  if (settings.ratioCap !== DEFAULT_SETTINGS.ratioCap)
    parts.push(`${name('ratioCap', 'cap')}=${settings.ratioCap}`);
  if (settings.thresholds !== DEFAULT_SETTINGS.thresholds)
    parts.push(`${name('thresholds', 'thresholds')}=${word(settings.thresholds)}`);
  return parts.join(';');
}

/** A string literal in a formula: quotes doubled. */
function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** "H6,H7,H8,H10" → "H6:H8,H10": SUM arguments for the score cells of some rows. */
export function sumArguments(column: string, rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    const a = sorted[i] as number;
    const b = sorted[j] as number;
    parts.push(a === b ? `${column}${a}` : `${column}${a}:${column}${b}`);
    i = j + 1;
  }
  return parts.join(',');
}

function inGroup(item: Item, group: Group): boolean {
  return group.path.length <= item.path.length && group.path.every((p, i) => item.path[i] === p);
}

/**
 * The first column right of the table that is empty on the header row, every item row and the
 * totals row: where a new column (得分, 完成情况) goes without covering anything.
 */
export function freeColumnRight(
  table: ScoredTable | Omit<ScoredTable, 'score'>,
  sheet: Sheet | SheetView,
): number {
  const range = parseRangeAddress(table.range);
  if (!range) throw new Error(`bad table range ${table.range}`);
  const view = sheet instanceof SheetView ? sheet : new SheetView(sheet);
  const rows = [
    range.top,
    ...table.items.map((i) => i.row - 1),
    ...(table.totalsRow ? [table.totalsRow - 1] : []),
  ];
  let col = range.right + 1;
  while (rows.some((r) => !view.isEmpty(r, col))) col++;
  return col;
}

/** The block that adds a column header (得分, 完成情况) right of the table. */
export function planNewColumn(
  table: Omit<ScoredTable, 'score'>,
  sheet: Sheet,
  header: string,
): { column: string; block: WriteBlock } {
  const col = freeColumnRight(table, sheet);
  const address = cellAddress(table.headerRow - 1, col);
  return { column: columnLetter(col), block: { address, values: [[header]] } };
}

/** Builds the plan for one scored table. */
export function planScores(
  table: ScoredTable,
  sheet: Sheet,
  mode: WriteMode,
  settings: ScoringSettings = DEFAULT_SETTINGS,
  /** The other tables of the sheet, which the summary block must not sit beside. */
  otherTables: readonly Pick<ScoredTable, 'range'>[] = [],
  /** `summary: false` leaves out the block beside the table (the CLI's --out writes none). */
  /** `lang: 'zh'` writes the options of formulas with their Chinese names (the pane in Chinese). */
  options: { summary?: boolean; lang?: 'zh' | 'en' } = {},
): ScorePlan {
  const range = parseRangeAddress(table.range);
  if (!range) throw new Error(`bad table range ${table.range}`);
  const view = new SheetView(sheet);
  const cells: PlannedCell[] = [];
  const formulas = mode !== 'values';
  const optionsText = optionText(settings, options.lang ?? 'en');

  const createsScoreColumn = table.columns.score === undefined;
  const scoreCol = createsScoreColumn ? freeColumnRight(table, view) : columnIndex(table.columns.score!);
  const scoreLetter = columnLetter(scoreCol);
  if (createsScoreColumn)
    cells.push({
      address: cellAddress(table.headerRow - 1, scoreCol),
      kind: 'header',
      value: SCORE_HEADER,
      formula: null,
    });

  /** Top-left cell of the merge covering (row, col): where the text of a merged cell lives. */
  const shownAt = (row0: number, col: number): string => {
    const m = view.mergeAt(row0, col);
    return m ? cellAddress(m.top, m.left) : cellAddress(row0, col);
  };
  const colOf = (role: keyof ScoredTable['columns']): number | null => {
    const letter = table.columns[role];
    return letter === undefined ? null : columnIndex(letter);
  };
  const actualCol = colOf('actual');
  const pointsCol = colOf('points');
  const deductionCol = colOf('deduction');

  const byRow = new Map<number, ItemScore>(table.score.items.map((s) => [s.row, s]));
  const pending: ScorePlan['pending'] = [];
  const scoredAsWhole = (item: Item): boolean =>
    item.points === null && table.groups.some((g) => g.scoredAsWhole && inGroup(item, g));
  const itemScore = new Map<number, Dec | null>();
  /** Rows whose score cell gets the item's live rule formula (the band's veto tests read it). */
  const ruleFormulaAt = new Map<number, string>();
  let bandRefused: { cell: string; reason: string } | null = null;

  for (const item of table.items) {
    const s = byRow.get(item.row);
    const row0 = item.row - 1;
    const address = cellAddress(row0, scoreCol);
    const score = s?.score ?? null;
    itemScore.set(item.row, score === null ? null : dec(score));
    if (s?.source === 'entered') continue; // the clerk's own score stays as typed
    // A rule the engine read gets a live formula, even while its actual value is still blank.
    const liveRule =
      formulas &&
      s !== undefined &&
      (s.source === 'rule' || (s.source === 'none' && !s.manual)) &&
      s.ruleKind !== null &&
      !item.deductionOnly &&
      actualCol !== null &&
      item.points !== null;
    let formula: string | null = null;
    const itemRule = liveRule ? readItemRule(item.method, item.target) : null;
    // A method read against a ceiling target ("≤3名") says what the score function's number cannot: value only.
    const ceilingOnly =
      itemRule?.from === 'method' &&
      itemRule.target !== null &&
      item.method !== null &&
      item.target !== null &&
      compliance(item.method, item.target) !== compliance(item.method, 0);
    if (liveRule && itemRule && !ceilingOnly) {
      const textCol = colOf(itemRule.from === 'target' ? 'target' : 'method') ?? colOf('item');
      const ruleCell = shownAt(row0, textCol as number);
      const targetCol = colOf('target');
      const targetArg =
        itemRule.from === 'method' && itemRule.target !== null
          ? targetCol !== null && view.value(row0, targetCol).kind === 'number'
            ? cellAddress(row0, targetCol)
            : itemRule.target.toString()
          : '';
      const pointsRef =
        pointsCol !== null &&
        item.pointsCell === cellAddress(row0, pointsCol) &&
        view.value(row0, pointsCol).kind === 'number'
          ? item.pointsCell
          : String(item.points);
      const args = [cellAddress(row0, actualCol), ruleCell, pointsRef, targetArg, literal(optionsText)];
      formula = `=${formulaCall(scoreFunction, args)}`;
    } else if (formulas && s?.source === 'deduction' && !item.deductionOnly && deductionCol !== null) {
      formula = `=MAX(0,${item.points}-N(${cellAddress(row0, deductionCol)}))`;
    }
    if (score === null && !item.deductionOnly && !scoredAsWhole(item))
      pending.push({ row: item.row, name: item.name, cell: address });
    if (score !== null || formula !== null) cells.push({ address, kind: 'item', value: score, formula });
    if (liveRule && formula !== null && itemRule?.parsed.ok) ruleFormulaAt.set(item.row, address);
  }

  const allRows = table.items.map((i) => i.row);
  const totalFormula = `=MAX(0,SUM(${sumArguments(scoreLetter, allRows)}))`;
  const total = table.score.total;
  if (table.totalsRow !== null && total !== null)
    cells.push({
      address: cellAddress(table.totalsRow - 1, scoreCol),
      kind: 'total',
      value: total,
      formula: formulas ? totalFormula : null,
    });

  let summaryAt: string | null = null;
  if (options.summary !== false) {
    // Summary block: right of the table (one blank column after the scores), from the first row
    // under the header down, in the first columns where every cell it needs is empty. Not on the
    // header row (extra words there would change how the table is read), and not beside another
    // table of the sheet: when the group rows would reach one, they are left out (the pane shows them).
    const others = otherTables
      .filter((o) => o.range !== table.range)
      .flatMap((o) => parseRangeAddress(o.range) ?? []);
    const summaryTop = table.headerRow - 1 + table.headerRows; // 0-based row of the title
    // Rows free for the block: down to the next table below, or to the title and section rows
    // right above its header ("二、评价类指标"), which belong to that table.
    let limit = Number.POSITIVE_INFINITY;
    for (const o of others) {
      if (o.top < summaryTop) continue;
      let top = o.top;
      const rowEmpty = (r: number) => {
        for (let c = o.left; c <= o.right; c++) if (!view.isEmpty(r, c)) return false;
        return true;
      };
      while (top - 1 > range.bottom && !rowEmpty(top - 1)) top--;
      limit = Math.min(limit, top);
    }
    const room = limit - summaryTop;
    const groups = 3 + table.groups.length <= room ? table.groups : [];
    const summaryRows = 3 + groups.length;
    let labelCol = Math.max(scoreCol, range.right) + 2;
    const blocked = (col: number): boolean => {
      for (let rr = summaryTop; rr < summaryTop + summaryRows; rr++)
        for (let dc = 0; dc < 3; dc++) if (!view.isEmpty(rr, col + dc)) return true;
      return false;
    };
    for (let tries = 0; tries < 200 && blocked(labelCol); tries++) labelCol++;
    if (summaryRows <= room) {
      const put = (
        row0: number,
        dc: number,
        kind: PlannedKind,
        value: WriteValue,
        formula: string | null = null,
      ) => cells.push({ address: cellAddress(row0, labelCol + dc), kind, value, formula });
      let r = summaryTop;
      put(r, 0, 'summary', SUMMARY_TITLE);
      put(r, 1, 'summary', SUMMARY_LABELS.points);
      put(r, 2, 'summary', SUMMARY_LABELS.score);
      r++;
      for (const g of groups) {
        const members = table.items.filter((i) => inGroup(i, g) && !i.deductionOnly);
        const scores = members.map((i) => itemScore.get(i.row) ?? null);
        const complete = members.length > 0 && scores.every((x) => x !== null);
        const sum = complete ? scores.reduce<Dec>((a, b) => a.plus(b as Dec), dec(0)) : null;
        put(r, 0, 'group', `${'　'.repeat(g.level - 1)}${g.label.replace(/\s+/g, ' ')}`);
        put(r, 1, 'group', g.declared ?? g.sum);
        if (members.length > 0 && (complete || formulas))
          put(
            r,
            2,
            'group',
            sum === null ? null : sum.toNumber(),
            formulas
              ? `=SUM(${sumArguments(
                  scoreLetter,
                  members.map((i) => i.row),
                )})`
              : null,
          );
        r++;
      }
      const totalRow0 = r;
      put(r, 0, 'total', SUMMARY_LABELS.total);
      put(r, 1, 'total', table.score.outOf);
      if (total !== null || formulas) put(r, 2, 'total', total, formulas ? totalFormula : null);
      r++;
      put(r, 0, 'band', SUMMARY_LABELS.band);
      const totalCell = cellAddress(totalRow0, labelCol + 2);
      const b = planBand(table, view, mode, settings, {
        totalCell,
        actualCol,
        pointsCol,
        ruleFormulaAt,
        bandCall: (x) => formulaCall(bandFunction, [x, literal(settings.bands)]),
      });
      if (b.value !== null || b.formula !== null) put(r, 2, 'band', b.value, b.formula);
      if (b.refused !== null && mode === 'native')
        bandRefused = { cell: cellAddress(r, labelCol + 2), reason: b.refused };
      summaryAt = cellAddress(summaryTop, labelCol);
    }
  }

  const notNative: { cell: string; reason: string }[] = [];
  if (mode === 'native') for (const c of cells) toNative(c, view, notNative);
  if (bandRefused) notNative.push(bandRefused);
  const written = cells.filter((c) => c.value !== null || c.formula !== null);
  // Nothing to write without an item score: no lone header, no empty summary.
  const nothing: ScorePlan['nothing'] = table.items.every((i) => i.points === null)
    ? 'noPoints'
    : written.some((c) => c.kind === 'item')
      ? null
      : 'noScores';
  return {
    scoreColumn: scoreLetter,
    createsScoreColumn,
    cells: nothing ? [] : written,
    blocks: nothing ? [] : toBlocks(written),
    pending,
    summaryAt: nothing ? null : summaryAt,
    nothing,
    ...(mode === 'native' ? { notNative: nothing ? [] : notNative } : {}),
  };
}

/**
 * A planned formula with its PERF calls compiled to native formulas (the rule text, points and
 * options read from the sheet); one that cannot be compiled is written as its value, with the reason.
 */
function toNative(c: PlannedCell, view: SheetView, notNative: { cell: string; reason: string }[]): void {
  if (c.formula === null) return;
  // Totals and group sums: a native item formula shows a text where it has no score, which SUM
  // would skip; the total is a text then too (有指标未评分), never a partial sum.
  const total = /^=MAX\(0,SUM\(([$A-Z\d:,]+)\)\)$/.exec(c.formula);
  const group = /^=SUM\(([$A-Z\d:,]+)\)$/.exec(c.formula);
  const args = (c.kind === 'total' && total?.[1]) || (c.kind === 'group' && group?.[1]) || null;
  if (args !== null) {
    const parts = args.split(',');
    const count = parts.reduce((n, part) => {
      const r = parseRangeAddress(part.includes(':') ? part : `${part}:${part}`);
      return n + (r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 1);
    }, 0);
    const t = compileTotal({ items: parts, count });
    if (t.ok) c.formula = total ? t.formula : t.formula.replace(/MAX\(0,(SUM\([^)]*\))\)\)$/, '$1)');
    return;
  }
  if (!/PERF\./i.test(c.formula)) return;
  const r = convertFormula(c.formula, (ref) => {
    const at = parseCellAddress(ref);
    if (!at) return undefined;
    const v = view.value(at.row, at.col);
    return v.kind === 'number' || v.kind === 'text' || v.kind === 'boolean' ? v.value : null;
  });
  // A formula that is one call becomes its native formula as it is (no parentheses around it).
  if (r.ok) c.formula = wholeCall(c.formula) ? r.formula.replace(/^=\((.*)\)$/s, '=$1') : r.formula;
  else {
    notNative.push({ cell: c.address, reason: r.reasons.join('；') });
    c.formula = null;
  }
}

/** Groups planned cells into vertical runs per column: one 2-D write each. */
export function toBlocks(cells: readonly PlannedCell[]): WriteBlock[] {
  const byCol = new Map<string, { row: number; cell: PlannedCell }[]>();
  for (const c of cells) {
    const at = parseCellAddress(c.address);
    if (!at) continue;
    const col = columnLetter(at.col);
    const list = byCol.get(col) ?? [];
    list.push({ row: at.row + 1, cell: c });
    byCol.set(col, list);
  }
  const blocks: WriteBlock[] = [];
  for (const [col, list] of byCol) {
    list.sort((a, b) => a.row - b.row);
    let run: PlannedCell[] = [];
    let top = 0;
    const flush = () => {
      if (run.length === 0) return;
      const bottom = top + run.length - 1;
      const block: WriteBlock = {
        address: top === bottom ? `${col}${top}` : `${col}${top}:${col}${bottom}`,
        values: run.map((c) => [c.value]),
      };
      if (run.some((c) => c.formula !== null)) block.formulas = run.map((c) => [c.formula]);
      if (run.some((c) => c.numberFormat !== undefined))
        block.numberFormats = run.map((c) => [c.numberFormat ?? null]);
      blocks.push(block);
      run = [];
    };
    for (const x of list) {
      if (run.length > 0 && x.row !== top + run.length) flush(); // rows between stay untouched
      if (run.length === 0) top = x.row;
      run.push(x.cell);
    }
    flush();
  }
  return blocks;
}

/** Is the formula one PERF call from "=" to its last parenthesis? */
function wholeCall(formula: string): boolean {
  const m = /^=PERF\.[^(]+\(/i.exec(formula);
  if (!m) return false;
  let depth = 1;
  let inStr = false;
  for (let i = m[0].length; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') inStr = !inStr;
    else if (!inStr && ch === '(') depth++;
    else if (!inStr && ch === ')' && --depth === 0) return i === formula.length - 1;
  }
  return false;
}
