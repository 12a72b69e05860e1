/**
 * The rule of one item from its two cells: the target (年度目标: "≥1500例", "95%", or a whole
 * sentence) and the method (计分办法: "符合标准，得1分；不达标准，不得分", "每低1个百分点扣1分").
 * docs/domain.md: a method's sentence takes its bound from the target cell when it states none, and
 * 符合标准 / 达到要求 / 不达标准 speak of that target. The target alone is the rule when there is
 * no method, or when the method says nothing that can be scored.
 */
import { dec, type Dec } from './decimal';
import { parseRule } from './index';
import type { ParsedRule } from './types';
import { readValues } from './values';
import { REF } from './grammar/target';

export interface ItemRule {
  parsed: ParsedRule;
  /** Which cell the rule was read from. */
  from: 'target' | 'method';
  /** The target cell's number, given to the method's program as its bound; null when none. */
  target: Dec | null;
}

/** A target written as a ceiling ("≤3名", "控制在5%以内", "不超过2例"). */
const CEILING = /^\s*(?:≤|<|<=|不超过|不高于|不多于|少于|低于|小于|控制在)|(?:以内|以下|之内)\s*$/;
const FLOOR = /^\s*(?:≥|>|>=|不低于|不少于|达到|高于|大于|超过)|以上\s*$/;

/** The one number a target cell holds, as the bound a method sentence may use. */
export function targetValue(target: string | number | null): Dec | null {
  if (target === null) return null;
  if (typeof target === 'number') return Number.isFinite(target) ? dec(target) : null;
  const v = readValues(target).values;
  return v.length === 1 ? v[0]!.value : null;
}

/**
 * "符合标准" / "达到要求" / "不达标准" in a method speak of the target: written as bounds on the
 * target, in the direction the target cell states (a ceiling reverses them).
 */
export function compliance(method: string, target: string | number): string {
  const ceiling = typeof target === 'string' && CEILING.test(target) && !FLOOR.test(target);
  const meets = ceiling ? '不超过目标值' : '达到目标值';
  const fails = ceiling ? '超过目标值' : '低于目标值';
  return method
    .replace(/(?:未达到|达不到|不达|未达|不符合)(?:标准|要求|规定)/g, fails)
    .replace(/(?:符合|达到|满足)(?:标准|要求|规定)/g, meets);
}

/**
 * "低于全国平均通过率5个百分点以上，不得分" beside a percent target: the bound is the target less the
 * points, written out ("≤85%") since a program's bound is the target itself or a number.
 */
export function offsets(method: string, target: Dec): string {
  const below = new RegExp(
    `(?:低于|少于|未达到|达不到)${REF}的?\\s*(\\d+(?:\\.\\d+)?)\\s*个?百分点(?:及|或)?以上`,
    'g',
  );
  return method.replace(below, (_all, n: string) => `≤${target.minus(dec(n).div(100)).mul(100).toString()}%`);
}

/** Reads the rule of an item from its target and method cells. */
export function readItemRule(method: string | null, target: string | number | null): ItemRule | null {
  const targetText = target === null ? '' : String(target).trim();
  const methodText = method === null ? '' : method.trim();
  if (methodText === '')
    return targetText === '' ? null : { parsed: parseRule(targetText), from: 'target', target: null };
  if (targetText === '') return { parsed: parseRule(methodText), from: 'method', target: null };
  const bound = targetValue(target);
  // "每低2个点扣1分" beside a percent target: 个点 are percentage points.
  const points = /\d%/.test(targetText) ? methodText.replace(/(\d)个点/g, '$1个百分点') : methodText;
  const percent = bound !== null && /\d%/.test(targetText) ? offsets(points, bound) : points;
  const fromMethod = parseRule(bound !== null ? compliance(percent, targetText) : percent);
  if (fromMethod.ok && !fromMethod.rule.manual) return { parsed: fromMethod, from: 'method', target: bound };
  const fromTarget = parseRule(targetText);
  if (fromTarget.ok && !fromTarget.rule.manual) return { parsed: fromTarget, from: 'target', target: null };
  // Neither scores: say what the method says, unless it only says nothing countable.
  const qualitative = fromMethod.ok && fromMethod.rule.manual?.reason === 'qualitative';
  return qualitative
    ? { parsed: fromTarget, from: 'target', target: null }
    : { parsed: fromMethod, from: 'method', target: bound };
}
