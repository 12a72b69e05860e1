/**
 * The dependency graph of a workbook's formulas: every formula cell is a node, its references
 * (cells, ranges, defined names) come from the parser's reference lister, an array formula covers
 * its spill area. Ordered by Tarjan's algorithm, dependencies first; every cycle is found as a
 * strongly connected component, with the shortest path round it for the message.
 * The graph is ours (HyperFormula, which has one, is GPL).
 */
import { cellAddress, parseRangeAddress } from '../../engine/address.js';
import { createReferenceLister, type PValue, type Ref, type ReferenceLister } from './parser.js';
import { usesPerf, withLeadingOmitted } from './perf.js';
import type { RecalcInput } from './types.js';
import { fromCellValue } from './values.js';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Node {
  id: number;
  sheet: number;
  row: number; // 1-based
  col: number; // 1-based
  formula: string; // as stored, with "="
  body: string; // without "="
  perf: boolean;
  area: Area; // the anchor, or the spill area of an array formula
  fixedArea: boolean; // the area comes from the file (t="array" ref)
  cached: PValue;
  reads: number[];
  readBy: number[];
  /** The reference lister could not read the formula: its dependencies are unknown. */
  refsUnread: boolean;
}

export interface SheetInfo {
  name: string;
  /** Values by "row,col" (1-based). */
  values: Map<string, PValue>;
  maxRow: number;
  maxCol: number;
  /** Node covering each cell: col → sorted [row, node id] pairs. */
  owners: Map<number, [number, number][]>;
}

export const key = (sheet: number, row: number, col: number): string => `${sheet}:${row},${col}`;

