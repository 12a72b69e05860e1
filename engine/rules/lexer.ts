/**
 * The lexer of scoring prose: normalisation (NFKC, Chinese numerals before a measure word,
 * 百分之X, comparator symbols), segmentation into clauses, and the number tokens of each clause
 * with their units. Numbers that belong to the task (24小时内, 3岁以下, 人均5元, 2022年, list
 * numbering) are marked as noise: a rule may leave them unread. Every regex here is linear (no
 * nested quantifiers): rule cells can be long and hostile.
 */

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "十二" → 12, "二十" → 20, "三" → 3, "半" → 0.5; null when not a small Chinese numeral. */
export function chineseNumber(s: string): number | null {
  if (s === '半') return 0.5;
  if (s.length === 1 && DIGIT[s] !== undefined) return DIGIT[s]!;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? DIGIT[m[1]]! : 1) * 10 + (m[2] ? DIGIT[m[2]]! : 0);
  const h =
    /^([一二两三四五六七八九])百(?:零([一二三四五六七八九])|([一二三四五六七八九])十([一二三四五六七八九])?)?$/.exec(
      s,
    );
  if (h)
    return (
      DIGIT[h[1]!]! * 100 +
      (h[2] ? DIGIT[h[2]]! : 0) +
      (h[3] ? DIGIT[h[3]]! * 10 : 0) +
      (h[4] ? DIGIT[h[4]]! : 0)
    );
  return null;
}

/** Measure words after which a Chinese numeral is a quantity ("一个百分点", "两项", "第三名"). */
const MEASURE =
  '个百分点|百分点|个|项|次|例|人次|人|名|位|分|户|张|岁|元|天|家|篇|件|处|条|起|台|份|期|批|倍|档|类|种|本|套|只';
const CN_NUM = '[零〇一二两三四五六七八九十百半]{1,5}';
const CN_BEFORE_MEASURE = new RegExp(`(${CN_NUM})(?=(?:${MEASURE}))`, 'g');
/** Words in which a numeral is not a quantity. */
const CN_IDIOMS =
  /一起(?=研究|部署|参与|参加|学习|讨论|落实|推进|工作|开展|抓|做|完成|规划|安排|检查|督促|考核)|一票否[决优]|一次性|一把手|一律|一般|一致|一经|一并|一些|一定|一旦|一同|进一步|统一|唯一|之一|一体|一线|一级|一类|二级|三级|一岗双责|一案双查|一户一档|一人一档|一村一|一事一议|一对一|两个责任|两委|三会一课|十四五|十三五/g;

/** Normalised rule text: what every clause reader works on. */
export function normaliseRule(text: string): string {
  // Circled list numbers (①) would become digits under NFKC: they are clause marks.
  let s = text
    .replace(/[\u2460-\u2473\u2776-\u277f]/g, '；')
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/>=|≧/g, '≥')
    .replace(/<=|≦/g, '≤')
    .replace(/[\u2013\u2014\u2212~～﹣]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/百分之([0-9.]+)/g, '$1%');
  // Protect idioms, convert numerals before measure words, put the idioms back.
  const kept: string[] = [];
  s = s.replace(CN_IDIOMS, (m) => {
    kept.push(m);
    return `\u0001${kept.length - 1}\u0002`;
  });
  s = s.replace(/百分之([零〇一二两三四五六七八九十百]{1,5})/g, (m, n: string) => {
    const v = chineseNumber(n);
    return v === null ? m : `${v}%`;
  });
  s = s.replace(CN_BEFORE_MEASURE, (m) => {
    const v = chineseNumber(m);
    return v === null ? m : String(v);
  });
  s = s.replace(/第([零〇一二两三四五六七八九十]{1,3})(?=[名位档])/g, (m, n: string) => {
    const v = chineseNumber(n);
    return v === null ? m : `第${v}`;
  });
  s = s.replace(/倒数第([一二两三四五六七八九十]{1,3})/g, (m, n: string) => {
    const v = chineseNumber(n);
    return v === null ? m : `倒数第${v}`;
  });
  // eslint-disable-next-line no-control-regex -- the placeholders set above
  s = s.replace(/\u0001(\d+)\u0002/g, (_m, i: string) => kept[Number(i)] ?? '');
  // Spaces between a number and its unit or a comparator carry nothing ("80 %", "≥ 90").
  s = s.replace(/(\d) +(?=[%‰分个项次例人户家所元万天岁])/g, '$1').replace(/([≥≤<>=]) +(?=\d)/g, '$1');
  // Spaces inside Chinese text carry nothing either ("扣 1 分" from PDFs).
  s = s
    .replace(/([\u4e00-\u9fff]) +(?=[\u4e00-\u9fff\d])/g, '$1')
    .replace(/(\d) +(?=[\u4e00-\u9fff])/g, '$1');
  // "4分每少1次会议扣1分": the item's points written before its step.
  s = s.replace(/(^|[。；;,，])(\d+(?:\.\d+)?)分(?=每)/g, '$1($2分)');
  // "满意度每下降2个点扣1分" beside percents: 个点 are percentage points.
  if (/\d%/.test(s)) s = s.replace(/(\d)个点/g, '$1个百分点');
  // "得10低于100按百分比得分": points written without 分, run into the next condition.
  s = s.replace(/([得计记])(\d+(?:\.\d+)?)(?=低于|高于|未达|不足|按|否则)/g, '$1$2分,');
  // "规范管理率≥85，…低于85%": a bare bound that the rule writes as a percent elsewhere is that percent.
  s = s.replace(
    /(≥|≤|>|<|低于|高于|达到|达|不低于|不足)(\d+(?:\.\d+)?)(?![\d.%‰]|[\u4e00-\u9fff]?(?:分|个|项|次|例|人|名|元|天|户|家|所|篇|件|处|条|起|台|份|页))/g,
    (m, op: string, n: string) => (s.includes(`${n}%`) ? `${op}${n}%` : m),
  );
  return s.trim();
}

