/**
 * `perf-check review --template T.xlsx [--json] [--out 汇总.xlsx] [--options …] RETURNED...`
 * (issue 14): each returned workbook is read, compared with the template, scored and summed up as
 * a unit on the worker threads of `validate` (cli/pool.ts); the units are then ranked and
 * distributed here (engine/review/). `--out` writes the 汇总 / 明细 / 问题 workbook with the
 * project's own writer (xlsx/new-workbook.ts).
 *
 * Exit status: 0 every file read and no error finding, 1 otherwise, 2 usage error, unreadable
 * template, or no returned file readable.
 */
import path from 'node:path';
import type { Consolidation, RankedUnit, UnitReview } from '../engine/index.js';
import { newWorkbook } from '../xlsx/new-workbook.js';
import { checkFile, loadTemplate, type CheckJob, type EngineModule, type XlsxModule } from './check-file.js';
import { OutputError, writeBytesAtomically } from './output.js';
import { startPool, threadCount } from './pool.js';
import { writeJson, type Lang } from './report.js';

export interface ReviewArgs {
  template: string;
  files: string[];
  json: boolean;
  out?: string;
  force: boolean;
  lang: Lang;
  /** `--options` text (scoring settings and the forced distribution). */
  scoring: string | null;
}

interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  env?: Record<string, string | undefined>;
}

/** The JSON the issue fixes: one object, one entry per file in command-line order. */
export function reviewJson(template: string, c: Consolidation): unknown {
  return {
    template,
    units: c.units.map((u) => ({
      file: u.file,
      unit: u.unit,
      total: u.total,
      outOf: u.outOf,
      band: u.band,
      rank: u.rank,
      quotaBand: u.quotaBand,
      veto: u.veto,
      vetoExcellence: u.vetoExcellence,
      changes: u.changes.map((f) => ({
        code: f.code,
        sheet: f.sheet,
        cell: f.cell,
        template: String(f.data.template ?? ''),
        returned: String(f.data.returned ?? ''),
        message: f.message,
      })),
      findings: u.findings,
      error: u.error,
    })),
    distribution: c.distribution,
    matrix: {
      items: c.matrix.items.map((i) => ({ path: i.path, name: i.name, points: i.points, added: i.added })),
      scores: c.matrix.scores,
    },
  };
}

const show = (n: number | null): string => (n === null ? '—' : String(n));

/** The report a reviewer reads in the terminal. */
export function reviewText(template: string, c: Consolidation, lang: Lang): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  lines.push(
    zh
      ? `审核 ${c.units.length} 个回收文件（模板 ${template}）`
      : `Reviewed ${c.units.length} returned file(s) against ${template}`,
  );
  lines.push(
    zh ? '排名  单位  总分  等次  强制分布等次  模板改动' : 'rank  unit  total  band  quota band  changes',
  );
  const order = [...c.units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  for (const u of order) {
    if (u.error !== null) continue;
    const why = u.veto
      ? zh
        ? '（一票否决，不参与排名）'
        : ' (one-vote veto: not ranked)'
      : u.total === null
        ? zh
          ? '（没有总分，不参与排名）'
          : ' (no total: not ranked)'
        : '';
    lines.push(
      `${u.rank ?? '—'}  ${u.unit}  ${show(u.total)}  ${u.band ?? '—'}  ${u.quotaBand ?? '—'}  ${u.changes.length}${why}`,
    );
  }
  for (const u of c.units)
    if (u.error !== null)
      lines.push(zh ? `无法读取 ${u.file}：${u.error}` : `Cannot read ${u.file}: ${u.error}`);
  const d = c.distribution;
  const pct = d.labels.map((l, i) => `${l} ${d.quotas[i]}%`).join(' / ');
  lines.push(
    zh
      ? `强制分布（${pct}，${d.ranked} 个单位，${d.rounding}，ties=${d.tiePolicy}）：名额 ${d.counts.join(' / ')}，实际 ${d.assigned.join(' / ')}`
      : `Forced distribution (${pct}, ${d.ranked} unit(s), ${d.rounding}, ties=${d.tiePolicy}): quota ${d.counts.join(' / ')}, given ${d.assigned.join(' / ')}`,
  );
  for (const t of d.ties)
    lines.push(
      zh
        ? `同分跨界：${t.units.join('、')}（${t.total} 分，第 ${t.positions[0]}–${t.positions[1]} 位）跨越 ${t.above}/${t.below} 分界，均评为 ${t.band}`
        : `Tie across a cut-off: ${t.units.join(', ')} (${t.total}, places ${t.positions[0]}–${t.positions[1]}) straddle ${t.above}/${t.below}; all given ${t.band}`,
    );
  const changed = c.units.filter((u) => u.changes.length > 0);
  if (changed.length > 0) {
    lines.push(zh ? '与模板不一致：' : 'Changed from the template:');
    for (const u of changed)
      for (const f of u.changes) lines.push(`  ${u.unit}  ${f.sheet}!${f.cell ?? ''}  ${f.message}`);
  }
  return lines.join('\n') + '\n';
}

