/**
 * `perf-check convert --to native|values [--out FILE] FILE…`: every formula that calls a PERF
 * function (also as Excel saves them without the add-in, `_xldudf_PERF_<id>(…)`) becomes its
 * native formula — one that Excel 2010+, WPS and LibreOffice calculate without the add-in — or
 * its value; `--out` writes the copy with the surgical writer (only those cells change; calcChain
 * is dropped, Excel recalculates on open). A formula that cannot be converted stays as it was and
 * is listed with the reason, naming the cell; the exit status is then 1.
 */
import { fileErrorJson, type FileError } from './file-error.js';
import type { Lang } from './report.js';
import { planConversion, type ConversionPlan, type ConvertTarget } from './convert/plan.js';
import { checkOutputKind, refuseLegacyOutput, writeBytesAtomically } from './output.js';
import { loadRecalcWorkbook, recalcWorkbook } from './recalc.js';
import { patchPackage } from '../xlsx/write.js';

export { OutputError } from './output.js';
export type { ConvertTarget } from './convert/plan.js';

export interface ConvertFileResult {
  file: string;
  plan?: ConversionPlan;
  written?: string;
  error?: FileError;
}

/** Converts one file; writes `out` when given. Throws InputError / OutputError. */
export async function convertFile(
  file: string,
  to: ConvertTarget,
  out: string | undefined,
  force: boolean,
  lang: Lang,
): Promise<ConvertFileResult> {
  const wb = await loadRecalcWorkbook(file);
  const outcome = recalcWorkbook({ workbook: wb.workbook, arrays: wb.arrays, names: wb.names, lang });
  const plan = planConversion(wb.workbook, outcome.cells, to);
  if (out === undefined) return { file, plan };
  const pkg = wb.pkg ?? refuseLegacyOutput(file);
  checkOutputKind(pkg.kind(), out);
  await writeBytesAtomically(() => patchPackage(pkg, plan.edits), file, out, force);
  return { file, plan, written: out };
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function shown(v: unknown): string {
  if (v !== null && typeof v === 'object' && 'error' in v) return String((v as { error: unknown }).error);
  return String(v);
}

/** The text report of one file. */
export function convertText(r: ConvertFileResult, to: ConvertTarget, lang: Lang): string {
  const zh = lang === 'zh';
  const lines = [zh ? `文件：${r.file}` : `File: ${r.file}`];
  const plan = r.plan!;
  for (const c of plan.converted) {
    const now = c.to !== null ? clip(c.to, 72) : shown(c.value);
    lines.push(`  ${c.sheet}!${c.cell}  ${clip(c.formula, 48)}  →  ${now}`);
  }
  const what = to === 'native' ? (zh ? '通用公式' : 'native formulas') : zh ? '数值' : 'values';
  if (plan.converted.length === 0 && plan.unconverted.length === 0)
    lines.push(zh ? '  没有使用 PERF 函数的公式' : '  no formula uses a PERF function');
  else
    lines.push(
      zh
        ? `  已转换为${what}：${plan.converted.length} 个公式；未转换：${plan.unconverted.length} 个`
        : `  Converted to ${what}: ${plan.converted.length} formula(s); not converted: ${plan.unconverted.length}`,
    );
  for (const u of plan.unconverted)
    lines.push(
      zh
        ? `  未转换 ${u.sheet}!${u.cell}  ${clip(u.formula, 48)}：${u.reason}（保留原公式）`
        : `  Not converted ${u.sheet}!${u.cell}  ${clip(u.formula, 48)}: ${u.reasonEn} (formula kept)`,
    );
  if (r.written) lines.push(zh ? `  已写出 ${r.written}` : `  Wrote ${r.written}`);
  else if (plan.converted.length > 0)
    lines.push(zh ? '  （未指定 --out，没有写出文件）' : '  (no --out: nothing written)');
  return lines.join('\n') + '\n';
}

/** The `--json` document. */
export function convertJson(results: readonly ConvertFileResult[], to: ConvertTarget, lang: Lang): unknown {
  return {
    to,
    files: results.map((r) =>
      r.error
        ? fileErrorJson(r.file, r.error, lang)
        : {
            file: r.file,
            written: r.written ?? null,
            converted: r.plan!.converted,
            unconverted: r.plan!.unconverted.map((u) => ({
              sheet: u.sheet,
              cell: u.cell,
              formula: u.formula,
              reason: lang === 'en' ? u.reasonEn : u.reason,
            })),
          },
    ),
  };
}
