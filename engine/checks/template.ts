/**
 * TEMPLATE_*: a returned table against the table of the template it was sent as (issue 14).
 * Items are matched by group path and name (a row that only moved is no change); for each match
 * the points (and the veto marks written with them), the target and the 计分办法 text are
 * compared; declared group and table points too; every formula of the template's table must
 * still be a formula in the returned one. Runs only when the context carries a template.
 *
 * Cells: the returned 分值 cell (points), the returned 目标 / 计分办法 cell (target), the item's
 * name cell (added), the template's name cell (removed), the returned cell (formula).
 */
import { cellAddress } from '../address';
import type { ColumnRole, Group } from '../model';
import type { RecognisedItem, RecognisedTable } from '../recognise';
import type { SheetView } from '../sheet-view';
import { cachedMatchKey as cachedKey, nfkc } from '../text';
import { showPoints, type Check, type FindingData, type FindingDraft, type TemplateSheet } from './types';

/** Messages show at most this many characters of a value (the data keep all of it). */
const SHOWN = 30;
function shown(v: FindingData[string] | undefined): string {
  const s = String(v ?? '').replace(/\s+/g, ' ');
  return s === '' ? '（空）' : s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s;
}
function shownEn(v: FindingData[string] | undefined): string {
  const s = String(v ?? '').replace(/\s+/g, ' ');
  return s === '' ? '(empty)' : s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s;
}

/** Group path and name: how an item is found again in the returned table. */
export function itemKey(path: readonly string[], name: string): string {
  let key = '';
  for (const p of path) key += cachedKey(p) + '\u0001';
  return key + cachedKey(name);
}

interface Keyed {
  /**
   * Key → item. Null for a returned table whose every item took the key of a template item (one
   * of a template that repeats no key) further down than the one before: its keys then repeat
   * nothing, and growing a map of every returned table's items only to learn that was a twentieth
   * of the review's engine work. Built on first use (mapOf).
   */
  byKey: Map<string, RecognisedItem> | null;
  /** Each item's key, in order. */
  keys: string[];
  /** itemKey of each item, in order (before a repeated one is numbered). */
  bases: string[];
  /** Whether some item repeats an earlier one's group path and name (a key was numbered). */
  repeated: boolean;
  /** While byKey is null: the template table the keys came from, and which of its items they are. */
  like: RecognisedTable | null;
  matched: Uint8Array | null;
}

function mapOf(k: Keyed, t: RecognisedTable): Map<string, RecognisedItem> {
  if (k.byKey === null) {
    const byKey = new Map<string, RecognisedItem>();
    for (let i = 0; i < k.keys.length; i++) byKey.set(k.keys[i]!, t.items[i]!);
    k.byKey = byKey;
  }
  return k.byKey;
}

/** Whether the returned table `t` (keys `k`) has the key of item i of the template table `like`. */
function hasTemplateKey(
  k: Keyed,
  t: RecognisedTable,
  like: RecognisedTable,
  i: number,
  key: string,
): boolean {
  // Keys all taken from `like`, which repeats none: its item i is there exactly when it was taken.
  if (k.byKey === null && k.like === like) return k.matched![i] === 1;
  return mapOf(k, t).has(key);
}
/** Template tables' keys, kept as long as the template is. */
const templateKeyed = new WeakMap<RecognisedTable, Keyed>();
/**
 * Returned tables' keys, for the last few tables (the template check computes them, the review
 * reads them right after). Not a WeakMap: V8's scavenger keeps a WeakMap's young keys alive, so
 * every returned table with its items outlived its review into the old generation, and V8 then
 * allocated all tables' items there (pretenuring): that cost more than the review's scoring.
 */
const recent: { t: RecognisedTable; keys: Keyed }[] = [];
const RECENT = 8;

/** Keys of a template's table (see keyedItems), computed once per table. */
export function templateItemKeys(t: RecognisedTable): Map<string, RecognisedItem> {
  return mapOf(templateKeys(t), t);
}

function templateKeys(t: RecognisedTable): Keyed {
  let out = templateKeyed.get(t);
  if (!out) templateKeyed.set(t, (out = computeKeys(t)));
  return out;
}

/**
 * Keys of a table's items in order, a repeated name numbered by its occurrence (computed once per
 * table). `like`: the template's table, whose items a returned table mostly repeats in the same
 * order; an item whose path and name read exactly as the template item's in its place (or one
 * of the next two, after deleted rows) takes that item's key instead of normalising its texts
 * again. itemKey depends on the path and name only, so the key is the same either way.
 */
