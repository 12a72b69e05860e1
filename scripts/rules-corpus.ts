/**
 * The rules corpus (test/fixtures/rules/): real scoring sentences with hand-worked expected
 * values. Loads and checks the files (zod), runs every check through the rule reader, and
 * classifies the result: right, wrong (a number that differs, or a number where a hand score is
 * expected), missed (no number where one is expected: manual or refused).
 * `npm run rules:report` prints the figures by form; test/engine/rules-corpus.test.ts holds them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from '../engine/zod';
import { dec, DEFAULT_SETTINGS, evaluateRule, formOf, parseRule, renderRule, round } from '../engine/rules';
import { readItemRule } from '../engine/rules/item-rule';

const Cell = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const CheckSchema = z.object({
  actual: z.union([Cell, z.array(Cell)]),
  expect: z.union([z.number(), z.literal('manual')]),
  reason: z.string().optional(),
  work: z.string().optional(),
  veto: z.boolean().optional(),
  vetoExcellence: z.boolean().optional(),
  zeroTotal: z.boolean().optional(),
});
const CaseSchema = z.object({
  id: z.string().min(1),
  form: z.string().min(1),
  rule: z.string().min(1),
  points: z.number().nullable(),
  target: z.union([z.number(), z.string(), z.null()]).optional(),
  checks: z.array(CheckSchema).min(1).max(3),
});
export const CorpusFileSchema = z.object({
  source: z.object({ title: z.string().min(1), url: z.string().min(1), family: z.string().min(1) }),
  cases: z.array(CaseSchema).min(1),
});
export type CorpusCase = z.infer<typeof CaseSchema>;
export type CorpusFile = z.infer<typeof CorpusFileSchema> & { file: string };

export const CORPUS_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'rules');

export function loadCorpus(dir = CORPUS_DIR): CorpusFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      ...CorpusFileSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))),
      file: f,
    }));
}

export type Verdict = 'right' | 'wrong' | 'missed';

export interface CheckResult {
  id: string;
  form: string;
  rule: string;
  actual: unknown;
  expected: number | 'manual';
  got: number | string;
  verdict: Verdict;
  /** What the engine read the rule as ("refused", "manual" or the program's form). */
  read: string;
}

/**
 * Runs one case's checks, reading its rule as the product reads an item's method and target
 * cells (engine/rules/item-rule.ts).
 */
export function runCase(c: CorpusCase): CheckResult[] {
  const item = readItemRule(c.rule, c.target ?? null);
  const parsed = item ? item.parsed : parseRule(c.rule);
  const read = parsed.ok ? formOf(parsed.rule) : 'refused';
  return c.checks.map((k) => {
    const base = { id: c.id, form: c.form, rule: c.rule, actual: k.actual, expected: k.expect, read };
    if (!parsed.ok)
      return {
        ...base,
        got: `refused: ${parsed.reason}`,
        verdict: k.expect === 'manual' ? 'right' : 'missed',
      };
    const out = evaluateRule(parsed.rule, {
      actual: k.actual,
      points: dec(c.points ?? 0),
      target: item?.target ?? null,
      settings: DEFAULT_SETTINGS,
      unbounded: c.points === null,
    });
    if (!out.ok)
      return {
        ...base,
        got: `${out.code}: ${out.message}`,
        verdict: k.expect === 'manual' ? 'right' : 'missed',
      };
    const got = round(out.score, 2).toNumber();
    if (k.expect === 'manual') return { ...base, got, verdict: 'wrong' };
    const flagsOk =
      (k.veto === undefined || !!out.veto === k.veto) &&
      (k.zeroTotal === undefined || !!out.zeroTotal === k.zeroTotal) &&
      (k.vetoExcellence === undefined || !!out.vetoExcellence === k.vetoExcellence);
    return { ...base, got, verdict: got === k.expect && flagsOk ? 'right' : 'wrong' };
  });
}

export function runCorpus(files: readonly CorpusFile[]): CheckResult[] {
  return files.flatMap((f) => f.cases.flatMap(runCase));
}

