/**
 * Evaluation: the PERF cells and everything downstream of them are recalculated, dependencies
 * first; upstream formulas keep their cached values unless they have none, in which case they are
 * calculated too. Each cell of a cycle gets #CIRC! with the path ("循环引用：D2 → E2 → D2");
 * nothing loops, nothing recurses without bound.
 */
import { parseRangeAddress } from '../../engine/address.js';
import type { Lang } from '../report.js';
import { fillFunctionTable, unknownFunction } from './functions.js';
import { a1, DependencyGraph, key, type Area, type Node } from './graph.js';
import {
  classifyThrown,
  createEvaluator,
  formulaError,
  isFormulaError,
  makeError,
  type CellRef,
  type EvalHooks,
  type FormulaErrorT,
  type FormulaEvaluator,
  type PValue,
  type RangeRef,
} from './parser.js';
import type { CellWrite, RecalcCell, RecalcInput, RecalcOutcome, RecalcValue } from './types.js';
import { errorValue, normaliseScalar } from './values.js';

class Recalculator {
  private readonly graph: DependencyGraph;
  private readonly lang: Lang;

  // evaluation state
  private overlay = new Map<string, PValue>();
  private state = new Map<number, 'visiting' | 'done'>();
  private fresh = new Set<number>();
  private readonly stack: Node[] = [];
  private readonly parsers: FormulaEvaluator[] = [];
  private readonly hooks: EvalHooks;

  constructor(input: RecalcInput) {
    this.lang = input.lang ?? 'zh';
    this.graph = new DependencyGraph(input);
    this.hooks = {
      onCell: (ref) => this.cellValue(ref),
      onRange: (ref) => this.rangeValue(ref),
      onVariable: (name) => this.variable(name),
      here: () => {
        const n = this.stack[this.stack.length - 1];
        return n ? this.graph.label(n, n) : '';
      },
      sheet: () => {
        const n = this.stack[this.stack.length - 1];
        return n ? this.graph.sheets[n.sheet]!.name : '';
      },
    };
  }

  // ---- values seen by formulas -------------------------------------------------------------

  private cellAt(sheet: number, row: number, col: number): PValue {
    const k = key(sheet, row, col);
    if (this.overlay.has(k)) return this.overlay.get(k)!;
    const owners = this.graph.ownersIn(sheet, { top: row, left: col, bottom: row, right: col });
    for (const id of owners) {
      if (this.state.get(id) === 'done') continue;
      const n = this.graph.nodes[id]!;
      if (this.fresh.has(id) || (n.cached === null && n.row === row && n.col === col)) {
        this.evaluate(n);
        if (this.overlay.has(k)) return this.overlay.get(k)!;
      }
    }
    return this.graph.sheets[sheet]!.values.get(`${row},${col}`) ?? null;
  }

  private cellValue(ref: CellRef): unknown {
    const sheet = this.graph.sheetOf(ref.sheet);
    if (sheet === undefined) return formulaError('#REF!');
    return this.cellAt(sheet, ref.row, ref.col);
  }

  private rangeValue(ref: RangeRef): unknown {
    const r = this.graph.refArea(ref);
    if (!r) return formulaError('#REF!');
    const s = this.graph.sheets[r.sheet]!;
    // Whole columns and rows stop at the used area.
    const bottom = Math.min(r.area.bottom, Math.max(s.maxRow, r.area.top));
    const right = Math.min(r.area.right, Math.max(s.maxCol, r.area.left));
    const rows: PValue[][] = [];
    for (let row = r.area.top; row <= bottom; row++) {
      const line: PValue[] = [];
      for (let col = r.area.left; col <= right; col++) line.push(this.cellAt(r.sheet, row, col));
      rows.push(line);
    }
    return rows;
  }

  // ---- evaluation --------------------------------------------------------------------------

  private parserAt(depth: number): FormulaEvaluator {
    while (this.parsers.length <= depth) {
      const { here, sheet } = this.hooks;
      this.parsers.push(
        createEvaluator(
          this.hooks,
          (t) => fillFunctionTable(t, here, sheet),
          (name) => unknownFunction(name, here()),
        ),
      );
    }
    return this.parsers[depth]!;
  }

  private static readonly MAX_DEPTH = 64;