export function keyedItems(t: RecognisedTable, like?: RecognisedTable): Map<string, RecognisedItem> {
  return mapOf(returnedKeys(t, like), t);
}

/** The keys of keyedItems in order (its Map's keys, as an array): key i is the key of item i. */
export function itemKeysOf(t: RecognisedTable, like?: RecognisedTable): readonly string[] {
  return returnedKeys(t, like).keys;
}

function returnedKeys(t: RecognisedTable, like?: RecognisedTable): Keyed {
  const known = templateKeyed.get(t) ?? recent.find((e) => e.t === t)?.keys;
  if (known) return known;
  const keys = computeKeys(t, like);
  if (recent.length >= RECENT) recent.shift();
  recent.push({ t, keys });
  return keys;
}

/**
 * Whether an item of the table repeats an earlier one's group path and name, by the keys the
 * template check matches with (`like`: the template's table it is compared with). Equal paths and
 * equal match keys of names give equal keys, so without a repeated key there is no DUPLICATE_ITEM.
 */
export function repeatsItemKeys(t: RecognisedTable, like?: RecognisedTable): boolean {
  return returnedKeys(t, like).repeated;
}

function computeKeys(t: RecognisedTable, like?: RecognisedTable): Keyed {
  const hint = like && like !== t ? templateKeys(like) : undefined;
  let byKey: Map<string, RecognisedItem> | null = null;
  // Which template items the keys so far came from, while they all did (see Keyed.byKey).
  let matched = hint && !hint.repeated ? new Uint8Array(like!.items.length) : null;
  const keys: string[] = [];
  const bases: string[] = [];
  let next = 0; // the template item expected in the current place
  let repeated = false;
  for (let i = 0; i < t.items.length; i++) {
    const rec = t.items[i]!;
    let base: string | undefined;
    let at = -1;
    for (let d = 0; hint && d < 3 && base === undefined; d++) {
      const h = like!.items[next + d];
      if (h && sameWords(h.item, rec.item)) {
        base = hint.bases[next + d];
        at = next + d;
        next += d + 1;
      }
    }
    base ??= itemKey(rec.item.path, rec.item.name);
    bases.push(base);
    if (matched !== null && at >= 0) {
      // A template key further down than every earlier one: distinct from them, as the template's are.
      matched[at] = 1;
      keys.push(base);
      continue;
    }
    if (byKey === null) {
      byKey = new Map<string, RecognisedItem>();
      for (let j = 0; j < keys.length; j++) byKey.set(keys[j]!, t.items[j]!);
      matched = null;
    }
    let key = base;
    for (let n = 2; byKey.has(key); n++) {
      key = `${base}\u0001#${n}`;
      repeated = true;
    }
    byKey.set(key, rec);
    keys.push(key);
  }
  if (byKey === null && matched === null) byKey = new Map<string, RecognisedItem>();
  return { byKey, keys, bases, repeated, like: matched !== null ? like! : null, matched };
}

function sameWords(a: RecognisedItem['item'], b: RecognisedItem['item']): boolean {
  if (a.name !== b.name || a.path.length !== b.path.length) return false;
  for (let i = 0; i < a.path.length; i++) if (a.path[i] !== b.path[i]) return false;
  return true;
}

/** Points as the clerk sees them: the points cell's text, else the number; veto marks included. */
function pointsText(view: SheetView, t: RecognisedTable, rec: RecognisedItem): string {
  const col = t.cols.points;
  const raw = col !== undefined ? view.text(rec.row, col).replace(/\s+/g, ' ').trim() : '';
  return raw !== '' ? raw : showPoints(rec.item.points, t.table.pointsUnit === 'percent');
}

function sameText(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  return nfkc(a ?? '').replace(/\s+/g, '') === nfkc(b ?? '').replace(/\s+/g, '');
}

/**
 * The pieces below are separate functions, iterating arrays, so that V8 compiles small functions
 * and recompiles only the piece whose objects change shape (template and returned groups do):
 * compiling one whole comparePair three times cost more than running it for 100 workbooks.
 */
function comparePair(
  tpl: TemplateSheet['view'],
  tt: RecognisedTable,
  view: SheetView,
  rt: RecognisedTable,
): FindingDraft[] {
  const out: FindingDraft[] = [];
  /**
   * Template row → returned row, for the formula comparison. An array indexed by row, not a Map:
   * growing a Map for every table's items was a twentieth of the review's allocation.
   */
  const rowMap: number[] = [];
  compareItems(out, rowMap, tpl, tt, view, rt);
  compareGroups(out, tt, rt);
  compareTotals(out, tt, rt);
  replacedFormulas(out, tpl, tt, view, rt, rowMap);
  return out;
}

