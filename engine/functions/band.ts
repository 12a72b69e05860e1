/** PERF.BAND: the band (等次) of a score (schemes are read by engine/bands.ts). */
import { bandOf, parseBands } from '../bands';
import { DEFAULT_SETTINGS } from '../rules/settings';
import { naError, ok, readArguments, type Arg, type ArgSource, type FnResult } from './args';
import { defineFunction, type ParamSpec } from './spec';

/** PERF.BAND(score, [scheme]): the band (等次) of a score; default 90 优秀 / 80 良好 / 60 合格 / 0 不合格. */
function band(
  args: readonly (Arg | undefined)[],
  sources?: readonly (ArgSource | undefined)[],
): FnResult<string> {
  const read = readArguments(PARAMS, args, sources);
  if (!read.ok) return read;
  const [score, scheme] = read.value;
  const b = parseBands(scheme);
  if (!b.ok) return b;
  const hit = bandOf(score, b.value);
  return hit
    ? ok(hit.label)
    : naError(
        `得分 ${score.toString()} 低于最低等次的下限`,
        `Score ${score.toString()} is below the lowest band`,
      );
}

export function perfBand(score: Arg, scheme?: Arg): FnResult<string> {
  return band([score, scheme]);
}

const PARAMS = [
  {
    name: 'score',
    zh: '得分',
    shape: 'value',
    read: 'number',
    description: {
      en: 'Score (得分), e.g. a total out of 100.',
      zh: '得分，如百分制总分。',
    },
  },
  {
    name: 'scheme',
    zh: '等次方案',
    shape: 'value',
    read: 'text?',
    default: DEFAULT_SETTINGS.bands,
    description: {
      en: 'Lower bound and label of each band, separated by commas, e.g. "85:好,70:较好,60:一般,0:较差"; empty means "90:优秀,80:良好,60:合格,0:不合格".',
      zh: '可选。各等次的“下限:名称”，用逗号分隔，如“85:好,70:较好,60:一般,0:较差”；空表示“90:优秀,80:良好,60:合格,0:不合格”。',
    },
  },
] as const satisfies readonly ParamSpec[];

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'BAND',
  zh: '考核等次',
  summary: '由得分得到等次',
  description: {
    en: 'Band (等次) of a score, by default 90 优秀, 80 良好, 60 合格, below 不合格.',
    zh: '由得分得到考核等次，默认 90 分以上优秀、80 分以上良好、60 分以上合格、以下不合格。',
  },
  params: PARAMS,
  result: { type: 'string' },
  call: band,
  // The help page's section for the function, below its generated heading (addin/help/).
  help: {
    about: `
      <p>
        由得分得到考核等次。默认方案：90 分及以上优秀，80 分及以上良好，60 分及以上合格，60 分以下不合格。
      </p>
`,
    more: `
      <p>
        示例：<code>=PERF.考核等次(89.99)</code> 返回 <code>良好</code>；<code
          >=PERF.考核等次(72, "85:好,70:较好,60:一般,0:较差")</code
        >
        返回 <code>较好</code>。得分低于最低等次的下限时返回
        <code>#N/A</code>。本函数只按得分定等次，一票否决、一票否优需另行处理。
      </p>
      <p lang="en">Band of a score; default 90 优秀, 80 良好, 60 合格, below 60 不合格.</p>
`,
  },
});
