/**
 * Checking one file of `validate` / `score`: read, select sheets, analyse or score, and turn any
 * failure into the same result and stderr line the CLI has always printed. Shared by the main
 * thread and the worker threads of a batch (cli/pool.ts), so both report a file identically.
 */
import type { Workbook } from '../engine/grid.js';
import type { PreparedTemplate, ScoringSettings, UnitReview } from '../engine/index.js';
import type { FileResult, Lang } from './report.js';

/** What a batch needs to check files: plain data, sent to worker threads as is. */
export interface CheckJob {
  sheets: string[];
  lang: Lang;
  /** Score as well (`perf-check score`), with this `--options` text. */
  score: boolean;
  scoring: string | null;
  /** `perf-check review`: compare each file with this template and sum it up as a unit. */
  review?: { template: string } | null;
}

/** The result of one file, and the line to print on stderr when it failed. */
export interface FileOutcome {
  result: FileResult;
  stderr?: { zh: string; en: string };
  /** A line for stderr that is not a failure of the file (it was checked, differently than planned). */
  notice?: { zh: string; en: string };
  /** `review`: the file as a unit (an unreadable file too, with its reason). */
  review?: UnitReview;
}

export type EngineModule = typeof import('../engine/index.js');
export type XlsxModule = typeof import('./xlsx.js');

/** `--sheet NAME` naming a sheet the workbook does not have. */
export class SheetNotFoundError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export function selectSheets(workbook: Workbook, wanted: readonly string[], file: string): Workbook {
  if (wanted.length === 0) return workbook;
  const names = workbook.sheets.map((s) => s.name);
  const missing = wanted.filter((w) => !names.includes(w));
  if (missing.length > 0) {
    const list = names.map((n) => `「${n}」`).join('、');
    const listEn = names.map((n) => `'${n}'`).join(', ');
    throw new SheetNotFoundError(
      `${file} 中没有名为「${missing.join('」「')}」的工作表；现有工作表：${list}`,
      `${file} has no sheet named '${missing.join("', '")}'; its sheets are ${listEn}`,
    );
  }
  return { sheets: workbook.sheets.filter((s) => wanted.includes(s.name)) };
}

export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

/** Reads and checks one file. Never throws: failures are outcomes. */
export async function checkFile(
  file: string,
  job: CheckJob,
  mods: { engine: EngineModule; xlsx: XlsxModule },
): Promise<FileOutcome> {
  const { engine, xlsx } = mods;
  if (job.review) return reviewFile(file, job, mods);
  try {
    const workbook = selectSheets(await xlsx.readWorkbookFile(file), job.sheets, file);
    const scoring = job.score ? engine.parseOptionText(job.scoring) : null;
    const sheets = scoring
      ? workbook.sheets.map((sh) => engine.scoreSheet(sh, { lang: job.lang, scoring }))
      : engine.analyseWorkbook(workbook, { lang: job.lang });
    return { result: { file, sheets } };
  } catch (err) {
    return failure(file, err, xlsx);
  }
}

/** The result and stderr line of a file that could not be checked. */
export function failure(file: string, err: unknown, xlsx: XlsxModule): FileOutcome {
  if (err instanceof xlsx.InputError)
    return {
      result: { file, error: { kind: err.kind, messageZh: err.messageZh, messageEn: err.messageEn } },
      stderr: { zh: `无法读取 ${file}：${err.messageZh}`, en: err.messageEn },
    };
  if (err instanceof xlsx.ReaderDefect)
    return {
      result: { file, error: { kind: 'internal', messageZh: err.messageZh, messageEn: err.messageEn } },
      stderr: {
        zh: `检查 ${file} 时出现内部错误：${err.messageZh}`,
        en: `internal error while checking ${file}: ${err.messageEn}`,
      },
    };
  if (err instanceof SheetNotFoundError)
    return {
      result: { file, error: { kind: 'sheet-not-found', messageZh: err.zh, messageEn: err.en } },
      stderr: { zh: err.zh, en: err.en },
    };
  const detail = firstLine(err);
  return {
    result: {
      file,
      error: { kind: 'internal', messageZh: `内部错误：${detail}`, messageEn: `internal error: ${detail}` },
    },
    stderr: { zh: `检查 ${file} 时出现内部错误：${detail}`, en: `internal error while checking ${file}` },
  };
}

/** The template of a review, read and recognised once per thread. */
const templates = new Map<string, Promise<PreparedTemplate>>();

/** Reads and recognises the review's template (once per thread). Throws InputError. */
export function loadTemplate(
  job: CheckJob,
  mods: { engine: EngineModule; xlsx: XlsxModule },
): Promise<PreparedTemplate> {
  const path = job.review!.template;
  let t = templates.get(path);
  if (!t) {
    t = mods.xlsx.readWorkbookFile(path).then((wb) =>
      mods.engine.prepareTemplate(wb, {
        lang: job.lang,
        scoring: mods.engine.parseOptionText(job.scoring),
      }),
    );
    templates.set(path, t);
  }
  return t;
}

/**
 * The options of a review's workbooks: one object per settings text and language, so that the
 * engine parses the settings and resolves the options once, not once per workbook.
 */
const reviewOptionsCache = new Map<string, { lang: CheckJob['lang']; scoring: ScoringSettings }>();
function reviewOptions(
  job: CheckJob,
  engine: EngineModule,
): { lang: CheckJob['lang']; scoring: ScoringSettings } {
  const key = `${job.lang}\u0000${job.scoring ?? ''}`;
  let o = reviewOptionsCache.get(key);
  if (!o) reviewOptionsCache.set(key, (o = { lang: job.lang, scoring: engine.parseOptionText(job.scoring) }));
  return o;
}

/** One returned workbook of `review`: a unit, or an unreadable file with its one-line reason. */
async function reviewFile(
  file: string,
  job: CheckJob,
  mods: { engine: EngineModule; xlsx: XlsxModule },
): Promise<FileOutcome> {
  const { engine, xlsx } = mods;
  try {
    const template = await loadTemplate(job, mods);
    const workbook = await xlsx.readWorkbookFile(file);
    const review = engine.reviewWorkbook(template, workbook, file, reviewOptions(job, engine));
    return { result: { file, sheets: [] }, review };
  } catch (err) {
    const outcome = failure(file, err, xlsx);
    const e = outcome.result.error!;
    const reason = job.lang === 'en' ? e.messageEn : e.messageZh;
    return { ...outcome, review: engine.unreadableUnit(file, reason) };
  }
}
