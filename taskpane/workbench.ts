/**
 * The pane's work, independent of React: read the sheet, analyse and score it, select, highlight,
 * report, write scores, save settings. Each action runs through the host (Excel.run, or the
 * preview's in-memory workbook) and returns what the pane shows next. Errors become messages.
 */
import {
  clearHighlights,
  highlightCells,
  loadWorkbookSetting,
  readSheet,
  saveWorkbookSetting,
  selectCell,
  writeBlocks,
  writeReportSheet,
  type WriteBlock,
  type WriteConflict,
} from '../addin/excel';
import type { Sheet } from '../engine/grid';
import { columnLetter, parseRangeAddress } from '../engine/address';
import { scoreSheet, type ScoredSheet } from '../engine/index';
import { SheetView } from '../engine/sheet-view';
import { SCORING_FINDING_CODES, type ColumnRole, type Finding } from '../engine/model';
import type { PaneHost } from './host';
import { fmt, type Lang } from './i18n';
import { planNewColumn, planScores, type ScorePlan, type WriteMode } from '../engine/write-plan';
import { PANE_SETTINGS_KEY, readPaneSettings, type PaneSettings } from './settings';

export type Intent = 'success' | 'error' | 'warning' | 'info';
export interface Notice {
  intent: Intent;
  text: string;
}

export interface Analysis {
  sheet: Sheet;
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
  sheet: string;
  blocks: WriteBlock[];
  conflicts: WriteConflict[];
  /** What to say once written. */
  done: string;
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
      const text = await this.host.run((ctx) => loadWorkbookSetting(ctx, PANE_SETTINGS_KEY));
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
      await this.host.run((ctx) => saveWorkbookSetting(ctx, PANE_SETTINGS_KEY, JSON.stringify(settings)));
      return null;
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  /** Analyses and scores an already-read sheet with the current settings. */
  analyse(sheet: Sheet, range: string | null, settings: PaneSettings): Analysis {
    const result = scoreSheet(sheet, {
      lang: this.lang,
      columnRoles: settings.columnRoles[sheet.name] ?? {},
      scoring: settings.scoring,
    });
    return {
      sheet,
      range,
      result,
      findings: result.findings.filter((f) => !SCORING_FINDING_CODES.has(f.code)),
      scoreFindings: result.findings.filter((f) => SCORING_FINDING_CODES.has(f.code)),
    };
  }

  /** Reads the active sheet (or the selection on it) and analyses it. */
  async read(source: 'usedRange' | 'selection', settings: PaneSettings): Promise<Analysis> {
    const read = await this.host.run((ctx) => readSheet(ctx, { source, env: this.host.env }));
    return this.analyse(read.sheet, read.range, settings);
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

  async highlight(findings: readonly Finding[]): Promise<Notice> {
    const cells = findings.flatMap((f) => (f.cell ? [{ sheet: f.sheet, address: f.cell }] : []));
    try {
      const r = await this.host.run((ctx) => highlightCells(ctx, cells, { env: this.host.env }));
      return { intent: 'success', text: fmt.highlighted(this.lang, r.painted) };
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  async clear(): Promise<Notice> {
    try {
      const r = await this.host.run((ctx) => clearHighlights(ctx, { env: this.host.env }));
      return { intent: 'success', text: fmt.cleared(this.lang, r.restored, r.keptUserFill.length) };
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  async report(findings: readonly Finding[]): Promise<Notice> {
    try {
      const r = await this.host.run((ctx) => writeReportSheet(ctx, findings, { env: this.host.env }));
      return { intent: 'success', text: fmt.report(this.lang, r.sheetName, r.rows) };
    } catch (err) {
      return { intent: 'error', text: this.message(err) };
    }
  }

  /** The plan of "写入评分" for one table of an analysis. */
  plan(analysis: Analysis, tableIndex: number, mode: WriteMode, settings: PaneSettings): ScorePlan | null {
    const table = analysis.result.tables[tableIndex];
    if (!table || table.items.length === 0) return null;
    return planScores(table, analysis.sheet, mode, settings.scoring, analysis.result.tables);
  }

  /**
   * Writes blocks unless a target cell holds something else; then returns the conflicts for the
   * clerk to confirm (`overwrite` true writes them).
   */
  async write(
    sheet: string,
    blocks: WriteBlock[],
    done: string,
    overwrite = false,
  ): Promise<{ notice: Notice } | { pending: PendingWrite }> {
    try {
      const r = await this.host.run((ctx) =>
        writeBlocks(ctx, sheet, blocks, { overwrite, env: this.host.env }),
      );
      if (!r.written) return { pending: { sheet, blocks, conflicts: r.conflicts, done } };
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
