/**
 * What can be wrong with a workbook file, in both languages. Shared by the CLI (files on disk)
 * and the task pane's preview host (files chosen in the browser).
 */
export type InputErrorKind =
  | 'not-found' // no such file
  | 'permission' // cannot be opened for reading
  | 'not-a-file' // a directory or something else that is not a regular file
  | 'empty' // 0 bytes
  | 'legacy-xls' // OLE compound document: .xls (or another pre-2007 Office file)
  | 'encrypted' // OLE compound document holding an EncryptedPackage: password-protected .xlsx
  | 'text' // CSV, plain text, HTML or XML saved with an .xlsx name
  | 'invalid' // not a zip, or a zip that is not a workbook
  | 'corrupt' // a zip that cannot be read to the end (truncated, damaged)
  | 'too-large' // inflates beyond the cap (zip bomb) or too big to read with bounded memory
  | 'read-failed'; // any other I/O error

/** An input the CLI cannot read. `message` carries both languages. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly kind: InputErrorKind,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} (${messageEn})`);
  }
}

/**
 * The reader failed on a file it opened: a defect of this tool (a conversion bug), not damage in
 * the user's file. Kept apart from InputError so that nobody is told their file is corrupt when
 * the fault is ours; the message says so and asks for the file to be reported.
 */
export class ReaderDefect extends Error {
  override readonly name = 'ReaderDefect';
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(readonly detail: string) {
    const zh = `读取文件时本工具出错（这是程序的缺陷，不是文件损坏：${detail}），请把文件发给开发者`;
    const en = `the reader failed on this file (a defect of this tool, not damage in the file: ${detail}); please report it with the file`;
    super(`${zh} (${en})`);
    this.messageZh = zh;
    this.messageEn = en;
  }
}
