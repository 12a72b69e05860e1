/**
 * Bands (等次): the scheme text "90:优秀,80:良好,60:合格,0:不合格", the band of a score, and the
 * whole counts per band of a forced distribution. Used by the table scorer and by the PERF.BAND /
 * PERF.FORCED functions, so both read a scheme the same way.
 */
import { D, dec, type Dec } from './rules/decimal';
import type { ScoringSettings } from './rules/settings';

export interface Band {
  min: Dec;
  label: string;
}

/** A scheme read, or why not (in the shape of a PERF function's #VALUE! error). */
export type BandsResult =
  { ok: true; value: Band[] } | { ok: false; error: '#VALUE!'; message: string; messageEn: string };

/** "90:优秀,80:良好,60:合格,0:不合格" → bands, highest first. */
export function parseBands(scheme: string): BandsResult {
  const bands: Band[] = [];
  for (const part of scheme.normalize('NFKC').split(/[,;，；]/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^([+-]?\d+(?:\.\d+)?)\s*[:：=]\s*(.+)$/.exec(p);
    if (!m)
      return {
        ok: false,
        error: '#VALUE!',
        message: `等次方案「${p}」应写成 分数:等次`,
        messageEn: `Band "${p}" must be written as score:label`,
      };
    bands.push({ min: dec(m[1]!), label: m[2]!.trim() });
  }
  if (bands.length === 0)
    return { ok: false, error: '#VALUE!', message: '等次方案为空', messageEn: 'The band scheme is empty' };
  bands.sort((a, b) => b.min.cmp(a.min));
  return { ok: true, value: bands };
}

/** The band a score falls in (bands highest first), or null below the lowest. */
export function bandOf(score: Dec, bands: readonly Band[]): Band | null {
  return bands.find((b) => score.gte(b.min)) ?? null;
}

/** Whole counts per band from N and quotas, by the rounding mode (reported by callers). */
export function bandCounts(
  n: number,
  quotas: readonly number[],
  rounding: ScoringSettings['forced']['rounding'],
): number[] {
  const total = quotas.reduce((a, b) => a.plus(b), new D(0));
  const exact = quotas.map((q) => (total.isZero() ? new D(0) : new D(n).mul(q).div(total)));
  let counts = exact.map((e) =>
    (rounding === 'halfUp' ? e.toDecimalPlaces(0, D.ROUND_HALF_UP) : e.floor()).toNumber(),
  );
  let diff = n - counts.reduce((a, b) => a + b, 0);
  if (rounding === 'largestRemainder') {
    // Ties between equal remainders go to the lower band: never more 优秀 than the quota allows.
    const order = exact
      .map((e, i) => ({ i, rem: e.minus(e.floor()) }))
      .sort((a, b) => b.rem.cmp(a.rem) || b.i - a.i);
    for (let k = 0; diff > 0; k++, diff--) counts[order[k % order.length]!.i]!++;
  } else if (diff !== 0) {
    // floor / halfUp: the largest band absorbs the difference.
    const big = quotas.indexOf(Math.max(...quotas));
    counts = counts.map((c, i) => (i === big ? c + diff : c));
  }
  return counts;
}
