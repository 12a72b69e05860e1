/**
 * The layouts of docs/domain.md (L1–L8), in one registry: each with its names and the test that
 * recognises it from the table's columns and points. A table gets the first layout, in `rank`
 * order, whose test holds; `generic` holds for any table with an item column.
 */
import type { ColumnRole } from '../model';

/** What a layout's test reads of a recognised table. */
export interface LayoutFacts {
  has: (role: ColumnRole) => boolean;
  pointsUnit: 'points' | 'percent';
  pointsSource: 'column' | 'label' | 'none';
  /** The text of the target column's header, '' when none. */
  targetHeader: string;
  /** Some group declares its points ("（20分）" in its label). */
  anyGroupDeclared: boolean;
}

export interface LayoutSpec {
  id: string;
  zh: string;
  en: string;
  /** Where docs/domain.md describes it. */
  domain: string;
  /** Order in which the tests are tried (the more specific first). */
  rank: number;
  test: (t: LayoutFacts) => boolean;
}

export const LAYOUTS = [
  {
    id: 'task',
    zh: '加权任务表',
    en: 'weighted task table',
    domain: 'L1',
    rank: 10,
    test: (t) => t.has('points'),
  },
  {
    id: 'responsibility',
    zh: '责任分解表（考核类）',
    en: 'responsibility breakdown (assessed)',
    domain: 'L2 (方向 / 标准值)',
    rank: 3,
    test: (t) => t.has('direction') || t.has('standard'),
  },
  {
    id: 'observation',
    zh: '责任分解表（考察类）',
    en: 'responsibility breakdown (observed)',
    domain: 'L3 (计分办法)',
    rank: 8,
    test: (t) => t.has('method') && (t.has('owner') || t.has('person')) && !t.has('points'),
  },
  {
    id: 'results',
    zh: '业务实绩考核标准',
    en: 'business results standard',
    domain: 'L4 (two header rows)',
    rank: 2,
    test: (t) => t.has('ratio') || t.has('progress'),
  },
  {
    id: 'standard',
    zh: '考核标准（分值在分组标签中）',
    en: 'standard with points in group labels',
    domain: 'L5 (items without points)',
    rank: 9,
    test: (t) => t.pointsSource === 'none' && t.anyGroupDeclared,
  },
  {
    id: 'evaluation',
    zh: '评价标准',
    en: 'evaluation standard',
    domain: 'L6 (评价项目 · 评价方法 · 扣分情况)',
    rank: 7,
    test: (t) => t.pointsSource === 'label' && (t.has('method') || t.has('deduction')),
  },
  {
    id: 'rectification',
    zh: '整改清单',
    en: 'rectification list',
    domain: 'L7',
    rank: 1,
    test: (t) => t.has('measure') || t.has('result'),
  },
  {
    id: 'weights',
    zh: '权重表',
    en: 'percent weights',
    domain: 'L8',
    rank: 5,
    test: (t) => t.has('points') && t.pointsUnit === 'percent',
  },
  {
    id: 'coefficients',
    zh: '科室系数表',
    en: 'department coefficients',
    domain: 'L8 (科室 · 系数)',
    rank: 4,
    test: (t) => t.has('coefficient') || t.has('headcount'),
  },
  {
    id: 'quotas',
    zh: '核定任务数表',
    en: 'assigned quotas',
    domain: 'L8 (科室 · 核定任务数)',
    rank: 6,
    test: (t) => t.has('target') && /任务数/.test(t.targetHeader) && !t.has('points'),
  },
  {
    id: 'generic',
    zh: '指标表',
    en: 'indicator table',
    domain: 'any other table with an item column',
    rank: 11,
    test: () => true,
  },
] as const satisfies readonly LayoutSpec[];

export type LayoutId = (typeof LAYOUTS)[number]['id'];

/** The ids, in the registry's order (the order of the Layout enum). */
export const LAYOUT_IDS = LAYOUTS.map((l) => l.id) as [LayoutId, ...LayoutId[]];

const BY_RANK: readonly LayoutSpec[] = [...LAYOUTS].sort((a, b) => a.rank - b.rank);

/** The layout of a table: the first, by rank, whose test holds. */
export function classifyLayout(facts: LayoutFacts): LayoutId {
  return (BY_RANK.find((l) => l.test(facts))?.id ?? 'generic') as LayoutId;
}
