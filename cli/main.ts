/**
 * `perf-check`: recognises and validates performance-assessment indicator tables in .xlsx files
 * (`validate`), and recalculates the formulas that use PERF functions (`recalc`, cli/recalc.ts).
 *
 * Exit status: 0 no error findings · 1 error findings · 2 unreadable input or usage error.
 * Nothing here ever prints a stack trace: every failure becomes one line on stderr.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ScoredSheet, ScoredTable } from '../engine/index.js';
import type { Table } from '../engine/model.js';
import {
  ANSI,
  PLAIN,
  allFindings,
  humanReport,
  jsonReport,
  overallLine,
  type FileResult,
  type Lang,
  type ReportNames,
  writeJson,
} from './report.js';
import { checkFile, failure, firstLine, type CheckJob, type FileOutcome } from './check-file.js';
import { fileFailure } from './file-error.js';
import { startPool, threadCount } from './pool.js';
import { HELP, parse, SEE_HELP_EN, SEE_HELP_ZH, usage, UsageError, type Options } from './args.js';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  /** Environment for NO_COLOR; process.env when absent. */
  env?: Record<string, string | undefined>;
}

/** One line, both languages: "perf-check: 无法读取 a.xlsx：… (…)". */
function errorLine(io: Io, zh: string, en: string): void {
  io.stderr.write(`perf-check: ${zh} (${en})\n`);
}

