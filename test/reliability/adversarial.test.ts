/**
 * Adversarial text: 100,000-character cells, deeply nested brackets, every full-width variant,
 * mixed scripts, control characters, and the patterns each regex of the rule reader and the
 * recogniser looks for, repeated without end. Each case must finish in under 50 ms (the reader
 * stays linear: no catastrophic backtracking) and give a finding or a clear refusal, never throw.
 *
 * Timing: CPU time of this process (not wall time, which a busy machine stretches); a case near
 * or over the bound is run again (best of three, of five when over), so a GC pause or a cold JIT does not
 * fail the test while anything super-linear (slow on every run) still does. The report line
 * printed at the end gives the slowest case.
 */
import { describe, expect, it } from 'vitest';
import { analyseSheet, FindingSchema, makeSheet, parseRule, scoreSheet, type Cell } from '../../engine';
import { perfRule, perfScore } from '../../engine/functions';
import { MAX_RULE_TEXT } from '../../engine/rules';
import { toFullWidth } from './arbitraries';

const N = 100_000;
const BOUND_MS = 50;
const rep = (s: string, n = N): string => s.repeat(Math.ceil(n / s.length)).slice(0, n);

let ascii = '';
for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
let controls = '';
for (let c = 0; c < 0x20; c++) controls += String.fromCharCode(c);
controls += '\u007f\u0085\u00ad\u200b\u200d\u200e\u200f\u202a\u202e\u2028\u2029\u2066\ufeff\ufffe\uffff';

/** Every cell is a 100,000-character text. */
const CASES: Record<string, string> = {
  'open brackets': rep('('),
  'full-width open brackets': rep('（'),
  'nested brackets': rep('(', N / 2) + rep(')', N / 2),
  'nested mixed brackets': rep('（【《「[{', N / 2) + rep('}]」》】）', N / 2),
  'nested points label': rep('（', N / 2 - 2) + '10分' + rep('）', N / 2 - 1),
  'every full-width ASCII variant': rep(toFullWidth(ascii)),
  'half-width katakana and ideographic space': rep('ｶﾞｷﾞｸﾞ\u3000ﾊﾟ･'),
  'full-width digits and percent': rep('８０％'),
  'ASCII printable': rep(ascii),
  'mixed scripts': rep('abcАБВгдالعربيةעבריתहिन्दी한국어ไทย😀👨‍👩‍👧e\u0301'),
  'control characters': rep(controls),
  'lone surrogates': rep('\ud800a\udc00\udbff'),
  'digits only': rep('1'),
  'zeros only': rep('0'),
  'dotted numbers': rep('1.'),
  'thousands separators': rep('1,'),
  'percent signs': rep('80%'),
  comparators: rep('≥'),
  'comparator and number': rep('≥80'),
  'dash ranges': rep('1-'),
  'tildes and dashes': rep('～—–−~'),
  'rule sentence': rep('满意率80%以上，每低一个百分点扣1分，直至10分扣尽。'),
  'rule without separators': rep('满意率80%以上每低一个百分点扣1分直至10分扣尽'),
  tiers: rep('67.7-75万提取9%'),
  'rank table': rep('第3位扣0.2分，'),
  graded: rep('满意得2分，'),
  count: rep('未完成1项扣5分'),
  step: rep('每少增加100个机位扣3分'),
  veto: rep('一票否决'),
  'points labels': rep('（10分）'),
  'unclosed points': rep('（1'),
  years: rep('2022年'),
  dates: rep('1月1日'),
  aspirations: rep('争取'),
  quotes: rep('"“《'),
  'ratio slashes': rep('a/'),
  'chinese numerals': rep('一二三'),
  'section markers': rep('一、'),
  notes: rep('注：'),
  'spaces and tabs': rep(' \t'),
  'line breaks': rep('\n'),
  CRLF: rep('\r\n'),
  'name separators': rep('，1'),
};

