/**
 * `perf-check score`: the scored JSON (items gain actual / score / rule, tables total / band),
 * the human-readable score lines, and `--out`: a copy of the workbook with the scores written
 * into the 得分 column (or a new one beside the table), the input never touched.
 */
import { parseCellAddress, parseRangeAddress } from '../engine/address.js';
import type { Cell, CellRange, Workbook } from '../engine/grid.js';
import type { ScoredSheet, ScoredTable } from '../engine/index.js';
import { parseOptionText } from '../engine/rules/settings.js';
import { planScores, type PlannedCell } from '../engine/write-plan.js';
import { patchPackage, type CellEdit } from '../xlsx/write.js';
import { nativeFormula } from './convert/plan.js';
import { checkOutputKind, refuseLegacyOutput, writeBytesAtomically } from './output.js';
import { readWorkbookPackage } from './xlsx.js';
import type { Lang } from './report.js';

/** A scored table as JSON: the validate fields, plus per item actual/score/rule, per table total/band. */
export function scoredTableJson(t: ScoredTable): Record<string, unknown> {
  const { score, ...table } = t;
  const byRow = new Map(score.items.map((i) => [i.row, i]));
  return {
    ...table,
    total: score.total,
    band: score.band,
    bandNote: score.bandNote,
    outOf: score.outOf,
    partialTotal: score.partialTotal,
    unscored: score.unscored,
    deductions: score.deductions,
    items: table.items.map((item) => {
      const s = byRow.get(item.row);
      return {
        ...item,
        actual: s?.actual ?? null,
        score: s?.score ?? null,
        rule: s?.rule ?? null,
        scoreSource: s?.source ?? 'none',
        manual: s?.manual ?? false,
        triggered: s?.triggered ?? false,
      };
    }),
  };
}

function fmt(n: number | null): string {
  return n === null ? '—' : String(Number(n.toPrecision(15)));
}

/** Score lines under a table in the human report. */
export function scoreLines(t: ScoredTable, lang: Lang): string[] {
  const s = t.score;
  const zh = lang === 'zh';
  const lines: string[] = [];
  const scored = s.items.filter((i) => i.score !== null).length;
  if (s.total !== null) {
    const band = s.band ? (zh ? `，等次：${s.band}` : `, band: ${s.band}`) : '';
    const note = s.bandNote ? `（${s.bandNote}）` : '';
    lines.push(
      zh
        ? `    得分：${fmt(s.total)} / ${fmt(s.outOf)}${band}${note}`
        : `    Score: ${fmt(s.total)} / ${fmt(s.outOf)}${band}${note}`,
    );
  } else if (t.items.length > 0) {
    lines.push(
      zh
        ? `    得分：已计 ${scored} 项，合计 ${fmt(s.partialTotal)}；另有 ${s.unscored} 项需补充完成情况或人工评分，暂不能给出总分`
        : `    Score: ${scored} item(s) scored, ${fmt(s.partialTotal)} so far; ${s.unscored} item(s) need an actual value or a manual score`,
    );
  }
  const byRow = new Map(t.items.map((x) => [x.row, x])); // not find() per item: quadratic on big tables
  for (const i of s.items) {
    const item = byRow.get(i.row);
    const name = item?.name ?? '';
    const how =
      i.source === 'rule'
        ? (i.rule ?? '')
        : i.source === 'entered'
          ? zh
            ? '已填得分'
            : 'entered'
          : i.source === 'deduction'
            ? zh
              ? '分值−扣分'
              : 'points − deduction'
            : i.manual
              ? zh
                ? '需人工评分'
                : 'manual'
              : '';
    lines.push(`      ${i.row}  ${name.slice(0, 24)}  ${fmt(i.score)}${how ? `  （${how}）` : ''}`);
  }
  return lines;
}

/** What the score cells of `score --out` hold. */
export type ScoreFormulas = 'native' | 'perf' | 'none';

export interface WriteSummary {
  written: number;
  /** --formulas native: score cells written as values because their formula could not be converted. */
  asValues: { cell: string; reason: string; reasonEn: string }[];
  /** Cells we did not write because the user's data is there. */
  skipped: string[];
  /** Per table: the column the scores went into, and whether we created it. */
  columns: { sheet: string; range: string; column: string; created: boolean }[];
}

export { OutputError } from './output.js';

/**
 * Writes a copy of `input` to `out` with the item scores in the 得分 column (an existing one, or a
 * new column right of the table that is empty over the table's rows) and the total in the 合计
 * row. Non-empty cells (and cells covered by a merge) are never overwritten: they are listed in
 * `skipped`. The copy is the input's package with only those cells changed (xlsx/write.ts),
 * written by `writeBytesAtomically`: never over the input, never half-written. It is made from
 * the package the check read (no second read of the file).
 */
