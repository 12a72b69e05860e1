/**
 * Stage 1, the header: a row (or two, for grouped columns) whose short texts name at least two
 * column roles; the role of each column, with the clerk's corrections applied.
 */
import { columnIndex } from '../address';
import type { CellValue } from '../grid';
import { LEVEL_ROLES, matchHeader, type HeaderMatch } from '../headers';
import type { ColumnRole } from '../model';
import type { SheetView } from '../sheet-view';
import { compactLabel } from '../text';

export interface HeaderInfo {
  top: number;
  bottom: number;
  left: number;
  right: number;
  cols: Partial<Record<ColumnRole, number>>;
  headers: Partial<Record<ColumnRole, string>>;
  columnPoints: Partial<Record<ColumnRole, number>>;
  signature: string;
}

/**
 * A clerk's corrections of column roles, per table: header row (Excel row number, as text) →
 * column letter → the role that column really has, or 'none' for a column to ignore.
 */
export type ColumnRoleCorrections = Record<string, Record<string, ColumnRole | 'none'>>;

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
export function detectHeader(
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
  // Loops, not Math.min/max over spread arrays: the spread of sub's keys deoptimised this
  // function ("wrong map") once a sheet had a second header row.
  let left = matches[0]!.col;
  let right = matches[0]!.col + matches[0]!.span - 1;
  for (const m of matches) {
    if (m.col < left) left = m.col;
    if (m.col + m.span - 1 > right) right = m.col + m.span - 1;
  }
  for (const col of sub.keys()) if (col > right) right = col;
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
  return { top: r, bottom, left, right, cols, headers, columnPoints, signature: signatureOf(cols) };
}

/**
 * "item:2,points:4,…": the roles in code-unit order with their columns. Only compared for
 * equality; localeCompare would load ICU's collation data (~75 M instructions, a sixth of a
 * small check's start-up). An insertion sort of the few keys: sorting Object.entries with a
 * comparator deoptimised detectHeader ("wrong map") and had it compiled a third time.
 */
export function signatureOf(cols: Partial<Record<ColumnRole, number>>): string {
  const keys = Object.keys(cols);
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > k; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = k;
  }
  let out = '';
  for (let i = 0; i < keys.length; i++) out += `${i > 0 ? ',' : ''}${keys[i]}:${cols[keys[i] as ColumnRole]}`;
  return out;
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
