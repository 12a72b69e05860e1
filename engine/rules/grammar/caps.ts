/** Caps: 扣完为止; 直至10分扣尽; 最多扣5分; 最高加3分; 加分不超过2分; 扣分合计最多X分. */
import { dec } from '../decimal';
import { overlaps, type ClauseReader, type Piece } from './types';
import { NUM } from './words';

const DEDUCT_CAP = new RegExp(
  `(扣分合计|合计|累计|总计)?(?:最多|最高|至多|最多只?)?(?:扣|扣除)(?:分)?(?:不超过|最多|最高|上限为?|至)?${NUM}分(?:为止|封顶)?|(?:直至|直到|扣满|扣到|扣至)?${NUM}分(?:扣尽|扣完)(?:为止)?|(?:本项|该项|此项)?(?:分值)?(?:分数)?(?:扣完为止|扣完即止|扣尽为止|扣完|扣尽|扣至0分|扣至零分|扣到0分|扣光为止|扣完本项分)`,
  'g',
);
const BONUS_CAP = new RegExp(
  `(加分合计|合计|累计|总计)?(?:最高|最多|至多)(?:可)?(?:加|奖)${NUM}分|(?:加分|奖分|奖励分)(?:最高|最多|不超过|上限为?|封顶)${NUM}分|(?:加分|奖分)${NUM}分封顶`,
  'g',
);

const ANY_CAP = new RegExp(`(合计|累计|总计)?(?:最高|最多|上限)?(?:不超过|不得超过|不高于)${NUM}分`, 'g');

export const caps: ClauseReader = {
  id: 'caps',
  form: 'cap',
  zh: '上限（扣完为止、直至10分扣尽、最多扣5分、最高加3分、加分不超过2分）',
  examples: ['扣完为止', '直至10分扣尽', '最多扣5分', '最高加3分', '加分不超过2分'],
  read(clause) {
    const pieces: Piece[] = [];
    const spans: [number, number][] = [];
    const t = clause.text;
    for (const m of t.matchAll(BONUS_CAP)) {
      const n = m[2] ?? m[3] ?? m[4];
      pieces.push({ t: 'cap', effect: 'add', amount: n ? dec(n).toString() : null, total: !!m[1] });
      spans.push([m.index, m.index + m[0].length]);
    }
    for (const m of t.matchAll(DEDUCT_CAP)) {
      if (overlaps(spans, m)) continue;
      // "扣5分" alone is an effect, not a cap: a cap needs a cap word.
      if (!/最多|最高|至多|不超过|上限|封顶|为止|扣尽|扣完|扣至|扣到|扣满|直至|直到|扣光/.test(m[0]))
        continue;
      const n = m[2] ?? m[3];
      pieces.push({ t: 'cap', effect: 'deduct', amount: n ? dec(n).toString() : null, total: !!m[1] });
      spans.push([m.index, m.index + m[0].length]);
    }
    // "最高不超过4分": a cap of whichever kind the rule has (加 or 扣, not both).
    const bonus = /加|奖/.test(clause.rule);
    const deduct = /扣|减/.test(clause.rule);
    if (bonus !== deduct)
      for (const m of t.matchAll(ANY_CAP)) {
        if (overlaps(spans, m)) continue;
        pieces.push({
          t: 'cap',
          effect: bonus ? 'add' : 'deduct',
          amount: dec(m[2]!).toString(),
          total: !!m[1],
        });
        spans.push([m.index, m.index + m[0].length]);
      }
    return pieces.length > 0 ? { pieces, spans } : null;
  },
};
