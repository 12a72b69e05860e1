/**
 * The pane's work, independent of React: read the sheet, analyse and score it, select, highlight,
 * report, write scores, save settings. Each action runs through the host (Excel.run, or the
 * preview's in-memory workbook) and returns what the pane shows next. Errors become messages.
 */
import {
  ERROR_HIGHLIGHT_COLOR,
  HIGHLIGHT_COLOR,
  clearHighlights,
  convertToNative,
  convertToNumber,
  unhide,
  existingReport,
  highlightCells,
  loadWorkbookSetting,
  readSheet,
  saveWorkbookSetting,
  selectCell,
  writeBlocks,
  writeReportSheet,
  type NativeScope,
  type NativeUnconverted,
  type WriteBlock,
  type WriteConflict,
} from '../addin/excel';
import type { Sheet } from '../engine/grid';
import { columnLetter, parseRangeAddress } from '../engine/address';
import { scoreSheetSteps, type ScoredSheet, type SheetProgress } from '../engine/index';
import { runSteps } from '../engine/progress';
import { SheetView } from '../engine/sheet-view';
import { SCORING_FINDING_CODES, type ColumnRole, type Finding } from '../engine/model';
import type { PaneHost } from './host';
import { fmt, type Lang } from './i18n';
import { planNewColumn, planScores, type ScorePlan, type WriteMode } from '../engine/write-plan';
import {
  EMPTY_LOG,
  WRITE_LOG_KEY,
  cellList,
  entryFor,
  ourCells,
  parseWriteLog,
  restoreBlocks,
  staleness,
  withEntry,
  withoutOurCells,
  type StaleReason,
  type TableWrite,
  type WriteLog,
  type WrittenCell,
} from '../engine/write-record';
import { fixFor } from './fixes';
import { PANE_SETTINGS_KEY, readPaneSettings, type PaneSettings } from './settings';

export type Intent = 'success' | 'error' | 'warning' | 'info';
export interface Notice {
  intent: Intent;
  text: string;
}

export interface Analysis {
  /** The sheet as the clerk made it: cells the pane wrote (and still holding that) put back. */
  sheet: Sheet;
  /** The sheet as read. */
  raw: Sheet;
  /** What the pane wrote into this workbook, and which of those cells on this sheet are still ours. */
  log: WriteLog;
  ours: ReadonlyMap<string, WrittenCell>;
  /** The area read ("A1:H52"), null for an empty sheet. */
  range: string | null;
  result: ScoredSheet;
  /** What a check before submission finds (the 校验 tab, the report sheet). */
  findings: Finding[];
  /** What scoring found: rules not understood, missing actuals, vetoes (the 评分 tab). */
  scoreFindings: Finding[];
}

/** A write that found the user's data in its way: shown to the clerk, who may confirm it. */
export interface PendingWrite {
  conflicts: WriteConflict[];
  /** Writes anyway. */
  confirm: () => Promise<WriteOutcome>;
}

export type WriteOutcome = { notice: Notice } | { pending: PendingWrite };

/** What the pane last wrote for a table, for the 评分 tab. */
export interface WrittenState {
  entry: TableWrite;
  /** "D4:D9", "F5:H7"…: the cells still holding what was written. */
  cells: string[];
  /** Why the written results no longer match a write now, or null. */
  stale: StaleReason | null;
}

export class Workbench {
  constructor(
    readonly host: PaneHost,
    readonly lang: Lang,
  ) {}

  private message(err: unknown): string {
    const text = err instanceof Error ? err.message : String(err);
    return fmt.failed(this.lang, text);
  }

  /** Loads the settings saved in the workbook. */
  async loadSettings(): Promise<{ settings: PaneSettings; notice: Notice | null }> {
    try {
      const text = await this.host.run((ctx) => loadWorkbookSetting(ctx, PANE_SETTINGS_KEY, this.host.env));
      const read = readPaneSettings(text);
      return {
        settings: read.settings,
        notice: read.problem ? { intent: 'warning', text: read.problem } : null,
      };
    } catch (err) {
      return {
        settings: readPaneSettings(null).settings,
        notice: { intent: 'error', text: this.message(err) },
      };
    }
  }

