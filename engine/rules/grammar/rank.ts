/**
 * Rank tables: 排序前两位不扣分，第3位扣0.2分…; 前5位不扣分，第6位扣0.25分，随后每后移一位加扣
 * 0.25分; 第1至4名依次得20、18、16、14分; 倒数第1名扣2分; 第1名得满分，其余按与第1名的比例得分.
 */
import { dec } from '../decimal';
import { overlaps, type ClauseReader, type Piece } from './types';
import { NUM } from './words';

const FREE = /(?:排序|排名|名次)?(?:在|居)?前(\d+)(?:位|名)(?:的)?(?:不扣分|得满分)/g;
/** "排名前5位，得1分": every rank up to N earns the amount. */
const TOP = new RegExp(
  `(?:排序|排名|名次)(?:在|居|位于|进入)?前(\\d+)(?:位|名)(?:的|以内)?,?(?:得|计|记)${NUM}分`,
  'g',
);
const ENTRY = new RegExp(
  `(倒数)?第(\\d+)(?:位|名)(?:的)?(?:(扣|扣除|得|计|记)${NUM}分|(得满分|不扣分|不得分))`,
  'g',
);
const SEQ = new RegExp(
  `(?:排序|排名|名次)?第(\\d+)(?:至|到|-)(?:第)?(\\d+)(?:位|名)(?:分别|依次)?(?:得|计|记|扣)?(${NUM}(?:分)?(?:[、,]${NUM}(?:分)?)*)分?`,
  'g',
);
/** "按从高到低排序，分别得10、8、6、4分": ranks 1, 2, 3… in order. */
const ORDERED = new RegExp(
  `^(?:[^░,]{0,20}?按[^░]{0,20}?)?(?:分别|依次)(?:得|计|记)(${NUM}(?:分)?(?:[、,]${NUM}(?:分)?)+)分$`,
);
const STEP = new RegExp(
  `(?:随后|以后|其后|之后)?(?:排序|排名)?每(?:后移|下降|后退|退后)1(?:位|名)(?:加扣|扣|增扣|多扣)${NUM}分`,
  'g',
);
const BEST =
  /(?:其余|其他|其它)(?:单位|地区|县区)?(?:按|以)(?:与|和)?(?:第1名|第一名|最高分|最好)(?:的)?(?:比例|比值|比率)(?:得分|计分|折算|赋分)/g;

export const rank: ClauseReader = {
  id: 'rank',
  form: 'rank / ratio-best',
  zh: '名次（前5位不扣分、第6位扣0.25分、随后每后移一位加扣0.25分、第1至4名依次得20、18、16、14分、倒数第1名扣2分、其余按与第1名的比例得分）',
  examples: [
    '前5位不扣分，第6位扣0.25分，随后每后移一位加扣0.25分',
    '第1至4名依次得20、18、16、14分',
    '倒数第1名扣2分',
  ],
  read(clause) {
    const t = clause.text;
    const pieces: Piece[] = [];
    const spans: [number, number][] = [];
    const push = (p: Piece, m: RegExpMatchArray): void => {
      pieces.push(p);
      spans.push([m.index!, m.index! + m[0].length]);
    };
    for (const m of t.matchAll(BEST))
      push({ t: 'ratio', metric: '', bound: null, unit: '', lowerIsBetter: false, cap: null, best: true }, m);
    for (const m of t.matchAll(FREE))
      push({ t: 'rank', fromBottom: false, free: Number(m[1]), entries: [], step: null }, m);
    for (const m of t.matchAll(TOP)) {
      const n = Number(m[1]);
      if (n < 1 || n > 100) continue;
      const amount = dec(m[2]!).toString();
      const entries = Array.from({ length: n }, (_, i) => ({ rank: i + 1, effect: 'set' as const, amount }));
      push({ t: 'rank', fromBottom: false, free: 0, entries, step: null }, m);
    }
    for (const m of t.matchAll(SEQ)) {
      if (!/依次|分别/.test(m[0])) continue;
      const from = Number(m[1]);
      const to = Number(m[2]);
      const amounts = (m[3] ?? '').split(/[、,]/).map((x) => x.replace(/分$/, ''));
      if (to < from || amounts.length !== to - from + 1) continue;
      const deduct = /扣/.test(m[0]);
      push(
        {
          t: 'rank',
          fromBottom: false,
          free: 0,
          entries: amounts.map((a, i) => ({
            rank: from + i,
            effect: deduct ? ('deduct' as const) : ('set' as const),
            amount: dec(a).toString(),
          })),
          step: null,
        },
        m,
      );
    }
    const ordered = /排序|排名|名次|从高到低|从低到高/.test(clause.rule) ? ORDERED.exec(t) : null;
    if (ordered) {
      const amounts = ordered[1]!.split(/[、,]/).map((x) => x.replace(/分$/, ''));
      push(
        {
          t: 'rank',
          fromBottom: false,
          free: 0,
          entries: amounts.map((a, i) => ({
            rank: i + 1,
            effect: 'set' as const,
            amount: dec(a).toString(),
          })),
          step: null,
        },
        ordered,
      );
    }
    for (const m of t.matchAll(ENTRY)) {
      if (overlaps(spans, m)) continue;
      const rankNo = Number(m[2]);
      if (rankNo < 1) continue;
      const word = m[5];
      const entry = word
        ? { rank: rankNo, effect: 'set' as const, amount: word === '不得分' ? '0' : 'full' }
        : {
            rank: rankNo,
            effect: /扣/.test(m[3]!) ? ('deduct' as const) : ('set' as const),
            amount: dec(m[4]!).toString(),
          };
      push({ t: 'rank', fromBottom: !!m[1], free: 0, entries: [entry], step: null }, m);
    }
    for (const m of t.matchAll(STEP))
      push({ t: 'rank', fromBottom: false, free: 0, entries: [], step: dec(m[1]!).toString() }, m);
    return pieces.length > 0 ? { pieces, spans } : null;
  },
};