/** One clause of a rule: normalised text between clause boundaries. */
export interface Segment {
  text: string;
  /** Index of the sentence (split at 。；and newlines) it belongs to. */
  sentence: number;
}

/**
 * Clauses: split at 。；;! and newlines (sentences), then at commas and list marks (①, 1、,
 * (1), A.) inside a sentence. A comma between digits ("1,000") is not a boundary.
 */
export function segment(text: string): Segment[] {
  const out: Segment[] = [];
  // A points phrase "(20分)" is a clause of its own.
  text = text.replace(/\(\d+(?:\.\d+)?分\)/g, ',$&,');
  // "A. 制订了工作制度 0.5分B. 未制订 0分": lettered options are sentences of their own.
  text = text.replace(/(^|[^A-Za-z0-9.])[A-F][.、](?=\s*[^\d\s.])/g, '$1；');
  // "满足要求，得1分(无协同单位的专业基地，此处不失分)": a bracket that holds clauses is a sentence.
  text = text.replace(/[(]([^()]*[,；;][^()]*)[)]/g, '；$1；');
  // "（版面费除外，下同）": an aside without numbers is one piece of its clause.
  text = text.replace(/[(（][^()（）\d]*[)）]/g, (m) => m.replace(/[，,]/g, '、'));
  const sentences = text.split(/[。；;!！?？\n]|(?<=\D)\.(?=\D|$)/);
  let sentence = 0;
  for (const raw of sentences) {
    const parts = raw
      .replace(/[①②③④⑤⑥⑦⑧⑨⑩]/g, '\u0003')
      .replace(/(^|[\s,，:：])(\d{1,2})[、.](?=[^\d])/g, '$1\u0003')
      .replace(/(^|[^\d])[(（] ?(\d{1,2}|[一二三四五六七八九十]{1,2}) ?[)）]/g, '$1\u0003')
      .replace(/(^|[^A-Za-z])([A-F])[.、](?=[^\d])/g, '$1\u0003')
      // eslint-disable-next-line no-control-regex -- \u0003 marks a list mark found above
      .replace(/(^|[\s\u0003])[一二三四五六七八九十]{1,2}[、]/g, '$1\u0003')
      // eslint-disable-next-line no-control-regex -- list marks replaced above
      .split(/[，,:：\u0003](?!\d{3}(?:\D|$))/);
    let any = false;
    for (const p of parts) {
      // "(综合医院没有…的此处不得分)": a clause in brackets is a clause.
      const t = p
        .trim()
        .replace(/^(?![(（]\d+(?:\.\d+)?分[)）]$)[(（]([^()（）]*[\u4e00-\u9fff][^()（）]*)[)）]$/, '$1');
      if (t === '') continue;
      // "合格率80%以下的，记零分": an effect alone belongs to the clause before it.
      const prev = out[out.length - 1];
      // "管床数＜2张，或未安排，不得分": an alternative (或) belongs to the clause before it too.
      if (
        any &&
        prev &&
        (EFFECT_ONLY.test(t) || (/^或(?:者)?(?:未|无|没有)/.test(t) && /\d/.test(prev.text)))
      )
        prev.text = `${prev.text},${t}`;
      else out.push({ text: t, sentence });
      any = true;
    }
    if (any) sentence++;
  }
  return out;
}

