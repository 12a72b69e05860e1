/**
 * Request planning. Office.js sends every operation queued since the last `context.sync()` as one
 * request, and Excel on the web rejects a request or response above 5 MB
 * (ResponsePayloadSizeLimitExceeded). Work is therefore cut into units with a size estimate and
 * packed into as few requests as fit a budget: on Windows and Mac the budget is unlimited and a
 * whole read is one request, on the web a request carries up to `maxRequestBytes`.
 */
import type { Platform } from './requirements';

/** Stay well under the 5 MB limit of Excel on the web. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

/**
 * Estimated response bytes per cell for values + valueTypes + formulas + numberFormat. Each text
 * travels twice (values and formulas); an indicator table with a 36-character Chinese
 * description column averages about 70 bytes a cell as UTF-8 JSON and about 115 if the host
 * escapes non-ASCII as \uXXXX, a table of short labels about 40. Cells with long descriptions
 * cost more, which the split-and-retry on ResponsePayloadSizeLimitExceeded absorbs.
 */
export const DEFAULT_BYTES_PER_CELL = 200;

/** Excel's guidance for large reads: blocks of 5k–20k rows. */
export const DEFAULT_MAX_ROWS_PER_CHUNK = 5_000;

export interface SizedUnit {
  readonly bytes: number;
}

/** Greedy packing in order; a unit larger than the budget gets a request of its own. */
export function packRequests<T extends SizedUnit>(units: readonly T[], budget: number): T[][] {
  const requests: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const unit of units) {
    if (current.length > 0 && size + unit.bytes > budget) {
      requests.push(current);
      current = [];
      size = 0;
    }
    current.push(unit);
    size += unit.bytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** The request budget for a platform: unlimited off the web; on the web (or unknown) the given budget. */
export function requestBudget(platform: Platform, maxRequestBytes: number): number {
  return platform === 'desktop' ? Number.POSITIVE_INFINITY : maxRequestBytes;
}

/** True for the error Excel on the web raises when a request or response is too large. */
export function isPayloadTooLarge(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded') return true;
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' && /payload size/i.test(message);
}
