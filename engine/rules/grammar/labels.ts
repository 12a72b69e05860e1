/**
 * Written states and events: 未公示的扣0.5分; 无工作方案不得分; 未发生疫情的本项不扣分 (exemption);
 * 发生责任事故的，本项清零; 全年不发生生产安全事故; 满意得2分，一般满意得1.6分 (graded labels);
 * lists with 各/分别 (无计划、无措施、无总结的分别扣1分; 有测评机制、合理运用测评结果各1分);
 * a state written over several clauses (有，并落实，得满分).
 */
import type { ClauseReader, ClauseText, Piece } from './types';
import { dec } from '../decimal';
import { numbersIn } from '../lexer';
import { EFFECT, effectOf, NUM } from './words';

const NEG = '未按要求|未按时|未能|未经|未|没有|无|不|缺少|缺乏|缺';
const SCOPE = '(?:本项|该项|此项|此处|该指标)';
const EXEMPT = new RegExp(
  `^(?:如|若|凡)?(?:辖区|本地|当地|本单位|本辖区)?(?:内)?((?:未发生|没有发生|无|没有|不存在)[^,░]{1,30}?)(?:的|者|时)?,?${SCOPE}?(?:不扣分|不失分|得满分|不考核|免于考核|免考核|计满分)$`,
);
/** 发生X…的 (one case: 发生1起/1次), then its effect, maybe after a subject (安全管理考核分清零). */
const EVENT = new RegExp(
  `^(?:如|若|凡|一旦)?(?:在[^,░]{0,10})?(?:发生|出现|造成|存在)(?:1(?:起|次|例|件))?([^,░每]{1,30}?)(?:(?:的|者|时|情况|,),?(?:则|即)?(?:并)?(?:[^,░\\d]{0,14}?(?=清零|实行一票|一票否))?|(?:则|即)?(?:并)?)${EFFECT}`,
);
const NO_EVENT =
  /^(?:全年|年内|年度内|考核期内|本年度|当年|确保)?(?:不发生|未发生|杜绝|没有发生)([^,░]{2,30})$/;
/** A described state or fault with its effect: 资料零乱扣2分, 无方案不计分, 满意得2分. */
const LABELLED = new RegExp(`^(?:如|若|凡|对)?([^,░]{1,40}?)(?:的|者|时|情况)?,?(?:则|即)?${EFFECT}$`);
const NEG_START = new RegExp(`^(?:${NEG})`);
/** A list with one effect for each: 无计划、无措施、无总结的分别扣1分; 建立和开发的各得2分. */
const LIST = new RegExp(
  `^(?:如|若|凡|对)?([^,░]{3,80}?)(?:的|者)?,?(?:各|分别)(扣除|扣|减|加|奖|得|计|记|占|赋)?${NUM}分$`,
);
/** Numbers a state may hold: "有1个对象未公示" (any one), "未对评分≥30分的孕妇…" (who is meant). */
const STATE_NUMBERS = [
  /(?:发现|存在)?有1(?:个|项|例|处|人|户|家|次|份|件)/g,
  /^(?:未|没有|无)(?:对|给|为|向)[^≥≤<>=\d]{0,12}[≥≤<>]\d+(?:\.\d+)?[^\d,░的]{0,3}的(?=[\u4e00-\u9fff]{2})/g,
];
/** A label holds no condition: no comparator before a number, no step, no effect word. */
function plainLabel(raw: string): boolean {
  let label = raw;
  for (const re of STATE_NUMBERS) label = label.replace(re, (m) => m.replace(/[\d.≥≤<>]/g, ''));
  // A state has words; "-10分" is a negative score, not a state "-".
  if (!/[\u4e00-\u9fffA-Za-z]/.test(label) || /-$/.test(label)) return false;
  // 各类/各级 are words of the state; 各 before an effect or at the end means "each".
  if (
    /[≥≤<>=]|每(?!逢|当)|各(?=[扣得计记加减占奖\d]|$)|分别|扣|加分|奖(?:励)?\d|奖分|得\d|计\d|^(?:本项|该项|此项)$/.test(
      label,
    )
  )
    return false;
  if (/(?:加|减)$/.test(label)) return false;
  // "满分20分" is the item's points, not a state.
  if (/^(?:满分|总分|分值|共计?|合计|本项满分|本项|该项)$/.test(label)) return false;
  // "实行一票否决": a verb, not a state.
  if (/^(?:实行|进行|予以|给予|并|并且|将|对其|则|即)$/.test(label)) return false;
  return numbersIn(label).every((n) => n.noise);
}
const GRADE = new RegExp(
  `^([^,░\\d≥≤<>=]{1,30}?)(?:的|者|为)?,?(?:(?:得|计|记|给|可得)?${NUM}分|(得满分|计满分|满分|不得分|不计分|不记分))$`,
);
const JOINER = /^(?:或|和|且|并|及|或者)/;

