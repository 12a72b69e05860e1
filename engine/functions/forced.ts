/** PERF.FORCED: forced distribution (强制分布) by rank and quotas. */
import { bandCounts, forcedBandIndex } from '../bands';
import { DEFAULT_SETTINGS } from '../rules/settings';
import { naError, ok, readArguments, valueError, type Arg, type ArgSource, type FnResult } from './args';
import { defineFunction, type ParamSpec } from './spec';

type Forced = typeof DEFAULT_SETTINGS.forced;

/** "20/60/20", optionally followed by ";rounding=floor;ties=lower", over the default settings. */
function quotasOf(text: string): FnResult<Forced> {
  const [q, ...opts] = text.split(/[;；]/);
  const nums = (q ?? '').split(/[/,，、:：]/).map((x) => Number(x.replace('%', '').trim()));
  if (nums.some((x) => !Number.isFinite(x) || x < 0))
    return valueError(`比例「${q}」应写成 20/60/20`, `Quotas "${q}" must look like 20/60/20`);
  let forced: Forced = { ...DEFAULT_SETTINGS.forced, quotas: nums };
  for (const o of opts) {
    const [k, v] = o.split('=').map((x) => x.trim());
    if (k === 'rounding' && (v === 'floor' || v === 'halfUp' || v === 'largestRemainder'))
      forced = { ...forced, rounding: v };
    else if (k === 'ties' && (v === 'higher' || v === 'lower')) forced = { ...forced, ties: v };
    else
      return valueError(
        `未知选项「${o}」（rounding=floor|halfUp|largestRemainder，ties=higher|lower）`,
        `Unknown option "${o}"`,
      );
  }
  return ok(forced);
}

/**
 * PERF.FORCED(score, scores, [quotas], [labels]): forced distribution by rank. `quotas` is
 * "20/60/20" (optionally ";rounding=floor;ties=lower"), `labels` "优秀/良好/一般".
 */
function forcedBand(
  args: readonly (Arg | undefined)[],
  sources?: readonly (ArgSource | undefined)[],
): FnResult<string> {
  const read = readArguments(PARAMS, args, sources);
  if (!read.ok) return read;
  const [score, all, quotas, labels] = read.value;
  if (all.length === 0) return naError('得分范围中没有数字', 'The scores range holds no numbers');
  if (!all.some((x) => x.eq(score)))
    return naError(
      `得分 ${score.toString()} 不在得分范围中`,
      `Score ${score.toString()} is not in the scores range`,
    );
  const f = quotasOf(quotas);
  if (!f.ok) return f;
  const forced = f.value;
  const names = labels.split(/[/,，、]/).map((x) => x.trim());
  if (names.length !== forced.quotas.length)
    return valueError(
      `等次数（${names.length}）与比例数（${forced.quotas.length}）不一致`,
      `${names.length} labels for ${forced.quotas.length} quotas`,
    );
  const counts = bandCounts(all.length, forced.quotas, forced.rounding);
  return ok(names[forcedBandIndex(score, all, counts, forced.ties)]!);
}

export function perfForced(score: Arg, scores: Arg, quotas?: Arg, labels?: Arg): FnResult<string> {
  return forcedBand([score, scores, quotas, labels]);
}

const PARAMS = [
  {
    name: 'score',
    zh: '得分',
    shape: 'value',
    read: 'number',
    description: {
      en: "This unit's score; it must be one of the scores.",
      zh: '本单位的得分，须在全部得分之中。',
    },
  },
  {
    name: 'scores',
    zh: '全部得分',
    label: '得分范围',
    shape: 'range',
    read: 'numbersAmongText',
    description: {
      en: 'Scores of all units (a range); empty cells and text are skipped.',
      zh: '所有参评单位的得分（单元格区域）；空单元格和文字不计。',
    },
  },
  {
    name: 'quotas',
    zh: '比例',
    shape: 'value',
    read: 'text?',
    default: DEFAULT_SETTINGS.forced.quotas.join('/'),
    description: {
      en: 'Quotas in percent, best band first; empty means "20/60/20". May add ";rounding=largestRemainder|floor|halfUp" (how counts are rounded) and ";ties=higher|lower" (the band of equal scores across a cut-off).',
      zh: '可选。各等次的百分比，从高到低，如“20/60/20”（空表示此值）；可加“;rounding=largestRemainder|floor|halfUp”（取整方式）和“;ties=higher|lower”（同分跨界进入较高或较低等次）。',
    },
  },
  {
    name: 'labels',
    zh: '等次名称',
    shape: 'value',
    read: 'text?',
    default: DEFAULT_SETTINGS.forced.labels.join('/'),
    description: {
      en: 'Band names, best first, as many as quotas; empty means "优秀/良好/一般".',
      zh: '可选。各等次名称，从高到低，个数与比例相同，如“优秀/良好/一般”（空表示此值）。',
    },
  },
] as const satisfies readonly ParamSpec[];

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'FORCED',
  zh: '强制分布',
  summary: '按排名和比例确定等次',
  description: {
    en: 'Band of one unit under forced distribution (强制分布): by rank among all scores, with quotas such as 20% 优秀, 60% 良好, 20% 一般.',
    zh: '按强制分布确定一个单位的等次：在全部得分中排名，按比例（如优秀 20%、良好 60%、一般 20%）划分。',
  },
  params: PARAMS,
  result: { type: 'string' },
  call: forcedBand,
  // The help page's section for the function, below its generated heading (addin/help/).
  help: {
    about: `
      <p>
        强制分布：把本单位得分放在全部得分中排名，按比例（默认优秀 20%、良好 60%、一般
        20%）确定等次。人数乘比例往往不是整数，默认用最大余数法取整；同分跨越分界时默认都进入较高等次。这两项可在比例后设置。
      </p>
`,
    more: `
      <p>
        示例：B2:B8 为 95、90、88、88、80、70、60（7 个单位：1.4 / 4.2 / 1.4，取整为 1 / 4 / 2）。<code
          >=PERF.强制分布(95, B2:B8)</code
        >
        返回 <code>优秀</code>，<code>=PERF.强制分布(90, B2:B8)</code> 返回 <code>良好</code>，<code
          >=PERF.强制分布(70, B2:B8)</code
        >
        返回 <code>一般</code>。得分不在区域中时返回 <code>#N/A</code>。
      </p>
      <p lang="en">Forced distribution by rank; quotas "20/60/20" and labels "优秀/良好/一般" by default.</p>
`,
  },
});
