/** The rule of an item, read from its target and method cells, remembered for the scoring. */
import { readItemRule } from './rules/item-rule';

/**
 * Item rules by their two cells: the same wording recurs down a table and in every workbook of a
 * review, and reading it rewrites the method with regular expressions before the parse cache is
 * reached. readItemRule depends on the two cells only, and its result is only read. Keyed by the
 * cells' own values (a number and its text are different keys), target first, so no key is built.
 */
type ItemRuleOrNull = ReturnType<typeof readItemRule>;
const itemRules = new Map<string | number | null, Map<string | null, ItemRuleOrNull>>();
let cachedRules = 0;
const MAX_ITEM_RULES = 5000;

export function itemRuleOf(method: string | null, target: string | number | null): ItemRuleOrNull {
  if (Object.is(target, -0)) return readItemRule(method, target); // one Map key with 0
  let byMethod = itemRules.get(target);
  let rule = byMethod?.get(method);
  if (rule === undefined) {
    rule = readItemRule(method, target);
    if (cachedRules >= MAX_ITEM_RULES) {
      itemRules.clear();
      cachedRules = 0;
      byMethod = undefined;
    }
    if (!byMethod) itemRules.set(target, (byMethod = new Map()));
    byMethod.set(method, rule);
    cachedRules++;
  }
  return rule;
}
