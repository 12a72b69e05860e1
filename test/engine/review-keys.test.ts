/**
 * What the review keeps per template and per returned table to go faster (the template's item
 * keys and formula cells, the keys of the last returned tables, an item's key taken from the
 * template item in its place, whole scores added up as numbers) never changes an answer: items
 * are matched by group path and name wherever they stand and however their texts are written, a
 * sheet with more tables than the review keeps keys for is matched table by table, one template's
 * keys never answer for another's, and totals are exact. Expected figures are worked by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  analyseSheet,
  consolidate,
  prepareTemplate,
  reviewWorkbook,
  scoreSheet,
  sheetFromValues,
  DEFAULT_SETTINGS,
  type PreparedTemplate,
  type UnitReview,
} from '../../engine';

const HEAD = ['一级指标', '指标名称', '分值', '得分'];
const book = (rows: unknown[][]): { sheets: ReturnType<typeof sheetFromValues>[] } => ({
  sheets: [sheetFromValues('S', [HEAD, ...rows])],
});
const changes = (u: UnitReview): string[] => u.changes.map((c) => `${c.code} ${c.cell}`);
/** The item matrix of one unit: "name score" per row, template items first. */
function matrix(template: PreparedTemplate, u: UnitReview): string[] {
  const m = consolidate([u], template.items, DEFAULT_SETTINGS.forced).matrix;
  return m.items.map((it, i) => `${it.path.join('/')}/${it.name} ${m.scores[i]![0]}`);
}

const TEMPLATE = [
  ['党建', '理论学习', 5, null],
  ['党建', '组织生活', 5, null],
  ['业务', '疫苗接种', 10, null],
  ['业务', 'A类监测', 10, null],
];

describe('items matched by path and name wherever they stand', () => {
  it('a deleted row, an added row and a name written in full-width letters', () => {
    const template = prepareTemplate(book(TEMPLATE));
    // 组织生活 deleted, so every later item stands one place up; Ａ类监测 is A类监测 in
    // full-width letters (the same item); 健康教育 is new.
    const u = reviewWorkbook(
      template,
      book([
        ['党建', '理论学习', 5, 4],
        ['业务', '疫苗接种', 10, 9],
        ['业务', 'Ａ类监测', 10, 8],
        ['业务', '健康教育', 5, 5],
      ]),
      'x.xlsx',
    );
    expect(changes(u)).toEqual(['TEMPLATE_ITEM_REMOVED B3', 'TEMPLATE_ITEM_ADDED B5']); // by row
    expect(u.total).toBe(26); // 4 + 9 + 8 + 5
    expect(matrix(template, u)).toEqual([
      '党建/理论学习 4',
      '党建/组织生活 null',
      '业务/疫苗接种 9',
      '业务/A类监测 8',
      '业务/健康教育 5',
    ]);
  });

  it('an item moved to another group is removed from one and added to the other', () => {
    const template = prepareTemplate(book(TEMPLATE));
    const u = reviewWorkbook(
      template,
      book([
        ['党建', '理论学习', 5, 5],
        ['业务', '组织生活', 5, 5],
        ['业务', '疫苗接种', 10, 10],
        ['业务', 'A类监测', 10, 10],
      ]),
      'x.xlsx',
    );
    expect(changes(u)).toEqual(['TEMPLATE_ITEM_ADDED B3', 'TEMPLATE_ITEM_REMOVED B3']);
    expect(matrix(template, u).at(-1)).toBe('业务/组织生活 5');
  });

  it('a repeated name is matched by its occurrence', () => {
    const template = prepareTemplate(
      book([
        ['党建', '理论学习', 5, null],
        ['党建', '理论学习', 3, null],
      ]),
    );
    // The first 理论学习 deleted: the one left is the first occurrence, with 3 points instead of 5.
    const u = reviewWorkbook(template, book([['党建', '理论学习', 3, 2]]), 'x.xlsx');
    expect(changes(u)).toEqual(['TEMPLATE_POINTS_CHANGED C2', 'TEMPLATE_ITEM_REMOVED B3']);
    expect(matrix(template, u)).toEqual(['党建/理论学习 2', '党建/理论学习 null']);
  });
});

