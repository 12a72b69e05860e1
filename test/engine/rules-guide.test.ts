/**
 * docs/rules.md, the guide for template authors: every example it shows is read the way it says
 * (its 写法 | 实际值 | 分值 | 得分 tables, scored by hand in the guide), and every clause reader's
 * declared examples are read by that reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { perfScore, type Scalar } from '../../engine/functions';
import { CLAUSE_READERS, normaliseRule, parseRule } from '../../engine/rules';

const GUIDE = readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8');
const HELP = readFileSync(join(__dirname, '../../addin/help/index.html'), 'utf8');

interface Example {
  line: number;
  rule: string;
  actual: Scalar;
  points: number;
  expected: number | '#N/A' | '#VALUE!';
}

/** A percent actual arrives as a fraction, as from a percent-formatted cell (80% → 0.8). */
function actualOf(cell: string): Scalar {
  if (/^-?\d+(\.\d+)?%$/.test(cell)) return Number(`${cell.slice(0, -1)}e-2`);
  if (/^-?\d+(\.\d+)?$/.test(cell)) return Number(cell);
  return cell;
}

/** Rows of every table whose header starts 写法 | 实际值 | 分值 | 得分. */
function examples(text: string): Example[] {
  const out: Example[] = [];
  const lines = text.split('\n');
  const cells = (l: string) =>
    l
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  for (let i = 0; i < lines.length; i++) {
    const head = cells(lines[i]!);
    if (lines[i]!.trim().startsWith('|') && head.slice(0, 4).join('|') === '写法|实际值|分值|得分') {
      for (i += 2; i < lines.length && lines[i]!.trim().startsWith('|'); i++) {
        const [rule, actual, points, score] = cells(lines[i]!);
        out.push({
          line: i + 1,
          rule: rule!.replace(/^`|`$/g, ''),
          actual: actualOf(actual!),
          points: Number(points),
          expected: score === '#N/A' || score === '#VALUE!' ? score : Number(score),
        });
      }
    }
  }
  return out;
}

/** The help page's copy of the essential table: <section id="rules">, rows of <td> cells. */
function helpExamples(html: string): Example[] {
  const start = html.indexOf('<section id="rules">');
  const section = html.slice(start, html.indexOf('</section>', start));
  const text = (cell: string) =>
    cell
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return [...section.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].flatMap((tr) => {
    const cells = [...tr[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => text(m[1]!));
    if (cells.length < 4) return [];
    const [rule, actual, points, score] = cells;
    return [
      {
        line: 0,
        rule: rule!,
        actual: actualOf(actual!),
        points: Number(points),
        expected: score === '#N/A' || score === '#VALUE!' ? score : Number(score),
      },
    ];
  });
}

function check(r: Example): void {
  const got = perfScore(r.actual, r.rule, r.points);
  if (typeof r.expected === 'number') {
    expect(got.ok ? got.value : `${got.error} ${got.message}`).toBe(r.expected);
  } else {
    expect(got).toMatchObject({ ok: false, error: r.expected });
  }
}

describe('docs/rules.md', () => {
  const rows = examples(GUIDE);

  it('has its example tables (each family of wordings, scored and manual)', () => {
    expect(rows.length).toBeGreaterThanOrEqual(50);
    for (const r of rows) {
      expect(r.rule, `line ${r.line}`).not.toBe('');
      expect(Number.isFinite(r.points), `line ${r.line}`).toBe(true);
      if (typeof r.expected === 'number') expect(Number.isNaN(r.expected), `line ${r.line}`).toBe(false);
    }
    expect(rows.some((r) => r.expected === '#N/A')).toBe(true);
  });

  it.each(rows.map((r) => [`${r.line}: ${r.rule} @ ${String(r.actual)}`, r] as const))(
    'scores %s as the guide says',
    (_name, r) => check(r),
  );

  it('a hand score names the clause that makes it one', () => {
    const got = perfScore(1, '每缺1项扣1分，资料不全的酌情扣分', 5);
    expect(got).toMatchObject({ ok: false, error: '#N/A' });
    expect(!got.ok && got.message).toContain('资料不全的酌情扣分');
  });

  it('一票否决 in a rule flags the unit; 一票否优 only caps the band', () => {
    expect(parseRule('合格率80%以下的记零分，并实行一票否决')).toMatchObject({ ok: true, veto: true });
    expect(parseRule('造成较大社会影响的，一票否优')).toMatchObject({ vetoExcellence: true, veto: false });
  });

  it('lists every clause reader of the registry', () => {
    for (const reader of CLAUSE_READERS) expect(GUIDE).toMatch(new RegExp(`\\| \`${reader.id}\` +\\|`));
  });
});

/** Examples that continue a condition written before them (否则不得分 needs something to negate). */
const FOLLOWS_A_CONDITION = new Set(['否则不得分', '达不到标准不得分']);
/** Examples that score a list of conditions written before them. */
const FOLLOWS_CONDITIONS = new Set(['每完成一项得2分', '一项未完成的，扣1分', '全部完成的，得3分']);

describe('the help page (addin/help/index.html#rules)', () => {
  const rows = helpExamples(HELP);

  it('links its rules section and holds the essential table', () => {
    expect(HELP).toContain('href="#rules"');
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  it.each(rows.map((r) => [`${r.rule} @ ${String(r.actual)}`, r] as const))(
    'scores %s as the help page says',
    (_name, r) => check(r),
  );
});

describe('CLAUSE_READERS examples', () => {
  const all = CLAUSE_READERS.flatMap((r) => r.examples.map((e) => [r.id, e, r] as const));

  it.each(all)('%s reads its own example %s, and the rule parses', (_id, example, reader) => {
    const text = normaliseRule(example);
    const rule = FOLLOWS_A_CONDITION.has(example)
      ? `执行率≥80%，${example}`
      : FOLLOWS_CONDITIONS.has(example)
        ? `合格率达95%以上，成功率达60%以上。${example}`
        : example;
    const read = reader.read({ text, original: text, sentence: 0, rule: normaliseRule(rule) });
    expect(read?.pieces.length ?? 0).toBeGreaterThan(0);
    expect(parseRule(rule)).toMatchObject({ ok: true });
  });
});
