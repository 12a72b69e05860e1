/**
 * Reports of `perf-check validate`: the JSON document and the human-readable text.
 * Pure functions over the engine's SheetAnalysis results; the engine's name tables are passed
 * in, so this module does not load the engine itself.
 */
import type { ColumnRole, Finding, Layout, Severity, SheetAnalysis, Table } from '../engine/model.js';

export type Lang = 'zh' | 'en';

type Names<K extends string> = Readonly<Record<K, { zh: string; en: string }>>;
export interface ReportNames {
  layouts: Names<Layout>;
  roles: Names<ColumnRole>;
}

export interface FileFailure {
  kind: string;
  messageZh: string;
  messageEn: string;
}

/** The outcome for one file on the command line. */
export type FileResult =
  | { file: string; sheets: SheetAnalysis[]; error?: undefined }
  | { file: string; error: FileFailure; sheets?: undefined };

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function allFindings(result: FileResult): Finding[] {
  return (result.sheets ?? []).flatMap((s) => s.findings);
}

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * Writes a `--json` document and its newline: indented for a person at a terminal, compact when a
 * program reads it or it goes to a file. The same JSON either way; compact is less than half the
 * bytes (the bench's 10k-row workbook: 4.4 MB instead of 8.8 MB). The newline is a write of its
 * own: appended to the document it made a joined string that Node copies whole before encoding
 * it (~15 ms for those 4.4 MB).
 */
export function writeJson(out: { write(chunk: string): unknown; isTTY?: boolean }, value: unknown): void {
  out.write(out.isTTY ? JSON.stringify(value, null, 2) : JSON.stringify(value));
  out.write('\n');
}

/** The single JSON object printed by `--json`. Engine objects pass through unchanged. */
export function jsonReport(results: readonly FileResult[], lang: Lang): { files: unknown[] } {
  return {
    files: results.map((r) => {
      if (r.error) {
        return {
          file: r.file,
          error: {
            kind: r.error.kind,
            message: lang === 'en' ? r.error.messageEn : r.error.messageZh,
            messageEn: r.error.messageEn,
          },
        };
      }
      const findings = allFindings(r);
      const counts = countFindings(findings);
      return {
        file: r.file,
        sheets: r.sheets.map((s) => s.sheet),
        tables: r.sheets.flatMap((s) => s.tables),
        findings,
        summary: { errors: counts.error, warnings: counts.warning, infos: counts.info },
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Human-readable text

/** Numbers as a person writes them: at most 15 significant digits, no float noise. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

function formatPoints(n: number, table: Table): string {
  return table.pointsUnit === 'percent' ? `${formatNumber(n * 100)}%` : formatNumber(n);
}

/**
 * Column letters in sheet order: "B" < "AA". Letters of one length compare by code unit, as
 * localeCompare ordered them, without loading ICU's collation data at start-up.
 */
function compareColumns(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** True when anything in the table carries points (otherwise a total means nothing). */
function hasPoints(table: Table): boolean {
  return (
    table.declaredTotal !== null ||
    table.groups.some((g) => g.declared !== null) ||
    table.items.some((i) => i.points !== null)
  );
}

const T = {
  zh: {
    file: (f: string) => `文件：${f}`,
    sheet: (s: string) => `工作表「${s}」`,
    noTable: '未识别到指标表',
    table: (range: string, layout: string, header: number, items: number) =>
      `表格 ${range}（${layout}），表头在第 ${header} 行，${items} 个指标`,
    title: (t: string) => `标题：${t}`,
    section: (t: string) => `分区：${t}`,
    columns: (c: string) => `识别的列：${c}`,
    colSep: '，',
    veto: (n: number, m: number) =>
      [n > 0 ? `一票否决 ${n} 项` : '', m > 0 ? `一票否优 ${m} 项` : ''].filter(Boolean).join('，'),
    total: (declared: string | null, sum: string) =>
      declared === null
        ? `总分：未写明，各项合计 ${sum}`
        : `总分：写明 ${declared}，各项合计 ${sum}${sum !== declared ? '（不一致）' : ''}`,
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    count: (label: string, n: number) => `${label}（${n}）`,
    clean: '未发现问题',
    sheetCell: (s: string) => `「${s}」`,
    summary: (f: string, tables: number, items: number, c: Record<Severity, number>) =>
      `小结：${f} — ${tables} 个表格，${items} 个指标；` +
      (c.error + c.warning + c.info === 0
        ? '未发现问题'
        : `错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`),
    overall: (files: number, withErrors: number, unreadable: number) =>
      `共检查 ${files} 个文件：${withErrors} 个有错误，${unreadable} 个无法读取`,
  },
  en: {
    file: (f: string) => `File: ${f}`,
    sheet: (s: string) => `Sheet '${s}'`,
    noTable: 'no indicator table recognised',
    table: (range: string, layout: string, header: number, items: number) =>
      `Table ${range} (${layout}), header in row ${header}, ${items} item${items === 1 ? '' : 's'}`,
    title: (t: string) => `Title: ${t}`,
    section: (t: string) => `Section: ${t}`,
    columns: (c: string) => `Columns recognised: ${c}`,
    colSep: ', ',
    veto: (n: number, m: number) =>
      [
        n > 0 ? `${n} one-vote veto item${n === 1 ? '' : 's'}` : '',
        m > 0 ? `${m} veto-of-excellence item${m === 1 ? '' : 's'}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    total: (declared: string | null, sum: string) =>
      declared === null
        ? `Total: not declared, items add up to ${sum}`
        : `Total: declared ${declared}, items add up to ${sum}${sum !== declared ? ' (mismatch)' : ''}`,
    severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' } as Record<Severity, string>,
    count: (label: string, n: number) => `${label} (${n})`,
    clean: 'No problems found',
    sheetCell: (s: string) => `'${s}'`,
    summary: (f: string, tables: number, items: number, c: Record<Severity, number>) =>
      `Summary: ${f} — ${tables} table${tables === 1 ? '' : 's'}, ${items} item${items === 1 ? '' : 's'}; ` +
      (c.error + c.warning + c.info === 0
        ? 'no problems found'
        : `${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} note${c.info === 1 ? '' : 's'}`),
    overall: (files: number, withErrors: number, unreadable: number) =>
      `Checked ${files} files: ${withErrors} with errors, ${unreadable} unreadable`,
  },
};

export interface Style {
  severity(sev: Severity, text: string): string;
  bold(text: string): string;
}

export const PLAIN: Style = { severity: (_s, t) => t, bold: (t) => t };
export const ANSI: Style = {
  severity: (s, t) => `\x1b[${s === 'error' ? '31' : s === 'warning' ? '33' : '36'}m${t}\x1b[0m`,
  bold: (t) => `\x1b[1m${t}\x1b[0m`,
};

function describeTable(table: Table, lang: Lang, names: ReportNames): string[] {
  const t = T[lang];
  const lines: string[] = [];
  const layout = names.layouts[table.layout]?.[lang] ?? table.layout;
  lines.push(t.table(table.range, layout, table.headerRow, table.items.length));
  if (table.title) lines.push(`  ${t.title(table.title)}`);
  if (table.section) lines.push(`  ${t.section(table.section)}`);
  const cols = (Object.entries(table.columns) as [ColumnRole, string | undefined][])
    .filter((e): e is [ColumnRole, string] => typeof e[1] === 'string')
    .sort((a, b) => compareColumns(a[1], b[1]))
    .map(([role, letter]) => `${names.roles[role]?.[lang] ?? role} ${letter}`);
  if (cols.length > 0) lines.push(`  ${t.columns(cols.join(t.colSep))}`);
  const vetoes = t.veto(
    table.items.filter((i) => i.veto).length,
    table.items.filter((i) => i.vetoExcellence).length,
  );
  if (vetoes) lines.push(`  ${vetoes}`);
  if (hasPoints(table)) {
    lines.push(
      `  ${t.total(
        table.declaredTotal === null ? null : formatPoints(table.declaredTotal, table),
        formatPoints(table.sum, table),
      )}`,
    );
  }
  return lines;
}

function findingLines(findings: readonly Finding[], lang: Lang, style: Style, multiSheet: boolean): string[] {
  const t = T[lang];
  const lines: string[] = [];
  const counts = countFindings(findings);
  for (const sev of SEVERITIES) {
    if (counts[sev] === 0) continue;
    lines.push(style.severity(sev, t.count(t.severity[sev], counts[sev])));
    for (const f of findings) {
      if (f.severity !== sev) continue;
      const where = f.cell === null ? t.sheetCell(f.sheet) : multiSheet ? `${f.sheet}!${f.cell}` : f.cell;
      lines.push(`  ${where}  ${f.code}  ${f.message.replace(/\s*\n\s*/g, ' ')}`);
    }
  }
  return lines;
}

/** The human-readable report of one readable file, ending with its summary line. */
export function humanReport(
  result: FileResult & { sheets: SheetAnalysis[] },
  lang: Lang,
  names: ReportNames,
  style: Style = PLAIN,
  /** Extra lines under each table (the score command adds its scores here). */
  tableExtra: (table: Table) => string[] = () => [],
): string {
  const t = T[lang];
  const out: string[] = [style.bold(t.file(result.file))];
  for (const sa of result.sheets) {
    out.push(t.sheet(sa.sheet));
    if (sa.tables.length === 0 && !sa.findings.some((f) => f.code === 'NO_TABLE')) out.push(`  ${t.noTable}`);
    // Loops, not push(...lines): 200,000 lines as arguments overflow the stack.
    for (const table of sa.tables)
      for (const l of [...describeTable(table, lang, names), ...tableExtra(table)]) out.push(`  ${l}`);
    // Findings a sheet's analysis carries may name other sheets only in odd cases; show the sheet then.
    const multi = sa.findings.some((f) => f.sheet !== sa.sheet);
    const lines = findingLines(sa.findings, lang, style, multi);
    for (const l of lines.length > 0 ? lines : [t.clean]) out.push(`  ${l}`);
  }
  const tables = result.sheets.reduce((n, s) => n + s.tables.length, 0);
  const items = result.sheets.reduce((n, s) => n + s.tables.reduce((m, tb) => m + tb.items.length, 0), 0);
  out.push(t.summary(result.file, tables, items, countFindings(allFindings(result))));
  return out.join('\n') + '\n';
}

/** One closing line when several files were checked. */
export function overallLine(results: readonly FileResult[], lang: Lang): string {
  const withErrors = results.filter(
    (r) => !r.error && allFindings(r).some((f) => f.severity === 'error'),
  ).length;
  const unreadable = results.filter((r) => r.error).length;
  return T[lang].overall(results.length, withErrors, unreadable) + '\n';
}
