/**
 * The reviewer's three sheets as rows of values (issue 14), written by the CLI into a new 汇总
 * workbook and by the pane into the open workbook, so both write the same cells:
 *   汇总: one row per unit (ranked units first, by rank), then the forced distribution and its ties;
 *   明细: items × units, each unit's score of each item, the totals last;
 *   问题: every template change and finding with file, sheet and cell, and every unreadable file.
 */
import { CODE_NAMES, SEVERITY_LABELS } from '../finding-names';
import type { Consolidation, Distribution, RankedUnit } from './consolidate';

export type SheetCell = string | number | null;

export interface ReviewSheet {
  name: string;
  rows: SheetCell[][];
  /** Column widths in characters. */
  widths: number[];
  /** Rows (0-based) shown in bold besides the header. */
  boldRows: number[];
}

export const REVIEW_SHEET_NAMES = ['汇总', '明细', '问题'] as const;

export const SUMMARY_HEADER = [
  '单位',
  '文件',
  '总分',
  '满分',
  '等次',
  '排名',
  '强制分布等次',
  '一票否决',
  '一票否优',
  '模板改动',
  '错误',
  '警告',
  '无法读取的原因',
] as const;

export const ISSUES_HEADER = ['文件', '单位', '工作表', '单元格', '严重程度', '问题类型', '说明'] as const;

const ROUNDING_NAMES: Record<Distribution['rounding'], string> = {
  largestRemainder: '最大余数法',
  floor: '向下取整',
  halfUp: '四舍五入',
};
const TIE_NAMES: Record<Distribution['tiePolicy'], string> = {
  higher: '同分跨界均取较高等次',
  lower: '同分跨界均取较低等次',
};

/** The file name without its folder. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Ranked units by rank (then file order), the others after them in file order. */
export function unitsInRankOrder(units: readonly RankedUnit[]): RankedUnit[] {
  return units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.rank ?? Infinity) - (b.u.rank ?? Infinity) || a.i - b.i)
    .map((x) => x.u);
}

function counts(u: RankedUnit): { errors: number; warnings: number } {
  const all = [...u.findings, ...u.changes];
  return {
    errors: all.filter((f) => f.severity === 'error').length + (u.error === null ? 0 : 1),
    warnings: all.filter((f) => f.severity === 'warning').length,
  };
}

/** One line per tie a cut-off splits, in words. */
export function tieLines(d: Distribution): string[] {
  return d.ties.map(
    (t) =>
      `${t.units.join('、')}同为${t.total}分（第${t.positions[0]}–${t.positions[1]}位），` +
      `跨越${t.above}/${t.below}分界（第${t.cutoff}位之后），按设置均评为${t.band}`,
  );
}

function summarySheet(c: Consolidation): ReviewSheet {
  const rows: SheetCell[][] = [[...SUMMARY_HEADER]];
  for (const u of unitsInRankOrder(c.units)) {
    const n = counts(u);
    rows.push([
      u.unit,
      baseName(u.file),
      u.total,
      u.outOf,
      u.band,
      u.rank,
      u.quotaBand,
      u.veto ? '是' : null,
      u.vetoExcellence ? '是' : null,
      u.changes.length,
      n.errors,
      n.warnings,
      u.error,
    ]);
  }
  const d = c.distribution;
  rows.push([]);
  const bold = [rows.length];
  rows.push([
    `强制分布（参与排名 ${d.ranked} 个单位；${ROUNDING_NAMES[d.rounding]}；${TIE_NAMES[d.tiePolicy]}）`,
  ]);
  rows.push(['等次', ...d.labels]);
  rows.push(['比例（%）', ...d.quotas]);
  rows.push(['名额', ...d.counts]);
  rows.push(['实际评定', ...d.assigned]);
  const lines = tieLines(d);
  rows.push([lines.length === 0 ? '没有同分跨越分界' : '同分跨越分界：']);
  for (const l of lines) rows.push([l]);
  return { name: '汇总', rows, widths: [22, 22, 9, 7, 8, 6, 12, 8, 8, 8, 6, 6, 40], boldRows: bold };
}

function matrixSheet(c: Consolidation): ReviewSheet {
  const { items, scores } = c.matrix;
  const rows: SheetCell[][] = [['分组', '指标', '分值', ...c.units.map((u) => u.unit)]];
  items.forEach((it, i) =>
    rows.push([
      it.path.join(' / '),
      it.added ? `${it.name}（模板外新增）` : it.name,
      it.points,
      ...scores[i]!,
    ]),
  );
  rows.push(['', '总分', null, ...c.units.map((u) => u.total)]);
  return {
    name: '明细',
    rows,
    widths: [28, 40, 7, ...c.units.map(() => 12)],
    boldRows: [rows.length - 1],
  };
}

function issuesSheet(c: Consolidation): ReviewSheet {
  const rows: SheetCell[][] = [[...ISSUES_HEADER]];
  for (const u of c.units) {
    if (u.error !== null) rows.push([baseName(u.file), u.unit, null, null, '错误', '无法读取', u.error]);
    for (const f of [...u.changes, ...u.findings])
      rows.push([
        baseName(u.file),
        u.unit,
        f.sheet,
        f.cell,
        SEVERITY_LABELS[f.severity],
        CODE_NAMES[f.code],
        f.message,
      ]);
  }
  return { name: '问题', rows, widths: [22, 22, 12, 8, 8, 18, 70], boldRows: [] };
}

/** The 汇总, 明细 and 问题 sheets of a consolidation. */
export function reviewSheets(c: Consolidation): ReviewSheet[] {
  return [summarySheet(c), matrixSheet(c), issuesSheet(c)];
}