const EFFECT_ONLY =
  /^[^,\d░]{0,10}?(?:考核分|总分|综合分)清零|^(?:则|即|并|均|可)?(?:本项目|该项目|本项|该项|此项|此处|该指标)?(?:不得分|不计分|不记分|不给分|不失分|清零|记零分|计零分|得0分|计0分|记0分|扣\d|扣除\d|减\d|加\d|奖\d|得\d|计\d|记\d|得满分|计满分|得标准分|不扣分|实行一票否决|一票否决|一票否优|考核分清零|总分清零|\d+(?:\.\d+)?分$)/;

/** A number in a clause, with the unit written after it. */
export interface NumberToken {
  start: number;
  end: number;
  value: string;
  unit: string;
  /** Belongs to the task (a time, an age, a year, an amount per person…), not to the rule. */
  noise: boolean;
  /**
   * A frequency of the task ("每季度1期"): noise beside a scoring clause; alone it is the target
   * the text sets, and a text with no rule but that number is reported.
   */
  frequency?: boolean;
}

const NUMBER = /(?<![\d.])(\d+(?:\.\d+)?)(个百分点|百分点|%|‰|[\u4e00-\u9fff]{0,3})/g;
/** Units of numbers that describe the task. */
const NOISE_UNIT =
  /^(?:年|年度|月|月份|月底|月末|月龄|个月|日|号|天内|日内|周|周岁|岁|小时|个小时|分钟|秒|季度|个工作日|工作日|届|号文|版|米|公里|平方|千米|克|公斤|千克|斤|升|毫升|床|层|楼|孕周|周内|元\/人|期间)/;
const NOISE_BEFORE = /(?:人均|每人每年|每人|第|前|近|满|\d-|至|达到?|不少于)$/;

/** The number tokens of a clause. */
export function numbersIn(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const value = m[1]!;
    const unit = m[2] ?? '';
    const before = text.slice(Math.max(0, start - 4), start);
    // The unit read after the number is short; "20个工作日内" is a time all the same.
    let noise =
      NOISE_UNIT.test(unit) || NOISE_UNIT.test(text.slice(start + value.length, start + value.length + 6));
    let frequency = false;
    // A frequency of the task: "每季度1期", "每个工作日安排1名", "每周接访1次".
    if (
      !noise &&
      text.lastIndexOf('每', start) >= start - 12 &&
      /每个?(?:季度|月|年|周|半年|学期|工作日|日|天)[^,，;；░\d扣减加奖得计记]{0,6}$/.test(
        text.slice(Math.max(0, start - 12), start),
      )
    )
      noise = frequency = true;
    if (!noise && /^元/.test(unit) && /人均|每人|标准/.test(before)) noise = true;
    // A year written without 年 ("2022-2023", "2022.1").
    if (!noise && unit === '' && /^(?:19|20)\d\d$/.test(value) && /^[-/.]/.test(text.slice(start + 4)))
      noise = true;
    if (!noise && /^(?:-|至|到)\d+(?:月|日|岁|周)/.test(text.slice(start + value.length))) noise = true;
    // A hotline or platform named by its number: 12345平台, 12320热线.
    if (!noise && /^(?:热线|平台|机构|服务|系统|网站|号码|电话)/.test(unit)) noise = true;
    // A sample size: 随机抽查10份, 核查5名.
    if (!noise && /(?:抽查|抽取|随机抽|核查|抽样|抽)$/.test(before)) noise = true;
    if (!noise && unit === '' && NOISE_BEFORE.test(before) && /^[-至]/.test(text.slice(start + value.length)))
      noise = true;
    // A name: PM10, PM2.5, H7N9.
    if (!noise && /[A-Za-z]$/.test(before)) noise = true;
    // "两年1次体检率", "全年开展2次免费生殖健康服务达80%": a frequency inside the metric's name.
    if (
      !noise &&
      unit.startsWith('次') &&
      // Said back, the metric starts its clause: "开展2次免费生殖健康服务≥80%".
      /(?:年(?:开展|组织|进行)?|(?:^|[,;、])(?:开展|组织|进行))$/.test(
        text.slice(Math.max(0, start - 6), start),
      ) &&
      /^[\u4e00-\u9fff]{1,12}?(?:率|达到?\d|[≥>░])/.test(text.slice(start + value.length + 1))
    )
      noise = true;
    out.push({ start, end: start + value.length + unit.length, value, unit, noise, frequency });
  }
  return out;
}

/** Judgement words: an item with any of them is scored by hand. */
export const JUDGEMENT =
  /酌情|据实|(?<![访监巡检电重审注忽正透凝环])视(?:情况|情节|具体|完成情况|其|问题|程度|轻重)|适当扣分|按幅度|综合评定|综合评判|综合评价打分|评审小组|专家评定|由考核组评定|主观/;

/** Words that say the clause has an effect on the score. */
export const EFFECT_WORD =
  /扣|加分|加\d|奖\d|奖励\d|得分|不得分|不计分|得满分|记零分|计零分|清零|否决|否优|得\d|计\d|记\d/;
