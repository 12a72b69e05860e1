/**
 * Recognition: from a sheet's cells to indicator tables. Finds header rows anywhere on the
 * sheet (under titles, "主管部门：" lines and section rows), second header rows of grouped
 * columns, the table body down to a 合计 row, a 注： note, a section row, the next header or
 * blank rows; forward-fills merged hierarchy columns; builds groups and items.
 *
 * Everything here is one linear pass over the rows (header tests are cached per row).
 */
import Decimal from 'decimal.js';
import { cellAddress, columnIndex, columnLetter, rangeAddress } from './address';
import { EMPTY, type CellValue } from './grid';
import { LEVEL_ROLES, matchHeader, type HeaderMatch } from './headers';
import type { ColumnRole, Group, Item, Layout, Table } from './model';
import { parseLabel, parsePointsCell, sumPoints, type PointsCell } from './points';
import { SheetView } from './sheet-view';
import { compactLabel, matchKey, nfkc, splitNames } from './text';

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

interface HeaderInfo {
  top: number;
  bottom: number;
  left: number;
  right: number;
  cols: Partial<Record<ColumnRole, number>>;
  headers: Partial<Record<ColumnRole, string>>;
  columnPoints: Partial<Record<ColumnRole, number>>;
  signature: string;
}

const SECTION_ROW =
  /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）]|第[一二三四五六七八九十]+[部分章节篇])/;
const NOTE_ROW = /^\s*(?:注|備注|备注|说明)\s*[:：\d]/;
const TOTALS = new Set(['合计', '总计', '总分', '合计得分', '总计得分']);
const SUBTOTAL = new Set(['小计']);
const UNIT_LINE = /填报单位|主管部门|单位名称|被考核单位|考核单位[:：]/;
const ANNEX = /^\s*附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*$/;
const MAX_TITLE_DISTANCE = 6;

/**
 * A clerk's corrections of column roles, per table: header row (Excel row number, as text) →
 * column letter → the role that column really has, or 'none' for a column to ignore.
 */
export type ColumnRoleCorrections = Record<string, Record<string, ColumnRole | 'none'>>;

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

function isTextCell(v: CellValue): v is { kind: 'text'; value: string } {
  return v.kind === 'text';
}

/**
 * matchHeader per distinct short text: each body row is tested as a possible header, and its
 * texts (targets, labels) repeat down the table. Results are only read, never changed.
 */
const headerMatchCache = new Map<string, HeaderMatch | null>();
function cachedHeaderMatch(raw: string): HeaderMatch | null {
  if (raw.length > 64) return matchHeader(raw);
  let m = headerMatchCache.get(raw);
  if (m === undefined) {
    m = matchHeader(raw);
    if (headerMatchCache.size >= 4096) headerMatchCache.clear();
    headerMatchCache.set(raw, m);
  }
  return m;
}

/** Headers that name units or people, not indicators: "单位名称", "科室", "姓名". */
const ENTITY_LABEL =
  /^(序号)?(单位|单位名称|科室|科室名称|部门|部门名称|考核对象|考核单位|被考核单位|姓名|人员)$/;
/** Roles a list of units or people has besides its name column; nothing to check or score. */
const LIST_ROLES: ReadonlySet<ColumnRole> = new Set(['seq', 'item', 'person', 'owner', 'note', 'attribute']);

/**
 * A list of units or contacts (序号 | 单位名称 | 联系人 | 电话) is not an indicator table: its name
 * column names units, and it has no column an indicator table is checked or scored by (points,
 * targets, standards, actual values, scores, coefficients …).
 */
function isEntityList(
  matches: readonly { match: HeaderMatch; text: string }[],
  roles: ReadonlySet<ColumnRole>,
): boolean {
  for (const r of roles) if (!LIST_ROLES.has(r)) return false;
  const names = matches.filter((m) => m.match.role === 'item');
  return names.length > 0 && names.every((m) => ENTITY_LABEL.test(m.text));
}