  private evaluate(n: Node): void {
    if (this.state.get(n.id) === 'done') return;
    if (this.state.get(n.id) === 'visiting') {
      // A cycle through a reference the dependency pass could not see (INDIRECT, OFFSET …).
      const path = [...this.stack.slice(this.stack.indexOf(n)), n]
        .map((x) => this.graph.label(x, n))
        .join(' → ');
      this.finish(
        n,
        makeError('#CIRC!', `循环引用：${path}`, `circular reference: ${path}`, this.graph.label(n, n)),
      );
      return;
    }
    if (this.stack.length >= Recalculator.MAX_DEPTH) {
      this.finish(
        n,
        makeError('#NUM!', '引用链过深，无法计算', 'reference chain too deep', this.graph.label(n, n)),
      );
      return;
    }
    this.state.set(n.id, 'visiting');
    this.stack.push(n);
    let result: unknown;
    try {
      const parser = this.parserAt(this.stack.length - 1);
      result = parser.evaluate(n.body, { sheet: this.graph.sheets[n.sheet]!.name, row: n.row, col: n.col });
    } catch (e) {
      result = this.thrown(e, n);
    } finally {
      this.stack.pop();
    }
    if (this.state.get(n.id) === 'done') return; // finished as part of a cycle meanwhile
    this.finish(n, this.explainName(n, result));
  }

  /** Unusable defined names met while evaluating a node: node id → the first one's name. */
  private readonly unusableSeen = new Map<number, string>();

  private variable(name: string) {
    const ref = this.graph.variable(name);
    const n = this.stack[this.stack.length - 1];
    if (!ref && n && this.graph.unusableNames.has(name.toUpperCase()) && !this.unusableSeen.has(n.id))
      this.unusableSeen.set(n.id, name);
    return ref;
  }

  /** A bare #NAME? from a defined name the recalc cannot use says which name and why. */
  private explainName(n: Node, result: unknown): unknown {
    const name = this.unusableSeen.get(n.id);
    if (!name || !isFormulaError(result) || result.error !== '#NAME?' || result.details) return result;
    const u = this.graph.unusableNames.get(name.toUpperCase());
    const shown = u?.formula !== undefined ? `（${u.formula}）` : '';
    const shownEn = u?.formula !== undefined ? ` (${u.formula})` : '';
    const [zh, en] =
      u?.why === 'several'
        ? [
            `名称 ${name} 指向多个区域，重算不支持这样的名称`,
            `the name ${name} refers to several ranges, which the recalc does not support`,
          ]
        : u?.why === 'scoped'
          ? [
              `名称 ${name} 在不同工作表中各有定义，重算无法分辨用哪一个`,
              `the name ${name} is defined on more than one sheet; the recalc cannot tell which one is meant`,
            ]
          : [
              `名称 ${name} 的引用${shown}无法读取，无法重算`,
              `the reference of the name ${name}${shownEn} cannot be read`,
            ];
    return makeError('#NAME?', zh, en, this.graph.label(n, n));
  }

  private thrown(e: unknown, n: Node): FormulaErrorT {
    const here = this.graph.label(n, n);
    const t = classifyThrown(e);
    switch (t.kind) {
      case 'error':
        return t.error;
      case 'missing':
        return unknownFunction(t.name, here);
      case 'syntax':
        return makeError('#VALUE!', `公式无法解析：${t.why}`, `the formula cannot be parsed: ${t.why}`, here);
      case 'other':
        return makeError('#VALUE!', `计算出错：${t.why}`, `evaluation failed: ${t.why}`, here);
    }
  }

