/**
 * Recognition: from a sheet's cells to indicator tables. Finds header rows anywhere on the
 * sheet (under titles, "主管部门：" lines and section rows), second header rows of grouped
 * columns, the table body down to a 合计 row, a 注： note, a section row, the next header or
 * blank rows; forward-fills merged hierarchy columns; builds groups and items.
 *
 * In stages (engine/recognition/): header → lines above → body extent → points and their unit →
 * hierarchy → items and groups → roll-up and declared total → layout (a registry).
 * Everything here is one linear pass over the rows (header tests are cached per row).
 */
import { columnLetter, rangeAddress } from './address';
import type { Table } from './model';
import { sumPoints } from './points';
import { readAbove } from './recognition/above';
import { findBody } from './recognition/body';
import { detectHeader, type ColumnRoleCorrections, type HeaderInfo } from './recognition/header';
import { buildItems } from './recognition/items';
import { classifyLayout } from './recognition/layouts';
import { findDeclaredTotal, rollUp } from './recognition/totals';
import type { RecognisedTable } from './recognition/types';
import { readPointsUnits } from './recognition/units';
import type { SheetView } from './sheet-view';

export type { RecognisedItem, RecognisedTable } from './recognition/types';
export type { ColumnRoleCorrections } from './recognition/header';

/** Recognises every table on a sheet, applying the clerk's column-role corrections, if any. */
export function recogniseSheet(view: SheetView, corrections: ColumnRoleCorrections = {}): RecognisedTable[] {
  const tables: RecognisedTable[] = [];
  // Indexed by row (undefined: not tested yet); an array, as every row is tested once.
  const headerCache: (HeaderInfo | null | undefined)[] = [];
  const headerAt = (r: number): HeaderInfo | null => {
    let h = headerCache[r];
    if (h === undefined) {
      h = detectHeader(view, r, corrections[String(r + 1)]);
      headerCache[r] = h;
    }
    return h;
  };
  let lastTitle: string | null = null;
  let scanFrom = 0;
  for (let r = 0; r < view.rowCount; r++) {
    const header = headerAt(r);
    if (!header) continue;
    const t = buildTable(view, header, headerAt, scanFrom, lastTitle);
    tables.push(t);
    if (t.table.title) lastTitle = t.table.title;
    r = t.bottom;
    scanFrom = t.bottom + 1 + t.table.notes.length;
    r = Math.max(r, scanFrom - 1);
  }
  return tables;
}

function buildTable(
  view: SheetView,
  header: HeaderInfo,
  headerAt: (r: number) => HeaderInfo | null,
  scanFrom: number,
  inheritedTitle: string | null,
): RecognisedTable {
  const { cols, left, right } = header;
  const above = readAbove(view, header.top, scanFrom, right);
  const { bottom, totalsRow, notes, bodyRows } = findBody(view, header, headerAt);
  const units = readPointsUnits(view, header, bodyRows);
  const { labelPoints, pointsUnit, percentScale } = units;
  const pointsCol = cols.points;
  const { items, topItems, roots, placeholderRows } = buildItems(view, header, bodyRows, units);
  const { groups, topParts } = rollUp(roots, topItems, pointsCol);
  const { declaredTotal, declaredTotalCell, declaredTotalSource } = findDeclaredTotal(
    view,
    header,
    above,
    totalsRow,
    roots,
    topItems,
    pointsUnit,
    percentScale,
  );
  const title = above.title ?? inheritedTitle;

  const lastRow = Math.max(bottom, header.bottom);
  const table: Table = {
    sheet: view.name,
    range: rangeAddress({ top: header.top, left, bottom: lastRow, right }),
    headerRow: header.top + 1,
    headerRows: header.bottom - header.top + 1,
    layout: 'generic',
    columns: Object.fromEntries(Object.entries(cols).map(([role, c]) => [role, columnLetter(c as number)])),
    headers: header.headers,
    columnPoints: header.columnPoints,
    title,
    section: above.section,
    declaredTotal,
    sum: sumPoints(topParts),
    declaredTotalCell,
    pointsUnit,
    totalsRow: totalsRow === null ? null : totalsRow + 1,
    notes: notes.map((n) => ({ row: n.row + 1, text: n.text })),
    groups,
    items: items.map((i) => i.item),
  };
  const pointsSource = pointsCol !== undefined ? 'column' : labelPoints ? 'label' : 'none';
  table.layout = classifyLayout({
    has: (role) => table.columns[role] !== undefined,
    pointsUnit: table.pointsUnit,
    pointsSource,
    targetHeader: header.headers.target ?? '',
    anyGroupDeclared: table.groups.some((g) => g.declared !== null),
  });
  return {
    table,
    cols,
    headerTop: header.top,
    headerBottom: header.bottom,
    bottom: lastRow,
    left,
    right,
    items,
    declaredTotalSource,
    unitLine: above.unitLine,
    placeholderRows,
    pointsSource,
    percentScale,
  };
}
