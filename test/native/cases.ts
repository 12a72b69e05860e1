/**
 * The rows the native-formula checks run: every check of every readable corpus rule, and every
 * rule-scored item of the example workbooks, each with the engine's own result (a number rounded
 * as the table scorer rounds, or null where the engine gives none) and the compiled formula.
 */
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { readWorkbookFile } from '../../cli/xlsx';
import { scoreSheet } from '../../engine';
import { compileNative, vocabulary } from '../../engine/native';
import { D, dec, DEFAULT_SETTINGS, evaluateRule, parseRule, round, type Dec } from '../../engine/rules';
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

/**
 * Actuals a clerk could type for a program: blank, its own words, each bound of its conditions and
 * steps (on it, just off it, as a number and as percent text), a few counts and ranks.
 */
export function probeActuals(p: Program): (number | string | null)[] {
  const out: (number | string | null)[] = [null, ...vocabulary(p, 'basic').slice(0, 6)];
  const bound = (v: string, unit: string): void => {
    const x = Number(v);
    const d = unit === '%' || unit === '‰' ? 0.005 : 1;
    for (const y of [x, x - d, x + d]) {
      if (y < 0) continue;
      out.push(Number(y.toFixed(6)));
      if (unit === '%') out.push(`${Number((y * 100).toFixed(4))}%`);
    }
  };
  for (const c of p.clauses) {
    if (c.kind === 'gate') c.conditions.forEach((x) => bound(x.value, x.unit));
    if (c.kind === 'when' && c.test.kind === 'condition')
      bound(c.test.condition.value, c.test.condition.unit);
    if (c.kind === 'step' && c.from !== null) bound(c.from, c.unit);
    if (c.kind === 'step' && c.direction === 'count') out.push(0, 1, 3, `缺1项`);
    if (c.kind === 'rank') out.push(1, 3, 6, '第2名');
  }
  return [...new Set(out)].slice(0, 16);
}

/** The table scorer's rounding: 2 places, never rounded above the points. */
function itemRound(score: Dec, points: number): number {
  const r = round(score, 2);
  return (score.lte(points) && r.gt(points) ? dec(points) : r).toNumber();
}

/**
 * Items of the example workbooks with a rule: as shipped (their actual cells are blank: the
 * engine asks for the actual), and with the probe actuals of their program.
 */
export async function exampleCases(): Promise<{
  cases: NativeCase[];
  items: number;
  unconvertible: Unconvertible[];
}> {
  const cases: NativeCase[] = [];
  const unconvertible: Unconvertible[] = [];
  let items = 0;
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx'))) {
    const wb = await readWorkbookFile(path.join(EXAMPLES, file));
    for (const sheet of wb.sheets) {
      const scored = scoreSheet(sheet);
      for (const t of scored.tables) {
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
          // As shipped: the table scorer's own result; then the probes.
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
          for (const a of probeActuals(p.rule)) {
            const out = evaluateRule(p.rule, {
              actual: a,
              points: dec(it.points),
              target: null,
              settings: DEFAULT_SETTINGS,
            });
            const score = out.ok
              ? p.rule.deductionOnly && p.rule.clauses.length === 0
                ? D.max(0, dec(it.points).plus(out.score))
                : out.score
              : null;
            cases.push({
              id,
              actual: a,
              points: it.points,
              target: null,
              engine: score === null ? null : itemRound(score, it.points),
              program: p.rule,
              unbounded: false,
              mode: 'item',
            });
          }
        }
      }
    }
  }
  return { cases, items, unconvertible };
}