/** Runs the review; returns the exit status. Usage was checked by the caller (cli/main.ts). */
export async function runReview(
  args: ReviewArgs,
  io: Io,
  load: () => Promise<{ engine: EngineModule; xlsx: XlsxModule }>,
): Promise<number> {
  const env = io.env ?? process.env;
  const job: CheckJob = {
    sheets: [],
    lang: args.lang,
    score: true,
    scoring: args.scoring,
    review: { template: args.template },
  };
  const threads = threadCount(args.files.length, env);
  const pool = threads > 1 ? startPool(job, threads) : null;
  const mods = await load();
  const { engine } = mods;
  const settings = engine.parseOptionText(args.scoring);
  let template;
  try {
    template = await loadTemplate(job, mods);
  } catch (err) {
    const e = err instanceof mods.xlsx.InputError ? err : null;
    io.stderr.write(
      `perf-check: 无法读取模板 ${args.template}：${e?.messageZh ?? String(err)} (cannot read the template: ${e?.messageEn ?? ''})\n`,
    );
    if (pool) await pool([], mods, () => undefined);
    return 2;
  }
  const units: UnitReview[] = [];
  const collect = (o: { review?: UnitReview; stderr?: { zh: string; en: string } }): void => {
    if (o.stderr) io.stderr.write(`perf-check: ${o.stderr.zh} (${o.stderr.en})\n`);
    if (o.review) units.push(o.review);
  };
  if (pool) await pool(args.files, mods, collect);
  else for (const f of args.files) collect(await checkFile(f, job, mods));

  const c = engine.consolidate(units, template.items, settings.forced);
  let exit = 0;
  if (c.units.every((u) => u.error !== null)) exit = 2;
  else if (c.units.some((u) => u.error !== null || hasError(u))) exit = 1;

  if (args.out !== undefined) {
    const out = args.out;
    try {
      if (args.files.some((f) => path.resolve(f) === path.resolve(out)))
        throw new OutputError(
          `输出文件 ${out} 是一个回收文件，不能覆盖`,
          `${out} is one of the returned files`,
        );
      const sheets = engine.reviewSheets(c);
      await writeBytesAtomically(() => newWorkbook(sheets), args.template, out, args.force);
      if (!args.json) io.stdout.write(`已写出 ${out} (written ${out})\n`);
    } catch (err) {
      if (!(err instanceof OutputError)) throw err;
      io.stderr.write(`perf-check: ${err.messageZh} (${err.messageEn})\n`);
      exit = 2;
    }
  }
  if (args.json) writeJson(io.stdout, reviewJson(args.template, c));
  else io.stdout.write(reviewText(args.template, c, args.lang));
  return exit;
}

function hasError(u: RankedUnit): boolean {
  return u.findings.some((f) => f.severity === 'error') || u.changes.some((f) => f.severity === 'error');
}
