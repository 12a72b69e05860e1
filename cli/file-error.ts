/**
 * A file that `recalc` or `convert` could not do: the record its `--json` document carries and the
 * one line stderr gets. Both commands go through here so that they report a failure alike. The
 * error classes come in as arguments: cli/main.ts loads the modules that define them only when a
 * file is processed (`--help` stays fast).
 */
import { firstLine } from './check-file.js';
import type { Lang } from './report.js';

export interface FileError {
  /** An input error's kind (xlsx/errors.ts), 'output' (the copy could not be written) or 'internal'. */
  kind: string;
  messageZh: string;
  messageEn: string;
}

interface Bilingual {
  readonly messageZh: string;
  readonly messageEn: string;
}
type ErrorClass<E> = abstract new (...args: never[]) => E;

/**
 * The record and the stderr line for an error thrown while `doing` (e.g. 重算 / recalculating) a
 * file: an unreadable input says so with its kind, a refused output with its reason, anything else
 * is a defect of ours, named as one with the first line of what went wrong.
 */
export function fileFailure(
  err: unknown,
  file: string,
  doing: { zh: string; en: string },
  classes: { InputError: ErrorClass<Bilingual & { kind: string }>; OutputError: ErrorClass<Bilingual> },
): { error: FileError; line: string } {
  if (err instanceof classes.InputError) {
    const error = { kind: err.kind, messageZh: err.messageZh, messageEn: err.messageEn };
    return { error, line: `无法读取 ${file}：${err.messageZh}` };
  }
  if (err instanceof classes.OutputError) {
    const error = { kind: 'output', messageZh: err.messageZh, messageEn: err.messageEn };
    return { error, line: err.messageZh };
  }
  const messageZh = `${doing.zh} ${file} 时出现内部错误：${firstLine(err)}`;
  return {
    error: { kind: 'internal', messageZh, messageEn: `internal error while ${doing.en} ${file}` },
    line: messageZh,
  };
}

/** A failed file in a `--json` document: the message in the report's language, and in English. */
export function fileErrorJson(
  file: string,
  error: FileError,
  lang: Lang,
): { file: string; error: { kind: string; message: string; messageEn: string } } {
  return {
    file,
    error: {
      kind: error.kind,
      message: lang === 'en' ? error.messageEn : error.messageZh,
      messageEn: error.messageEn,
    },
  };
}