/** The state with the clauses before it that describe it ("有" + "并落实" → "有,并落实"). */
function withLead(clause: ClauseText, label: string): string {
  const own = label.replace(JOINER, '');
  const lead = clause.lead ?? '';
  if (lead === '' || /^(?:如|若|凡)/.test(clause.text) || /是否/.test(lead)) return own;
  // "民制定并公布醒目，没有不得分": a bare denial denies the clause before; it does not join it.
  if (/^(?:没有|无|未|不|否)(?:该项|此项)?$/.test(own)) return own;
  // "按时报告工作情况，未报告的扣2分": the state denies the requirement the clause before states.
  const denial = new RegExp(`^(?:${NEG})`).exec(own);
  if (denial) {
    const rest = own.slice(denial[0].length).replace(/的$/, '');
    let i = 0;
    for (const ch of lead) if (ch === rest[i]) i++;
    if (rest.length > 0 && i === rest.length) return own;
  }
  return `${lead},${label}`;
}

/** The items of a list: 、 between items, 及/和 before the last; a shared 未建立/无 carried over. */
function listItems(words: string): string[] | null {
  let items = words.split('、');
  if (items.length === 1) items = words.split(/和|及/);
  else {
    const last = items.pop()!;
    const parts = last.split(/及|和/);
    items.push(...(parts.every((x) => x.length >= 2) && parts.length === 2 ? parts : [last]));
  }
  items = items.map((x) => x.trim());
  if (items.length < 2 || items.some((x) => x.length < 2 || !plainLabel(x))) return null;
  const head = new RegExp(
    `(${NEG})(建立|开展|制定|制订|落实|完成|设立|配备|实施|进行|召开|组织|成立|明确|签订|提供|使用|上报|报送)?`,
  ).exec(items[0]!);
  if (head)
    items = items.map((x, i) => (i === 0 || NEG_START.test(x) ? x : `${head[1]}${head[2] ?? ''}${x}`));
  return items;
}

export const labels: ClauseReader = {
  id: 'labels',
  form: 'labelled / exemption / occurrence / graded',
  zh: '状态与事件（未公示的扣0.5分、无工作方案不得分、未发生疫情的不扣分、发生事故的本项清零、全年不发生安全事故、满意得2分、无计划、无总结的分别扣1分、有，并落实，得满分）',
  examples: [
    '未公示的扣0.5分',
    '无工作方案不得分',
    '未发生疫情的本项不扣分',
    '发生责任事故的，本项清零',
    '满意得2分',
    '工作无计划、无总结的分别扣1分',
    '有测评机制、合理运用测评结果各1分',
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
    m = LIST.exec(t);
    if (m) {
      const items = listItems(m[1]!);
      const verb = m[2] ?? '';
      if (items) {
        const amount = m[3]!;
        const kind = /扣|减/.test(verb) ? 'deduct' : /加|奖/.test(verb) ? 'add' : null;
        const pieces: Piece[] = items.map((label) =>
          kind
            ? {
                t: 'when',
                test: { kind: 'label', label, negative: NEG_START.test(label) },
                effect: { kind, amount: dec(amount).toString() },
              }
            : { t: 'grade', label, score: dec(amount).toString() },
        );
        return { pieces, spans: whole };
      }
    }
    m = LABELLED.exec(t);
    if (m && plainLabel(m[1]!) && !/^(?:发生|出现)/.test(m[1]!)) {
      const effText = m[0].slice(m[1]!.length);
      const e = effectOf(effText.replace(/^(?:的|者|时|情况)?,?(?:则|即)?/, ''));
      const label = withLead(clause, m[1]!);
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
      const score = m[2] ?? (/不得分|不计分|不记分/.test(m[3] ?? '') ? '0' : 'full');
      return one({ t: 'grade', label: withLead(clause, m[1]!.trim()), score });
    }
    return null;
  },
};