export function packageVersion(): string {
  // Works from cli/ (sources, tests) and from dist/cli/ (compiled).
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === 'perf-addin' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here; look one level up
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

type EngineModule = typeof import('../engine/index.js');
type XlsxModule = typeof import('./xlsx.js');
type RecalcModule = typeof import('./recalc.js');

/**
 * The engine and ExcelJS are loaded only when a file is checked: `--help` stays fast and works
 * even when the engine cannot be loaded. (A CommonJS module imported with import() arrives as
 * its namespace in tests and possibly as `default` in compiled code; accept both.)
 */
async function loadModules(): Promise<{ engine: EngineModule; xlsx: XlsxModule }> {
  const e = (await import('../engine/index.js')) as EngineModule & { default?: EngineModule };
  const x = (await import('./xlsx.js')) as XlsxModule & { default?: XlsxModule };
  return {
    engine: typeof e.analyseWorkbook === 'function' ? e : (e.default ?? e),
    xlsx: typeof x.readWorkbookFile === 'function' ? x : (x.default ?? x),
  };
}

async function validate(opts: Options, files: string[], io: Io, scoring = false): Promise<number> {
  const env = io.env ?? process.env;
  const job: CheckJob = {
    sheets: opts.sheets,
    lang: opts.lang,
    score: scoring,
    scoring: opts.scoring ?? null,
  };
  // Many files: worker threads start before the modules load here, so both load at once.
  const threads = opts.out === undefined ? threadCount(files.length, env) : 1;
  const pool = threads > 1 ? startPool(job, threads) : null;
  const { engine, xlsx } = await loadModules();
  const sc = scoring ? await loadScore() : null;
  const results: FileResult[] = [];
  let exit = 0;
  const names: ReportNames = { layouts: engine.LAYOUT_NAMES, roles: engine.ROLE_NAMES };
  const style = io.stdout.isTTY && !env.NO_COLOR ? ANSI : PLAIN;
  const mods = { engine, xlsx };
  // Each file's outcome, in command-line order (also when worker threads check them).
  const report = ({ result, stderr, notice }: FileOutcome): void => {
    if (notice) errorLine(io, notice.zh, notice.en);
    if (stderr) errorLine(io, stderr.zh, stderr.en);
    results.push(result);
    if (result.error) exit = 2;
    else if (exit === 0 && allFindings(result).some((f) => f.severity === 'error')) exit = 1;
    if (!opts.json && !result.error) {
      const extra = sc ? (t: Table) => sc.scoreLines(t as ScoredTable, opts.lang) : undefined;
      io.stdout.write((results.length > 1 ? '\n' : '') + humanReport(result, opts.lang, names, style, extra));
    }
  };
  if (pool) await pool(files, mods, report);
  else
    for (const file of files) {
      let outcome = await checkFile(file, job, mods);
      if (sc && opts.out !== undefined && outcome.result.sheets) {
        const sheets = outcome.result.sheets as ScoredSheet[];
        try {
          const w = await sc.writeScoredWorkbook(
            file,
            opts.out,
            sheets,
            opts.force,
            opts.formulas ?? 'none',
            opts.scoring ?? null,
          );
          if (w.asValues.length > 0) {
            const a = w.asValues[0]!;
            errorLine(
              io,
              `${a.cell}${w.asValues.length > 1 ? ` 等 ${w.asValues.length} 个单元格` : ''}写为数值，未写通用公式（${a.reason}）`,
              `${a.cell}${w.asValues.length > 1 ? ` and ${w.asValues.length - 1} more` : ''} written as values, not native formulas (${a.reasonEn})`,
            );
          }
          if (!opts.json) io.stdout.write(writeSummaryText(w, opts.out, opts.lang));
        } catch (err) {
          outcome =
            err instanceof sc.OutputError
              ? {
                  result: {
                    file,
                    error: { kind: 'output', messageZh: err.messageZh, messageEn: err.messageEn },
                  },
                  stderr: { zh: err.messageZh, en: err.messageEn },
                }
              : failure(file, err, xlsx);
        }
      }
      report(outcome);
    }

  if (opts.json) {
    const doc = jsonReport(results, opts.lang);
    if (sc) {
      // The score JSON: each table gains total/band, each item actual/score/rule.
      doc.files = doc.files.map((f) => {
        const file = f as { tables?: ScoredTable[] };
        return file.tables ? { ...file, tables: file.tables.map((t) => sc.scoredTableJson(t)) } : f;
      });
    }
    writeJson(io.stdout, doc);
  } else if (results.length > 1) io.stdout.write('\n' + overallLine(results, opts.lang));
  return exit;
}

type ScoreModule = typeof import('./score.js');
async function loadScore(): Promise<ScoreModule> {
  const m = (await import('./score.js')) as ScoreModule & { default?: ScoreModule };
  return typeof m.scoredTableJson === 'function' ? m : (m.default ?? m);
}

function writeSummaryText(w: import('./score.js').WriteSummary, out: string, lang: Lang): string {
  const cols = w.columns.map(
    (c) =>
      `${c.sheet}!${c.column}${c.created ? (lang === 'zh' ? '（新增“得分”列）' : ' (new 得分 column)') : ''}`,
  );
  const skipped =
    w.skipped.length === 0
      ? ''
      : lang === 'zh'
        ? `；${w.skipped.length} 个单元格已有内容，未覆盖：${w.skipped.slice(0, 10).join('、')}`
        : `; ${w.skipped.length} cell(s) already hold data and were left alone: ${w.skipped.slice(0, 10).join(', ')}`;
  const asValues = w.asValues.map((a) =>
    lang === 'zh' ? `  ${a.cell} 写为数值：${a.reason}\n` : `  ${a.cell} written as a value: ${a.reasonEn}\n`,
  );
  return (
    (lang === 'zh'
      ? `已写入 ${out}：${w.written} 个得分，写在 ${cols.join('、') || '—'}${skipped}\n`
      : `Wrote ${out}: ${w.written} score(s) in ${cols.join(', ') || '—'}${skipped}\n`) + asValues.join('')
  );
}

async function recalc(opts: Options, files: string[], io: Io): Promise<number> {
  const { xlsx } = await loadModules();
  const r = (await import('./recalc.js')) as RecalcModule & { default?: RecalcModule };
  const rc: RecalcModule = typeof r.recalcWorkbook === 'function' ? r : (r.default ?? r);
  const results: import('./recalc.js').RecalcFileResult[] = [];
  let exit = 0;
  for (const file of files) {
    try {
      const wb = await rc.loadRecalcWorkbook(file);
      const outcome = rc.recalcWorkbook({
        workbook: wb.workbook,
        arrays: wb.arrays,
        names: wb.names,
        lang: opts.lang,
      });
      if (opts.out !== undefined) await rc.writeRecalculated(wb, outcome.writes, file, opts.out, opts.force);
      results.push({ file, cells: outcome.cells });
      if (exit === 0 && rc.hasPerfError(outcome.cells)) exit = 1;
      if (!opts.json) {
        io.stdout.write(
          (results.length > 1 ? '\n' : '') + rc.recalcText({ file, cells: outcome.cells }, opts.lang),
        );
        if (opts.out !== undefined) io.stdout.write(`已写出 ${opts.out} (written ${opts.out})\n`);
      }
    } catch (err) {
      const { error, line } = fileFailure(
        err,
        file,
        { zh: '重算', en: 'recalculating' },
        {
          InputError: xlsx.InputError,
          OutputError: rc.OutputError,
        },
      );
      errorLine(io, line, error.messageEn);
      results.push({ file, error });
      exit = 2;
    }
  }
  if (opts.json) writeJson(io.stdout, rc.recalcJson(results, opts.lang));
  return exit;
}

type ConvertModule = typeof import('./convert.js');

async function convert(opts: Options, files: string[], io: Io): Promise<number> {
  const to = opts.to!;
  const { xlsx } = await loadModules();
  const m = (await import('./convert.js')) as ConvertModule & { default?: ConvertModule };
  const cv: ConvertModule = typeof m.convertFile === 'function' ? m : (m.default ?? m);
  const results: import('./convert.js').ConvertFileResult[] = [];
  let exit = 0;
  for (const file of files) {
    try {
      const r = await cv.convertFile(file, to, opts.out, opts.force, opts.lang);
      results.push(r);
      const left = r.plan!.unconverted;
      if (left.length > 0) {
        if (exit === 0) exit = 1;
        const first = left[0]!;
        const more = left.length > 1 ? ` 等 ${left.length} 个` : '';
        const moreEn = left.length > 1 ? ` and ${left.length - 1} more` : '';
        errorLine(
          io,
          `${file}：${first.sheet}!${first.cell}${more}公式未能转换，保留原公式（${first.reason}）`,
          `${file}: ${first.sheet}!${first.cell}${moreEn} not converted, formula kept (${first.reasonEn})`,
        );
      }
      if (!opts.json) io.stdout.write((results.length > 1 ? '\n' : '') + cv.convertText(r, to, opts.lang));
    } catch (err) {
      const { error, line } = fileFailure(
        err,
        file,
        { zh: '转换', en: 'converting' },
        {
          InputError: xlsx.InputError,
          OutputError: cv.OutputError,
        },
      );
      errorLine(io, line, error.messageEn);
      results.push({ file, error });
      exit = 2;
    }
  }
  if (opts.json) writeJson(io.stdout, cv.convertJson(results, to, opts.lang));
  return exit;
}

/** --out names one .xlsx (.xlsm, .xltx, .xltm) for one input; --force only goes with it. */
function checkOut(opts: Options, files: readonly string[]): void {
  if (opts.out !== undefined) {
    if (files.length > 1) usage('使用 --out 时只能给出一个文件', '--out takes exactly one input file');
    if (!/\.(xlsx|xlsm|xltx|xltm)$/i.test(opts.out))
      usage(
        `--out 应为 .xlsx 文件（或 .xlsm、.xltx、.xltm），而不是「${opts.out}」`,
        `--out must name an .xlsx file (or .xlsm, .xltx, .xltm), not '${opts.out}'`,
      );
  } else if (opts.force) usage('--force 只与 --out 一起使用', '--force only goes with --out');
}

async function run(argv: string[], io: Io): Promise<number> {
  const opts = parse(argv);
  const [command, ...rest] = opts.positionals;
  if (opts.help || command === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  if (opts.version) {
    io.stdout.write(`perf-check ${packageVersion()}\n`);
    return 0;
  }
  if (command === undefined) usage(`缺少命令${SEE_HELP_ZH}`, `missing command${SEE_HELP_EN}`);
  if (opts.to !== undefined && command !== 'convert')
    usage('--to 只用于 convert', '--to is for convert only');
  if (opts.formulas !== undefined) {
    if (command !== 'score') usage('--formulas 只用于 score', '--formulas is for score only');
    if (opts.out === undefined) usage('--formulas 只与 --out 一起使用', '--formulas only goes with --out');
  }
  if (command === 'convert') {
    if (opts.to === undefined)
      usage('convert 需要 --to native 或 --to values', 'convert needs --to native or --to values');
    if (opts.sheets.length > 0) usage('convert 不支持 --sheet', 'convert does not take --sheet');
    if (opts.scoring !== undefined) usage('--options 只用于 score', '--options is for score only');
    if (rest.length === 0) usage(`没有给出要转换的文件${SEE_HELP_ZH}`, `no file given${SEE_HELP_EN}`);
    checkOut(opts, rest);
    return convert(opts, rest, io);
  }
  if (command === 'recalc') {
    if (opts.sheets.length > 0) usage('recalc 不支持 --sheet', 'recalc does not take --sheet');
    if (rest.length === 0) usage(`没有给出要重算的文件${SEE_HELP_ZH}`, `no file given${SEE_HELP_EN}`);
    checkOut(opts, rest);
    return recalc(opts, rest, io);
  }
  if (command === 'review') return reviewCommand(opts, rest, io);
  if (opts.template !== undefined) usage('--template 只用于 review', '--template is for review only');
  if (command === 'score') {
    if (rest.length === 0) usage(`没有给出要评分的文件${SEE_HELP_ZH}`, `no file given${SEE_HELP_EN}`);
    checkOut(opts, rest);
    const { engine } = await loadModules();
    try {
      engine.parseOptionText(opts.scoring ?? null);
    } catch (err) {
      usage(`--options 有误：${firstLine(err)}`, `bad --options: ${firstLine(err)}`);
    }
    return validate(opts, rest, io, true);
  }
  if (opts.scoring !== undefined) usage('--options 只用于 score', '--options is for score only');
  if (opts.out !== undefined || opts.force) {
    usage(
      '--out 和 --force 只用于 score、recalc 和 convert',
      '--out and --force are for score, recalc and convert only',
    );
  }
  if (command !== 'validate') {
    if (/\.(xlsx|xlsm|xls|csv)$/i.test(command)) {
      usage(
        `未知命令「${command}」，检查文件请用 perf-check validate ${command}`,
        `unknown command '${command}'; to check a file use perf-check validate ${command}`,
      );
    }
    usage(`未知命令「${command}」${SEE_HELP_ZH}`, `unknown command '${command}'${SEE_HELP_EN}`);
  }
  if (rest.length === 0) usage(`没有给出要检查的文件${SEE_HELP_ZH}`, `no files given${SEE_HELP_EN}`);
  return validate(opts, rest, io);
}

/** `review`: usage checked here, the work in cli/review.ts. */
async function reviewCommand(opts: Options, files: string[], io: Io): Promise<number> {
  if (opts.template === undefined)
    usage(`review 需要 --template 模板.xlsx${SEE_HELP_ZH}`, `review needs --template T.xlsx${SEE_HELP_EN}`);
  if (files.length === 0)
    usage(`没有给出要审核的回收文件${SEE_HELP_ZH}`, `no returned files given${SEE_HELP_EN}`);
  if (opts.sheets.length > 0) usage('review 不支持 --sheet', 'review does not take --sheet');
  if (opts.out !== undefined && !/\.xlsx$/i.test(opts.out))
    usage(`--out 应为 .xlsx 文件，而不是「${opts.out}」`, `--out must name an .xlsx file, not '${opts.out}'`);
  if (opts.out === undefined && opts.force)
    usage('--force 只与 --out 一起使用', '--force only goes with --out');
  const { engine } = await loadModules();
  try {
    engine.parseOptionText(opts.scoring ?? null);
  } catch (err) {
    usage(`--options 有误：${firstLine(err)}`, `bad --options: ${firstLine(err)}`);
  }
  const m = (await import('./review.js')) as ReviewModule & { default?: ReviewModule };
  const rv: ReviewModule = typeof m.runReview === 'function' ? m : (m.default ?? m);
  return rv.runReview(
    {
      template: opts.template,
      files,
      json: opts.json,
      ...(opts.out !== undefined ? { out: opts.out } : {}),
      force: opts.force,
      lang: opts.lang,
      scoring: opts.scoring ?? null,
    },
    io,
    loadModules,
  );
}
type ReviewModule = typeof import('./review.js');

export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    try {
      if (err instanceof UsageError) errorLine(io, err.zh, err.en);
      else errorLine(io, `内部错误：${firstLine(err)}`, 'internal error');
    } catch {
      // stderr itself is gone; nothing more to say
    }
    return 2;
  }
}
