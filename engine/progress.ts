/**
 * How far the analysis of a sheet has got, for a progress bar that moves with the rows: the
 * stage, and while scoring the sheet row of the item being scored. The engine yields these from
 * its stepwise functions (scoreSheetSteps); the plain functions run the steps through at once.
 */
export interface SheetProgress {
  stage: 'recognise' | 'check' | 'score';
  /** 1-based sheet row of the item being scored; 0 before scoring starts. */
  row: number;
  /** 1-based number of the last row read. */
  lastRow: number;
}

/** Runs a stepwise computation to its end at once (the steps matter only to a progress bar). */
export function runSteps<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
  }
}
