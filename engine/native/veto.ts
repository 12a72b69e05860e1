/**
 * Whether a table's 一票否决 / 一票否优 items were triggered, as formula tests for its band
 * (engine/scoring.ts decides it so):
 * - the item's rule fired its 清零/一票否决 clause: where those are the rule's only clauses and
 *   the score cell holds the rule's live formula, a score of 0 says so (the points are above 0);
 * - the item's actual says the event happened (rules/actual.ts readOccurred: TRUE, a number ≥ 1,
 *   是/发生/否决…), unless its rule tests an event itself. Only the words themselves are read:
 *   other text might be a number or a word once normalised (全角, "1次"), so it asks for the band
 *   by hand, never a guess.
 * A rule that can fire a veto beside other clauses cannot be told from the score: no formula then.
 */
import type { Program } from '../rules/program';
import { OCCURRED_WORDS } from '../rules/actual';
import { and, boolText, lit, not, or, type Bool } from './expr';
import { isOneOf } from './reading';
import type { BandVetoes } from './perf';

export interface VetoItem {
  name: string;
  veto: boolean;
  vetoExcellence: boolean;
  /** The item's actual cell, or null when the table has no actual column. */
  actual: string | null;
  /** The item's score cell when it holds the item's live rule formula, else null. */
  score: string | null;
  /** The item's points: a cell or a number. */
  points: string;
  /** The item's rule, or null when it has none that reads. */
  program: Program | null;
}

export type VetoTests = { ok: true; vetoes: BandVetoes } | { ok: false; reason: string };

/** The actual says the event happened (readOccurred is true). Errors are caught by `unread`. */
function occurred(a: string): string {
  return `IF(ISLOGICAL(${a}),${a},IF(ISNUMBER(${a}),${a}>=1,${boolText(isOneOf(`LOWER(TRIM(${a}))`, OCCURRED_WORDS.yes))}))`;
}

/** The actual is a text the formula does not read as readOccurred would (or an error value). */
function unread(a: string): string {
  const all = [...OCCURRED_WORDS.yes, ...OCCURRED_WORDS.no];
  return `IF(ISERROR(${a}),TRUE(),IF(OR(ISLOGICAL(${a}),ISNUMBER(${a})),FALSE(),${boolText(and(`LEN(TRIM(${a}))>0`, not(isOneOf(`LOWER(TRIM(${a}))`, all))))}))`;
}

/** Tests for the band of a table with these veto items; `decimals`: the scores' rounding. */
export function vetoTests(items: readonly VetoItem[], decimals: number): VetoTests {
  const veto: Bool[] = [];
  const excellence: Bool[] = [];
  const unsure: Bool[] = [];
  // A score rounds to 0 below half a unit of its last decimal: there 0 does not say the rule fired.
  const half = lit((0.5 / 10 ** decimals).toFixed(decimals + 1));
  for (const it of items) {
    const fired: Bool[] = [];
    const p = it.program;
    const zeros = p
      ? p.clauses.filter(
          (c) => c.kind === 'when' && (c.effect.kind === 'zero' || c.effect.kind === 'vetoExcellence'),
        )
      : [];
    if (p && zeros.length > 0) {
      const onlyZeros =
        !p.manual &&
        !p.deductionOnly &&
        p.base.kind === 'full' &&
        p.clauses.every((c) => c.kind === 'when' && c.effect.kind === 'zero');
      const what = it.veto ? '一票否决' : '一票否优';
      if (!onlyZeros)
        return {
          ok: false,
          reason: `「${it.name}」的规则除${what}外还有其他计分，公式无法判断${what}是否触发`,
        };
      if (it.score === null)
        return { ok: false, reason: `「${it.name}」的得分不是按规则计算的公式，公式无法判断${what}是否触发` };
      const s = it.score;
      const w = /^\d+(\.\d+)?$/.test(it.points) ? it.points : `N(${it.points})`;
      fired.push(`AND(ISNUMBER(${s}),${s}=0,${w}>=${half})`);
      unsure.push(`AND(ISNUMBER(${s}),${s}=0,${w}<${half})`);
    }
    const testsEvent = p?.clauses.some((c) => c.kind === 'when' && c.test.kind === 'event') ?? false;
    if (it.actual !== null && !testsEvent) {
      fired.push(occurred(it.actual));
      unsure.push(unread(it.actual));
    }
    if (fired.length === 0) continue;
    if (it.veto) veto.push(or(...fired));
    if (it.vetoExcellence) excellence.push(or(...fired));
  }
  return { ok: true, vetoes: { veto: or(...veto), excellence: or(...excellence), unsure: or(...unsure) } };
}
