/**
 * Judgement: 酌情扣分, 据实扣分, 视情况, 按幅度分段计分 without segments, and deduction ranges
 * (扣1-3分). Any of these makes the whole item a hand score, naming the clause.
 */
import { JUDGEMENT } from '../lexer';
import type { ClauseReader } from './types';
import { NUM } from './words';

const RANGE_EFFECT = new RegExp(`(?:扣|扣除|加|得|计|记)${NUM}(?:分)?(?:-|至|到)${NUM}分`);

export const judgement: ClauseReader = {
  id: 'judgement',
  form: 'judgement',
  zh: '人为判断（酌情、据实、视情况、按幅度、扣1-3分这样的幅度）：整项需人工评分，并指明该句',
  examples: ['资料不全的酌情扣分', '据实扣分', '视情况扣1-3分'],
  read(clause) {
    const j = JUDGEMENT.exec(clause.original);
    if (j)
      return {
        pieces: [{ t: 'manual', reason: 'judgement', clause: clause.original }],
        spans: [[0, clause.text.length]],
      };
    const r = RANGE_EFFECT.exec(clause.original);
    if (r)
      return {
        pieces: [{ t: 'manual', reason: 'range', clause: clause.original }],
        spans: [[0, clause.text.length]],
      };
    if (/需人工评分/.test(clause.original)) return { pieces: [], spans: [[0, clause.text.length]] };
    return null;
  },
};
