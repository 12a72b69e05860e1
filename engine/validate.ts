/** Runs the registered checks over recognised tables and turns drafts into findings. */
import { parseCellAddress } from './address';
import { CHECKS, CODE_SPECS } from './checks';
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
): Finding[] {
  const disabled = new Set(options.disable);
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    const drafts = check.run({ view, tables, options });
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
  const pos = (f: Finding): [number, number] => {
    const p = f.cell ? parseCellAddress(f.cell) : null;
    return p ? [p.row, p.col] : [-1, -1];
  };
  return findings.sort((a, b) => {
    const [ar, ac] = pos(a);
    const [br, bc] = pos(b);
    return ar - br || ac - bc || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  });
}
