/**
 * What the native compiler knows: one module per clause kind (./clauses/), the base kinds and
 * the program's fields. Anything else (a clause kind, base, effect or field added to the rule
 * language later) is refused with the reason, never compiled partly.
 */
import type { Clause, Program } from '../rules/program';
import { spec as gate } from './clauses/gate';
import { spec as labels } from './clauses/labels';
import { spec as rank } from './clauses/rank';
import { spec as ratio } from './clauses/ratio';
import { spec as step } from './clauses/step';
import { spec as tiers } from './clauses/tiers';
import { spec as when } from './clauses/when';

export interface NativePartSpec {
  kind: string;
  /** What the formula computes for this part, in Chinese (for the pane and reports). */
  zh: string;
  /** Why this clause cannot be compiled, or null. */
  refuse: (c: Clause) => string | null;
}

export const NATIVE_CLAUSES: readonly NativePartSpec[] = [gate, when, step, labels, rank, tiers];
export const NATIVE_BASES: readonly NativePartSpec[] = [
  { kind: 'full', zh: '满分起算', refuse: () => null },
  { kind: 'zero', zh: '零分起算', refuse: () => null },
  ratio,
];

/** The program fields the compiler reads. */
const FIELDS = ['base', 'clauses', 'deductCap', 'bonusCap', 'manual', 'deductionOnly', 'points', 'belowZero'];
const CLAUSE_FIELDS: Record<string, readonly string[]> = {
  gate: ['kind', 'conditions', 'each'],
  when: ['kind', 'test', 'effect'],
  step: ['kind', 'metric', 'direction', 'from', 'size', 'unit', 'effect', 'amount', 'cap', 'change'],
  labels: ['kind', 'grades'],
  rank: ['kind', 'fromBottom', 'free', 'entries', 'step'],
  tiers: ['kind', 'brackets', 'unit'],
};
const BASE_FIELDS: Record<string, readonly string[]> = {
  full: ['kind'],
  zero: ['kind'],
  ratio: ['kind', 'metric', 'bound', 'unit', 'lowerIsBetter', 'cap', 'best'],
};
const CONDITION_FIELDS = ['metric', 'op', 'value', 'unit', 'to'];
/** The fields of each test kind the compiler reads (a field added later is refused, not ignored). */
const TEST_FIELDS: Record<string, readonly string[]> = {
  condition: ['kind', 'condition'],
  label: ['kind', 'label', 'negative', 'or'],
  event: ['kind', 'event'],
};

const extra = (o: object, known: readonly string[]): string | undefined =>
  Object.keys(o).find((k) => !known.includes(k));

/** Why a program cannot be compiled, or null. */
export function refusal(p: Program): string | null {
  const f = extra(p, FIELDS);
  if (f) return `规则含有原生公式尚不支持的部分「${f}」`;
  const baseKnown = BASE_FIELDS[p.base.kind];
  if (!baseKnown) return `未知的计分基数「${p.base.kind}」`;
  const bf = extra(p.base, baseKnown);
  if (bf) return `计分基数含有尚不支持的部分「${bf}」`;
  for (const c of p.clauses) {
    const spec = NATIVE_CLAUSES.find((s) => s.kind === c.kind);
    const known = CLAUSE_FIELDS[c.kind];
    if (!spec || !known) return `原生公式尚不支持「${c.kind}」子句`;
    const cf = extra(c, known);
    if (cf) return `「${c.kind}」子句含有尚不支持的部分「${cf}」`;
    const conds =
      c.kind === 'gate'
        ? c.conditions
        : c.kind === 'when' && c.test.kind === 'condition'
          ? [c.test.condition]
          : [];
    for (const x of conds) {
      const xf = extra(x, CONDITION_FIELDS);
      if (xf) return `条件含有尚不支持的部分「${xf}」`;
    }
    if (c.kind === 'when') {
      const tf = extra(c.test, TEST_FIELDS[c.test.kind] ?? ['kind']);
      if (tf) return `条件含有尚不支持的部分「${tf}」`;
    }
    const why = spec.refuse(c);
    if (why) return why;
  }
  return null;
}
