/** The recalc report: the `--json` document and the text table. */
import { fileErrorJson, type FileError } from '../file-error.js';
import type { Lang } from '../report.js';
import type { RecalcCell, RecalcValue } from './types.js';

export interface RecalcFileResult {
  file: string;
  cells?: RecalcCell[];
  error?: FileError;
}

/** The `--json` document. */
export function recalcJson(results: readonly RecalcFileResult[], lang: Lang): { files: unknown[] } {
  return {
    files: results.map((r) =>
      r.error
        ? fileErrorJson(r.file, r.error, lang)
        : {
            file: r.file,
            cells: (r.cells ?? []).map((c) => ({
              sheet: c.sheet,
              cell: c.cell,
              formula: c.formula,
              value: c.value,
              ...(c.spillFrom ? { spillFrom: c.spillFrom } : {}),
            })),
          },
    ),
  };
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

export function formatValue(v: RecalcValue, lang: Lang): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v === '' ? (lang === 'en' ? '(empty text)' : '（空文本）') : v;
  return `${v.error} ${v.message}`;
}

/** The human-readable report of one file. */
export function recalcText(result: RecalcFileResult, lang: Lang): string {
  const cells = result.cells ?? [];
  const zh = lang === 'zh';
  const lines: string[] = [result.file];
  if (cells.length === 0) {
    lines.push(zh ? '  没有使用 PERF 函数的公式。' : '  No formula uses a PERF function.');
    return lines.join('\n') + '\n';
  }
  const head = zh ? ['单元格', '公式', '结果'] : ['Cell', 'Formula', 'Result'];
  const formulas = cells.map((c) =>
    c.spillFrom ? (zh ? `（${c.spillFrom} 溢出）` : `(spilled from ${c.spillFrom})`) : c.formula,
  );
  const wCell = Math.max(displayWidth(head[0]!), ...cells.map((c) => displayWidth(c.cell)));
  const wFormula = Math.min(56, Math.max(displayWidth(head[1]!), ...formulas.map(displayWidth)));
  let sheet: string | null = null;
  cells.forEach((c, i) => {
    if (c.sheet !== sheet) {
      sheet = c.sheet;
      lines.push(zh ? `  工作表「${c.sheet}」` : `  Sheet '${c.sheet}'`);
      lines.push(`    ${pad(head[0]!, wCell)}  ${pad(head[1]!, wFormula)}  ${head[2]}`);
    }
    lines.push(
      `    ${pad(c.cell, wCell)}  ${pad(clip(formulas[i]!, wFormula), wFormula)}  ${formatValue(c.value, lang)}`,
    );
  });
  const perf = cells.filter((c) => c.perf);
  const perfErrors = perf.filter((c) => typeof c.value === 'object').length;
  const errors = cells.filter((c) => typeof c.value === 'object').length;
  const formulaCount = cells.filter((c) => !c.spillFrom).length;
  lines.push(
    zh
      ? `  重算 ${formulaCount} 个公式（PERF 函数 ${perf.length} 个，出错 ${perfErrors} 个；全部结果中错误值 ${errors} 个）。`
      : `  Recalculated ${formulaCount} formulas (${perf.length} PERF, ${perfErrors} with errors; ${errors} error values in all).`,
  );
  return lines.join('\n') + '\n';
}

/** True when a PERF cell evaluated to an error (exit status 1). */
export function hasPerfError(cells: readonly RecalcCell[]): boolean {
  return cells.some((c) => c.perf && typeof c.value === 'object');
}