/** CPU time (ms) of the best run; other processes on the machine do not count. */
function best(f: () => unknown, runs = 5): number {
  let min = Infinity;
  // One run when clearly fast; three when within half the bound; up to five when over it.
  for (let i = 0; i < runs && (min >= BOUND_MS || (i < 3 && min >= BOUND_MS / 2)); i++) {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    min = Math.min(min, (d.user + d.system) / 1000);
  }
  return min;
}

const txt = (v: string): Cell => ({ value: { kind: 'text', value: v } });
const HEAD = ['一级指标', '任务要点名称', '年度目标', '分值', '完成情况', '责任人'];

/** The text in one position of an otherwise valid table, or as a header cell. */
function sheets(s: string): { where: string; sheet: ReturnType<typeof makeSheet> }[] {
  const out = HEAD.map((h, col) => ({
    where: h,
    sheet: makeSheet('表', [
      HEAD.map(txt),
      HEAD.map((_, c) => (c === col ? txt(s) : txt(c === 3 ? '10' : c === 2 ? '执行率≥80%' : '甲'))),
      [txt('合计')],
    ]),
  }));
  out.push({
    where: 'title and header',
    sheet: makeSheet('表', [[txt(s)], [txt(s), ...HEAD.slice(1).map(txt)]]),
  });
  return out;
}

describe('adversarial text', () => {
  const slowest: { what: string; ms: number }[] = [];

  it.each(Object.entries(CASES))('%s: rule reader under 50 ms, refuses or reads, never throws', (name, s) => {
    expect(s.length).toBe(N);
    // Each run gets a distinct text (a different last character) so the parse cache never answers.
    let k = 0;
    const fresh = (t: string): string => t.slice(0, -1) + String.fromCharCode(0x4e00 + (k++ % 500));
    const full = best(() => parseRule(fresh(s)));
    const longest = best(() => parseRule(fresh(s.slice(0, MAX_RULE_TEXT)))); // the most the reader reads
    const fn = best(() => [
      perfRule(fresh(s)),
      perfScore(s.slice(0, 50), fresh(s.slice(0, MAX_RULE_TEXT)), 10),
    ]);
    slowest.push(
      { what: `${name}: parseRule 100k`, ms: full },
      { what: `${name}: parseRule 2k`, ms: longest },
    );
    slowest.push({ what: `${name}: PERF.RULE/SCORE`, ms: fn });
    expect(full).toBeLessThan(BOUND_MS);
    expect(longest).toBeLessThan(BOUND_MS);
    expect(fn).toBeLessThan(BOUND_MS);
    const p = parseRule(s);
    expect(p.ok).toBe(false); // 100,000 characters are not a rule, and the reader says why
    if (!p.ok) expect(p.reason).toBe(`文字过长（${N}字），无法作为计分规则`);
    const r = perfRule(s);
    expect(r.ok || r.message.length > 0).toBe(true);
  });

  it.each(Object.entries(CASES))('%s: recognition, validation and scoring under 50 ms', (name, s) => {
    for (const { where, sheet } of sheets(s)) {
      const analysed = best(() => analyseSheet(sheet));
      const scored = best(() => scoreSheet(sheet));
      slowest.push({ what: `${name} in ${where}: analyseSheet`, ms: analysed });
      slowest.push({ what: `${name} in ${where}: scoreSheet`, ms: scored });
      expect(analysed, `${name} in ${where}: analyseSheet`).toBeLessThan(BOUND_MS);
      expect(scored, `${name} in ${where}: scoreSheet`).toBeLessThan(BOUND_MS);
      for (const f of scoreSheet(sheet).findings) FindingSchema().parse(f);
    }
  });

  it('report: the slowest case', () => {
    slowest.sort((a, b) => b.ms - a.ms);
    const top = slowest.slice(0, 3).map((x) => `${x.what} ${x.ms.toFixed(1)} ms`);
    console.log(`adversarial text: ${slowest.length} measurements, slowest: ${top.join('; ')}`);
    expect(slowest.length).toBe(Object.keys(CASES).length * (3 + 2 * (HEAD.length + 1)));
  });
});
