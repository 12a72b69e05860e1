/**
 * Ratios: 按完成比例计分; 低于40%按百分比得分; 按比例记分; 检出率/3‰*1.5分; b/c，b>c时按1计算;
 * 越低越好 (T/A). The bound is the one the sentence states, else the target value.
 */
import { dec } from '../decimal';
import { overlaps, type ClauseReader, type Piece } from './types';
import { metricName, NUM, unitOf, valueOf } from './words';

const BY_RATIO =
  /(?:按|以)(?:实际)?(?:完成|工作完成|任务完成)?(?:进度|情况)?(?:的)?(?:比例|百分比|比率|完成率|完成比例|完成比|实际比例)(?:计分|得分|记分|折算|计算|赋分|给分|计|扣分|核减|折算得分)?|完成比例|按比例计分/g;
const FORMULA = new RegExp(`([^,░/]{1,20}?)/${NUM}(%|‰)?[*×x]${NUM}分`, 'g');
/** "得分=(实际到位资金额/时序目标任务)×分值": the actual over the target, times the points. */
const OVER_TARGET =
  /得分=\(?([^/()=,░\d]{1,20})\/([^()=,░×*x\d]{1,20})\)?[×*x](?:分值|标准分|本项分值|该项分值|满分|权重分?)/g;
/** "得分=新生儿访视率90%*15分": the rate over its bound, times the points. */
const RATE_TIMES = new RegExp(`得分=([^,░=/]{1,20}?)${NUM}(%|‰)[*×x]${NUM}分`, 'g');
// b/c: letters standing for amounts (not 分/例, a points-per-case unit).
const LETTERS = /(?<![\d.a-zA-Z])([a-zA-Z]{1,3})\/([a-zA-Z]{1,3})(?![a-zA-Z])/g;
const CAP = new RegExp(`(?:>|大于|超过|高于)[^,░]{0,8}?(?:时|的)?(?:按|以)${NUM}(分|%)?(?:计算|计|算)?`, 'g');
const LOWER = /越低越好|越少越好|逆向指标|负向指标/g;

export const ratio: ClauseReader = {
  id: 'ratio',
  form: 'ratio',
  zh: '按比例得分（按完成比例计分、低于40%按百分比得分、检出率/3‰×1.5分、b/c且b>c时按1计算、越低越好）',
  examples: ['按完成比例计分', '达到40%得满分，低于40%按百分比得分', 'b/c，b>c时按1计算'],
  read(clause) {
    const t = clause.text;
    const pieces: Piece[] = [];
    const spans: [number, number][] = [];
    const lower = /越低越好|越少越好|逆向指标|负向指标/.test(clause.rule);
    for (const m of [...t.matchAll(FORMULA), ...t.matchAll(RATE_TIMES)]) {
      if (overlaps(spans, m)) continue;
      const unit = unitOf(m[3]);
      pieces.push({
        t: 'ratio',
        metric: metricName(m[1]!),
        bound: valueOf(m[2]!, unit),
        unit,
        lowerIsBetter: lower,
        cap: null,
        best: false,
      });
      pieces.push({ t: 'points', value: dec(m[4]!).toString() });
      spans.push([m.index, m.index + m[0].length]);
    }
    // A ratio whose bound comes from the context, with at most a cap of its own.
    const plain = (m: RegExpMatchArray, cap: string | null): void => {
      pieces.push({ t: 'ratio', metric: '', bound: null, unit: '', lowerIsBetter: lower, cap, best: false });
      spans.push([m.index!, m.index! + m[0].length]);
    };
    for (const m of t.matchAll(OVER_TARGET)) {
      pieces.push({
        t: 'ratio',
        metric: metricName(m[1]!),
        bound: null,
        unit: '',
        lowerIsBetter: lower,
        cap: null,
        best: false,
      });
      spans.push([m.index, m.index + m[0].length]);
    }
    for (const m of t.matchAll(BY_RATIO)) if (!overlaps(spans, m)) plain(m, null);
    if (pieces.length === 0) for (const m of t.matchAll(LETTERS)) plain(m, null);
    if (pieces.length > 0 || /按\d/.test(t))
      for (const m of t.matchAll(CAP)) {
        // "超过80%按3分计算": at most the points; "b>c时按1计算": the ratio at most 1.
        plain(m, m[2] === '分' ? '1' : dec(m[1]!).toString());
      }
    for (const m of t.matchAll(LOWER)) spans.push([m.index, m.index + m[0].length]);
    return pieces.length > 0 ? { pieces, spans } : null;
  },
};