  async saveSettings(settings: PaneSettings): Promise<Notice | null> {
    try {
      await this.host.run((ctx) =>
        saveWorkbookSetting(ctx, PANE_SETTINGS_KEY, JSON.stringify(settings), this.host.env),
      );
      return null;
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  /** Analyses and scores an already-read sheet with the current settings, our own cells put back. */
  analyse(raw: Sheet, range: string | null, settings: PaneSettings, log: WriteLog = EMPTY_LOG): Analysis {
    return runSteps(this.analyseSteps(raw, range, settings, log));
  }

  /** analyse in steps (scoreSheetSteps), for a progress bar by rows. */
  *analyseSteps(
    raw: Sheet,
    range: string | null,
    settings: PaneSettings,
    log: WriteLog = EMPTY_LOG,
  ): Generator<SheetProgress, Analysis, void> {
    const ours = ourCells(raw, log);
    const sheet = withoutOurCells(raw, ours);
    const result = yield* scoreSheetSteps(sheet, {
      lang: this.lang,
      columnRoles: settings.columnRoles[sheet.name] ?? {},
      scoring: settings.scoring,
    });
    return {
      sheet,
      raw,
      log,
      ours,
      range,
      result,
      findings: result.findings.filter((f) => !SCORING_FINDING_CODES.has(f.code)),
      scoreFindings: result.findings.filter((f) => SCORING_FINDING_CODES.has(f.code)),
    };
  }

  /**
   * Reads the active sheet (or the selection on it, or a sheet by name: the one just written to,
   * whichever sheet is active now) and analyses it.
   */
  async read(
    source: 'usedRange' | 'selection',
    settings: PaneSettings,
    sheet?: string,
    /**
     * Told as the analysis goes on, once the sheet is read: each stage, and while scoring the row
     * reached, at most every `sliceMs` of work; the page draws in between.
     */
    onProgress?: (p: SheetProgress) => void,
    sliceMs = 50,
  ): Promise<Analysis & { logProblem: string | null; readLimits: string | null }> {
    const { read, text } = await this.host.run(async (ctx) => ({
      read: await readSheet(ctx, { source, sheet, env: this.host.env }),
      text: await loadWorkbookSetting(ctx, WRITE_LOG_KEY, this.host.env),
    }));
    const { log, problem } = parseWriteLog(text);
    const steps = this.analyseSteps(read.sheet, read.range, settings, log);
    let step = steps.next();
    let since = Date.now();
    for (; !step.done; step = steps.next()) {
      if (!onProgress) continue;
      const p = step.value;
      // Each stage is told; rows only once a slice of work has gone by.
      if (p.stage === 'score' && Date.now() - since < sliceMs) continue;
      onProgress(p);
      // Let the pane draw before the analysis takes the thread again.
      await new Promise((r) => setTimeout(r, 0));
      since = Date.now();
    }
    // What an older Excel could not tell us, said once the sheet had something to read.
    const readLimits =
      read.range !== null && (!read.mergesRead || !read.hiddenRead)
        ? fmt.readLimits(this.lang, !read.mergesRead, !read.hiddenRead)
        : null;
    return { ...step.value, logProblem: problem, readLimits };
  }

  async select(f: Pick<Finding, 'sheet' | 'cell'>): Promise<Notice | null> {
    if (!f.cell) return null;
    try {
      await this.host.run((ctx) => selectCell(ctx, f.sheet, f.cell as string));
      return null;
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  /** 转换为数字 / 取消隐藏: the fix Excel's 错误检查 offers for this finding, done in place. */
  async fix(f: Finding): Promise<Notice> {
    const how = fixFor(f);
    if (!how || !f.cell) return { intent: 'warning', text: fmt.noFix(this.lang) };
    const cell = f.cell;
    try {
      await this.host.run((ctx) =>
        how === 'toNumber'
          ? convertToNumber(ctx, f.sheet, cell, Number(f.data.number), f.data.percent === true)
          : unhide(ctx, f.sheet, cell, how === 'unhideRow' ? 'row' : 'column'),
      );
      return { intent: 'success', text: fmt.fixed(this.lang, how, cell) };
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  async highlight(findings: readonly Finding[]): Promise<Notice> {
    // Errors in red, the rest in amber; errors first, so a cell with both is painted as an error.
    const ordered = [
      ...findings.filter((f) => f.severity === 'error'),
      ...findings.filter((f) => f.severity !== 'error'),
    ];
    const cells = ordered.flatMap((f) =>
      f.cell
        ? [
            {
              sheet: f.sheet,
              address: f.cell,
              color: f.severity === 'error' ? ERROR_HIGHLIGHT_COLOR : HIGHLIGHT_COLOR,
            },
          ]
        : [],
    );
    try {
      const r = await this.host.run((ctx) => highlightCells(ctx, cells, { env: this.host.env }));
      if (r.damaged !== undefined)
        return {
          intent: 'warning',
          text: fmt.highlighted(this.lang, r.painted) + fmt.recordDamaged(this.lang, r.damaged),
        };
      return { intent: 'success', text: fmt.highlighted(this.lang, r.painted) };
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  async clear(): Promise<Notice> {
    try {
      const r = await this.host.run((ctx) => clearHighlights(ctx, { env: this.host.env }));
      const text = fmt.cleared(this.lang, r.restored, r.keptUserFill.length);
      if (r.damaged !== undefined)
        return { intent: 'warning', text: text + fmt.recordDamaged(this.lang, r.damaged) };
      return { intent: 'success', text };
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  /** The report sheet already in the workbook, if any (a second report asks before it goes on). */
  async existingReport(): Promise<{ sheetName: string; ours: boolean } | null> {
    return this.host.run((ctx) => existingReport(ctx, undefined, this.host.env));
  }

  /** Writes the report sheet: beside an earlier one (a free name), or in its place ('replace'). */
  async report(findings: readonly Finding[], how: 'new' | 'replace' = 'new'): Promise<Notice> {
    // A report with nothing in it is a sheet to delete: say so instead.
    if (findings.length === 0) return { intent: 'info', text: fmt.noReport(this.lang) };
    try {
      const r = await this.host.run((ctx) =>
        writeReportSheet(ctx, findings, { env: this.host.env, replace: how === 'replace' }),
      );
      return { intent: 'success', text: fmt.report(this.lang, r.sheetName, r.rows) };
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  /** The plan of "写入评分" for one table of an analysis. */
  plan(analysis: Analysis, tableIndex: number, mode: WriteMode, settings: PaneSettings): ScorePlan | null {
    const table = analysis.result.tables[tableIndex];
    if (!table || table.items.length === 0) return null;
    return planScores(table, analysis.sheet, mode, settings.scoring, analysis.result.tables, {
      lang: this.lang,
    });
  }

  /** What was last written for a table, and whether a write now would write something else. */
  written(
    analysis: Analysis,
    tableIndex: number,
    plan: ScorePlan | null,
    mode: WriteMode,
    settings: PaneSettings,
  ): WrittenState | null {
    const table = analysis.result.tables[tableIndex];
    const entry = table ? entryFor(analysis.log, table.sheet, table.headerRow) : null;
    if (!entry) return null;
    const still = entry.cells.filter((c) => analysis.ours.has(c.address));
    const stale = plan ? staleness(entry, plan, mode, settings.scoring, analysis.ours) : 'inputs';
    return { entry, cells: cellList(still), stale };
  }

  /**
   * Writes a table's scores. Cells the pane wrote before (and that still hold that) are replaced
   * or, when no longer needed, put back as they were; a cell holding the clerk's data is only
   * written after the clerk confirms. What each cell held before is saved in the workbook, for
   * 撤销上次写入.
   */
  async writeScores(
    analysis: Analysis,
    tableIndex: number,
    mode: WriteMode,
    settings: PaneSettings,
    overwrite = false,
  ): Promise<WriteOutcome> {
    const table = analysis.result.tables[tableIndex];
    const plan = this.plan(analysis, tableIndex, mode, settings);
    if (!table || !plan || plan.nothing)
      return { notice: { intent: 'warning', text: fmt.nothingToWrite(this.lang) } };
    const old = entryFor(analysis.log, table.sheet, table.headerRow);
    const planned = new Set(plan.cells.map((c) => c.address));
    const oldOurs = (old?.cells ?? []).filter((c) => analysis.ours.has(c.address));
    const dropped = oldOurs.filter((c) => !planned.has(c.address));
    const blocks = [...plan.blocks, ...restoreBlocks(dropped)];
    const ours = new Set(oldOurs.map((c) => c.address));
    try {
      const r = await this.host.run(async (ctx) => {
        const w = await writeBlocks(ctx, table.sheet, blocks, { overwrite, ours, env: this.host.env });
        if (!w.written) return w;
        if (mode !== 'values') this.host.formulaResults?.(table.sheet, plan.blocks);
        const before = new Map(w.previous.map((p) => [p.address, p]));
        const kept = new Map(oldOurs.map((c) => [c.address, c]));
        const cells: WrittenCell[] = plan.cells.map((c) => {
          const mine = kept.get(c.address);
          const prev = before.get(c.address);
          return {
            address: c.address,
            wrote: c.formula ?? c.value ?? '',
            before: mine ? mine.before : (prev?.content ?? ''),
            beforeValue: mine ? mine.beforeValue : (prev?.value ?? null),
            format: mine ? mine.format : (prev?.format ?? null),
          };
        });
        const entry: TableWrite = {
          sheet: table.sheet,
          headerRow: table.headerRow,
          range: table.range,
          mode,
          settings: JSON.stringify(settings.scoring),
          at: new Date().toISOString(),
          cells,
        };
        await saveWorkbookSetting(
          ctx,
          WRITE_LOG_KEY,
          JSON.stringify(withEntry(analysis.log, table.sheet, table.headerRow, entry)),
          this.host.env,
        );
        return w;
      });
      if (!r.written)
        return {
          pending: {
            conflicts: r.conflicts,
            confirm: () => this.writeScores(analysis, tableIndex, mode, settings, true),
          },
        };
      const items = plan.cells.filter((c) => c.kind === 'item').length;
      return { notice: { intent: 'success', text: fmt.scoresWritten(this.lang, items, plan.cells.length) } };
    } catch (err) {
      return { notice: { intent: 'error', text: this.message(err) } };
    }
  }

  /**
   * 转换为通用公式: the PERF formulas of the workbook (or the selection) become native formulas;
   * the ones that cannot be converted stay, listed with the reason.
   */
  async convertNative(scope: NativeScope): Promise<{ notice: Notice; unconverted: NativeUnconverted[] }> {
    try {
      const r = await this.host.run((ctx) => convertToNative(ctx, scope, this.host.env));
      const intent: Intent =
        r.unconverted.length > 0 ? 'warning' : r.converted.length > 0 ? 'success' : 'info';
      return {
        notice: { intent, text: fmt.nativeConverted(this.lang, r.converted.length, r.unconverted.length) },
        unconverted: r.unconverted,
      };
    } catch (err) {
      return { notice: { intent: 'error', text: this.message(err) }, unconverted: [] };
    }
  }

  /** 撤销上次写入: every cell of the table's last write that still holds it goes back as it was. */
  async undo(analysis: Analysis, tableIndex: number): Promise<Notice> {
    const table = analysis.result.tables[tableIndex];
    const entry = table ? entryFor(analysis.log, table.sheet, table.headerRow) : null;
    if (!table || !entry) return { intent: 'warning', text: fmt.nothingToUndo(this.lang) };
    const mine = entry.cells.filter((c) => analysis.ours.has(c.address));
    const kept = entry.cells.length - mine.length;
    try {
      await this.host.run(async (ctx) => {
        await writeBlocks(ctx, table.sheet, restoreBlocks(mine), {
          overwrite: true,
          env: this.host.env,
        });
        await saveWorkbookSetting(
          ctx,
          WRITE_LOG_KEY,
          JSON.stringify(withEntry(analysis.log, table.sheet, table.headerRow, null)),
          this.host.env,
        );
      });
      return { intent: 'success', text: fmt.undone(this.lang, mine.length, kept) };
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  /**
   * Writes blocks unless a target cell holds something else; then returns the conflicts for the
   * clerk to confirm (`overwrite` true writes them).
   */
  async write(sheet: string, blocks: WriteBlock[], done: string, overwrite = false): Promise<WriteOutcome> {
    try {
      const r = await this.host.run((ctx) =>
        writeBlocks(ctx, sheet, blocks, { overwrite, env: this.host.env }),
      );
      if (!r.written)
        return { pending: { conflicts: r.conflicts, confirm: () => this.write(sheet, blocks, done, true) } };
      return { notice: { intent: 'success', text: `${done}${fmt.written(this.lang, r.cells)}` } };
    } catch (err) {
      return { notice: { intent: 'error', text: this.message(err) } };
    }
  }

  /** The block that adds a 完成情况 (or other) column right of a table. */
  newColumn(
    analysis: Analysis,
    tableIndex: number,
    header: string,
  ): { column: string; block: WriteBlock } | null {
    const table = analysis.result.tables[tableIndex];
    return table ? planNewColumn(table, analysis.sheet, header) : null;
  }

  /** Settings with one column role corrected for a table of this sheet. */
  correctRole(
    settings: PaneSettings,
    sheet: string,
    headerRow: number,
    column: string,
    role: ColumnRole | 'none',
  ): PaneSettings {
    const forSheet = { ...(settings.columnRoles[sheet] ?? {}) };
    forSheet[String(headerRow)] = { ...(forSheet[String(headerRow)] ?? {}), [column]: role };
    return { ...settings, columnRoles: { ...settings.columnRoles, [sheet]: forSheet } };
  }
}

/** Letter → header text of the columns of one table (lower header row first, for L4). */
export function columnHeaders(analysis: Analysis, index: number): Record<string, string> {
  const table = analysis.result.tables[index];
  const range = table ? parseRangeAddress(table.range) : null;
  if (!table || !range) return {};
  const view = new SheetView(analysis.sheet);
  const out: Record<string, string> = {};
  for (let c = range.left; c <= range.right; c++) {
    const top = table.headerRow - 1;
    const text = (table.headerRows > 1 ? view.text(top + 1, c) : '') || view.text(top, c);
    out[columnLetter(c)] = text.replace(/\s+/g, '');
  }
  return out;
}