/** A row is a header when its short text cells name at least two distinct roles. */
function detectHeader(
  view: SheetView,
  r: number,
  corrections?: Record<string, ColumnRole | 'none'>,
): HeaderInfo | null {
  const matches: { col: number; span: number; match: HeaderMatch; text: string }[] = [];
  // Numbers do not sit in header rows: most body rows end here, before anything is allocated.
  for (let c = 0; c < view.colCount; c++) {
    const v = view.raw(r, c)?.value;
    if (v && v.kind !== 'empty' && v.kind !== 'text' && !view.isMergeSlave(r, c)) return null;
  }
  const cells = view.filledCellsIn(r);
  const filled = cells.length;
  let misses = 0;
  let exactCount = 0;
  for (const { col, value } of cells) {
    if (!isTextCell(value)) return null; // (checked above; narrows the type)
    const match = cachedHeaderMatch(value.value);
    if (!match) {
      // Once 40 % of the cells fail to match, the row cannot be a header (see below).
      if (filled - ++misses < filled * 0.6) return null;
      continue;
    }
    const m = view.mergeAt(r, col);
    matches.push({ col, span: m ? m.right - m.left + 1 : 1, match, text: compactLabel(value.value) });
    if (match.exact) exactCount++;
  }
  const roles = new Set(matches.map((m) => m.match.role));
  if (roles.size < 2 || exactCount < 1 || matches.length < filled * 0.6) return null;
  if (isEntityList(matches, roles)) return null;

  // Second header row (L4): cells under a grouped header or beside headers merged downwards.
  let bottom = r;
  const sub = new Map<number, HeaderMatch & { text: string }>();
  if (r + 1 < view.rowCount) {
    const below = view.filledCellsIn(r + 1);
    const verticalFromTop = matches.some((m) => {
      const merge = view.mergeAt(r, m.col);
      return merge !== undefined && merge.bottom > r;
    });
    const underSpan = below.some(({ col }) =>
      matches.some((m) => m.span > 1 && col >= m.col && col < m.col + m.span),
    );
    if (below.length > 0 && (verticalFromTop || underSpan)) {
      const subMatches = below.map(({ col, value }) => ({
        col,
        match: isTextCell(value) ? cachedHeaderMatch(value.value) : null,
        text: isTextCell(value) ? compactLabel(value.value) : '',
      }));
      if (subMatches.every((s) => s.match !== null)) {
        for (const s of subMatches) sub.set(s.col, { ...s.match!, text: s.text });
        bottom = r + 1;
      }
    }
  }

  // Column roles: the lower header row names the column, the upper one lends its points.
  const left = Math.min(...matches.map((m) => m.col));
  const right = Math.max(...matches.map((m) => m.col + m.span - 1), ...[...sub.keys()]);
  const claims: { col: number; role: ColumnRole; text: string; spanIndex: number; spanSize: number }[] = [];
  const columnPoints: Partial<Record<ColumnRole, number>> = {};
  for (const m of matches) {
    for (let k = 0; k < m.span; k++) {
      const col = m.col + k;
      const s = sub.get(col);
      if (s) {
        claims.push({ col, role: s.role, text: s.text, spanIndex: 0, spanSize: 1 });
        const pts = s.points ?? m.match.points;
        if (pts !== null) columnPoints[s.role] = pts;
      } else if (k === 0 || !sub.size) {
        claims.push({ col, role: m.match.role, text: m.text, spanIndex: k, spanSize: m.span });
        if (m.match.points !== null) columnPoints[m.match.role] = m.match.points;
      }
    }
  }
  for (const [col, s] of sub) {
    if (!claims.some((c) => c.col === col)) {
      claims.push({ col, role: s.role, text: s.text, spanIndex: 0, spanSize: 1 });
      if (s.points !== null) columnPoints[s.role] = s.points;
    }
  }
  claims.sort((a, b) => a.col - b.col);

  const cols: Partial<Record<ColumnRole, number>> = {};
  const headers: Partial<Record<ColumnRole, string>> = {};
  const itemClaims = claims.filter((c) => c.role === 'item');
  const lastItem = itemClaims[itemClaims.length - 1];
  // Several columns claim "item" (项目 merged over two columns beside 指标设定, L5; 评价项目
  // merged over two, L6): the rightmost keeps it, the ones to its left are hierarchy levels.
  let nextLevel = 0;
  for (const c of claims) {
    let role = c.role;
    if (role === 'item' && c !== lastItem) role = LEVEL_ROLES[nextLevel++] ?? 'note';
    else if (LEVEL_ROLES.includes(role)) nextLevel = Math.max(nextLevel, LEVEL_ROLES.indexOf(role) + 1);
    if (cols[role] === undefined) {
      cols[role] = c.col;
      headers[role] = c.text;
    }
  }
  // No item column (L4 names indicators by 二级指标): the deepest level is the item.
  if (cols.item === undefined) {
    for (let i = LEVEL_ROLES.length - 1; i >= 0; i--) {
      const lv = LEVEL_ROLES[i]!;
      if (cols[lv] !== undefined) {
        cols.item = cols[lv];
        headers.item = headers[lv];
        delete cols[lv];
        delete headers[lv];
        break;
      }
    }
  }
  if (corrections) {
    const textAt = (col: number): string =>
      claims.find((c) => c.col === col)?.text ?? compactCellText(view.value(r, col));
    applyCorrections(corrections, cols, headers, textAt, left, right);
  }
  if (cols.item === undefined) return null;
  const signature = Object.entries(cols)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
  return { top: r, bottom, left, right, cols, headers, columnPoints, signature };
}