/** The canonical sentence of each readable corpus rule, and whether reading it gives the same program. */
export function roundTrips(
  files: readonly CorpusFile[],
): { id: string; rule: string; sentence: string; same: boolean }[] {
  const out: { id: string; rule: string; sentence: string; same: boolean }[] = [];
  for (const f of files)
    for (const c of f.cases) {
      const p = parseRule(c.rule);
      if (!p.ok) continue;
      const sentence = renderRule(p.rule, 'zh');
      const again = parseRule(sentence);
      out.push({
        id: c.id,
        rule: c.rule,
        sentence,
        same: again.ok && JSON.stringify(again.rule) === JSON.stringify(p.rule),
      });
    }
  return out;
}

/** Sentences (cases) whose every check is right. */
export function sentencesRight(results: readonly CheckResult[]): number {
  const ok = new Map<string, boolean>();
  for (const r of results) ok.set(r.id, (ok.get(r.id) ?? true) && r.verdict === 'right');
  return [...ok.values()].filter((x) => x).length;
}

export interface FormFigures {
  form: string;
  checks: number;
  /** Checks whose rule the reader read as a program (the rest were refused). */
  read: number;
  right: number;
  wrong: number;
  /** Missed: the rule was read, the check got a hand score or an error where a number is expected. */
  manual: number;
  /** Missed: the rule was refused where a number is expected. */
  refused: number;
}

const EMPTY = { checks: 0, read: 0, right: 0, wrong: 0, manual: 0, refused: 0 };

export function byForm(results: readonly CheckResult[]): FormFigures[] {
  const m = new Map<string, FormFigures>();
  for (const r of results) {
    const f = m.get(r.form) ?? { form: r.form, ...EMPTY };
    f.checks++;
    if (r.read !== 'refused') f.read++;
    if (r.verdict === 'missed') f[r.read === 'refused' ? 'refused' : 'manual']++;
    else f[r.verdict]++;
    m.set(r.form, f);
  }
  return [...m.values()].sort((a, b) => b.checks - a.checks);
}

function main(): void {
  const files = loadCorpus();
  const results = runCorpus(files);
  const cases = files.reduce((n, f) => n + f.cases.length, 0);
  const forms = byForm(results);
  const total = forms.reduce(
    (t, f) => ({
      form: 'all',
      checks: t.checks + f.checks,
      read: t.read + f.read,
      right: t.right + f.right,
      wrong: t.wrong + f.wrong,
      manual: t.manual + f.manual,
      refused: t.refused + f.refused,
    }),
    { form: 'all', ...EMPTY },
  );
  const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
  const lines = [
    `Rules corpus: ${files.length} documents, ${cases} sentences, ${total.checks} checks`,
    '',
    'read: the rule was read as a program; missed checks: a hand score (manual) or the rule refused.',
    '',
    '| form | checks | read | right | wrong | missed: manual | missed: refused | right % |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[...forms, total].map(
      (f) =>
        `| ${f.form} | ${f.checks} | ${f.read} | ${f.right} | ${f.wrong} | ${f.manual} | ${f.refused} | ${pct(f.right, f.checks)} |`,
    ),
  ];
  const rt = roundTrips(files);
  lines.push(
    '',
    `Sentences with every check right: ${sentencesRight(results)} of ${cases} (${pct(sentencesRight(results), cases)})`,
    `Round trip parse(render(p)) = p: ${rt.filter((x) => x.same).length} of ${rt.length} readable rules`,
  );
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const bad = results.filter((r) => r.verdict !== 'right');
  if (verbose || process.argv.includes('--wrong')) {
    lines.push('', 'Not right:');
    for (const r of bad)
      if (verbose || r.verdict === 'wrong')
        lines.push(
          `  [${r.verdict}] ${r.id} (${r.form}, read as ${r.read}) ${JSON.stringify(r.actual)} → ${String(r.got)}; expected ${String(r.expected)}\n      ${r.rule}`,
        );
    for (const x of rt) if (!x.same) lines.push(`  [round trip] ${x.id}: ${x.sentence}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) main();
