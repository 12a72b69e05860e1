/** The registry of checks. A new check is a module with its codes and messages, added here. */
import { cellError } from './cell-error';
import { direction } from './direction';
import { duplicateItem } from './duplicate-item';
import { enteredValues } from './entered-values';
import { hidden } from './hidden';
import { minRows } from './min-rows';
import { numberAsText } from './number-as-text';
import { pointsInvalid } from './points-invalid';
import { pointsMissing } from './points-missing';
import { pointsSum } from './points-sum';
import { requiredText } from './required-text';
import { requiredValues } from './required-values';
import { tableShape } from './table-shape';
import { template } from './template';
import type { Check, CodeSpec } from './types';
import type { Finding, FindingCode } from '../model';

export const CHECKS: readonly Check[] = [
  tableShape,
  pointsSum,
  pointsMissing,
  pointsInvalid,
  requiredText,
  requiredValues,
  direction,
  duplicateItem,
  enteredValues,
  numberAsText,
  cellError,
  hidden,
  minRows,
  template,
];

/** Code → its spec (severity and messages), from whichever check declares it. */
export const CODE_SPECS: ReadonlyMap<FindingCode, CodeSpec & { check: string }> = (() => {
  const m = new Map<FindingCode, CodeSpec & { check: string }>();
  for (const c of CHECKS)
    for (const [code, spec] of Object.entries(c.codes) as [FindingCode, CodeSpec][]) {
      if (m.has(code)) throw new Error(`finding code ${code} declared twice`);
      m.set(code, { ...spec, check: c.id });
    }
  return m;
})();

/** What to do about a finding, in the finding's language pair; null when its message says it all. */
export function nextStep(f: Pick<Finding, 'code' | 'data'>, lang: 'zh' | 'en'): string | null {
  const next = CODE_SPECS.get(f.code)?.next;
  return next ? next[lang](f.data) : null;
}

export type { Check, CheckContext, CodeSpec, FindingDraft, TemplateSheet } from './types';