/**
 * Moves roles to the columns the clerk chose. A column inside the header keeps at most one role;
 * a role moved to another column leaves its old one; corrections outside the header, and one
 * that would leave the table without an item column, are ignored.
 */
function applyCorrections(
  corrections: Record<string, ColumnRole | 'none'>,
  cols: Partial<Record<ColumnRole, number>>,
  headers: Partial<Record<ColumnRole, string>>,
  textAt: (col: number) => string,
  left: number,
  right: number,
): void {
  for (const [letter, role] of Object.entries(corrections)) {
    if (!/^[A-Z]{1,3}$/.test(letter)) continue;
    const col = columnIndex(letter);
    if (col < left || col > right) continue;
    const current = (Object.keys(cols) as ColumnRole[]).filter((k) => cols[k] === col);
    // The table needs its item column: it moves only by giving 'item' to another column.
    if (current.includes('item') && role !== 'item') continue;
    for (const k of current) {
      delete cols[k];
      delete headers[k];
    }
    if (role === 'none') continue;
    cols[role] = col;
    headers[role] = textAt(col);
  }
}

function compactCellText(v: CellValue): string {
  return v.kind === 'text' ? compactLabel(v.value) : '';
}

interface GroupNode {
  group: Group;
  parent: GroupNode | null;
  children: GroupNode[];
  /** Children by name (their last path element). */
  byName: Map<string, GroupNode>;
  items: RecognisedItem[];
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

  // Body extent.
  let bottom = header.bottom;
  let totalsRow: number | null = null;
  const notes: { row: number; text: string }[] = [];
  const bodyRows: number[] = [];
  const repeatedHeaders: number[] = [];
  let blankRun = 0;
  const scan = { col: 0, value: EMPTY as CellValue };
  for (let r = header.bottom + 1; r < view.rowCount; r++) {
    const ownCount = scanOwnCells(view, r, left, right, scan);
    if (ownCount === 0) {
      if (continuesMerge(view, r, left, right, header.bottom)) {
        bodyRows.push(r);
        continue;
      }
      blankRun++;
      if (blankRun >= 2 || nextContentStartsNewBlock(view, r, left, right, headerAt)) break;
      continue;
    }
    const first = { col: scan.col, value: scan.value };
    const firstText = first.value.kind === 'text' ? first.value.value : '';
    const key = matchKey(firstText);
    if (TOTALS.has(key)) {
      totalsRow = r;
      bottom = r;
      break;
    }
    if (NOTE_ROW.test(nfkc(firstText))) {
      collectNotes(view, r, notes);
      break;
    }
    const h = headerAt(r);
    if (h) {
      if (h.signature === header.signature) {
        repeatedHeaders.push(r); // the header printed again on a new page
        blankRun = 0;
        continue;
      }
      break;
    }
    if (ownCount === 1 && SECTION_ROW.test(nfkc(firstText)) && first.col !== cols.item) break;
    if (SUBTOTAL.has(key)) {
      bottom = r;
      blankRun = 0;
      continue;
    }
    blankRun = 0;
    bodyRows.push(r);
    bottom = r;
  }
  if (notes.length === 0 && totalsRow !== null) {
    for (let r = totalsRow + 1; r < view.rowCount && r <= totalsRow + 2; r++) {
      const own = ownCells(view, r, left, Math.max(right, view.colCount - 1));
      if (own.length === 0) continue;
      const t = own[0]!.value.kind === 'text' ? (own[0]!.value as { value: string }).value : '';
      if (NOTE_ROW.test(nfkc(t))) collectNotes(view, r, notes);
      break;
    }
  }
  for (const r of bodyRows) if (r > bottom) bottom = r;

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

