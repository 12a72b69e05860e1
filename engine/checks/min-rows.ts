/**
 * MIN_ROWS: rectification lists (L7) must list a minimum number of problems by unit type, as
 * their note says ("综合性医院整改至少5个问题、专科性医院整改至少3个问题，其他…至少2个问题").
 * The unit type comes from the options or the "填报单位：" line; when unclear the strictest applies
 * and the message says so.
 */
import { cellAddress } from '../address';
import { nfkc } from '../text';
import type { Check, FindingDraft } from './types';

export interface MinimumRule {
  unitType: string;
  min: number;
}

/** Reads "X至少N个" rules from note text. */
export function parseMinimumRules(text: string): MinimumRule[] {
  const rules: MinimumRule[] = [];
  const re = /([^，,、；;。.\s:：0-9]+?)(?:整改|填报|上报|列出)?至少\s*(\d+)\s*(?:个|项|条|处)/g;
  for (const m of nfkc(text).matchAll(re)) rules.push({ unitType: m[1] ?? '', min: Number(m[2]) });
  return rules;
}

export function chooseMinimum(
  rules: MinimumRule[],
  unit: string | null,
): { rule: MinimumRule; basis: 'matched' | 'other' | 'assumed' | 'unknown' } | null {
  if (rules.length === 0) return null;
  const strictest = (list: MinimumRule[]): MinimumRule => list.reduce((a, b) => (b.min > a.min ? b : a));
  if (unit) {
    const u = nfkc(unit);
    const hit = rules.find((r) => !r.unitType.startsWith('其他') && u.includes(r.unitType));
    if (hit) return { rule: hit, basis: 'matched' };
    const hospitalRules = rules.filter((r) => /医院/.test(r.unitType));
    if (/医院/.test(u) && hospitalRules.length > 0)
      return { rule: strictest(hospitalRules), basis: 'assumed' };
    const other = rules.find((r) => r.unitType.startsWith('其他'));
    if (other) return { rule: other, basis: 'other' };
  }
  return { rule: strictest(rules), basis: 'unknown' };
}

export const minRows: Check = {
  id: 'min-rows',
  description: { zh: '整改清单行数不足', en: 'Too few rows in a rectification list' },
  codes: {
    MIN_ROWS: {
      severity: 'error',
      zh: (d) =>
        `仅填写了${d.count}个问题，${d.unitType}至少应填写${d.min}个` +
        (d.basis === 'assumed'
          ? '（未写明医院类别，按最严格要求）'
          : d.basis === 'unknown'
            ? '（未能识别填报单位类别，按最严格要求）'
            : ''),
      en: (d) =>
        `Only ${d.count} problem(s) listed; ${d.unitType} must list at least ${d.min}` +
        (d.basis === 'assumed' || d.basis === 'unknown'
          ? ' (unit type unclear: the strictest minimum applies)'
          : ''),
    },
  },
  run({ tables, options }) {
    const out: FindingDraft[] = [];
    for (const t of tables) {
      const rules = parseMinimumRules(t.table.notes.map((n) => n.text).join('\n'));
      const chosen = chooseMinimum(rules, options.unitType ?? t.unitLine);
      if (!chosen) continue;
      const count = t.items.length;
      if (count >= chosen.rule.min) continue;
      const itemCol = t.cols.item!;
      const lastItemRow = t.items.length > 0 ? t.items[t.items.length - 1]!.row : t.headerBottom;
      const firstFree = t.placeholderRows.find((r) => r > lastItemRow);
      const row = firstFree ?? t.headerTop;
      out.push({
        code: 'MIN_ROWS',
        cell: cellAddress(row, itemCol),
        data: { count, min: chosen.rule.min, unitType: chosen.rule.unitType, basis: chosen.basis },
      });
    }
    return out;
  },
};
