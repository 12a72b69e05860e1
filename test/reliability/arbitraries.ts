import { dec, type Dec, type Program } from '../../engine/rules';
/**
 * Generators shared by the reliability suites: rule texts assembled from the wording of the
 * documents (so most cases reach deep into each rule kind instead of stopping at "no digits"),
 * plus noise, full-width variants and hostile characters.
 */
import fc from 'fast-check';

/** ASCII → full-width (U+FF01…U+FF5E), space → ideographic space: what NFKC must undo. */
export function toFullWidth(s: string): string {
  return s.replace(/[\x21-\x7e ]/g, (c) =>
    c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) - 0x21 + 0xff01),
  );
}

const num = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom('0', '0.5', '1', '5', '10', '80', '95', '100', '67.7', '75', '83.3', '1300'),
);
const small = fc.oneof(fc.integer({ min: 1, max: 12 }).map(String), fc.constantFrom('两', '三', '五', '十'));
const unit = fc.constantFrom('%', '个', '次', '项', '例', '万', '万元', '人', '');
const metric = fc.constantFrom(
  '执行率',
  '满意率',
  '体检率',
  '知晓率',
  '回访满意率',
  '服务对象满意度',
  '差错率',
  '机位',
  '对接率',
  '',
);
const op = fc.constantFrom('≥', '>=', '＞＝', '≤', '<', '>', '=', '不低于', '不超过', '达到', '');
const suffix = fc.constantFrom('以上', '以下', '', '及以上');

/** One clause in the style of a rule kind. */
const clause: fc.Arbitrary<string> = fc.oneof(
  // threshold
  fc.tuple(metric, op, num, unit, suffix).map(([m, o, n, u, s]) => `${m}${o}${n}${u}${s}`),
  // linear
  fc
    .tuple(metric, num, small, num, num)
    .map(([m, n, k, d, cap]) => `${m}${n}%以上，每低${k}个百分点扣${d}分，直至${cap}分扣尽`),
  // step
  fc.tuple(num, num, num).map(([t, s, d]) => `继续扩增机考机位${t}个，每少增加${s}个机位扣${d}分`),
  // count
  fc.tuple(small, num, unit).map(([k, d, u]) => `未完成${k}${u || '项'}扣${d}分`),
  fc.tuple(num).map(([d]) => `每例扣${d}分，扣完为止`),
  // graded
  fc.tuple(num, num).map(([a, b]) => `满意得${a}分，一般满意得${b}分，不满意不得分`),
  // rank
  fc
    .tuple(small, small, num, num)
    .map(([f, m, d, s]) => `排序前${f}位不扣分，第${m}位扣${d}分，随后每后移一位加扣${s}分`),
  // tiers
  fc.tuple(num, num, num, num, num).map(([a, b, r1, c, r2]) => `${a}-${b}万提取${r1}%，${c}万以上${r2}%`),
  // ratio
  fc.constantFrom(
    '按完成比例计分',
    'b/c，b>c时按1计算',
    '按完成比例计分，越低越好',
    '完成率计分，最高按1.2倍',
  ),
  // occurrence / completion / veto
  fc.constantFrom(
    '全年不发生生产安全事故',
    '未完成网站建设不得分',
    '一票否决',
    '造成较大社会影响的，将对年度考核结果进行一票否优',
    '（实行扣分制）',
  ),
  fc.tuple(num).map(([n]) => `${n}分扣完为止`),
  fc.tuple(num).map(([n]) => `最多扣${n}分`),
  // noise that holds digits without being a condition
  fc.constantFrom(
    '2022年度',
    '《健康枣庄2030》',
    '1、',
    '（2）',
    '每月1日、15日刊出',
    '争取新增1-2项',
    '力争全市达1300以上',
  ),
  fc.constantFrom('落实健康教育工作', '得满分', '否则不得分', '不得分', '扣完为止', '…', '—', '～'),
  fc.string({ maxLength: 12 }),
);

const separator = fc.constantFrom('，', '。', '；', ';', ',', '\n', '', ' ', '、');

/**
 * A rule-like text: mostly one or two clauses (so each rule kind is reached), sometimes up to five
 * (mixtures the reader must refuse), sometimes full-width or with control characters mixed in.
 */
export const ruleTextArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.array(fc.tuple(clause, separator), { minLength: 1, maxLength: 2 }), weight: 4 },
      { arbitrary: fc.array(fc.tuple(clause, separator), { minLength: 3, maxLength: 5 }), weight: 1 },
    ),
    fc.constantFrom('plain', 'plain', 'plain', 'full', 'control'),
  )
  .map(([parts, style]) => {
    const text = parts.map(([c, s]) => c + s).join('');
    if (style === 'full') return toFullWidth(text);
    if (style === 'control') return text.replace(/分/g, '\u0000分\u202e');
    return text;
  });

/** An actual value as it arrives from a cell or a function argument. */
export const actualArb: fc.Arbitrary<
  number | string | boolean | null | (number | string | boolean | null)[]
> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false, noDefaultInfinity: false }),
  fc.integer({ min: -5, max: 2000 }),
  fc.double({ min: 0, max: 1.5, noNaN: true }),
  fc.boolean(),
  fc.constantFrom(
    '',
    '76.5%',
    '８０％',
    '80',
    '发生',
    '未发生',
    '完成',
    '未完成',
    '满意',
    '一般满意',
    '不满意',
    '3次',
    '12万',
    '1,000.5',
    '-0',
    'NaN',
    'Infinity',
    '1e400',
    '#DIV/0!',
  ),
  fc.string({ maxLength: 10 }),
  fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(null), fc.constant('95%')), {
    maxLength: 5,
  }),
);

/** Scoring settings a user could write with --options (and every default). */
export const settingsTextArb: fc.Arbitrary<string> = fc
  .record({
    decimals: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    partial: fc.option(fc.constantFrom('proportional', 'floor', 'ceil'), { nil: undefined }),
    cap: fc.option(fc.constantFrom('1', '1.2', '2'), { nil: undefined }),
    thresholds: fc.option(fc.constantFrom('split', 'all'), { nil: undefined }),
    totals: fc.option(fc.constantFrom('roundItems', 'roundOnce'), { nil: undefined }),
  })
  .map((r) =>
    Object.entries(r)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(';'),
  );

/**
 * numRuns for a property: the CI count times FUZZ_SCALE (e.g. FUZZ_SCALE=20 for a long local run).
 * Every count passed here is summed by the budget test, so CI always runs ≥ 10,000 cases.
 */
export function runs(n: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * [lo, hi] a score of this program may take for an item worth `points` (null: unbounded side):
 * 扣分制 is a deduction taken off the total, brackets are an amount, a ratio goes up to
 * points × its cap, bonus clauses may lift a score above the points.
 */
export function programBounds(rule: Program, points: number, ratioCap: number): [Dec | null, Dec | null] {
  if (rule.deductionOnly && rule.clauses.length === 0)
    return [rule.deductCap === null ? null : dec(rule.deductCap).neg(), dec(0)];
  if (rule.clauses.some((c) => c.kind === 'tiers')) return [dec(0), null];
  const bonus = rule.clauses.some(
    (c) => (c.kind === 'step' && c.effect === 'add') || (c.kind === 'when' && c.effect.kind === 'add'),
  );
  if (bonus) return [dec(0), null];
  if (rule.base.kind === 'ratio')
    return [dec(0), dec(points).mul(rule.base.cap === null ? ratioCap : rule.base.cap)];
  return [dec(0), dec(points)];
}