export async function writeScoredWorkbook(
  input: string,
  out: string,
  sheets: readonly ScoredSheet[],
  force: boolean,
  formulas: ScoreFormulas = 'none',
  /** The --options text the scores were computed with (PERF formulas carry it). */
  scoring: string | null = null,
): Promise<WriteSummary> {
  const { pkg, read } = await readWorkbookPackage(input, true);
  if (!pkg) refuseLegacyOutput(input);
  const settings = parseOptionText(scoring);
  const summary: WriteSummary = { written: 0, asValues: [], skipped: [], columns: [] };
  const edits: CellEdit[] = [];
  for (const s of sheets) {
    const sheet = read.workbook.sheets.find((x) => x.name === s.sheet);
    if (!sheet) continue;
    const covered = coveredBy(sheet.merges);
    const planned = new Set<string>();
    /** What a cell holds now: null when empty (and not covered by a merge, nor planned). */
    const current = (row: number, col: number): Cell['value'] | 'taken' | null => {
      if (planned.has(`${row},${col}`) || covered(row, col)) return 'taken';
      const c = sheet.rows[row]?.[col];
      return c && (c.value.kind !== 'empty' || c.formula !== undefined) ? c.value : null;
    };
    for (const t of s.tables) {
      const range = parseRangeAddress(t.range);
      if (!range || t.items.length === 0) continue;
      // The pane's plan, as values and without the summary block beside the table.
      // native: the plan compiles the PERF calls, and guards the sums (a total is a text while an
      // item's formula shows one, never a partial sum).
      const mode = formulas === 'none' ? 'values' : formulas === 'native' ? 'native' : 'formulas';
      const plan = planScores(t, sheet, mode, settings, s.tables, { summary: false });
      for (const x of plan.notNative ?? [])
        summary.asValues.push({
          cell: `${s.sheet}!${x.cell}`,
          reason: x.reason,
          reasonEn: `no native formula: ${x.reason}`,
        });
      // A table with nothing to write gets no new 得分 column either.
      if (!plan.cells.some((c) => c.kind !== 'header' && c.value !== null)) continue;
      summary.columns.push({
        sheet: s.sheet,
        range: t.range,
        column: plan.scoreColumn,
        created: plan.createsScoreColumn,
      });
      for (const c of plan.cells) {
        const at = parseCellAddress(c.address);
        if (!at || (c.value === null && c.formula === null)) continue;
        if (c.kind === 'header') {
          if (c.value === null) continue;
          const header = { sheet: s.sheet, row: at.row, col: at.col, value: c.value };
          edits.push({ ...header, styleFrom: { row: range.top, col: range.right } });
          planned.add(`${at.row},${at.col}`);
          continue;
        }
        const edit = scoreEdit(s.sheet, at, c, formulas, read.workbook, summary);
        if (!edit) continue;
        const now = current(at.row, at.col);
        if (now === null) {
          edits.push(edit);
          planned.add(`${at.row},${at.col}`);
          summary.written++;
        } else if (
          now === 'taken' ||
          now.kind === 'empty' ||
          now.value !== c.value ||
          edit.formula !== undefined
        )
          summary.skipped.push(`${s.sheet}!${c.address}`);
      }
    }
  }
  // Formulas that read the cells we wrote still hold their old cached results: ask for a full
  // recalculation on open, only when there are formulas and we wrote something.
  const fullCalcOnLoad = read.hasFormulas && edits.length > 0;
  checkOutputKind(pkg.kind(), out);
  await writeBytesAtomically(() => patchPackage(pkg, edits, { fullCalcOnLoad }), input, out, force);
  return summary;
}

/**
 * The edit of one planned score cell: its value, or its formula with the value as the cached
 * result (PERF as planned, or the native formula compiled from that PERF call); a native formula
 * that cannot be compiled leaves the value, with the reason in the summary. Null: nothing to write.
 */
function scoreEdit(
  sheet: string,
  at: { row: number; col: number },
  c: PlannedCell,
  formulas: ScoreFormulas,
  wb: Workbook,
  summary: WriteSummary,
): CellEdit | null {
  const base = { sheet, row: at.row, col: at.col };
  if (formulas === 'none' || c.formula === null) return c.value === null ? null : { ...base, value: c.value };
  // perf as planned; native already compiled by the plan (a PERF call left is a bug: kept as its value).
  if (formulas === 'perf' || !/PERF\./i.test(c.formula))
    return { ...base, formula: c.formula.replace(/^=/, ''), value: c.value };
  const n = nativeFormula(c.formula, sheet, wb);
  if (n.ok) return { ...base, formula: n.formula.replace(/^=/, ''), value: c.value };
  summary.asValues.push({ cell: `${sheet}!${c.address}`, reason: n.reason, reasonEn: n.reasonEn });
  return c.value === null ? null : { ...base, value: c.value };
}

/** Whether a cell is covered by a merge without being its top-left cell. */
function coveredBy(merges: readonly CellRange[]): (row: number, col: number) => boolean {
  return (row, col) =>
    merges.some(
      (m) =>
        row >= m.top &&
        row <= m.bottom &&
        col >= m.left &&
        col <= m.right &&
        (row !== m.top || col !== m.left),
    );
}
