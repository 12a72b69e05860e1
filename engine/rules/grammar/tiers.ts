/**
 * Marginal brackets (超额累进): 67.7–75万提取9%，75–83.3万11%，83.3万以上13%. Each rate applies
 * only to the part of the amount inside its bracket.
 */
import { dec } from '../decimal';
import type { ClauseReader } from './types';
import { NUM } from './words';

// (?<!\d): a bracket starts at the start of a number (a run of digits is not tried from inside).
const RANGE = new RegExp(
  `(?<!\\d)${NUM}(万元|万|元)?-${NUM}(万元|万|元)?(?:之间)?(?:的部分)?(提取|按|计提)?(?<![\\d.])${NUM}%`,
  'g',
);
const OPEN = new RegExp(`(?<!\\d)${NUM}(万元|万|元)?以上(?:的部分)?(提取|按|计提)?(?<![\\d.])${NUM}%`, 'g');

export const tiers: ClauseReader = {
  id: 'tiers',
  form: 'tiers',
  zh: '超额累进（67.7-75万提取9%，75-83.3万提取11%，83.3万以上提取13%）',
  examples: ['按照完成67.7-75万之间提取9%、75-83.3万之间提取11%、83.3万以上提取13%'],
  read(clause) {
    // Brackets are one sentence with 、 between them: read the whole rule once, in its first clause.
    const t = clause.rule.replace(/\s+/g, '');
    // A bracket names an amount (万/元) or a rate word (提取): "10-20%的,10分" is a band, not a bracket.
    const ranges = [...t.matchAll(RANGE)].filter((m) => m[2] || m[4] || m[5]);
    const open = [...t.matchAll(OPEN)].filter((m) => m[2] || m[3]);
    if (ranges.length + open.length < 2) return null;
    const unit = ranges[0]?.[2] ?? ranges[0]?.[4] ?? open[0]?.[2] ?? '';
    const brackets = [
      ...ranges.map((m) => ({
        from: dec(m[1]!).toString(),
        to: dec(m[3]!).toString(),
        rate: dec(m[6]!).div(100).toString(),
      })),
      ...open.map((m) => ({ from: dec(m[1]!).toString(), to: null, rate: dec(m[4]!).div(100).toString() })),
    ].sort((a, b) => dec(a.from).cmp(dec(b.from)));
    return { pieces: [{ t: 'tiers', brackets, unit }], spans: [[0, clause.text.length]] };
  },
};