describe('per-template and per-table memory', () => {
  it('one template’s keys never answer for another’s, in either order', () => {
    const first = prepareTemplate(book(TEMPLATE));
    const renamed = prepareTemplate(
      book([
        ['党建', '理论学习', 5, null],
        ['党建', '组织生活会', 5, null],
        ['业务', '疫苗接种', 10, null],
        ['业务', 'A类监测', 10, null],
      ]),
    );
    const returned = book(TEMPLATE.map((r) => [r[0], r[1], r[2], 5]));
    for (let i = 0; i < 2; i++) {
      expect(changes(reviewWorkbook(first, returned, 'a.xlsx'))).toEqual([]);
      expect(changes(reviewWorkbook(renamed, returned, 'a.xlsx'))).toEqual([
        'TEMPLATE_ITEM_ADDED B3',
        'TEMPLATE_ITEM_REMOVED B3',
      ]);
    }
  });

  it('ten tables on one sheet are each matched with the template’s table in their place', () => {
    // Ten tables of two items (甲 5 points, 乙 5 points), a blank row between them.
    const rows = (score: (k: number, item: number) => number | null): unknown[][] =>
      Array.from({ length: 10 }, (_, k) => [
        ['指标名称', '分值', '得分'],
        [`项${k}甲`, 5, score(k, 0)],
        [`项${k}乙`, 5, score(k, 1)],
        [null, null, null],
      ]).flat();
    const template = prepareTemplate({
      sheets: [
        sheetFromValues(
          'S',
          rows(() => null),
        ),
      ],
    });
    expect(template.items).toHaveLength(20);
    const values = rows((k, item) => (item === 0 ? 5 : 4));
    values[2]![0] = '项0丙'; // table 1: 项0乙 renamed
    values[37]![1] = 6; // table 10: 项9甲 raised to 6 points, scored 6
    values[37]![2] = 6;
    const u = reviewWorkbook(template, { sheets: [sheetFromValues('S', values)] }, 'x.xlsx');
    expect(changes(u)).toEqual([
      'TEMPLATE_ITEM_ADDED A3',
      'TEMPLATE_ITEM_REMOVED A3',
      'TEMPLATE_POINTS_CHANGED B38',
    ]);
    // Nine tables of 5 + 4 and the last of 6 + 4, less table 1's 乙 (4) and plus its 丙 (4).
    expect(u.total).toBe(91);
    const m = matrix(template, u);
    expect(m.slice(0, 4)).toEqual(['/项0甲 5', '/项0乙 null', '/项1甲 5', '/项1乙 4']);
    expect(m.slice(18)).toEqual(['/项9甲 6', '/项9乙 4', '/项0丙 4']);
  });
});

describe('totals', () => {
  const HEAD_S = ['指标名称', '分值', '得分'];
  const total = (rows: unknown[][]): number | null =>
    scoreSheet(sheetFromValues('S', [HEAD_S, ...rows])).tables[0]!.score.total;

  it('adds whole and decimal scores exactly, a score of 10^15 or more included', () => {
    expect(
      total([
        ['甲', 5, 3],
        ['乙', 5, 2.5],
        ['丙', 5, 4],
      ]),
    ).toBe(9.5);
    // 3 + 3×10^15 + 2.5 + 4, with 4×10^15 points on 乙.
    expect(
      total([
        ['甲', 5, 3],
        ['乙', 4e15, 3e15],
        ['丙', 5, 2.5],
        ['丁', 5, 4],
      ]),
    ).toBe(3000000000000009.5);
  });

  it('the review gives the same unit total as scoring the sheet', () => {
    const rows = [
      ['甲', 5, 3],
      ['乙', 5, 2.25],
      ['丙', 5, 4],
    ];
    const template = prepareTemplate({ sheets: [sheetFromValues('S', [HEAD_S, ...rows])] });
    const u = reviewWorkbook(template, { sheets: [sheetFromValues('S', [HEAD_S, ...rows])] }, 'x.xlsx');
    expect(u.total).toBe(9.25);
    expect(total(rows)).toBe(9.25);
  });
});

describe('DUPLICATE_ITEM in a review: names compared only when the template check saw a repeated key', () => {
  const template = prepareTemplate(book(TEMPLATE));
  const dups = (rows: unknown[][]): string[] =>
    reviewWorkbook(template, book(rows), 'x.xlsx')
      .findings.filter((f) => f.code === 'DUPLICATE_ITEM')
      .map((f) => `${f.cell} ${f.data.firstRow}`);
  const alone = (rows: unknown[][]): string[] =>
    analyseSheet(book(rows).sheets[0]!)
      .findings.filter((f) => f.code === 'DUPLICATE_ITEM')
      .map((f) => `${f.cell} ${f.data.firstRow}`);

  it('a name twice in one group, written alike or in full-width letters', () => {
    // 疫苗接种 on rows 4 and 5 of 业务; A类监测 on row 6 and Ａ类监测 (the same key) on row 7.
    const rows = [
      ['党建', '理论学习', 5, 5],
      ['党建', '组织生活', 5, 5],
      ['业务', '疫苗接种', 10, 9],
      ['业务', '疫苗接种', 10, 9],
      ['业务', 'A类监测', 10, 8],
      ['业务', 'Ａ类监测', 10, 8],
    ];
    expect(dups(rows)).toEqual(['B5 4', 'B7 6']);
    expect(alone(rows)).toEqual(['B5 4', 'B7 6']);
  });

  it('the same name in two groups, and none repeated, is no duplicate', () => {
    expect(
      dups([
        ['党建', '疫苗接种', 5, 5],
        ['业务', '疫苗接种', 10, 9],
        ['业务', 'A类监测', 10, 8],
      ]),
    ).toEqual([]);
    expect(dups(TEMPLATE)).toEqual([]);
  });

  it('groups whose labels differ only in full-width letters: one key for the check, two groups here', () => {
    // The template check's key reads Ａ组 as A组 (a repeated key); DUPLICATE_ITEM compares group
    // labels as written, so 甲 in A组 and 甲 in Ａ组 are in two groups, in the review as alone.
    const rows = [
      ['A组', '甲', 5, 5],
      ['Ａ组', '甲', 5, 5],
    ];
    expect(dups(rows)).toEqual([]);
    expect(alone(rows)).toEqual([]);
  });
});
