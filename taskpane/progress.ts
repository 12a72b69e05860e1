/**
 * Progress of the pane's long actions, by rows: where the bar stands during an analysis, and
 * 写入全部 N 张表 (every table of the sheet written in turn, the sheet read again before each: the
 * write log of the table before is in the workbook then), told by table and, inside each, by the
 * rows the analysis has reached, so that a big sheet shows a bar that moves.
 */
import type { SheetProgress } from '../engine/progress';
import type { WriteMode } from '../engine/write-plan';
import { fmt } from './i18n';
import type { PaneSettings } from './settings';
import type { Notice, PendingWrite, Workbench } from './workbench';

/** Share of the bar at each point of an analysis (see analysisFraction). */
const SHARE = { recognise: 0.05, check: 0.4, score: 0.5 } as const;

/**
 * Where the bar stands (0..1) at a point of the analysis. Measured on a generated sheet of 5,000
 * items (bench/generate.ts): recognition takes about 35% of the time, the checks 10%, scoring
 * 55%, and scoring is the part told row by row.
 */
export function analysisFraction(p: SheetProgress): number {
  if (p.stage !== 'score') return SHARE[p.stage];
  return SHARE.score + (1 - SHARE.score) * Math.min(1, p.row / Math.max(1, p.lastRow));
}

export type WriteAllOutcome =
  /** Every table done (or one failed): the notice to show. */
  | { notice: Notice }
  /** A cell of the clerk's in the way of one table: asked as for one table; the tables after it wait. */
  | { pending: PendingWrite };

/**
 * Writes the scores of tables 0..n−1 of `sheet`. `report(text, fraction)` is told before each
 * table and as its analysis goes on (text as the pane shows it, fraction of the whole 0..1).
 */
export async function writeAllTables(
  bench: Workbench,
  sheet: string,
  n: number,
  mode: WriteMode,
  settings: PaneSettings,
  report: (text: string, fraction: number) => void,
  /** Longest run of scoring without telling the page (ms); 0 tells every row (tests). */
  sliceMs?: number,
): Promise<WriteAllOutcome> {
  let done = 0;
  let skipped = 0;
  for (let i = 0; i < n; i++) {
    const at = (f: number, p: SheetProgress | null) =>
      report(fmt.writingTable(bench.lang, i + 1, n, p), (i + f) / n);
    at(0, null);
    const a = await bench.read(
      'usedRange',
      settings,
      sheet,
      (p) => at(0.9 * analysisFraction(p), p),
      sliceMs,
    );
    const plan = bench.plan(a, i, mode, settings);
    if (!plan || plan.nothing) {
      skipped++;
      continue;
    }
    at(0.9, null);
    const r = await bench.writeScores(a, i, mode, settings);
    if ('pending' in r || r.notice.intent !== 'success') return r;
    done++;
  }
  report(fmt.writingTable(bench.lang, n, n, null), 1);
  return { notice: { intent: 'success', text: fmt.allWritten(bench.lang, done, skipped) } };
}
