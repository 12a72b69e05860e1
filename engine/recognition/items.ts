/**
 * Stage 5, items and groups: each body row with a name (or entries) becomes an item under the
 * group of its hierarchy path, with its points (column or label), marks (一票否决, 一票否优, 扣分制)
 * and the entries a clerk fills; rows with only labels or a 序号 are skipped (the latter noted as
 * empty template lines).
 */
import { cellAddress } from '../address';
import { LEVEL_ROLES } from '../headers';
import type { ColumnRole, Item } from '../model';
import { parseLabel, parsePointsCell, type LabelParts, type PointsCell } from '../points';
import type { SheetView } from '../sheet-view';
import { splitNames } from '../text';
import { ownCells } from './body';
import type { HeaderInfo } from './header';
import { GroupTree, HierarchyReader, type GroupNode } from './hierarchy';
import type { RecognisedItem } from './types';
import { scale, type PointsUnits } from './units';

export interface Items {
  items: RecognisedItem[];
  /** Items outside any group. */
  topItems: RecognisedItem[];
  roots: GroupNode[];
  placeholderRows: number[];
}

export function buildItems(
  view: SheetView,
  header: HeaderInfo,
  bodyRows: readonly number[],
  units: PointsUnits,
): Items {
  const { cols, left, right } = header;
  const { labelPoints, percentScale, parsedPoints } = units;
  const pointsCol = cols.points;
  const itemCol = cols.item!;
  // A loop: map/filter gave arrays of different kinds with and without levels, and the code
  // V8 compiled for one deoptimised on the other.
  const levelCols: number[] = [];
  for (const role of LEVEL_ROLES) {
    const c = cols[role];
    if (c !== undefined) levelCols.push(c);
  }
  const hierarchy = new HierarchyReader(view, levelCols);
  const tree = new GroupTree();
  const items: RecognisedItem[] = [];
  const topItems: RecognisedItem[] = [];
  const placeholderRows: number[] = [];
  const entrySkip = labelColumns(cols);

  // Columns by role, looked up once per table instead of once per cell read.
  const { target: targetCol, method: methodCol, owner: ownerCol, person: personCol } = cols;
  const { standard: standardCol, direction: directionCol, note: noteCol, actual: actualCol } = cols;
  const { score: scoreCol, deduction: deductionCol, lastYear: lastYearCol } = cols;
  const text = (r: number, c: number | undefined): string | null => {
    if (c === undefined) return null;
    const t = view.text(r, c).trim();
    return t === '' ? null : t;
  };
  const entry = (r: number, c: number | undefined): number | string | boolean | null => {
    if (c === undefined) return null;
    const v = view.value(r, c);
    switch (v.kind) {
      case 'number':
      case 'boolean':
        return v.value;
      case 'text':
        return v.value.trim() === '' ? null : v.value;
      case 'error':
        return v.value;
      default:
        return null;
    }
  };

  for (let bi = 0; bi < bodyRows.length; bi++) {
    const r = bodyRows[bi]!;
    if (view.isMergeSlave(r, itemCol)) {
      const m = view.mergeAt(r, itemCol)!;
      if (m.top > header.bottom) continue; // second line of a merged item
    }
    hierarchy.read(r);

    const nameRaw = view.text(r, itemCol).trim();
    if (nameRaw === '') {
      if (!hasEntryContent(view, r, entrySkip, left, right)) {
        if (cols.seq !== undefined && !view.isEmpty(r, cols.seq)) placeholderRows.push(r);
        continue; // a row with only hierarchy labels or a sequence number
      }
    }
    const { path, masters } = hierarchy.keep();
    const parent = tree.groupOf(path, masters, hierarchy.sRaw);

    const labelParts = itemLabel(nameRaw, labelPoints);
    let points: number | null = null;
    let pointsCellAddr: string | null = null;
    let pointsCell: PointsCell | null = null;
    let pointsFromLabel = false;
    let pointsShared = false;
    let veto = false;
    let deductionOnly = labelParts.deductionOnly;
    if (pointsCol !== undefined) {
      if (view.isMergeSlave(r, pointsCol) && view.mergeAt(r, pointsCol)!.top > header.bottom) {
        pointsShared = true;
        pointsCell = { status: 'empty' };
      } else {
        pointsCell = parsedPoints[bi] ?? parsePointsCell(view.raw(r, pointsCol));
        pointsCellAddr = cellAddress(r, pointsCol);
        if (pointsCell.status === 'ok') {
          points =
            pointsCell.points === null
              ? null
              : scale(pointsCell.points, pointsCell.percent ? 1 : percentScale);
          veto = pointsCell.veto;
          deductionOnly = deductionOnly || pointsCell.deductionOnly;
        }
      }
    }
    if (points === null && labelParts.points !== null) {
      points = labelParts.points;
      pointsCellAddr = cellAddress(r, itemCol);
      pointsFromLabel = true;
    }
    const target = text(r, targetCol);
    const method = text(r, methodCol);
    // The marks are read in the name, target, method and an unreadable points cell.
    const invalidText = pointsCell?.status === 'invalid' ? pointsCell.text : '';
    // Both marks begin 一票否: the long texts are searched once when neither is there (most rows).
    const anyMark = marked(MARK_START, nameRaw, target, method, invalidText);
    veto = veto || (anyMark && marked(VETO_MARK, nameRaw, target, method, invalidText));
    const vetoExcellence = anyMark && marked(VETO_EXCELLENCE_MARK, nameRaw, target, method, invalidText);
    const owner = text(r, ownerCol);
    const person = text(r, personCol);
    const item: Item = {
      row: r + 1,
      path,
      name: labelParts.name,
      cell: cellAddress(r, itemCol),
      points,
      pointsCell: pointsCellAddr,
      veto,
      vetoExcellence,
      deductionOnly,
      target,
      method,
      standard: text(r, standardCol),
      direction: text(r, directionCol),
      owner,
      person,
      owners: owner ? splitNames(owner) : [],
      persons: person ? splitNames(person) : [],
      note: text(r, noteCol),
      actual: entry(r, actualCol),
      enteredScore: asNumberOrText(entry(r, scoreCol)),
      deduction: asNumberOrText(entry(r, deductionCol)),
      lastYear: asNumberOrText(entry(r, lastYearCol)),
    };
    const rec: RecognisedItem = { item, row: r, pointsCell, pointsFromLabel, pointsShared };
    items.push(rec);
    if (parent) parent.items.push(rec);
    else topItems.push(rec);
  }
  return { items, topItems, roots: tree.roots, placeholderRows };
}

