/** What recognition gives the checks and the scorer: tables with their items and sheet facts. */
import type { ColumnRole, Item, Table } from '../model';
import type { PointsCell } from '../points';

/** An item with the sheet facts the checks need (0-based rows/columns). */
export interface RecognisedItem {
  item: Item;
  /** 0-based sheet row. */
  row: number;
  /** How the points column read, when the table has one. */
  pointsCell: PointsCell | null;
  /** Points came from the label ("（5分）") rather than a column. */
  pointsFromLabel: boolean;
  /** The points cell is merged with the item above: points are shared, not missing. */
  pointsShared: boolean;
}

export interface RecognisedTable {
  table: Table;
  /** Role → 0-based column. */
  cols: Partial<Record<ColumnRole, number>>;
  headerTop: number;
  headerBottom: number;
  /** Last row of the table (the totals row when there is one), 0-based. */
  bottom: number;
  left: number;
  right: number;
  items: RecognisedItem[];
  /** Where the declared total came from. */
  declaredTotalSource: 'title' | 'section' | 'group' | 'totalsRow' | 'implicit' | null;
  /** "填报单位：…" / "主管部门：…" line above the table. */
  unitLine: string | null;
  /** Rows (0-based) that hold only a sequence number: empty template lines (L7). */
  placeholderRows: number[];
  /** Items share points by groups only (L5): no points column and no points in labels. */
  pointsSource: 'column' | 'label' | 'none';
  /** Multiplier applied to points-column numbers ("权重(%)" with 25 meaning 25%). */
  percentScale: number;
}
