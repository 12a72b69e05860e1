/**
 * Written states and events: 未公示的扣0.5分; 无工作方案不得分; 未发生疫情的本项不扣分 (exemption);
 * 发生责任事故的，本项清零; 全年不发生生产安全事故; 满意得2分，一般满意得1.6分 (graded labels).
 */
import type { ClauseReader, Piece } from './types';
import { numbersIn } from '../lexer';
import { EFFECT, effectOf, NUM } from './words';

const NEG = '未按要求|未按时|未能|未经|未|没有|无|不|缺少|缺乏|缺';
const EXEMPT = new RegExp(
  `^(?:如|若|凡)?(?:辖区|本地|当地|本单位|本辖区)?(?:内)?((?:未发生|没有发生|无|没有|不存在)[^,░]{1,30}?)(?:的|者|时)?,?(?:本项|该项|此项|该指标)?(?:不扣分|得满分|不考核|免于考核|免考核|计满分)$`,
);
const EVENT = new RegExp(
  `^(?:如|若|凡|一旦)?(?:在[^,░]{0,10})?(?:发生|出现|造成|存在)([^,░每]{1,30}?)(?:的|者|时|情况)?,?(?:则|即)?(?:并)?${EFFECT}`,
);
const NO_EVENT =
  /^(?:全年|年内|年度内|考核期内|本年度|当年|确保)?(?:不发生|未发生|杜绝|没有发生)([^,░]{2,30})$/;
/** A described state or fault with its effect: 资料零乱扣2分, 无方案不计分, 满意得2分. */
const LABELLED = new RegExp(`^(?:如|若|凡|对)?([^,░]{1,40}?)(?:的|者|时|情况)?,?(?:则|即)?${EFFECT}$`);
const NEG_START = new RegExp(`^(?:${NEG})`);
/** A label holds no condition: no comparator before a number, no step, no effect word. */
function plainLabel(label: string): boolean {
  if (/[≥≤<>=]|每|各|分别|扣|加分|奖|得\d|计\d|^(?:本项|该项|此项)$/.test(label)) return false;
  if (/(?:加|减)$/.test(label)) return false;
  // "满分20分" is the item's points, not a state.
  if (/^(?:满分|总分|分值|共计?|合计|本项满分|本项|该项)$/.test(label)) return false;
  // "实行一票否决": a verb, not a state.
  if (/^(?:实行|进行|予以|给予|并|并且|将|对其|则|即)$/.test(label)) return false;
  return numbersIn(label).every((n) => n.noise);
}
const GRADE = new RegExp(
  `^([^,░\\d≥≤<>=]{1,30}?)(?:的|者|为)?,?(?:(?:得|计|记|给|可得)?${NUM}分|(得满分|计满分|满分|不得分|不计分))$`,
);

export const labels: ClauseReader = {
  id: 'labels',
  form: 'labelled / exemption / occurrence / graded',
  zh: '状态与事件（未公示的扣0.5分、无工作方案不得分、未发生疫情的不扣分、发生事故的本项清零、全年不发生安全事故、满意得2分）',
  examples: [
    '未公示的扣0.5分',
    '无工作方案不得分',
    '未发生疫情的本项不扣分',
    '发生责任事故的，本项清零',
    '满意得2分',
  ],
  read(clause) {
    const t = clause.text;
    const whole: [number, number][] = [[0, t.length]];
    const one = (p: Piece, end = t.length): { pieces: Piece[]; spans: [number, number][] } => ({
      pieces: [p],
      spans: [[0, end]],
    });
    let m = EXEMPT.exec(t);
    if (m)
      return one({
        t: 'when',
        test: { kind: 'label', label: m[1]!, negative: true },
        effect: { kind: 'exempt' },
      });
    m = EVENT.exec(t);
    if (m) {
      const effect = effectOf(
        m[0].slice(m[0].length - (/(本项|该项|此项|该指标)?[^,]*$/.exec(m[0])?.[0].length ?? 0)),
      );
      const eff = effectOf(/(?:本项|该项|此项|该指标)?(?:[^,]*)$/.exec(m[0].slice(m[1]!.length))?.[0] ?? '');
      const e = eff ?? effect;
      if (e)
        return one(
          { t: 'when', test: { kind: 'event', event: m[1]!.replace(/^(?:了)/, '') }, effect: e },
          m[0].length,
        );
    }
    m = NO_EVENT.exec(t);
    if (m)
      return {
        pieces: [
          {
            t: 'when',
            test: { kind: 'event', event: m[1]! },
            effect: { kind: 'zero', total: false, veto: false },
          },
        ],
        spans: whole,
      };
    m = LABELLED.exec(t);
    if (m && plainLabel(m[1]!) && !/^(?:发生|出现)/.test(m[1]!)) {
      const effText = m[0].slice(m[1]!.length);
      const e = effectOf(effText.replace(/^(?:的|者|时|情况)?,?(?:则|即)?/, ''));
      const label = m[1]!.replace(/^(?:或|和|且|并|及|或者)/, '');
      const negative = NEG_START.test(label);
      // "安全生产实行一票否决": what is vetoed is an event (发生/未发生), not a written state.
      if (e && e.kind === 'zero' && e.veto && !negative)
        return one({ t: 'when', test: { kind: 'event', event: label }, effect: e }, m[0].length);
      if (e)
        return one(
          {
            t: 'when',
            test: { kind: 'label', label, negative },
            effect: negative && e.kind === 'set' && e.score === 'full' ? { kind: 'exempt' } : e,
          },
          m[0].length,
        );
    }
    m = GRADE.exec(t);
    if (m && plainLabel(m[1]!)) {
      const score = m[2] ?? (/不得分|不计分/.test(m[3] ?? '') ? '0' : 'full');
      return one({ t: 'grade', label: m[1]!.trim().replace(/^(?:或|和|且|并|及|或者)/, ''), score });
    }
    return null;
  },
};
