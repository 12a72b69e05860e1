/**
 * Bands (等次): the scheme text "90:优秀,80:良好,60:合格,0:不合格", the band of a score, and the
 * whole counts per band of a forced distribution. Used by the table scorer and by the band and
 * forced-distribution functions (engine/functions/band.ts, forced.ts), so both read a scheme the
 * same way.
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

/**
 * The forced-distribution band of one score among all scores (engine/functions/forced.ts and the reviewer's
 * 汇总 both use this): its rank positions under the tie policy, against the cumulative counts.
 * `all` holds every ranked score, `score` among them; returns the band's index.
 */
export function forcedBandIndex(
  score: Dec,
  all: readonly Dec[],
  counts: readonly number[],
  ties: ScoringSettings['forced']['ties'],
): number {
  const higher = all.filter((x) => x.gt(score)).length;
  const equal = all.filter((x) => x.eq(score)).length;
  return forcedBandAt(higher, equal, counts, ties);
}

/**
 * The same band from the score's place: `higher` scores above it and `equal` scores equal to it
 * (itself included). For callers that rank many scores at once (the reviewer's 汇总 sorts once).
 */
export function forcedBandAt(
  higher: number,
  equal: number,
  counts: readonly number[],
  ties: ScoringSettings['forced']['ties'],
): number {
  // Positions (1-based) this score occupies; tied scores straddling a cut-off follow the tie policy.
  const position = ties === 'higher' ? higher + 1 : higher + equal;
  let cum = 0;
  for (let k = 0; k < counts.length; k++) {
    cum += counts[k]!;
    if (position <= cum) return k;
  }
  return counts.length - 1;
}

/** Schemes read by bandOfTotal (every table and every reviewed unit reads the same one or two). */
const schemes = new Map<string, BandsResult>();
function cachedBands(scheme: string): BandsResult {
  let b = schemes.get(scheme);
  if (b === undefined) {
    if (schemes.size >= 64) schemes.clear();
    schemes.set(scheme, (b = parseBands(scheme)));
  }
  return b;
}

/** What a band says beside its label when a veto set it (the pane, the CLI, the written 等次). */
export const BAND_NOTES = {
  veto: { zh: '触发一票否决', en: 'one-vote veto triggered' },
  vetoExcellence: { zh: '触发一票否优', en: 'veto of excellence triggered' },
} as const;

/** A band as written into the sheet: "不合格（触发一票否决）". */
export function bandWithNote(band: string, note: string | null): string {
  return note ? `${band}（${note}）` : band;
}

/**
 * The band of a table total (scaled to 100 by the points it is out of): a veto (一票否决) gives
 * the lowest band whatever the total, or without one; a veto of excellence (一票否优) stops below
 * the top band. Null when there is neither a total nor a veto, or the scheme does not read.
 */
export function bandOfTotal(
  total: Dec | null,
  outOf: number | null,
  scheme: string,
  veto: boolean,
  vetoExcellence: boolean,
): { label: string; note: 'veto' | 'vetoExcellence' | null } | null {
  const bands = cachedBands(scheme);
  if (!bands.ok) return null;
  const ordered = bands.value;
  if (veto) return { label: ordered[ordered.length - 1]!.label, note: 'veto' };
  if (total === null || outOf === null || outOf <= 0) return null;
  const scaled = total.mul(100).div(outOf);
  let idx = ordered.findIndex((b) => scaled.gte(b.min));
  if (idx < 0) idx = ordered.length - 1;
  if (vetoExcellence && idx === 0 && ordered.length > 1)
    return { label: ordered[1]!.label, note: 'vetoExcellence' };
  return { label: ordered[idx]!.label, note: null };
}
