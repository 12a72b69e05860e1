/**
 * Bounds that name the item's target instead of a number: 达到镇考核指标得满分; 低于镇考核指标的不得分;
 * 实际发生数小于或等于控制数，该项得标准分; 通过率≥全国平均通过率，得4分. The condition's value is
 * "target": the evaluator takes the item's target value, and asks for it when there is none.
 */
import type { Comparator } from '../program';
import type { ClauseReader, Piece } from './types';
import { EFFECT, effectOf, metricName, PRE } from './words';

/** What the target cell holds, as documents name it. */
export const REF =
  '[^,░≥≤<>=\\d]{0,30}?(?:考核指标|指标值|目标值|目标任务|任务数|任务指标|控制数|控制指标|规定数|计划数|平均通过率|平均合格率|平均水平|平均值|平均数)';
/** Comparators with a direction: "符合标准" / "达标" say none (the target may be a ceiling). */
const CMP =
  '大于或等于|小于或等于|高于或等于|低于或等于|大于等于|小于等于|不低于|不少于|不高于|不超过|未达到|达不到|达到|超过|超出|高于|低于|大于|小于|少于|多于|未达|≥|≤|>|<';
const MORE: Record<string, Comparator> = { 达不到: '<', 未达: '<', 完成: '>=' };
const TARGET_WHEN = new RegExp(
  `^(?:如|若|凡)?([^,░]{0,30}?)(${CMP})(${REF})(?:的|者|时)?,?(?:则|即)?(?:该项|本项|此项)?${EFFECT}$`,
);
const DONE_WHEN = new RegExp(
  `^()(完成)((?:年度|全年|时序|阶段)?(?:目标任务|任务数|任务指标|目标值|计划数))(?:的|者|时)?,?(?:则|即)?(?:该项|本项|此项)?${EFFECT}$`,
);
/** "低于全国平均通过率" alone: the context of the step that follows; it says nothing itself. */
const TARGET_CONTEXT = new RegExp(`^(?:如|若|凡)?(?:低于|未达到|达不到|超过|高于)(${REF})(?:的|者|时)?$`);

/** "低于全国平均通过率5个百分点以上，不得分": a bound some points below the target. */
const OFFSET = new RegExp(
  `^(?:低于|少于|未达到|达不到)${REF}的?\\d+(?:\\.\\d+)?个?百分点(?:及|或)?以上(?:的|者|时)?,?${EFFECT}$`,
);

export const target: ClauseReader = {
  id: 'target',
  form: 'threshold (target)',
  zh: '以目标值为界（达到镇考核指标得满分、低于考核指标的不得分、小于或等于控制数得标准分、≥全国平均通过率得4分）',
  examples: ['达到镇考核指标得满分', '低于镇考核指标的不得分', '实际发生数小于或等于控制数，该项得标准分'],
  read(clause) {
    const t = clause.text;
    // "完成时序目标任务的得满分，未完成的按比例得分": with a ratio, 完成 compares with the target.
    const m =
      TARGET_WHEN.exec(t) ?? (/按(?:完成)?(?:比例|百分比)/.test(clause.rule) ? DONE_WHEN.exec(t) : null);
    if (m) {
      const [all, words, cmp, ref] = m;
      const eff = all.slice((words ?? '').length + cmp!.length + ref!.length);
      const op = PRE[cmp!] ?? MORE[cmp!];
      const effect = effectOf(eff.replace(/^(?:的|者|时)?,?(?:则|即)?(?:该项|本项|此项)?/, ''));
      if (!op || !effect) return null;
      const piece: Piece = {
        t: 'when',
        test: {
          kind: 'condition',
          condition: { metric: metricName(words ?? ''), op, value: 'target', unit: '', to: null },
        },
        effect,
      };
      return { pieces: [piece], spans: [[0, t.length]] };
    }
    if (TARGET_CONTEXT.test(t)) return { pieces: [], spans: [[0, t.length]] };
    // With a target cell, item-rule.ts writes the bound out (≤85%); without one nothing can be scored.
    if (OFFSET.test(t))
      return {
        pieces: [
          { t: 'manual', reason: 'target', clause: `${clause.original}（以目标值为界，请填写目标值）` },
        ],
        spans: [[0, t.length]],
      };
    return null;
  },
};