  // Items and groups.
  const levelCols = LEVEL_ROLES.map((role) => cols[role]).filter((c): c is number => c !== undefined);
  const rootsByName = new Map<string, GroupNode>();
  const sPath: string[] = [];
  const sMasters: string[] = [];
  const sRaw: string[] = [];
  const roots: GroupNode[] = [];
  const items: RecognisedItem[] = [];
  const topItems: RecognisedItem[] = [];
  const placeholderRows: number[] = [];
  let prevPath: string[] = [];
  let prevMasters: string[] = [];
  const entrySkip = labelColumns(cols);
  // A merged level label is read once per row it spans: parse each distinct text once.
  const labelNames = new Map<string, string>();

  const text = (r: number, role: ColumnRole): string | null => {
    const c = cols[role];
    if (c === undefined) return null;
    const t = view.text(r, c).trim();
    return t === '' ? null : t;
  };
  const entry = (r: number, role: ColumnRole): number | string | boolean | null => {
    const c = cols[role];
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
    // Hierarchy path, forward-filled: merged cells read as their top-left, blanks inherit.
    // Built in scratch arrays (n entries) and copied at their exact size only for kept rows.
    let n = 0;
    for (let depth = 0; depth < levelCols.length; depth++) {
      const c = levelCols[depth]!;
      const merge = view.mergeAt(r, c);
      const masterKey = merge ? mergeKey(merge) : cellAddress(r, c);
      if (depth > 0 && n > 0 && sMasters[n - 1] === masterKey) continue; // one label merged across levels
      const raw = view.text(r, c).trim();
      if (raw === '') {
        // A blank level cell means "same as above" when the parents agree.
        const inherited = prevPath[depth];
        let parentsAgree = true;
        for (let i = 0; i < n && parentsAgree; i++) parentsAgree = sPath[i] === prevPath[i];
        if (inherited !== undefined && parentsAgree) {
          sPath[n] = inherited;
          sMasters[n] = prevMasters[depth] ?? masterKey;
          sRaw[n] = '';
          n++;
        }
        continue;
      }
      let name = labelNames.get(raw);
      if (name === undefined) labelNames.set(raw, (name = parseLabel(raw).name));
      sPath[n] = name;
      sMasters[n] = masterKey;
      sRaw[n] = raw;
      n++;
    }

    const nameRaw = view.text(r, itemCol).trim();
    if (nameRaw === '') {
      if (!hasEntryContent(view, r, entrySkip, left, right)) {
        if (cols.seq !== undefined && !view.isEmpty(r, cols.seq)) placeholderRows.push(r);
        continue; // a row with only hierarchy labels or a sequence number
      }
    }
    const path = sPath.slice(0, n);
    const masters = sMasters.slice(0, n);
    prevPath = path;
    prevMasters = masters;

    // Groups along the path: a group is found by its parent and its name, i.e. by path[0..d].
    let parent: GroupNode | null = null;
    for (let d = 0; d < path.length; d++) {
      const index: Map<string, GroupNode> = parent ? parent.byName : rootsByName;
      let node: GroupNode | undefined = index.get(path[d]!);
      if (!node) {
        const parts = parseLabel(sRaw[d]!);
        node = {
          group: {
            path: path.slice(0, d + 1),
            label: sRaw[d]!,
            cell: masters[d]!,
            declared: parts.points,
            sum: 0,
            scoredAsWhole: false,
            level: d + 1,
          },
          parent,
          children: [],
          byName: new Map(),
          items: [],
        };
        index.set(path[d]!, node);
        if (parent) parent.children.push(node);
        else roots.push(node);
      } else if (node.group.label === '' && sRaw[d]! !== '') {
        node.group.label = sRaw[d]!;
      }
      parent = node;
    }

    const labelParts = parseLabel(nameRaw, labelPoints);
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
    const target = text(r, 'target');
    const method = text(r, 'method');
    // The marks are read in the name, target, method and an unreadable points cell.
    const texts = [
      nameRaw,
      target ?? '',
      method ?? '',
      pointsCell?.status === 'invalid' ? pointsCell.text : '',
    ];
    veto = veto || texts.some((t) => t.includes('一票否决'));
    const vetoExcellence = texts.some((t) => t.includes('一票否优'));
    const owner = text(r, 'owner');
    const person = text(r, 'person');
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
      standard: text(r, 'standard'),
      direction: text(r, 'direction'),
      owner,
      person,
      owners: owner ? splitNames(owner) : [],
      persons: person ? splitNames(person) : [],
      note: text(r, 'note'),
      actual: entry(r, 'actual'),
      enteredScore: asNumberOrText(entry(r, 'score')),
      deduction: asNumberOrText(entry(r, 'deduction')),
      lastYear: asNumberOrText(entry(r, 'lastYear')),
    };
    const rec: RecognisedItem = { item, row: r, pointsCell, pointsFromLabel, pointsShared };
    items.push(rec);
    if (parent) parent.items.push(rec);
    else topItems.push(rec);
  }

  // Roll up declared and summed points bottom-up.
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

  // Declared total: the title "(55分)", a section row, the totals row, a single top group, or 100%.
  let declaredTotal: number | null = null;
  let declaredTotalCell: string | null = null;
  let declaredTotalSource: RecognisedTable['declaredTotalSource'] = null;
  const title = above.title ?? inheritedTitle;
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
    groups: flat,
    items: items.map((i) => i.item),
  };
  const pointsSource = pointsCol !== undefined ? 'column' : labelPoints ? 'label' : 'none';
  table.layout = classifyLayout(table, pointsSource, header.headers);
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

