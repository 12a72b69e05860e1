/**
 * Why each item of the 评分 tab has the score it has, or none: one status per item, so that the
 * row, the counts above the table and the pending-total notice always give the same reason.
 * Pure (no React), so the component tests and the pane agree on it.
 */
import { parseCellAddress } from '../engine/address';
import type { ScoredTable } from '../engine/index';
import type { Finding, ItemScore } from '../engine/model';
import type { Lang } from './i18n';

export type ItemStatus =
  /** Scored by its rule from the actual value: nothing to add to the rule sentence. */
  | { kind: 'rule' }
  | { kind: 'entered' }
  | { kind: 'deduction' }
  /** No score: it must be scored by hand; `reason` says why (one reason). */
  | { kind: 'manual'; reason: string }
  /** No score yet: the rule is read, the actual value is missing (or cannot be read). */
  | { kind: 'waiting'; reason: string };

/** Rules whose program itself asks for a hand score (定性指标, 酌情/据实扣分). */
const MANUAL_FORMS = new Set(['manual', 'judgement']);

const WORDS = {
  zh: {
    noRule: '没有目标或计分办法',
    manualRule: '计分办法要求人工判断',
    unreadable: '计分办法未能识别',
    noActualColumn: '表中没有完成情况列',
    actualEmpty: '完成情况未填',
  },
  en: {
    noRule: 'no target or method',
    manualRule: 'the method asks for a judgement',
    unreadable: 'the method was not understood',
    noActualColumn: 'the table has no actual column',
    actualEmpty: 'the actual value is blank',
  },
} as const;

/** Whether a finding sits on the sheet row `row` (1-based, as items count rows; addresses are 0-based). */
function onRow(f: Finding, row: number): boolean {
  return f.cell !== null && parseCellAddress(f.cell)?.row === row - 1;
}

/** The finding about this item's score (on its row), with the item's name taken out. */
function rowReason(findings: readonly Finding[], row: number, codes: readonly string[]): string | null {
  const f = findings.find((x) => codes.includes(x.code) && onRow(x, row));
  if (!f) return null;
  // "指标「X」：完成情况「abc」无法识别" → "完成情况「abc」无法识别": the row already names X.
  return f.message.replace(/^指标「[^」]*」[：:]?\s*/, '').replace(/^Item "[^"]*":?\s*/, '');
}

export function itemStatus(
  item: ItemScore,
  table: Pick<ScoredTable, 'columns' | 'items'>,
  findings: readonly Finding[],
  lang: Lang,
): ItemStatus {
  const w = WORDS[lang];
  if (item.score !== null)
    return item.source === 'entered'
      ? { kind: 'entered' }
      : item.source === 'deduction'
        ? { kind: 'deduction' }
        : { kind: 'rule' };
  const invalid = rowReason(findings, item.row, ['ACTUAL_INVALID']);
  if (item.manual || (item.ruleKind !== null && MANUAL_FORMS.has(item.ruleKind)) || item.rule === null) {
    // A target or method text that gave no rule was not understood: the engine says so (RULE_UNPARSED)
    // only once it scores against an actual column, but the text is there either way.
    const row = table.items.find((x) => x.row === item.row);
    const hasText = [row?.target, row?.method].some((x) => x !== null && x !== undefined && x.trim() !== '');
    const unreadable = hasText || findings.some((x) => x.code === 'RULE_UNPARSED' && onRow(x, item.row));
    const reason =
      item.rule === null
        ? unreadable
          ? w.unreadable
          : w.noRule
        : item.ruleKind !== null && MANUAL_FORMS.has(item.ruleKind)
          ? w.manualRule
          : (rowReason(findings, item.row, ['MANUAL_SCORE']) ?? w.manualRule);
    return { kind: 'manual', reason };
  }
  if (invalid) return { kind: 'waiting', reason: invalid };
  return {
    kind: 'waiting',
    reason: table.columns.actual === undefined ? w.noActualColumn : w.actualEmpty,
  };
}

/** A score as the sheet shows it: always the settings' decimals (四舍五入 is done by the engine). */
export function scoreText(n: number | null, decimals: number): string {
  return n === null ? '—' : n.toFixed(decimals);
}
