/**
 * The band (等次) cell of the summary block a write plan puts beside a table (./write-plan.ts): the
 * band function's formula on the total, or, where the table has 一票否决 / 一票否优 items, a native
 * formula that reads those items' cells itself (engine/native/veto.ts; the band function knows
 * nothing of vetoes), or the value where neither can say it.
 */
import { cellAddress } from './address';
import { bandWithNote } from './bands';
import type { ScoredTable } from './index';
import type { Item } from './model';
import { compileBand } from './native/totals';
import type { VetoItem } from './native/veto';
import { readItemRule } from './rules/item-rule';
import type { ScoringSettings } from './rules/settings';
import type { SheetView } from './sheet-view';
import type { WriteMode, WriteValue } from './write-plan';

export interface BandCell {
  value: WriteValue;
  formula: string | null;
  /** Why a table with veto items gets its band as a value, not a formula; else null. */
  refused: string | null;
}

export interface BandRefs {
  /** The summary's total cell. */
  totalCell: string;
  /** 0-based columns of the actual values and the points, or null. */
  actualCol: number | null;
  pointsCol: number | null;
  /** Rows whose score cell holds the item's live rule formula, by row. */
  ruleFormulaAt: ReadonlyMap<number, string>;
  /** The band function's call on a score expression. */
  bandCall: (score: string) => string;
}

export function planBand(
  table: ScoredTable,
  view: SheetView,
  mode: WriteMode,
  settings: ScoringSettings,
  refs: BandRefs,
): BandCell {
  const band = table.score.band;
  const shown = band === null ? null : bandWithNote(band, table.score.bandNote);
  const outOf = table.score.outOf;
  const total = refs.totalCell;
  if (mode === 'values' || outOf === null || !(outOf > 0))
    return { value: shown, formula: null, refused: null };
  const vetoItems = table.items.filter((i) => i.veto || i.vetoExcellence);
  if (vetoItems.length === 0)
    return {
      value: band,
      formula: `=IF(${total}="","",${refs.bandCall(`${total}*100/${outOf}`)})`,
      refused: null,
    };
  const b = compileBand({
    total,
    outOf,
    scheme: settings.bands,
    decimals: settings.decimals,
    vetoItems: vetoItems.map((i) => vetoItem(i, view, refs)),
  });
  return b.ok
    ? { value: shown, formula: `=IF(${total}="","",${b.formula.slice(1)})`, refused: null }
    : { value: shown, formula: null, refused: b.reason };
}

/** A 一票否决 / 一票否优 item as the band's veto tests read it. */
function vetoItem(i: Item, view: SheetView, refs: BandRefs): VetoItem {
  const parsed = readItemRule(i.method, i.target)?.parsed;
  const row0 = i.row - 1;
  const pointsCell =
    refs.pointsCol !== null &&
    i.pointsCell === cellAddress(row0, refs.pointsCol) &&
    view.value(row0, refs.pointsCol).kind === 'number'
      ? i.pointsCell
      : null;
  return {
    name: i.name,
    veto: i.veto,
    vetoExcellence: i.vetoExcellence,
    actual: refs.actualCol === null ? null : cellAddress(row0, refs.actualCol),
    score: refs.ruleFormulaAt.get(i.row) ?? null,
    points: pointsCell ?? String(i.points ?? 0),
    program: parsed?.ok ? parsed.rule : null,
  };
}
