/**
 * Steps in a measured unit against the target: 未达到年度目标值的，按实际完成值与年度目标值的差距
 * 绝对值进行扣分，每差1微克/立方米扣0.5分. 差 says no direction: for a pollutant or a rate of
 * harm (lower is better) the gap is above the target; for any other metric the sentence does not
 * say which side loses points, so the item is a hand score.
 */
import { dec } from '../decimal';
import type { ClauseReader, Piece } from './types';
import { LOWER_IS_BETTER, metricName, NUM, withoutTargetWord } from './words';

/** A unit written with a slash: 微克/立方米, 毫克/升, 人/万人. */
const SLASH_UNIT = '([\\u4e00-\\u9fffA-Za-z]{1,6}/[\\u4e00-\\u9fffA-Za-z³]{1,6})';
const GAP_STEP = new RegExp(
  `每(差|超过|超出|超|高于|高出|多|低于|低|少)${NUM}${SLASH_UNIT}(?:的)?,?(扣除|扣|减)${NUM}分`,
);
/** The method stated in words: it holds no number of its own. */
const GAP_METHOD =
  /^按(?:实际)?(?:完成)?值?与(?:年度)?(?:目标值|目标|考核指标)的?差距(?:绝对值)?(?:进行)?扣分$/;

export const gap: ClauseReader = {
  id: 'gap',
  form: 'lower-better / linear',
  zh: '按与目标值的差距扣分，单位含“/”（每差1微克/立方米扣0.5分；“差”不分高低：污染物浓度、死亡率等越低越好的指标按超出目标计，其他指标需人工评分）',
  examples: ['未达到年度目标值的，按实际完成值与年度目标值的差距绝对值进行扣分，每差1微克/立方米扣0.5分'],
  read(clause) {
    const t = clause.text;
    if (GAP_METHOD.test(t) && GAP_STEP.test(clause.rule)) return { pieces: [], spans: [[0, t.length]] };
    const m = GAP_STEP.exec(t);
    if (!m) return null;
    const [all, verb, size, unit, , amount] = m;
    const span: [number, number] = [m.index, m.index + all.length];
    let direction: 'above' | 'below';
    if (verb === '差') {
      if (!LOWER_IS_BETTER.test(clause.rule)) {
        const piece: Piece = {
          t: 'manual',
          reason: 'direction',
          clause: `${clause.original}（“差”未写明高于还是低于目标时扣分）`,
        };
        return { pieces: [piece], spans: [span] };
      }
      direction = 'above';
    } else direction = /超|高|多/.test(verb!) ? 'above' : 'below';
    const piece: Piece = {
      t: 'step',
      metric: withoutTargetWord(metricName(t.slice(0, m.index))),
      direction,
      from: null,
      size: dec(size!).toString(),
      unit: unit!,
      effect: 'deduct',
      amount: dec(amount!).toString(),
      change: false,
      countable: false,
    };
    return { pieces: [piece], spans: [span] };
  },
};
