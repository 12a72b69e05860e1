/// <reference types="custom-functions-runtime" />
/**
 * The one place that knows Excel's CustomFunctions API: engine results become cell values, engine
 * errors and bad arguments become `CustomFunctions.Error` (#VALUE! / #N/A) with the Chinese
 * message Excel shows in the cell's error menu.
 *
 * Errors are returned, never thrown: each function runs synchronously inside `excelValue` /
 * `excelColumn`, which catch everything, so no exception and no pending promise reaches Excel.
 * (Returning a CustomFunctions.Error where a number or text is declared is how Microsoft's own
 * examples put an error into a cell of a number[][] result; for a column result the error goes
 * into a 1×1 matrix.)
 */
import type { FnResult } from '../../engine/functions';
import { ArgumentError, type ErrorValue } from './args';

/** Excel shows at most 255 characters of a custom function's error message. */
export const MAX_ERROR_MESSAGE = 255;

/**
 * A message Excel accepts: whitespace runs collapsed, at most `max` UTF-16 code units, cut at a
 * character boundary (never half a surrogate pair) and marked with "…" when cut.
 */
export function truncateMessage(message: string, max = MAX_ERROR_MESSAGE): string {
  const text = message.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** #VALUE! or #N/A with a message, as a CustomFunctions.Error. */
export function excelError(code: ErrorValue, message: string): CustomFunctions.Error {
  const text = truncateMessage(message);
  if (typeof CustomFunctions === 'undefined' || typeof CustomFunctions.Error !== 'function') {
    // CustomFunctions.Error needs CustomFunctionsRuntime 1.2, which every host with the shared
    // runtime has. Without it, an exception is the only way to an error value (#VALUE!).
    throw new Error(text);
  }
  // The enum's values are the error texts themselves; fall back to them should a host lack the enum.
  const codes = CustomFunctions.ErrorCode as typeof CustomFunctions.ErrorCode | undefined;
  const errorCode =
    code === '#N/A'
      ? (codes?.notAvailable ?? ('#N/A' as CustomFunctions.ErrorCode))
      : (codes?.invalidValue ?? ('#VALUE!' as CustomFunctions.ErrorCode));
  return new CustomFunctions.Error(errorCode, text === '' ? undefined : text);
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: CustomFunctions.Error };

function run<T>(compute: () => FnResult<T>): Outcome<T> {
  let r: FnResult<T>;
  try {
    r = compute();
  } catch (e) {
    if (e instanceof ArgumentError) return { ok: false, error: excelError(e.code, e.message) };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: excelError('#VALUE!', `计算出错：${detail}`) };
  }
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: excelError(r.error, r.message) };
}

/** A number or text for one cell, or the error. */
export function excelValue<T extends number | string>(compute: () => FnResult<T>): T {
  const r = run(compute);
  if (!r.ok) return r.error as unknown as T;
  if (typeof r.value === 'number' && !Number.isFinite(r.value))
    return excelError('#VALUE!', '结果超出 Excel 的数值范围') as unknown as T;
  return r.value;
}

/** A column that spills, or the error in a 1×1 result. */
export function excelColumn(compute: () => FnResult<number[][]>): number[][] {
  const r = run(compute);
  return r.ok ? r.value : [[r.error as unknown as number]];
}
