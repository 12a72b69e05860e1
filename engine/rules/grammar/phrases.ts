/**
 * Short phrases: 实行扣分制; a points phrase ((10分), 共10分, 满分10分); 一票否决 / 一票否优 of the
 * item. 否则不得分 and the canonical gate's share (每项达到得分值的1/2) are read by `otherwise`,
 * before the labels and conditions readers could take them.
 */
import { dec } from '../decimal';
import type { ClauseReader, Piece } from './types';
import { NUM } from './words';

const POINTS = new RegExp(
  `[(\\[【]${NUM}分[)\\]】]|^(?:本项|该项|此项)?(?:共|满分|总分|分值|计|合计)(?:为)?${NUM}分$|^${NUM}分$`,
  'g',
);
const OTHERWISE =
  /^(?:否则|反之|未达到|达不到|未达|不达|未达标|不达标|不符合)(?:标准|目标|要求|规定|上述要求|以上要求)?(?:的|者)?,?(?:本项|该项|此项)?(?:不得分|不计分|不给分|0分|计0分|记0分)$/;
const SHARE = /每项(?:条件)?达到得分值的1\/(\d+)/;
/** Per condition, beside several percent conditions: 每完成一项得2分; 一项未完成的，扣1分; 全部完成的，得3分. */
const EACH_CREDIT = new RegExp(`^(?:每)(?:完成|达到|达标)1项(?:的)?,?(?:得|计|记)${NUM}分$`);
const EACH_DEDUCT = new RegExp(
  `^(?:每)?(?:有)?1项(?:未完成|未达到|未达标|不达标)(?:的)?,?(?:扣|扣除|减)${NUM}分$`,
);
const ALL_DONE = new RegExp(
  `^(?:全部|均|各项均|都)(?:完成|达到|达标)(?:的)?,?(?:得|计|记)(?:${NUM}分|满分)$`,
);
/** Whether the rule states several percent bounds (达95%以上，…达60%以上). */
const severalBounds = (rule: string): boolean => (rule.match(/\d+(?:\.\d+)?%/g) ?? []).length >= 2;

/** 否则不得分 / 达不到标准不得分: read before the labels reader takes it for a state. */
export const otherwise: ClauseReader = {
  id: 'otherwise',
  form: 'threshold',
  zh: '否则不得分、达不到要求不得分（之前的条件未达到时得0分）',
  examples: ['否则不得分', '达不到标准不得分'],
  read(clause) {
    if (OTHERWISE.test(clause.text))
      return { pieces: [{ t: 'otherwise' }], spans: [[0, clause.text.length]] };

    // The canonical gate's share, read before a condition reader takes "达到…1" for a bound.
    const s = SHARE.exec(clause.text);
    return s
      ? { pieces: [{ t: 'share', n: Number(s[1]) }], spans: [[s.index, s.index + s[0].length]] }
      : null;
  },
};

/** Credits or deductions per condition of a list, read before a count reader takes 1项未完成. */
export const eachCondition: ClauseReader = {
  id: 'each-condition',
  form: 'multi-metric',
  zh: '多项条件逐项计分（每完成一项得2分、一项未完成的扣1分、全部完成的得3分）',
  examples: ['每完成一项得2分', '一项未完成的，扣1分'],
  read(clause) {
    if (!severalBounds(clause.rule) || /%/.test(clause.text)) return null;
    const whole: [number, number][] = [[0, clause.text.length]];
    let e = EACH_CREDIT.exec(clause.text);
    if (e) return { pieces: [{ t: 'each', effect: 'credit', amount: dec(e[1]!).toString() }], spans: whole };
    e = EACH_DEDUCT.exec(clause.text);
    if (e) return { pieces: [{ t: 'each', effect: 'deduct', amount: dec(e[1]!).toString() }], spans: whole };
    e = ALL_DONE.exec(clause.text);
    if (e)
      return {
        pieces: [{ t: 'each', effect: 'all', amount: e[1] ? dec(e[1]).toString() : 'full' }],
        spans: whole,
      };
    return null;
  },
};

export const phrases: ClauseReader = {
  id: 'phrases',
  form: 'phrases',
  zh: '短语（实行扣分制、（10分）这样的分值、一票否决、一票否优）',
  examples: ['（实行扣分制）', '（10分）', '实行一票否决'],
  read(clause) {
    const t = clause.text;
    const pieces: Piece[] = [];
    const spans: [number, number][] = [];
    if (/扣分制/.test(t)) {
      pieces.push({ t: 'deductionOnly', cap: null });
      const m = /(?:实行)?扣分制/.exec(t)!;
      spans.push([m.index, m.index + m[0].length]);
    }
    for (const m of t.matchAll(POINTS)) {
      const n = m[1] ?? m[2] ?? m[3];
      if (n === undefined) continue;
      pieces.push({ t: 'points', value: dec(n).toString() });
      spans.push([m.index, m.index + m[0].length]);
    }
    for (const m of t.matchAll(/(?:实行|进行|予以|将对[^,░]{0,12}?进行)?一票否(决|优)(?:制)?/g)) {
      pieces.push(m[1] === '决' ? { t: 'veto' } : { t: 'vetoExcellence' });
      spans.push([m.index, m.index + m[0].length]);
    }
    return pieces.length > 0 ? { pieces, spans } : null;
  },
};
