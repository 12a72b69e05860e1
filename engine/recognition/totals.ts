/**
 * Stage 6, points rolled up and the declared total: each group's sum of its parts (declared
 * group points count as given), and the total the table declares: in its title "(55分)", its
 * section row, its 合计 row, a single top group, or 100% for percent weights.
 */
import { cellAddress } from '../address';
import type { Group } from '../model';
import { parseLabel, parsePointsCell, sumPoints } from '../points';
import type { SheetView } from '../sheet-view';
import type { Above } from './above';
import type { HeaderInfo } from './header';
import type { GroupNode } from './hierarchy';
import type { Items } from './items';
import type { RecognisedTable } from './types';
import { scale } from './units';

/** Every group (depth first, as listed in the table) and the top-level parts of the table's sum. */
export function rollUp(
  roots: readonly GroupNode[],
  topItems: Items['topItems'],
  pointsCol: number | undefined,
): { groups: Group[]; topParts: number[] } {
  const flat: Group[] = [];
  const visit = (node: GroupNode): { value: number | null; anyPoints: boolean } => {
    flat.push(node.group);
    const parts: number[] = [];
    let anyPoints = false;
    for (const it of node.items) {
      if (it.item.points !== null && !it.item.deductionOnly) {
        parts.push(it.item.points);
        anyPoints = true;
      }
    }
    for (const child of node.children) {
      const c = visit(child);
      if (c.value !== null) parts.push(c.value);
      anyPoints = anyPoints || c.anyPoints || child.group.declared !== null;
    }
    node.group.sum = sumPoints(parts);
    // Scored as a whole only where items have no points column at all (L5); blank cells in a
    // points column are missing points, not a group-level score.
    node.group.scoredAsWhole = node.group.declared !== null && !anyPoints && pointsCol === undefined;
    return { value: node.group.declared ?? (anyPoints ? node.group.sum : null), anyPoints };
  };
  const topParts: number[] = [];
  for (const root of roots) {
    const v = visit(root);
    if (v.value !== null) topParts.push(v.value);
  }
  for (const it of topItems)
    if (it.item.points !== null && !it.item.deductionOnly) topParts.push(it.item.points);
  return { groups: flat, topParts };
}

export interface DeclaredTotal {
  declaredTotal: number | null;
  declaredTotalCell: string | null;
  declaredTotalSource: RecognisedTable['declaredTotalSource'];
}

export function findDeclaredTotal(
  view: SheetView,
  header: HeaderInfo,
  above: Above,
  totalsRow: number | null,
  roots: readonly GroupNode[],
  topItems: Items['topItems'],
  pointsUnit: 'points' | 'percent',
  percentScale: number,
): DeclaredTotal {
  const pointsCol = header.cols.points;
  let declaredTotal: number | null = null;
  let declaredTotalCell: string | null = null;
  let declaredTotalSource: RecognisedTable['declaredTotalSource'] = null;
  if (above.title && above.titleCell && parseLabel(above.title).points !== null) {
    declaredTotal = parseLabel(above.title).points;
    declaredTotalCell = above.titleCell;
    declaredTotalSource = 'title';
  } else if (above.section && above.sectionCell && parseLabel(above.section).points !== null) {
    declaredTotal = parseLabel(above.section).points;
    declaredTotalCell = above.sectionCell;
    declaredTotalSource = 'section';
  } else if (
    totalsRow !== null &&
    pointsCol !== undefined &&
    parsePointsCell(view.raw(totalsRow, pointsCol)).status === 'ok'
  ) {
    const p = parsePointsCell(view.raw(totalsRow, pointsCol));
    if (p.status === 'ok' && p.points !== null) {
      declaredTotal = scale(p.points, p.percent ? 1 : percentScale);
      declaredTotalCell = cellAddress(totalsRow, pointsCol);
      declaredTotalSource = 'totalsRow';
    }
  }
  if (
    declaredTotal === null &&
    roots.length === 1 &&
    topItems.length === 0 &&
    roots[0]!.group.declared !== null
  ) {
    declaredTotal = roots[0]!.group.declared;
    declaredTotalCell = roots[0]!.group.cell;
    declaredTotalSource = 'group';
  }
  if (declaredTotal === null && pointsUnit === 'percent' && pointsCol !== undefined) {
    declaredTotal = 1;
    declaredTotalCell = cellAddress(header.top, pointsCol);
    declaredTotalSource = 'implicit';
  }
  return { declaredTotal, declaredTotalCell, declaredTotalSource };
}
