/**
 * One returned workbook on the reviewer's desk (issue 14): its tables recognised, checked against
 * the template's (TEMPLATE_* findings come from the template check in engine/checks/), scored,
 * and summed up as one unit: name, total, band, vetoes, each item's score. Plain data, so worker
 * threads can send it to the thread that ranks the units (consolidate.ts).
 */
import type { Workbook } from '../grid';
import { resolveScoreOptions, type ResolvedScoreOptions, type ScoreOptions } from '../options';
import { bandOfTotal } from '../bands';
import type { TemplateSheet } from '../checks';
import { itemKeysOf, templateItemKeys } from '../checks/template';
import type { Finding, ItemScore } from '../model';
import { TEMPLATE_FINDING_CODES } from '../model';
import { recogniseSheet, type RecognisedItem, type RecognisedTable } from '../recognise';
import { D, type Dec } from '../rules/decimal';
import { scoreTable } from '../scoring';
import { SheetView } from '../sheet-view';
import { sortFindings, validateSheet } from '../validate';

/** An item of the template (a row of the item matrix). */
export interface TemplateItem {
  /** Table number, group path and name: how units' items are matched. */
  key: string;
  path: string[];
  name: string;
  points: number | null;
  /** The template's name cell, "任务要点!C6". */
  cell: string;
}

/** The template, recognised once for all the returned workbooks. */
export interface PreparedTemplate {
  sheets: { name: string; sheet: TemplateSheet }[];
  items: TemplateItem[];
  /**
   * Per table (in order over the sheets): an item's key within its table → the TemplateItem.
   * A returned item the template has takes the template's key, path and name (when they read
   * the same) rather than its own: the item matrix has hashed that key already, and the units
   * the review keeps to the end hold no texts of their own workbooks.
   */
  itemsByTable: Map<string, TemplateItem>[];
}

/** One unit's item score, for the item matrix. */
export interface UnitItem {
  key: string;
  path: string[];
  name: string;
  points: number | null;
  score: number | null;
}

export interface UnitReview {
  file: string;
  /** The text after 填报单位： / 单位名称： above the first table, else the file name. */
  unit: string;
  /** Sum of the tables' totals (rounded item scores added); null while any item lacks a score. */
  total: number | null;
  /** Points the total is out of. */
  outOf: number | null;
  /** 等次 by the band scheme; the lowest band when a veto is triggered. */
  band: string | null;
  veto: boolean;
  vetoExcellence: boolean;
  /** TEMPLATE_* findings. */
  changes: Finding[];
  /** Every other finding (validation and scoring). */
  findings: Finding[];
  /** Why the file could not be read (one line), else null. */
  error: string | null;
  items: UnitItem[];
}

/** Keys of a table's items in order (those the template check matches by), with the table's number. */
function keysOf(byKey: Map<string, RecognisedItem>, index: number): string[] {
  return [...byKey.keys()].map((k) => `${index}\u0002${k}`);
}

function sameWords(a: { path: string[]; name: string }, b: { path: string[]; name: string }): boolean {
  if (a.name !== b.name || a.path.length !== b.path.length) return false;
  for (let i = 0; i < a.path.length; i++) if (a.path[i] !== b.path[i]) return false;
  return true;
}

/** Recognises the template's sheets once. */
export function prepareTemplate(template: Workbook, options?: ScoreOptions): PreparedTemplate {
  const opts = resolveScoreOptions(options);
  const sheets: PreparedTemplate['sheets'] = [];
  const items: TemplateItem[] = [];
  const itemsByTable: Map<string, TemplateItem>[] = [];
  let tableIndex = 0;
  for (const s of template.sheets) {
    const view = new SheetView(s);
    const tables = recogniseSheet(view, opts.columnRoles);
    sheets.push({ name: s.name, sheet: { view, tables } });
    for (const t of tables) {
      const byKey = templateItemKeys(t);
      const keys = keysOf(byKey, tableIndex++);
      const byTable = new Map<string, TemplateItem>();
      [...byKey.keys()].forEach((k, i) => {
        const rec = t.items[i]!;
        const item: TemplateItem = {
          key: keys[i]!,
          path: rec.item.path,
          name: rec.item.name,
          points: rec.item.points,
          cell: `${s.name}!${rec.item.cell}`,
        };
        items.push(item);
        byTable.set(k, item);
      });
      itemsByTable.push(byTable);
    }
  }
  return { sheets, items, itemsByTable };
}