export function a1(row: number, col: number): string {
  return cellAddress(row - 1, col - 1);
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class DependencyGraph {
  readonly sheets: SheetInfo[] = [];
  readonly sheetIndex = new Map<string, number>();
  readonly nodes: Node[] = [];
  readonly names = new Map<string, Ref>();
  /** Defined names the recalc cannot use: several ranges, or a reference it cannot read. */
  readonly unusableNames = new Map<string, { why: 'several' | 'unreadable' | 'scoped'; formula?: string }>();
  /** Areas of results that spilled without a declared area (found by the evaluation). */
  readonly spills = new Map<number, Area>();

  constructor(input: RecalcInput) {
    input.workbook.sheets.forEach((s, i) => {
      this.sheetIndex.set(s.name.toLowerCase(), i);
      const info: SheetInfo = { name: s.name, values: new Map(), maxRow: 0, maxCol: 0, owners: new Map() };
      this.sheets.push(info);
      s.rows.forEach((row, r) => {
        row?.forEach((cell, c) => {
          if (!cell) return;
          const R = s.origin.row + r + 1;
          const C = s.origin.col + c + 1;
          const v = fromCellValue(cell.value);
          if (v !== null) info.values.set(`${R},${C}`, v);
          if (v !== null || cell.formula) {
            info.maxRow = Math.max(info.maxRow, R);
            info.maxCol = Math.max(info.maxCol, C);
          }
          if (cell.formula && cell.formula.length > 1) {
            const formula = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
            this.nodes.push({
              id: this.nodes.length,
              sheet: i,
              row: R,
              col: C,
              formula,
              body: withLeadingOmitted(formula.slice(1)),
              perf: usesPerf(formula),
              area: { top: R, left: C, bottom: R, right: C },
              fixedArea: false,
              cached: v,
              reads: [],
              readBy: [],
              refsUnread: false,
            });
          }
        });
      });
    });
    for (const n of input.names ?? []) {
      const ref = !n.scoped && n.ranges.length === 1 ? this.parseRef(n.ranges[0] ?? '') : null;
      if (ref) this.names.set(n.name.toUpperCase(), ref);
      // Kept with the reason, so that a formula using it says why it gets #NAME?.
      else
        this.unusableNames.set(n.name.toUpperCase(), {
          why: n.scoped ? 'scoped' : n.ranges.length > 1 ? 'several' : 'unreadable',
          ...(n.formula !== undefined ? { formula: n.formula } : {}),
        });
    }
    const byAnchor = new Map(this.nodes.map((n) => [key(n.sheet, n.row, n.col), n]));
    for (const a of input.arrays ?? []) {
      const s = this.sheetIndex.get(a.sheet.toLowerCase());
      const anchor = parseRangeAddress(a.anchor);
      const ref = parseRangeAddress(a.ref);
      if (s === undefined || !anchor || !ref) continue;
      const node = byAnchor.get(key(s, anchor.top + 1, anchor.left + 1));
      if (!node) continue;
      node.area = { top: ref.top + 1, left: ref.left + 1, bottom: ref.bottom + 1, right: ref.right + 1 };
      node.fixedArea = true;
    }
  }

  /** "Sheet!$A$1:$B$2" → a reference (for defined names). */
  private parseRef(text: string): Ref | null {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(text.trim());
    if (!m) return null;
    const sheet = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
    const r = parseRangeAddress(m[3]!.replace(/\$/g, ''));
    if (!r) return null;
    if (r.top === r.bottom && r.left === r.right) return { sheet, row: r.top + 1, col: r.left + 1 };
    return { sheet, from: { row: r.top + 1, col: r.left + 1 }, to: { row: r.bottom + 1, col: r.right + 1 } };
  }

  label(n: { sheet: number; row: number; col: number }, from: { sheet: number }): string {
    const addr = a1(n.row, n.col);
    return n.sheet === from.sheet ? addr : `${quoteSheet(this.sheets[n.sheet]!.name)}!${addr}`;
  }

  indexOwners(): void {
    for (const s of this.sheets) s.owners.clear();
    for (const n of this.nodes) {
      const area = this.spills.get(n.id) ?? n.area;
      const s = this.sheets[n.sheet]!;
      for (let c = area.left; c <= area.right; c++) {
        let list = s.owners.get(c);
        if (!list) s.owners.set(c, (list = []));
        for (let r = area.top; r <= area.bottom; r++) list.push([r, n.id]);
      }
      s.maxRow = Math.max(s.maxRow, area.bottom);
      s.maxCol = Math.max(s.maxCol, area.right);
    }
    for (const s of this.sheets) for (const list of s.owners.values()) list.sort((x, y) => x[0] - y[0]);
  }

  /** Node ids whose area meets the rectangle. */
  ownersIn(sheet: number, a: Area): number[] {
    const s = this.sheets[sheet];
    if (!s) return [];
    const out: number[] = [];
    for (const [col, list] of s.owners) {
      if (col < a.left || col > a.right) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]![0] < a.top) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < list.length && list[i]![0] <= a.bottom; i++) out.push(list[i]![1]);
    }
    return out;
  }

  refArea(ref: Ref): { sheet: number; area: Area } | null {
    const sheet = ref.sheet === undefined ? undefined : this.sheetIndex.get(ref.sheet.toLowerCase());
    if (sheet === undefined) return null;
    if ('from' in ref) {
      return {
        sheet,
        area: {
          top: Math.min(ref.from.row, ref.to.row),
          left: Math.min(ref.from.col, ref.to.col),
          bottom: Math.max(ref.from.row, ref.to.row),
          right: Math.max(ref.from.col, ref.to.col),
        },
      };
    }
    return { sheet, area: { top: ref.row, left: ref.col, bottom: ref.row, right: ref.col } };
  }

  private depRefs = new Map<number, Ref[]>();

  /** A formula's references; a formula the lister cannot read is marked refsUnread. */
  private references(n: Node, lister: ReferenceLister): Ref[] {
    const known = this.depRefs.get(n.id);
    if (known) return known;
    const { refs, complete } = lister.references(n.body, {
      sheet: this.sheets[n.sheet]!.name,
      row: n.row,
      col: n.col,
    });
    // Dependencies possibly missing: the formula is recalculated and reported (see downstream),
    // so its value is never left stale without notice.
    if (!complete) n.refsUnread = true;
    this.depRefs.set(n.id, refs);
    return refs;
  }

  /** (Re)builds who reads whom, with the current spill areas. */
  build(): void {
    this.indexOwners();
    const lister = createReferenceLister((name) => this.variable(name));
    for (const n of this.nodes) {
      n.reads = [];
      n.readBy = [];
    }
    for (const n of this.nodes) {
      const reads = new Set<number>();
      for (const ref of this.references(n, lister)) {
        const r = this.refArea(ref);
        if (!r) continue;
        for (const id of this.ownersIn(r.sheet, r.area)) reads.add(id);
      }
      n.reads = [...reads];
      for (const id of reads) this.nodes[id]!.readBy.push(n.id);
    }
  }

  /** A defined name's reference. */
  variable(name: string): Ref | null {
    return this.names.get(name.toUpperCase()) ?? null;
  }

  /** A sheet's index by name (case-insensitive). */
  sheetOf(name: string | undefined): number | undefined {
    return name === undefined ? undefined : this.sheetIndex.get(name.toLowerCase());
  }

  /** PERF nodes, their dependents, and upstream formulas without a cached value. */
  freshSet(): Set<number> {
    const fresh = this.downstream();
    const up = [...fresh];
    for (let i = 0; i < up.length; i++) {
      for (const u of this.nodes[up[i]!]!.reads) {
        const n = this.nodes[u]!;
        if (fresh.has(u) || n.cached !== null) continue;
        fresh.add(u);
        up.push(u);
      }
    }
    return fresh;
  }

  /** Tarjan's strongly connected components over `fresh`, dependencies first. */
  components(fresh: Set<number>): number[][] {
    const index = new Map<number, number>();
    const low = new Map<number, number>();
    const onStack = new Set<number>();
    const stack: number[] = [];
    const out: number[][] = [];
    let counter = 0;
    const ids = [...fresh].sort((a, b) => a - b);
    for (const start of ids) {
      if (index.has(start)) continue;
      const work: { v: number; i: number }[] = [{ v: start, i: 0 }];
      index.set(start, counter);
      low.set(start, counter++);
      stack.push(start);
      onStack.add(start);
      while (work.length > 0) {
        const top = work[work.length - 1]!;
        const reads = this.nodes[top.v]!.reads;
        if (top.i < reads.length) {
          const w = reads[top.i++]!;
          if (!fresh.has(w)) continue;
          if (!index.has(w)) {
            index.set(w, counter);
            low.set(w, counter++);
            stack.push(w);
            onStack.add(w);
            work.push({ v: w, i: 0 });
          } else if (onStack.has(w)) {
            low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
          }
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(top.v)!));
        if (low.get(top.v) === index.get(top.v)) {
          const comp: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            comp.push(w);
          } while (w !== top.v);
          out.push(comp);
        }
      }
    }
    return out;
  }

  /** The shortest cycle from `start` back to it inside its component, as labels. */
  cyclePath(start: number, comp: Set<number>): string {
    const prev = new Map<number, number>();
    const queue = [start];
    let found = false;
    for (let i = 0; i < queue.length && !found; i++) {
      const v = queue[i]!;
      for (const w of this.nodes[v]!.reads) {
        if (!comp.has(w)) continue;
        if (w === start) {
          prev.set(-1, v);
          found = true;
          break;
        }
        if (!prev.has(w)) {
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    const from = this.nodes[start]!;
    const chain: number[] = [];
    let v = prev.get(-1);
    while (v !== undefined && v !== start) {
      chain.unshift(v);
      v = prev.get(v);
    }
    return [start, ...chain, start].map((id) => this.label(this.nodes[id]!, from)).join(' → ');
  }

  /** PERF nodes, formulas whose references could not be read, and everything downstream. */
  downstream(): Set<number> {
    const out = new Set<number>();
    const queue = this.nodes.filter((n) => n.perf || n.refsUnread).map((n) => n.id);
    for (const id of queue) out.add(id);
    for (let i = 0; i < queue.length; i++) {
      for (const d of this.nodes[queue[i]!]!.readBy) {
        if (!out.has(d)) {
          out.add(d);
          queue.push(d);
        }
      }
    }
    return out;
  }
}
