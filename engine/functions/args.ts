/**
 * What every PERF function shares: Excel-style arguments (numbers, text, booleans, null for an
 * empty cell, matrices for ranges), results that are a value or an error with its message in
 * Chinese and English, and the conversions of one argument to a number, a list or settings.
 */
import { dec, round, type Dec } from '../rules/decimal';
import { parseOptionText, type ScoringSettings } from '../rules/settings';
import { readActual } from '../rules/actual';

export type Scalar = number | string | boolean | null;
export type Arg = Scalar | readonly (readonly Scalar[])[];

export type FnResult<T> =
  { ok: true; value: T } | { ok: false; error: '#VALUE!' | '#N/A'; message: string; messageEn: string };

export const ok = <T>(value: T): FnResult<T> => ({ ok: true, value });
export const valueError = (message: string, messageEn: string): FnResult<never> => ({
  ok: false,
  error: '#VALUE!',
  message,
  messageEn,
});
export const naError = (message: string, messageEn: string): FnResult<never> => ({
  ok: false,
  error: '#N/A',
  message,
  messageEn,
});

/** Flattens a range (or a scalar) into its values, row by row. */
export function flat(a: Arg): Scalar[] {
  if (Array.isArray(a)) return (a as readonly (readonly Scalar[])[]).flatMap((r) => [...r]);
  return [a as Scalar];
}

/** A single value from a scalar or a 1×1 range. */
export function scalar(a: Arg): Scalar {
  if (!Array.isArray(a)) return a as Scalar;
  const v = flat(a);
  return v.length === 1 ? (v[0] ?? null) : null;
}

/** A number argument: numbers, numeric text, "80%"; null when empty. */
export function numberArg(a: Arg, name: string): FnResult<Dec | null> {
  const v = scalar(a);
  if (v === null || v === '') return ok(null);
  if (typeof v === 'number')
    return Number.isFinite(v)
      ? ok(dec(v))
      : valueError(`${name}不是有效数字`, `${name} is not a valid number`);
  if (typeof v === 'boolean')
    return valueError(`${name}应为数字，不是逻辑值`, `${name} must be a number, not TRUE/FALSE`);
  const r = readActual(v);
  if (r.kind !== 'number') return valueError(`${name}「${v}」不是数字`, `${name} "${v}" is not a number`);
  return ok(r.value);
}

export function requiredNumber(a: Arg, name: string): FnResult<Dec> {
  const r = numberArg(a, name);
  if (!r.ok) return r;
  return r.value === null ? naError(`缺少${name}`, `${name} is missing`) : ok(r.value);
}

export function settingsFrom(
  options: Arg | undefined,
): FnResult<{ settings: ScoringSettings; roundTo: number | null }> {
  const text = options === undefined ? null : scalar(options);
  if (text !== null && typeof text !== 'string')
    return valueError(
      '选项应为文本，如 "partial=floor;cap=1.2"',
      'Options must be text such as "partial=floor;cap=1.2"',
    );
  try {
    const settings = parseOptionText(text);
    const roundTo =
      text && /(?:^|[;；,，])\s*(?:decimals|dp|小数位数)\s*[=:：]/i.test(text) ? settings.decimals : null;
    return ok({ settings, roundTo });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return valueError(msg, msg);
  }
}

/** A result as an Excel number; exact decimals beyond a double's range are an error, not ∞. */
export function out(x: Dec, roundTo: number | null): FnResult<number> {
  const n = (roundTo === null ? x : round(x, roundTo)).toNumber();
  return Number.isFinite(n)
    ? ok(n)
    : valueError('结果超出 Excel 可表示的数值范围', "The result is beyond Excel's number range");
}

export function numberList(a: Arg, name: string): FnResult<Dec[]> {
  const outList: Dec[] = [];
  for (const v of flat(a)) {
    if (v === null || v === '') continue;
    const r = numberArg(v, name);
    if (!r.ok) return r;
    if (r.value) outList.push(r.value);
  }
  return ok(outList);
}
