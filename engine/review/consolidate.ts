/**
 * The reviewer's 汇总 (issue 14): units ranked by total (competition ranking, 1 2 2 4), the
 * forced distribution over the ranked units (quotas, labels, rounding and tie policy from the
 * settings; the counts and the bands by rank are those of the forced-distribution function, engine/bands.ts), every
 * group of tied units a cut-off splits, and the item matrix (items × units).
 *
 * Units without a total, with a triggered 一票否决, or whose file could not be read are not
 * ranked and stay out of the distribution.
 */
import { bandCounts, forcedBandAt } from '../bands';
import { dec } from '../rules/decimal';
import type { ScoringSettings } from '../rules/settings';
import type { TemplateItem, UnitItem, UnitReview } from './unit';

export interface RankedUnit extends UnitReview {
  /** Competition rank among the ranked units, or null when not ranked. */
  rank: number | null;
  /** Band of the forced distribution (by rank and quota), or null when not ranked. */
  quotaBand: string | null;
}

/** Tied units that a cut-off of the distribution splits. */
export interface Tie {
  total: number;
  /** Unit names, in the order of the files. */
  units: string[];
  files: string[];
  /** The rank positions the group occupies (first and last, 1-based). */
  positions: [number, number];
  /** After this many places the band changes. */
  cutoff: number;
  /** The bands on either side of the cut-off. */
  above: string;
  below: string;
  /** The band every unit of the group gets, by the tie policy. */
  band: string;
}

export interface Distribution {
  labels: string[];
  quotas: number[];
  rounding: ScoringSettings['forced']['rounding'];
  tiePolicy: ScoringSettings['forced']['ties'];
  /** Units ranked (the distribution's N). */
  ranked: number;
  /** Whole counts per band from N × quota, by the rounding mode. */
  counts: number[];
  /** Units each band actually got once ties took the band the tie policy gives. */
  assigned: number[];
  ties: Tie[];
}

/** A row of the item matrix: a template item, or one a unit added. */
export interface MatrixItem {
  key: string;
  path: string[];
  name: string;
  /** The template's points; for an added item, the points of the first unit that added it. */
  points: number | null;
  /** Not in the template: some unit added it. */
  added: boolean;
}

export interface ItemMatrix {
  items: MatrixItem[];
  /** scores[i][u]: the score of item i in unit u (null: no score, or the unit has no such item). */
  scores: (number | null)[][];
}

export interface Consolidation {
  units: RankedUnit[];
  distribution: Distribution;
  matrix: ItemMatrix;
}

