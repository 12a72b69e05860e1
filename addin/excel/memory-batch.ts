/**
 * The request machinery of the in-memory Excel (memory-excel.ts): writes queued on proxy objects
 * and applied at `context.sync()`, loads answered at the sync with the state before its writes, a
 * record of every write and sync for tests, injected failures (a given sync, a response above a
 * size limit as Excel on the web refuses) and listeners told of every sync that changed something.
 * The object model (workbook, sheets, ranges) is memory-excel.ts's.
 */
import { cellAddress, rangeAddress } from '../../engine/address';
import type { CellRange } from '../../engine/grid';
import {
  ERROR_LITERAL,
  type MemoryCell,
  type MemoryExcelSpec,
  type MemorySheet,
  type SyncEvent,
  type SyncRecord,
  type WriteRecord,
} from './memory-sheet';
import { officeError, type LoadQueue, type Loads } from './memory-loads';

type Op = { apply: () => void; record?: Omit<WriteRecord, 'sync'>; writes?: string[] };

export abstract class MemoryBatch implements LoadQueue {
  enableEvents: boolean;
  syncs = 0;
  readonly syncLog: SyncRecord[] = [];
  readonly writes: WriteRecord[] = [];

  private ops: Op[] = [];
  private loading = new Set<Loads>();
  /** The error the next sync fails with (a missing sheet, a duplicate name …), set by a proxy. */
  protected failure: Error | null = null;
  protected eventsQueued: boolean;
  protected suspendedInBatch = false;
  private readonly listeners = new Set<(e: SyncEvent) => void>();
  private readonly payloadLimit: number | undefined;
  private readonly failOnSync: number | undefined;

  /** The ExcelApi version this Excel has; null: every one. */
  protected readonly excelApi: readonly [number, number] | null;

  constructor(spec: Pick<MemoryExcelSpec, 'enableEvents' | 'payloadLimit' | 'failOnSync' | 'excelApi'>) {
    this.excelApi = spec.excelApi ? version(spec.excelApi) : null;
    this.enableEvents = spec.enableEvents ?? true;
    this.eventsQueued = this.enableEvents;
    this.payloadLimit = spec.payloadLimit;
    this.failOnSync = spec.failOnSync;
  }

  /** Whether this Excel has ExcelApi `v`. */
  hasExcelApi(v: string): boolean {
    if (!this.excelApi) return true;
    const [a, b] = version(v);
    return a < this.excelApi[0] || (a === this.excelApi[0] && b <= this.excelApi[1]);
  }

  /** A call or property of ExcelApi `v`: on an older Excel the next sync fails (ApiNotFound). */
  needs(v: string, what: string): void {
    if (!this.hasExcelApi(v))
      this.failure ??= officeError(`${what} 需要 ExcelApi ${v} (ApiNotFound)`, 'ApiNotFound');
  }

  onSync(listener: (e: SyncEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(e: SyncEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** Called by a proxy's `load`: its properties are answered at the next sync. */
  loadRequested(loads: Loads): void {
    this.loading.add(loads);
  }

  // ── queued operations ──────────────────────────────────────────────────────────────────

  protected queue(
    sheet: MemorySheet | null,
    rect: CellRange,
    property: string,
    value: unknown,
    apply: () => void,
    writes?: string[],
  ): void {
    this.ops.push({
      apply,
      writes,
      record: {
        sheet: sheet?.name ?? '(runtime)',
        address: rangeAddress(rect),
        property,
        value,
        eventsEnabled: this.eventsQueued,
        calculationSuspended: this.suspendedInBatch,
      },
    });
  }

  protected each(sheet: MemorySheet, rect: CellRange, f: (c: MemoryCell, r: number, col: number) => void) {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) f(sheet.ensure(r, c), r, c);
  }

  /** Values or formulas assigned to a range: null leaves a cell alone, as in Office.js. */
  protected writeCells(sheet: MemorySheet, rect: CellRange, property: 'values' | 'formulas', m: unknown[][]) {
    const written: string[] = [];
    m.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined)
          written.push(`${sheet.name}!${cellAddress(rect.top + r, rect.left + c)}`);
      }),
    );
    this.queue(
      sheet,
      rect,
      property,
      m,
      () =>
        this.each(sheet, rect, (cell, r, c) => {
          const v = m[r - rect.top]?.[c - rect.left];
          if (v === null || v === undefined) return;
          delete cell.formula;
          delete cell.error;
          delete cell.type;
          cell.written = true;
          if (typeof v === 'string' && v.startsWith("'")) cell.value = v.slice(1);
          else if (typeof v === 'string' && v.startsWith('=') && (property === 'formulas' || v.length > 1)) {
            // No calculation engine here: the formula is kept, its value stays empty.
            cell.formula = v;
            cell.value = '';
          } else if (typeof v === 'string' && ERROR_LITERAL.test(v)) {
            cell.value = v;
            cell.error = true;
          } else cell.value = typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
        }),
      written,
    );
  }

  // ── sync ───────────────────────────────────────────────────────────────────────────────

  protected async sync(): Promise<void> {
    this.syncs++;
    const n = this.syncs;
    const ops = this.ops;
    const loading = [...this.loading];
    const error = this.failure;
    this.ops = [];
    this.loading = new Set();
    this.failure = null;
    this.suspendedInBatch = false;
    await Promise.resolve(); // a sync is asynchronous in Office.js too
    const fail = (e: Error): never => {
      this.eventsQueued = this.enableEvents;
      this.syncLog.push({ sync: n, responseBytes: 0, loads: loading.length, failed: true });
      throw e;
    };
    if (this.failOnSync === n) fail(officeError('memory-excel: failure on request', 'GeneralException'));
    if (error) fail(error);
    // Loads answer with the state before this batch's writes (the adapter never reads back a
    // write in the same batch), and a refused response leaves the workbook as it was.
    const responseBytes = loading.reduce((sum, l) => sum + l.resolve(), 0);
    if (this.payloadLimit !== undefined && responseBytes > this.payloadLimit) {
      this.eventsQueued = this.enableEvents;
      this.syncLog.push({ sync: n, responseBytes, loads: loading.length, failed: true });
      throw officeError(
        'The response payload size has exceeded the limit.',
        'ResponsePayloadSizeLimitExceeded',
      );
    }
    const written: string[] = [];
    for (const op of ops) {
      op.apply();
      if (op.writes) written.push(...op.writes);
      if (op.record) this.writes.push({ ...op.record, sync: n });
    }
    this.eventsQueued = this.enableEvents;
    this.syncLog.push({ sync: n, responseBytes, loads: loading.length, failed: false });
    if (ops.length > 0) this.emit({ written, changed: true });
  }
}

function version(v: string): [number, number] {
  const [a, b] = v.split('.').map(Number);
  return [a ?? 0, b ?? 0];
}