/** Address of a merge's top-left cell, computed once per merge (level labels span many rows). */
const mergeKeys = new WeakMap<object, string>();
function mergeKey(m: { top: number; left: number }): string {
  let k = mergeKeys.get(m);
  if (k === undefined) mergeKeys.set(m, (k = cellAddress(m.top, m.left)));
  return k;
}

/** points × factor in decimal: 70 × 0.01 must be 0.7, not 0.7000000000000001. */
function scale(points: number, factor: number): number {
  return factor === 1 ? points : new Decimal(points).mul(factor).toNumber();
}

function asNumberOrText(v: number | string | boolean | null): number | string | null {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/**
 * How many own cells a row has within [left, right] (counting stops at 2), the first one left
 * in `first`: the body scan runs once per row and needs no more, so it allocates nothing.
 */
function scanOwnCells(
  view: SheetView,
  r: number,
  left: number,
  right: number,
  first: { col: number; value: CellValue },
): number {
  let n = 0;
  for (let c = left; c <= right && n < 2; c++) {
    const v = view.raw(r, c)?.value;
    if (!v || v.kind === 'empty' || (v.kind === 'text' && v.value.trim() === '')) continue;
    if (view.isMergeSlave(r, c)) continue;
    if (n++ === 0) {
      first.col = c;
      first.value = v;
    }
  }
  return n;
}

/** Own (non-merge-slave) filled cells of a row within [left, right]. */
function ownCells(
  view: SheetView,
  r: number,
  left: number,
  right: number,
): { col: number; value: CellValue }[] {
  return view.filledCellsIn(r, left, right);
}

/** A row with no values of its own that sits inside a merge begun in the body: part of the table. */
function continuesMerge(
  view: SheetView,
  r: number,
  left: number,
  right: number,
  headerBottom: number,
): boolean {
  for (let c = left; c <= right; c++) {
    const m = view.mergeAt(r, c);
    if (m && m.top > headerBottom && m.top < r) return true;
  }
  return false;
}

/** Does the next content below a blank row start a new block (section, title, header)? */
function nextContentStartsNewBlock(
  view: SheetView,
  r: number,
  left: number,
  right: number,
  headerAt: (r: number) => HeaderInfo | null,
): boolean {
  let seen = 0;
  for (let k = r + 1; k < view.rowCount && seen < 3; k++) {
    const own = view.filledCellsIn(k);
    if (own.length === 0) continue;
    seen++;
    if (headerAt(k)) return true;
    const t = own[0]!.value.kind === 'text' ? (own[0]!.value as { value: string }).value : '';
    if (own.length === 1 && (SECTION_ROW.test(nfkc(t)) || NOTE_ROW.test(nfkc(t)) || ANNEX.test(t)))
      return true;
    if (ownCells(view, k, left, right).length === 0) return true;
  }
  return seen === 0;
}

function collectNotes(view: SheetView, start: number, notes: { row: number; text: string }[]): void {
  for (let r = start; r < view.rowCount; r++) {
    const own = view.filledCellsIn(r);
    if (own.length === 0) break;
    const t = own
      .map((c) =>
        c.value.kind === 'text' ? c.value.value : c.value.kind === 'number' ? String(c.value.value) : '',
      )
      .join(' ')
      .trim();
    if (r > start && !/^\s*[0-9０-９]+\s*[.．、]/.test(t) && !NOTE_ROW.test(nfkc(t))) break;
    notes.push({ row: r, text: t });
  }
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

interface Above {
  title: string | null;
  titleCell: string | null;
  section: string | null;
  sectionCell: string | null;
  unitLine: string | null;
}

/** Title, section and unit lines between the previous table and this header. */
function readAbove(view: SheetView, headerTop: number, scanFrom: number, right: number): Above {
  const out: Above = { title: null, titleCell: null, section: null, sectionCell: null, unitLine: null };
  const from = Math.max(scanFrom, headerTop - MAX_TITLE_DISTANCE);
  for (let r = headerTop - 1; r >= from; r--) {
    const own = view.filledCellsIn(r).filter((c) => c.value.kind === 'text');
    if (own.length === 0) continue;
    const first = own[0]!;
    const t = (first.value as { value: string }).value.trim();
    const joined = own.map((c) => (c.value as { value: string }).value.trim()).join(' ');
    if (UNIT_LINE.test(joined)) {
      out.unitLine ??= joined;
      continue;
    }
    if (ANNEX.test(t)) continue;
    if (own.length > 2) continue;
    if (SECTION_ROW.test(nfkc(t))) {
      if (out.section === null) {
        out.section = compactLabel(t);
        out.sectionCell = cellAddress(r, first.col);
      }
      continue;
    }
    if (out.title === null && first.col <= right + 1 && own.length <= 2) {
      out.title = compactLabel(t);
      out.titleCell = cellAddress(r, first.col);
    }
  }
  return out;
}

function classifyLayout(
  table: Table,
  pointsSource: 'column' | 'label' | 'none',
  headers: Partial<Record<ColumnRole, string>>,
): Layout {
  const has = (r: ColumnRole): boolean => table.columns[r] !== undefined;
  if (has('measure') || has('result')) return 'rectification';
  if (has('ratio') || has('progress')) return 'results';
  if (has('direction') || has('standard')) return 'responsibility';
  if (has('coefficient') || has('headcount')) return 'coefficients';
  if (has('points') && table.pointsUnit === 'percent') return 'weights';
  if (has('target') && /任务数/.test(headers.target ?? '') && !has('points')) return 'quotas';
  if (pointsSource === 'label' && (has('method') || has('deduction'))) return 'evaluation';
  if (has('method') && (has('owner') || has('person')) && !has('points')) return 'observation';
  if (pointsSource === 'none' && table.groups.some((g) => g.declared !== null)) return 'standard';
  if (has('points')) return 'task';
  return 'generic';
}