function compareItems(
  out: FindingDraft[],
  rowMap: number[],
  tpl: SheetView,
  tt: RecognisedTable,
  view: SheetView,
  rt: RecognisedTable,
): void {
  const tk = templateKeys(tt);
  const rk = returnedKeys(rt, tt);
  for (let i = 0; i < rt.items.length; i++) {
    const rec = rt.items[i]!;
    const was = mapOf(tk, tt).get(rk.keys[i]!);
    const it = rec.item;
    if (!was) {
      out.push({
        code: 'TEMPLATE_ITEM_ADDED',
        cell: it.cell,
        data: { name: it.name, template: '', returned: it.name, points: pointsText(view, rt, rec) },
      });
      continue;
    }
    rowMap[was.row] = rec.row;
    const p0 = was.item;
    if (
      p0.points !== it.points ||
      p0.veto !== it.veto ||
      p0.vetoExcellence !== it.vetoExcellence ||
      p0.deductionOnly !== it.deductionOnly
    )
      out.push({
        code: 'TEMPLATE_POINTS_CHANGED',
        cell: it.pointsCell ?? it.cell,
        data: { name: it.name, template: pointsText(tpl, tt, was), returned: pointsText(view, rt, rec) },
      });
    if (!sameText(p0.target, it.target)) out.push(textChange('target', tt, rt, rec, p0.target));
    if (!sameText(p0.method, it.method)) out.push(textChange('method', tt, rt, rec, p0.method));
  }
  for (let i = 0; i < tt.items.length; i++)
    if (!hasTemplateKey(rk, rt, tt, i, tk.keys[i]!)) {
      const rec = tt.items[i]!;
      out.push({
        code: 'TEMPLATE_ITEM_REMOVED',
        cell: rec.item.cell,
        data: { name: rec.item.name, template: rec.item.name, returned: '' },
      });
    }
}

function textChange(
  role: 'target' | 'method',
  tt: RecognisedTable,
  rt: RecognisedTable,
  rec: RecognisedItem,
  was: string | null,
): FindingDraft {
  const it = rec.item;
  const col = rt.cols[role] ?? tt.cols[role];
  return {
    code: 'TEMPLATE_TARGET_CHANGED',
    cell: col !== undefined ? cellAddress(rec.row, col) : it.cell,
    data: { name: it.name, template: was ?? '', returned: it[role] ?? '' },
  };
}

/** A group's path as the template check matches it. */
function groupKey(path: readonly string[]): string {
  let key = '';
  for (let i = 0; i < path.length; i++) key += (i > 0 ? '\u0001' : '') + cachedKey(path[i]!);
  return key;
}
/** The template table's group keys, in order: once per template table. */
const templateGroupKeys = new WeakMap<RecognisedTable, string[]>();

/** Declared points of groups. */
function compareGroups(out: FindingDraft[], tt: RecognisedTable, rt: RecognisedTable): void {
  const rGroups = new Map<string, Group>();
  for (const g of rt.table.groups) rGroups.set(groupKey(g.path), g);
  let keys = templateGroupKeys.get(tt);
  if (!keys) templateGroupKeys.set(tt, (keys = tt.table.groups.map((g) => groupKey(g.path))));
  for (let i = 0; i < tt.table.groups.length; i++) {
    const g = tt.table.groups[i]!;
    const r = rGroups.get(keys[i]!);
    if (!r || g.declared === null || r.declared === g.declared) continue;
    out.push({
      code: 'TEMPLATE_POINTS_CHANGED',
      cell: r.cell,
      data: { name: r.path.at(-1) ?? r.label, template: g.label, returned: r.label },
    });
  }
}

/** Declared points of the table. */
function compareTotals(out: FindingDraft[], tt: RecognisedTable, rt: RecognisedTable): void {
  const d0 = tt.table.declaredTotal;
  const d1 = rt.table.declaredTotal;
  if (d0 !== null && d1 !== null && d0 !== d1 && tt.declaredTotalSource === rt.declaredTotalSource)
    out.push({
      code: 'TEMPLATE_POINTS_CHANGED',
      cell: rt.table.declaredTotalCell,
      data: {
        name: rt.declaredTotalSource === 'totalsRow' ? '合计' : (rt.table.title ?? '合计'),
        template: showPoints(d0),
        returned: showPoints(d1),
      },
    });
}

