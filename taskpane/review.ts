/**
 * The pane's 汇总 tab, independent of React (issue 14): the template (the open workbook, or a
 * picked file), the returned files the reviewer picks (read in the browser with the web page's
 * reader, xlsx/: nothing leaves the machine), each reviewed by the engine as the CLI does, then
 * ranked; the 汇总 / 明细 / 问题 sheets written into the open workbook.
 */
import { existingSheets, readAllSheets, writeReviewSheets } from '../addin/excel/review';
import {
  consolidate,
  prepareTemplate,
  reviewSheets,
  reviewWorkbook,
  unreadableUnit,
  REVIEW_SHEET_NAMES,
  type Consolidation,
  type PreparedTemplate,
  type ReviewSheet,
  type UnitReview,
} from '../engine/index';
import type { ScoringSettings } from '../engine/rules/settings';
import { InputError } from '../xlsx/errors';
import { loadWorkbook } from '../xlsx/load';
import type { PaneHost } from './host';
import type { Lang } from './i18n';

/** A picked file: what the browser's File gives (a name and its bytes). */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ReviewResult {
  consolidation: Consolidation;
  sheets: ReviewSheet[];
}

function reason(err: unknown, lang: Lang): string {
  if (err instanceof InputError) return lang === 'en' ? err.messageEn : err.messageZh;
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

/** The open workbook as the template. */
export async function templateFromWorkbook(
  host: PaneHost,
  scoring: ScoringSettings,
): Promise<PreparedTemplate> {
  const sheets = await host.run((ctx) => readAllSheets(ctx, host.env));
  return prepareTemplate({ sheets }, { scoring });
}

/** A picked file as the template; throws an Error with the reason in the pane's language. */
export async function templateFromFile(
  file: PickedFile,
  scoring: ScoringSettings,
  lang: Lang,
): Promise<PreparedTemplate> {
  try {
    return prepareTemplate(await loadWorkbook(new Uint8Array(await file.arrayBuffer())), { scoring });
  } catch (err) {
    throw new Error(`${file.name}：${reason(err, lang)}`);
  }
}

/** Lets the page draw (the progress) between two files. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Reviews the files one after another; `progress(n, total, name)` before each. An unreadable
 * file becomes a unit with its reason and does not stop the others.
 */
export async function reviewFiles(
  files: readonly PickedFile[],
  template: PreparedTemplate,
  scoring: ScoringSettings,
  lang: Lang,
  progress: (n: number, total: number, name: string) => void,
): Promise<ReviewResult> {
  const units: UnitReview[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    progress(i + 1, files.length, f.name);
    await nextFrame();
    try {
      const wb = await loadWorkbook(new Uint8Array(await f.arrayBuffer()));
      units.push(reviewWorkbook(template, wb, f.name, { lang, scoring }));
    } catch (err) {
      units.push(unreadableUnit(f.name, reason(err, lang)));
    }
  }
  const consolidation = consolidate(units, template.items, scoring.forced);
  return { consolidation, sheets: reviewSheets(consolidation) };
}

/** The review's sheet names the open workbook already has (the pane asks before replacing them). */
export function sheetsInTheWay(host: PaneHost): Promise<string[]> {
  return host.run((ctx) => existingSheets(ctx, REVIEW_SHEET_NAMES));
}

export function writeSheets(
  host: PaneHost,
  sheets: readonly ReviewSheet[],
  replace: boolean,
): Promise<string[]> {
  return host.run((ctx) => writeReviewSheets(ctx, sheets, { replace, env: host.env }));
}
