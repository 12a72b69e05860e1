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
