/**
 * Header words → column roles. The documents spell the same column many ways (责任科室 /
 * 责任单位 / 数据采集责任 科室单位 / 牵头科室; 分值 / 分值权重 / 权重 / 标准分 …); this is the
 * one place that knows them. Matching is on NFKC text with whitespace removed, after taking off
 * a points suffix ("任务完成情况(90分)") and a trailing unit in brackets ("核定任务数(万元/月)").
 */
import type { ColumnRole } from './model';
import { parseLabel } from './points';
import { matchKey, nfkc } from './text';

/** Exact header words. Checked first. */
const EXACT: Record<string, ColumnRole> = {};
function exact(role: ColumnRole, ...words: string[]): void {
  for (const w of words) EXACT[matchKey(w)] = role;
}
exact('seq', '序号', '编号', '序', 'no', 'no.');
exact('level1', '一级指标', '一级考核指标', '考核维度', '维度', '一级');
exact('level2', '二级指标', '二级考核指标', '二级');
exact('level3', '三级指标', '三级考核指标', '三级');
exact(
  'item',
  '任务要点名称',
  '任务要点',
  '主要考核内容',
  '考核内容',
  '指标设定',
  '评价项目',
  '考核项目',
  '项目',
  '指标名称',
  '考核指标',
  '指标',
  '工作任务',
  '工作内容',
  '评价内容',
  '具体指标',
  '排查的重点问题',
  '重点问题',
  '存在问题',
  '科室',
  '科室名称',
  '考核科室',
  '单位',
  '单位名称',
  '考核对象',
  '类别',
  '考核类别',
  '指标类别',
);
exact(
  'target',
  '年度目标',
  '年度工作目标',
  '目标值',
  '目标',
  '工作目标',
  '考核目标',
  '指标值',
  '目标任务',
  '核定任务数',
  '任务数',
  '年度任务',
);
exact(
  'method',
  '计分办法',
  '评价方法',
  '评分标准',
  '评分办法',
  '考核办法',
  '考核方法',
  '计分方法',
  '扣分标准',
  '评分细则',
  '考核标准',
  '评价标准',
);
exact('points', '分值权重', '分值', '权重', '标准分', '满分', '分值(分)', '权重(%)', '分数权重', '指标分值');
exact('direction', '方向', '指标方向');
exact('standard', '标准值', '基准值');
exact(
  'owner',
  '责任科室',
  '责任单位',
  '数据采集责任科室单位',
  '责任科室单位',
  '牵头科室',
  '牵头单位',
  '责任部门',
  '责任处室',
  '承办科室',
  '责任科室(单位)',
);
exact('person', '责任人', '具体责任人', '联系人');
exact('basis', '制定依据', '依据');
exact('attribute', '指标属性', '属性');
exact('lastYear', '上一年完成情况', '上年完成情况', '上年度完成情况', '上年值', '上年实际', '上一年');
exact('actual', '完成情况', '实际完成', '实际值', '完成值', '实际完成情况', '完成数', '年度完成情况', '实绩');
exact('ratio', '完成比例', '完成率');
exact('progress', '进步分', '进步情况');
exact('score', '得分', '评分', '考核得分', '实际得分', '自评得分', '最终得分', '分数', '得分情况');
exact('deduction', '扣分情况', '扣分', '扣分值', '扣分数');
exact('measure', '整改措施及时限', '整改措施', '整改时限');
exact('result', '整改成效', '整改结果', '整改情况');
exact('coefficient', '科室系数', '系数');
exact('headcount', '人数', '科室人数');
exact('note', '备注', '说明');

/** Fallback: words a header contains. Order matters (上一年完成情况 before 完成情况). */
const CONTAINS: readonly [RegExp, ColumnRole][] = [
  [/序号/, 'seq'],
  [/一级/, 'level1'],
  [/二级/, 'level2'],
  [/三级/, 'level3'],
  [/上一?年/, 'lastYear'],
  [/责任人|负责人/, 'person'],
  [/责任.*(科室|单位|部门|处室)|牵头(科室|单位)/, 'owner'],
  [/方向/, 'direction'],
  [/标准值|基准值/, 'standard'],
  [/计分|评分|评价方法|考核办法/, 'method'],
  [/扣分/, 'deduction'],
  [/得分/, 'score'],
  [/分值|权重/, 'points'],
  [/完成比例|完成率/, 'ratio'],
  [/进步/, 'progress'],
  [/整改措施/, 'measure'],
  [/整改成效|整改结果/, 'result'],
  [/系数/, 'coefficient'],
  [/人数/, 'headcount'],
  [/目标|任务数/, 'target'],
  [/完成情况|实际/, 'actual'],
  [/依据/, 'basis'],
  [/属性/, 'attribute'],
  [/备注/, 'note'],
  [/项目|内容|指标|问题/, 'item'],
];

/** Header cells are short; a long sentence is data even if it contains "目标". */
const MAX_HEADER_LENGTH = 16;

export interface HeaderMatch {
  role: ColumnRole;
  /** Points declared in the header ("(90分)"), for grouped columns. */
  points: number | null;
  /** True when matched by an exact word (strong evidence of a header row). */
  exact: boolean;
}

/** The role a header text names, or null. */
export function matchHeader(raw: string): HeaderMatch | null {
  const parsed = parseLabel(raw);
  let key = matchKey(parsed.name);
  if (key.length === 0 || key.length > MAX_HEADER_LENGTH + 6) return null;
  const direct = EXACT[key];
  if (direct) return { role: direct, points: parsed.points, exact: true };
  // Units in brackets: "核定任务数(万元/月)", "权重(%)".
  const unitless = key.replace(/\([^()]*\)$/, '');
  const viaUnit = EXACT[unitless];
  if (viaUnit) return { role: viaUnit, points: parsed.points, exact: true };
  key = unitless;
  if (key.length > MAX_HEADER_LENGTH || /[。；;，,:：]/.test(nfkc(parsed.name))) return null;
  for (const [re, role] of CONTAINS) if (re.test(key)) return { role, points: parsed.points, exact: false };
  return null;
}

/** Roles that carry numbers the checks read as such. */
export const NUMERIC_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'points',
  'actual',
  'score',
  'deduction',
  'lastYear',
  'ratio',
  'progress',
  'coefficient',
  'headcount',
]);

/** Hierarchy roles, outermost first. */
export const LEVEL_ROLES: readonly ColumnRole[] = ['level1', 'level2', 'level3'];
