/** The contract every check module fulfils (one module per kind of check, in a registry). */
import type { FindingCode, Severity } from '../model';
import type { ResolvedOptions } from '../options';
import type { RecognisedTable } from '../recognise';
import type { SheetView } from '../sheet-view';

export type FindingData = Record<string, string | number | boolean | null>;

/** What a check reports: the engine adds severity, sheet and messages from the check's metadata. */
export interface FindingDraft {
  code: FindingCode;
  /** A1 address, or null for sheet-level findings. */
  cell: string | null;
  data: FindingData;
}

export interface CodeSpec {
  severity: Severity;
  zh: (d: FindingData) => string;
  en: (d: FindingData) => string;
  /** What to do next, said after the message in the pane ("请取消隐藏后核对"). */
  next?: { zh: (d: FindingData) => string; en: (d: FindingData) => string };
}

/** The template's sheet a returned sheet is compared with (the reviewer's desk, issue 14). */
export interface TemplateSheet {
  view: SheetView;
  tables: readonly RecognisedTable[];
}

export interface CheckContext {
  view: SheetView;
  tables: readonly RecognisedTable[];
  options: ResolvedOptions;
  /** Present only when a returned workbook is reviewed against its template. */
  template?: TemplateSheet;
}

export interface Check {
  /** Stable id, e.g. "points-sum". */
  id: string;
  description: { zh: string; en: string };
  /** The codes this check may report, with their default severity and messages. */
  codes: Partial<Record<FindingCode, CodeSpec>>;
  run(ctx: CheckContext): FindingDraft[];
}

/** Points for messages: "10分", or "105%" in percent tables. */
export function showPoints(v: number | string | boolean | null, percent = false): string {
  if (typeof v !== 'number') return String(v ?? '');
  if (percent) return `${+(v * 100).toFixed(6)}%`;
  return String(+v.toFixed(6));
}