interface TemplateFormula {
  r: number;
  c: number;
  formula: string;
  role: ColumnRole | undefined;
}
/** A template table's formula cells, row by row: found once, not once per returned workbook. */
const formulasOf = new WeakMap<RecognisedTable, TemplateFormula[]>();

function templateFormulas(tpl: SheetView, tt: RecognisedTable): TemplateFormula[] {
  let out = formulasOf.get(tt);
  if (out) return out;
  out = [];
  const roleOf = new Map<number, ColumnRole>();
  for (const [role, col] of Object.entries(tt.cols) as [ColumnRole, number][]) roleOf.set(col, role);
  for (let r = tt.headerTop; r <= tt.bottom; r++)
    for (let c = tt.left; c <= tt.right; c++) {
      const formula = tpl.raw(r, c)?.formula;
      if (formula) out.push({ r, c, formula, role: roleOf.get(c) });
    }
  formulasOf.set(tt, out);
  return out;
}

/** Template formulas inside the table that the returned table holds as plain values. */
function replacedFormulas(
  out: FindingDraft[],
  tpl: SheetView,
  tt: RecognisedTable,
  view: SheetView,
  rt: RecognisedTable,
  rowMap: readonly number[],
): void {
  const tTotals = tt.table.totalsRow === null ? null : tt.table.totalsRow - 1;
  const rTotals = rt.table.totalsRow === null ? null : rt.table.totalsRow - 1;
  for (const { r, c, formula, role } of templateFormulas(tpl, tt)) {
    const row =
      rowMap[r] ??
      (r === tTotals ? rTotals : r <= tt.headerBottom ? rt.headerTop + (r - tt.headerTop) : null);
    if (row === null || row === undefined) continue;
    const col = role !== undefined ? rt.cols[role] : rt.left + (c - tt.left);
    if (col === undefined) continue;
    if (view.raw(row, col)?.formula) continue;
    out.push({
      code: 'TEMPLATE_FORMULA_REPLACED',
      cell: cellAddress(row, col),
      data: { template: formula, returned: view.text(row, col) },
    });
  }
}

export const template: Check = {
  id: 'template',
  description: {
    zh: '回收表与下发模板不一致（增删指标、改分值、改目标、公式被改为数值）',
    en: 'A returned table differs from its template (items, points, targets, formulas)',
  },
  codes: {
    TEMPLATE_ITEM_ADDED: {
      severity: 'warning',
      zh: (d) => `模板中没有指标「${d.name}」（新增，分值${shown(d.points)}）`,
      en: (d) => `Item "${d.name}" is not in the template (added, points ${shownEn(d.points)})`,
    },
    TEMPLATE_ITEM_REMOVED: {
      severity: 'warning',
      zh: (d) => `模板中的指标「${d.name}」在回收表中被删除`,
      en: (d) => `Item "${d.name}" of the template was removed`,
    },
    TEMPLATE_POINTS_CHANGED: {
      severity: 'warning',
      zh: (d) => `「${d.name}」的分值由模板的「${shown(d.template)}」改为「${shown(d.returned)}」`,
      en: (d) => `Points of "${d.name}" changed from "${shownEn(d.template)}" to "${shownEn(d.returned)}"`,
    },
    TEMPLATE_TARGET_CHANGED: {
      severity: 'warning',
      zh: (d) =>
        `指标「${d.name}」的目标或计分办法与模板不同：模板「${shown(d.template)}」，回收表「${shown(d.returned)}」`,
      en: (d) =>
        `Target or scoring method of "${d.name}" differs from the template: "${shownEn(d.template)}" became "${shownEn(d.returned)}"`,
    },
    TEMPLATE_FORMULA_REPLACED: {
      severity: 'warning',
      zh: (d) => `模板公式 ${shown(d.template)} 被改为数值「${shown(d.returned)}」`,
      en: (d) => `Template formula ${shownEn(d.template)} was replaced by the value "${shownEn(d.returned)}"`,
    },
  },
  run({ view, tables, template: tpl }) {
    if (!tpl) return [];
    const out: FindingDraft[] = [];
    const n = Math.min(tables.length, tpl.tables.length);
    for (let i = 0; i < n; i++) out.push(...comparePair(tpl.view, tpl.tables[i]!, view, tables[i]!));
    return out;
  },
};
