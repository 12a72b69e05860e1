/**
 * The rows the native-formula checks run: every check of every readable corpus rule, and every
 * rule-scored item of the example workbooks, each with the engine's own result (a number rounded
 * as the table scorer rounds, or null where the engine gives none) and the compiled formula.
 */
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { readWorkbookFile } from '../../cli/xlsx';
import { scoreSheet } from '../../engine';
import { compileNative } from '../../engine/native';
import { dec, DEFAULT_SETTINGS, evaluateRule, parseRule, round } from '../../engine/rules';
import type { Program } from '../../engine/rules/program';
import { readValues } from '../../engine/rules/values';
import { loadCorpus } from '../../scripts/rules-corpus';

export interface NativeCase {
  id: string;
  actual: number | string | boolean | null;
  points: number;
  target: number | null;
  /** The engine's score rounded to 2 places, or null (a hand score, a missing actual…). */
  engine: number | null;
  program: Program;
  unbounded: boolean;
  mode: 'item' | 'function';
}

export interface Unconvertible {
  id: string;
  reason: string;
}

/** Columns of a case row: A actual, B points, C target, D formula. */
export function formulaFor(
  c: NativeCase,
  row: number,
): { ok: true; formula: string } | { ok: false; reason: string } {
  return compileNative(
    c.program,
    { actual: `A${row}`, points: `B${row}`, target: c.target === null ? null : `C${row}` },
    DEFAULT_SETTINGS,
    c.mode === 'function' ? { mode: 'function', round: 2, unbounded: c.unbounded } : { mode: 'item' },
  );
}

/** The corpus: readable rules (not refused by the reader), one case per check with a single cell. */
export function corpusCases(): { cases: NativeCase[]; readable: number; unconvertible: Unconvertible[] } {
  const cases: NativeCase[] = [];
  const unconvertible: Unconvertible[] = [];
  let readable = 0;
  for (const f of loadCorpus())
    for (const c of f.cases) {
      const p = parseRule(c.rule);
      if (!p.ok) continue;
      readable++;
      const target =
        c.target === undefined || c.target === null
          ? null
          : typeof c.target === 'number'
            ? c.target
            : (readValues(c.target).values[0]?.value.toNumber() ?? null);
      const probe = compileNative(
        p.rule,
        { actual: 'A99999', points: 'B99999', target: target === null ? null : 'C99999' },
        DEFAULT_SETTINGS,
        {
          mode: 'function',
          round: 2,
        },
      );
      if (!probe.ok) {
        unconvertible.push({ id: c.id, reason: probe.reason });
        continue;
      }
      for (const k of c.checks) {
        // A range of cells (one per metric) is not one actual cell: PERF.SCORE keeps those.
        if (Array.isArray(k.actual)) continue;
        const out = evaluateRule(p.rule, {
          actual: k.actual,
          points: dec(c.points ?? 0),
          target: target === null ? null : dec(target),
          settings: DEFAULT_SETTINGS,
          unbounded: c.points === null,
        });
        cases.push({
          id: c.id,
          actual: k.actual,
          points: c.points ?? 0,
          target,
          engine: out.ok ? round(out.score, 2).toNumber() : null,
          program: p.rule,
          unbounded: c.points === null,
          mode: 'function',
        });
      }
    }
  return { cases, readable, unconvertible };
}

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** Items of the example workbooks scored by their rule (or left without a number by it). */
export async function exampleCases(): Promise<{
  cases: NativeCase[];
  items: number;
  unconvertible: Unconvertible[];
}> {
  const cases: NativeCase[] = [];
  const unconvertible: Unconvertible[] = [];
  let items = 0;
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx') && f !== 'perf-formulas.xlsx')) {
    const wb = await readWorkbookFile(path.join(EXAMPLES, file));
    for (const sheet of wb.sheets) {
      const scored = scoreSheet(sheet);
      for (const t of scored.tables) {
        if (t.columns.actual === undefined) continue;
        for (const it of t.items) {
          const s = t.score.items.find((x) => x.row === it.row);
          if (!s || s.source === 'entered' || s.source === 'deduction') continue;
          if (it.points === null || it.deductionOnly) continue;
          const text = it.target ?? it.method;
          const p = text ? parseRule(text) : null;
          if (!p || !p.ok) continue;
          items++;
          const id = `${file}!${sheet.name}!${it.cell}`;
          const probe = compileNative(p.rule, { actual: 'A99999', points: 'B99999' }, DEFAULT_SETTINGS, {
            mode: 'item',
          });
          if (!probe.ok) {
            unconvertible.push({ id, reason: probe.reason });
            continue;
          }
          cases.push({
            id,
            actual: it.actual,
            points: it.points,
            target: null,
            engine: s.score,
            program: p.rule,
            unbounded: false,
            mode: 'item',
          });
        }
      }
    }
  }
  return { cases, items, unconvertible };
}
