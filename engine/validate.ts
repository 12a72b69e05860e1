/** Runs the registered checks over recognised tables and turns drafts into findings. */
import { parseCellAddress } from './address';
import { CHECKS, CODE_SPECS, type TemplateSheet } from './checks';
import type { Finding } from './model';
import type { ResolvedOptions } from './options';
import type { RecognisedTable } from './recognise';
import type { SheetView } from './sheet-view';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** All findings for one sheet, ordered by position (row, then column), then severity. */
export function validateSheet(
  view: SheetView,
  tables: readonly RecognisedTable[],
  options: ResolvedOptions,
  /** The template's sheet, when a returned workbook is reviewed (TEMPLATE_* findings). */
  template?: TemplateSheet,
): Finding[] {
  const disabled = new Set(options.disable);
  const findings: Finding[] = [];
  // One context for every check (checks only read it).
  const ctx = template ? { view, tables, options, template } : { view, tables, options };
  for (const check of CHECKS) {
    const drafts = check.run(ctx);
    for (const d of drafts) {
      if (disabled.has(d.code)) continue;
      const spec = CODE_SPECS.get(d.code);
      if (!spec) throw new Error(`check ${check.id} reported undeclared code ${d.code}`);
      const zh = spec.zh(d.data);
      const en = spec.en(d.data);
      findings.push({
        code: d.code,
        severity: options.severity[d.code] ?? spec.severity,
        sheet: view.name,
        cell: d.cell,
        message: options.lang === 'en' ? en : zh,
        messageEn: en,
        data: d.data,
      });
    }
  }
  return sortFindings(findings);
}

/** Orders findings by position (row, then column), then severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  // Nothing to order (most sheets' scoring findings): and sorting the empty array map() gives
  // (another kind of array) deoptimised the code V8 had compiled for lists of findings.
  if (findings.length < 2) return findings;
  // Addresses are parsed once per finding, not once per comparison (the sort is stable). The
  // keyed list is built by a loop and sorted by a module-level comparator: map()'s array, sorted
  // with a new closure, deoptimised validateSheet (wrong map at the sort) right after V8 compiled it.
  const keyed: SortKey[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const p = f.cell ? parseCellAddress(f.cell) : null;
    keyed.push({ f, row: p ? p.row : -1, col: p ? p.col : -1, sev: SEVERITY_ORDER[f.severity] });
  }
  keyed.sort(byPosition);
  for (let i = 0; i < keyed.length; i++) findings[i] = keyed[i]!.f;
  return findings;
}

interface SortKey {
  f: Finding;
  row: number;
  col: number;
  sev: number;
}

function byPosition(a: SortKey, b: SortKey): number {
  return a.row - b.row || a.col - b.col || a.sev - b.sev;
}
