/**
 * Stage 3, points and their unit: a points column, or points in the item labels ("（5分）") when
 * there is none; a 权重 column in percent (percent cells or text, fractions that sum near 1, or
 * "权重(%)" numbers that sum near 100, scaled by 0.01).
 */
import Decimal from 'decimal.js';
import { parseLabel, parsePointsCell, sumPoints, type PointsCell } from '../points';
import type { SheetView } from '../sheet-view';
import type { HeaderInfo } from './header';

export interface PointsUnits {
  /** No points column, but item labels carry points. */
  labelPoints: boolean;
  pointsUnit: 'points' | 'percent';
  /** Multiplier applied to points-column numbers ("权重(%)" with 25 meaning 25%). */
  percentScale: number;
  /** Each body row's points cell (by index in the body rows), when there is a points column. */
  parsedPoints: PointsCell[];
}

export function readPointsUnits(
  view: SheetView,
  header: HeaderInfo,
  bodyRows: readonly number[],
): PointsUnits {
  const { cols } = header;
  // Points: a column, or labels ("（5分）") when there is no column.
  const pointsCol = cols.points;
  const itemCol = cols.item!;
  const labelPoints =
    pointsCol === undefined &&
    bodyRows.some((r) => !view.isMergeSlave(r, itemCol) && parseLabel(view.text(r, itemCol)).points !== null);

  // Percent weights: a 权重 column with percent formats/text, or fractions that sum near 1.
  const pointsHeader = header.headers.points ?? '';
  let pointsUnit: 'points' | 'percent' = 'points';
  let percentScale = 1;
  // Each body row's points cell, read once (also used for the items below).
  let parsedPoints: PointsCell[] = [];
  if (pointsCol !== undefined) {
    const parsed = (parsedPoints = bodyRows.map((r) => parsePointsCell(view.raw(r, pointsCol))));
    const oks = parsed.filter(
      (p): p is Extract<PointsCell, { status: 'ok' }> => p.status === 'ok' && p.points !== null,
    );
    const anyPercent = oks.some((p) => p.percent);
    const headerPercent = /%|％|百分比|比例/.test(pointsHeader);
    const weightHeader = /权重/.test(pointsHeader) && !/分值/.test(pointsHeader);
    if (anyPercent) pointsUnit = 'percent';
    else if (oks.length > 0 && (weightHeader || headerPercent)) {
      const total = sumPoints(oks.map((p) => p.points ?? 0));
      if (oks.every((p) => (p.points ?? 0) <= 1) && total <= 1.5) pointsUnit = 'percent';
      else if (headerPercent && total > 1.5 && total <= 150) {
        pointsUnit = 'percent';
        percentScale = 0.01;
      }
    }
  }
  return { labelPoints, pointsUnit, percentScale, parsedPoints };
}

/** points × factor in decimal: 70 × 0.01 must be 0.7, not 0.7000000000000001. */
export function scale(points: number, factor: number): number {
  return factor === 1 ? points : new Decimal(points).mul(factor).toNumber();
}