const UNIT_LABEL = /(?:填报单位|单位名称|被考核单位)\s*[:：]\s*(.*)$/;
/** What every label of UNIT_LABEL holds. */
const UNIT_WORD = '单位';
/** Where the unit name stops: a wide gap or the next label (负责人：…). */
const UNIT_END =
  /\s{2,}|\s*(?:主管部门负责人|单位负责人|主管部门|负责人|联系人|填报人|审核人|联系电话|电话|填报日期|日期)\s*[:：]/;

/** The unit name written above the first table ("填报单位：山亭区卫生健康局   负责人：…"), or null. */
export function readUnitName(view: SheetView, headerTop: number): string | null {
  for (let r = 0; r < headerTop; r++) {
    const cells = view.filledCellsIn(r);
    // Every label holds 单位, and the joined text can only hold it inside one cell's text (the
    // joints are spaces, numbers are written in ASCII): a row without it is not joined and tested.
    let labelled = false;
    for (let i = 0; i < cells.length && !labelled; i++) {
      const v = cells[i]!.value;
      labelled = v.kind === 'text' && v.value.includes(UNIT_WORD);
    }
    if (!labelled) continue;
    // The cells' texts joined by two spaces, in a loop: map/join over empty and filled rows
    // (arrays of different kinds) deoptimised the review's per-sheet code that inlines this.
    let text = '';
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i]!.value;
      if (i > 0) text += '  ';
      if (v.kind === 'text') text += v.value;
      else if (v.kind === 'number') text += String(v.value);
    }
    const m = UNIT_LABEL.exec(text.replace(/\r?\n/g, '  '));
    if (!m) continue;
    const rest = m[1] ?? '';
    const end = UNIT_END.exec(rest);
    const name = (end ? rest.slice(0, end.index) : rest).trim();
    if (name !== '') return name;
  }
  return null;
}

/** The file name without its folder and extension. */
export function fileUnitName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
}

/** A file that could not be read: its unit is the file name, with the reason. */
export function unreadableUnit(file: string, error: string): UnitReview {
  return {
    file,
    unit: fileUnitName(file),
    total: null,
    outOf: null,
    band: null,
    veto: false,
    vetoExcellence: false,
    changes: [],
    findings: [],
    error,
    items: [],
  };
}

/** Where a unit's sums start (Decimals never change: each addition gives a new one). */
const ZERO = new D(0);

/** What reviewing a workbook gathers, sheet by sheet and table by table. */
interface Tally {
  findings: Finding[];
  items: UnitItem[];
  unit: string | null;
  sum: Dec;
  outOf: Dec;
  anyPoints: boolean;
  complete: boolean;
  veto: boolean;
  vetoExcellence: boolean;
  tableIndex: number;
}

/** Reviews one returned workbook against the prepared template. Never throws on cell content. */
export function reviewWorkbook(
  template: PreparedTemplate,
  returned: Workbook,
  file: string,
  options?: ScoreOptions,
): UnitReview {
  const opts = resolveScoreOptions(options);
  const tally: Tally = {
    findings: [],
    items: [],
    unit: null,
    sum: ZERO,
    outOf: ZERO,
    anyPoints: false,
    complete: true,
    veto: false,
    vetoExcellence: false,
    tableIndex: 0,
  };
  // Sheet, table and item loops are small functions of their own: V8 compiled the one closure over
  // the sheets that held them all at ~35 ms, in the bench's second review round.
  for (let si = 0; si < returned.sheets.length; si++) reviewSheet(tally, template, returned, si, opts);
  const { anyPoints, veto, vetoExcellence, outOf } = tally;
  const total = anyPoints && tally.complete ? tally.sum : null;
  const band = bandOfTotal(
    total,
    anyPoints ? outOf.toNumber() : null,
    opts.scoring.bands,
    veto,
    vetoExcellence,
  );
  const all = sortFindings(tally.findings);
  return {
    file,
    unit: tally.unit ?? fileUnitName(file),
    total: total === null ? null : total.toNumber(),
    outOf: anyPoints ? outOf.toNumber() : null,
    band: band?.label ?? null,
    veto,
    vetoExcellence,
    changes: all.filter((f) => TEMPLATE_FINDING_CODES.has(f.code)),
    findings: all.filter((f) => !TEMPLATE_FINDING_CODES.has(f.code)),
    error: null,
    items: tally.items,
  };
}