/**
 * parseLabel of item names, per distinct name (and whether a bare number counts): the names of a
 * review's returned workbooks repeat their template's. The parts are only read, never changed.
 * Kept for names up to 256 characters; cleared when full.
 */
const labelCache = [new Map<string, LabelParts>(), new Map<string, LabelParts>()] as const;
function itemLabel(name: string, allowBareNumber: boolean): LabelParts {
  const cache = labelCache[allowBareNumber ? 1 : 0];
  let parts = cache.get(name);
  if (parts === undefined) {
    parts = parseLabel(name, allowBareNumber);
    if (name.length <= 256) {
      if (cache.size >= 4096) cache.clear();
      cache.set(name, parts);
    }
  }
  return parts;
}

const VETO_MARK = '一票否决';
const VETO_EXCELLENCE_MARK = '一票否优';
const MARK_START = '一票否';

/** Whether one of the texts holds the mark (every row reads four texts for two marks). */
function marked(mark: string, a: string, b: string | null, c: string | null, d: string): boolean {
  return (
    a.includes(mark) ||
    (b !== null && b.includes(mark)) ||
    (c !== null && c.includes(mark)) ||
    d.includes(mark)
  );
}

function asNumberOrText(v: number | string | boolean | null): number | string | null {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Whether a row has something in the columns a clerk fills (not only labels or 序号). */
function hasEntryContent(
  view: SheetView,
  r: number,
  skip: ReadonlySet<number>,
  left: number,
  right: number,
): boolean {
  for (const { col } of ownCells(view, r, left, right)) if (!skip.has(col)) return true;
  return false;
}

/** Columns that do not count as entries: hierarchy levels, 序号 and the item name. */
function labelColumns(cols: Partial<Record<ColumnRole, number>>): Set<number> {
  const skip = new Set<number>();
  for (const role of [...LEVEL_ROLES, 'seq', 'item'] as ColumnRole[]) {
    const c = cols[role];
    if (c !== undefined) skip.add(c);
  }
  return skip;
}
