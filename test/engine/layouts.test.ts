/**
 * The layout registry (engine/recognition/layouts.ts): every layout has its names and its test,
 * and the tests are tried most specific first.
 */
import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES } from '../../engine/index';
import type { ColumnRole } from '../../engine/model';
import { LayoutSchema } from '../../engine/model';
import { classifyLayout, LAYOUTS, type LayoutFacts } from '../../engine/recognition/layouts';

function facts(roles: ColumnRole[], more: Partial<LayoutFacts> = {}): LayoutFacts {
  return {
    has: (r) => roles.includes(r),
    pointsUnit: 'points',
    pointsSource: roles.includes('points') ? 'column' : 'none',
    targetHeader: '',
    anyGroupDeclared: false,
    ...more,
  };
}

describe('layout registry', () => {
  it('is the Layout enum, with Chinese and English names for each', () => {
    expect(LAYOUTS.map((l) => l.id)).toEqual(LayoutSchema().options);
    for (const l of LAYOUTS) {
      expect(LAYOUT_NAMES[l.id]).toEqual({ zh: l.zh, en: l.en });
      expect(l.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(LAYOUTS.map((l) => l.rank)).size).toBe(LAYOUTS.length);
  });

  it.each<[string, LayoutFacts, string]>([
    ['a points column', facts(['item', 'points']), 'task'],
    ['points in percent', facts(['item', 'points'], { pointsUnit: 'percent' }), 'weights'],
    ['方向 beside points', facts(['item', 'points', 'direction']), 'responsibility'],
    ['计分办法 and 责任科室 without points', facts(['item', 'method', 'owner']), 'observation'],
    ['整改措施 wins over everything', facts(['item', 'points', 'direction', 'measure']), 'rectification'],
    ['系数', facts(['item', 'coefficient']), 'coefficients'],
    ['核定任务数', facts(['item', 'target'], { targetHeader: '核定任务数' }), 'quotas'],
    ['a target that is not a quota', facts(['item', 'target'], { targetHeader: '目标值' }), 'generic'],
    ['points in labels with 评价方法', facts(['item', 'method'], { pointsSource: 'label' }), 'evaluation'],
    ['points only in group labels', facts(['item'], { anyGroupDeclared: true }), 'standard'],
    ['an item column only', facts(['item']), 'generic'],
  ])('%s', (_what, f, layout) => {
    expect(classifyLayout(f)).toBe(layout);
  });
});