function reviewSheet(
  tally: Tally,
  template: PreparedTemplate,
  returned: Workbook,
  si: number,
  opts: ResolvedScoreOptions,
): void {
  const s = returned.sheets[si]!;
  const view = new SheetView(s);
  const tables = recogniseSheet(view, opts.columnRoles);
  // The template's sheet of the same name, else the one in the same place.
  const byPlace = template.sheets[si];
  const tpl =
    template.sheets.find((t) => t.name === s.name)?.sheet ??
    (byPlace && !returned.sheets.some((r) => r.name === byPlace.name) ? byPlace.sheet : undefined);
  const checked = validateSheet(view, tables, opts, tpl);
  for (let i = 0; i < checked.length; i++) tally.findings.push(checked[i]!);
  for (let i = 0; i < tables.length; i++) reviewTable(tally, template, view, tables[i]!, opts);
}

function reviewTable(
  tally: Tally,
  template: PreparedTemplate,
  view: SheetView,
  t: RecognisedTable,
  opts: ResolvedScoreOptions,
): void {
  tally.unit ??= readUnitName(view, t.headerTop);
  const r = scoreTable(t, view, opts.scoring, opts.lang, false);
  for (const f of r.findings)
    if (!opts.disable.includes(f.code))
      tally.findings.push({ ...f, severity: opts.severity[f.code] ?? f.severity });
  unitItems(tally, template.itemsByTable[tally.tableIndex], t, r.score.items);
  tally.tableIndex++;
  if (r.score.outOf === null || t.table.pointsUnit !== 'points') return;
  tally.anyPoints = true;
  tally.outOf = tally.outOf.plus(r.score.outOf);
  if (r.score.total === null) tally.complete = false;
  else tally.sum = tally.sum.plus(r.score.total);
}

/**
 * A UnitItem, made by a constructor rather than an object literal: the items live until the units
 * are consolidated, and V8 tracks a literal's allocation site to decide whether to allocate its
 * objects in the old generation; each change of that decision threw away the code compiled for
 * unitItems (twice in the bench's review rounds, ~25 M instructions each). Plain data all the same:
 * JSON and worker threads see the same five fields.
 */
class Scored implements UnitItem {
  constructor(
    public key: string,
    public path: string[],
    public name: string,
    public points: number | null,
    public score: number | null,
  ) {}
}

/** The table's items with their scores, under the template's key, path and name where it has them. */
function unitItems(
  tally: Tally,
  known: Map<string, TemplateItem> | undefined,
  t: RecognisedTable,
  scores: readonly ItemScore[],
): void {
  const tableIndex = tally.tableIndex;
  const keys = itemKeysOf(t);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const rec = t.items[i]!;
    const sc = scores[i]!;
    if (sc.triggered && rec.item.veto) tally.veto = true;
    if (sc.triggered && rec.item.vetoExcellence) tally.vetoExcellence = true;
    const was = known?.get(k);
    const same = was !== undefined && sameWords(was, rec.item);
    tally.items.push(
      new Scored(
        was?.key ?? `${tableIndex}\u0002${k}`,
        same ? was.path : rec.item.path,
        same ? was.name : rec.item.name,
        rec.item.points,
        sc.score,
      ),
    );
  }
}