  /** Stores a result: the anchor value and, for arrays, the spilled values. */
  private finish(n: Node, result: unknown): void {
    this.state.set(n.id, 'done');
    const matrix = Array.isArray(result) ? (result as unknown[][]) : null;
    const top = matrix ? normaliseScalar(matrix[0]?.[0]) : normaliseScalar(result);
    if (!matrix || !(matrix.length > 1 || (matrix[0]?.length ?? 0) > 1)) {
      this.overlay.set(key(n.sheet, n.row, n.col), top);
      return;
    }
    let area = n.area;
    if (!n.fixedArea) {
      area = {
        top: n.row,
        left: n.col,
        bottom: n.row + matrix.length - 1,
        right: n.col + Math.max(...matrix.map((r) => r.length)) - 1,
      };
      const blocked = this.spillBlocked(n, area);
      if (blocked) {
        this.overlay.set(
          key(n.sheet, n.row, n.col),
          makeError(
            '#SPILL!',
            `结果需要溢出到 ${a1(area.top, area.left)}:${a1(area.bottom, area.right)}，但 ${blocked} 不是空的`,
            `the result needs ${a1(area.top, area.left)}:${a1(area.bottom, area.right)} but ${blocked} is not empty`,
            this.graph.label(n, n),
          ),
        );
        return;
      }
      const known = this.graph.spills.get(n.id);
      if (!known || known.bottom !== area.bottom || known.right !== area.right) {
        this.graph.spills.set(n.id, area);
        this.spillChanged = true;
      }
    }
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const row = matrix[r - n.row];
        // Cells of an array area beyond the result show #N/A, as in Excel.
        const v = row && c - n.col < row.length ? normaliseScalar(row[c - n.col]) : formulaError('#N/A');
        this.overlay.set(key(n.sheet, r, c), v);
      }
    }
  }

  private spillChanged = false;

  private spillBlocked(n: Node, area: Area): string | null {
    const s = this.graph.sheets[n.sheet]!;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === n.row && c === n.col) continue;
        const owners = this.graph.ownersIn(n.sheet, { top: r, left: c, bottom: r, right: c });
        if (owners.some((id) => id !== n.id) || s.values.has(`${r},${c}`)) return a1(r, c);
      }
    }
    return null;
  }

  private pass(): void {
    this.overlay = new Map();
    this.state = new Map();
    this.spillChanged = false;
    this.graph.build();
    this.fresh = this.graph.freshSet();
    for (const comp of this.graph.components(this.fresh)) {
      const only = comp[0]!;
      const cyclic = comp.length > 1 || this.graph.nodes[only]!.reads.includes(only);
      if (!cyclic) {
        this.evaluate(this.graph.nodes[only]!);
        continue;
      }
      const members = new Set(comp);
      for (const id of [...comp].sort((a, b) => a - b)) {
        const n = this.graph.nodes[id]!;
        const path = this.graph.cyclePath(id, members);
        this.finish(
          n,
          makeError('#CIRC!', `循环引用：${path}`, `circular reference: ${path}`, this.graph.label(n, n)),
        );
      }
    }
  }

  run(): RecalcOutcome {
    this.pass();
    // A result that spilled without a declared area changes the graph once; redo with it.
    if (this.spillChanged) this.pass();
    const affected = this.graph.downstream();
    const cells: RecalcCell[] = [];
    const writes: CellWrite[] = [];
    for (const id of this.fresh) {
      const n = this.graph.nodes[id]!;
      const sheet = this.graph.sheets[n.sheet]!.name;
      const area = this.graph.spills.get(n.id) ?? n.area;
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const v = this.overlay.get(key(n.sheet, r, c));
          if (v === undefined) continue;
          const value = this.toRecalcValue(v, n);
          const cell = a1(r, c);
          writes.push({ sheet, cell, value });
          if (!affected.has(id)) continue; // upstream, calculated only for lack of a cached value
          const spilled = r !== n.row || c !== n.col;
          cells.push({
            sheet,
            cell,
            formula: n.formula,
            value,
            perf: n.perf && !spilled,
            ...(spilled ? { spillFrom: a1(n.row, n.col) } : {}),
          });
        }
      }
    }
    const order = (x: { sheet: string; cell: string }, y: { sheet: string; cell: string }): number => {
      const sx = this.graph.sheetIndex.get(x.sheet.toLowerCase())!;
      const sy = this.graph.sheetIndex.get(y.sheet.toLowerCase())!;
      const px = parseRangeAddress(x.cell)!;
      const py = parseRangeAddress(y.cell)!;
      return sx - sy || px.top - py.top || px.left - py.left;
    };
    cells.sort(order);
    writes.sort(order);
    return { cells, writes };
  }

  private toRecalcValue(v: PValue, n: Node): RecalcValue {
    const s = normaliseScalar(v);
    return isFormulaError(s) ? errorValue(s, this.graph.label(n, n), this.lang) : s;
  }
}

/** Recalculates the PERF formulas of a workbook and everything that depends on them. */
export function recalcWorkbook(input: RecalcInput): RecalcOutcome {
  return new Recalculator(input).run();
}