/** Order of two totals as decimals (numbers from dec(): never NaN, and 0 is never -0). */
function byTotal(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ranks the units, distributes them by quota and builds the item matrix. */
export function consolidate(
  units: readonly UnitReview[],
  templateItems: readonly TemplateItem[],
  forced: ScoringSettings['forced'],
): Consolidation {
  const rankedIdx = units
    .map((u, i) => ({ u, i }))
    .filter(({ u }) => u.error === null && u.total !== null && !u.veto);
  // Totals are compared as decimals at Excel's 15 digits (dec), by the numbers those decimals are:
  // every dec() has at most 15 significant digits, and such decimals are distinct doubles in the
  // same order, so comparing the numbers is comparing the decimals, without a Decimal per step.
  const totals: number[] = rankedIdx.map(({ u }) => dec(u.total!).toNumber());
  // Sorted once, highest first: each total's place is how many totals are higher and how many equal
  // (itself included); competition rank is 1 + higher (1, 2, 2, 4).
  const higher: number[] = new Array<number>(totals.length);
  const equal: number[] = new Array<number>(totals.length);
  const order = totals.map((_, k) => k).sort((a, b) => byTotal(totals[b]!, totals[a]!));
  for (let s = 0; s < order.length;) {
    let e = s + 1;
    while (e < order.length && totals[order[e]!] === totals[order[s]!]) e++;
    for (let j = s; j < e; j++) {
      higher[order[j]!] = s;
      equal[order[j]!] = e - s;
    }
    s = e;
  }
  const counts = bandCounts(totals.length, forced.quotas, forced.rounding);
  const labels = forced.labels;
  const assigned = labels.map(() => 0);
  const rank = new Map<number, number>();
  const quotaBand = new Map<number, string>();
  rankedIdx.forEach(({ i }, k) => {
    rank.set(i, 1 + higher[k]!);
    const b = forcedBandAt(higher[k]!, equal[k]!, counts, forced.ties);
    quotaBand.set(i, labels[b]!);
    assigned[b]!++;
  });

  // Ties a cut-off splits: a group of equal totals whose positions run across it.
  const ties: Tie[] = [];
  const groups = new Map<number, number[]>();
  totals.forEach((total, k) => {
    const members = groups.get(total);
    if (members) members.push(k);
    else groups.set(total, [k]);
  });
  let cum = 0;
  for (let c = 0; c < counts.length - 1; c++) {
    cum += counts[c]!;
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const t = totals[members[0]!]!;
      const first = 1 + higher[members[0]!]!;
      const last = first + members.length - 1;
      if (first <= cum && last > cum)
        ties.push({
          total: t,
          units: members.map((k) => rankedIdx[k]!.u.unit),
          files: members.map((k) => rankedIdx[k]!.u.file),
          positions: [first, last],
          cutoff: cum,
          above: labels[c]!,
          below: labels[c + 1]!,
          band: quotaBand.get(rankedIdx[members[0]!]!.i)!,
        });
    }
  }
  ties.sort((a, b) => a.cutoff - b.cutoff || b.total - a.total);

  return {
    units: units.map((u, i) => ({ ...u, rank: rank.get(i) ?? null, quotaBand: quotaBand.get(i) ?? null })),
    distribution: {
      labels: [...labels],
      quotas: [...forced.quotas],
      rounding: forced.rounding,
      tiePolicy: forced.ties,
      ranked: totals.length,
      counts,
      assigned,
      ties,
    },
    matrix: itemMatrix(units, templateItems),
  };
}

/** Template items first, in their order, then the items units added, as first seen. */
export function itemMatrix(units: readonly UnitReview[], templateItems: readonly TemplateItem[]): ItemMatrix {
  const items: MatrixItem[] = templateItems.map((t) => ({
    key: t.key,
    path: t.path,
    name: t.name,
    points: t.points,
    added: false,
  }));
  const index = new Map<string, number>();
  for (let i = 0; i < items.length; i++) index.set(items[i]!.key, i);
  for (let u = 0; u < units.length; u++) addedItems(items, index, units[u]!.items);
  const scores = items.map(() => units.map((): number | null => null));
  for (let u = 0; u < units.length; u++) scoreColumn(scores, index, units[u]!.items, u);
  return { items, scores };
}

// The loops over a unit's items are functions of their own: V8 compiles these small loops early,
// where a whole itemMatrix (once per review, but 100 units × 48 items) was compiled late, at
// 20 ms, in the third review of the bench.

/** Items of a unit that neither the template nor an earlier unit has, appended to `items`. */
function addedItems(items: MatrixItem[], index: Map<string, number>, unitItems: readonly UnitItem[]): void {
  for (let i = 0; i < unitItems.length; i++) {
    const it = unitItems[i]!;
    if (index.has(it.key)) continue;
    index.set(it.key, items.length);
    items.push({ key: it.key, path: it.path, name: it.name, points: it.points, added: true });
  }
}

/** A unit's scores into its column of the matrix. */
function scoreColumn(
  scores: (number | null)[][],
  index: ReadonlyMap<string, number>,
  unitItems: readonly UnitItem[],
  u: number,
): void {
  for (let i = 0; i < unitItems.length; i++) {
    const it = unitItems[i]!;
    scores[index.get(it.key)!]![u] = it.score;
  }
}
