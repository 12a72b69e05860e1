/**
 * A new workbook from rows of values (the reviewer's 汇总 workbook, issue 14): one part per sheet,
 * strings inline, the first row bold and frozen, column widths as given. The zip is written by
 * zip.ts, the same code that writes the copies of `score --out`; nothing else is needed to write
 * a plain .xlsx (no ExcelJS in the product).
 */
import { columnName } from './sheet.js';
import { escapeXml } from './xml.js';
import { rewriteZip } from './zip.js';

export type NewCell = string | number | boolean | null;

export interface NewSheet {
  name: string;
  rows: readonly (readonly NewCell[])[];
  /** Widths of columns A, B, … in characters; columns past the list take Excel's default. */
  widths?: readonly number[];
  /** Rows (0-based) to show in bold besides the first. */
  boldRows?: readonly number[];
}

const enc = new TextEncoder();
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot hold (control characters other than tab and line breaks). */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeXml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

/** Sheet names Excel accepts: at most 31 characters, none of []:*?/\ . */
export function safeSheetName(name: string): string {
  const s = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  return s === '' ? 'Sheet' : s;
}

function cellXml(ref: string, v: NewCell, bold: boolean): string {
  const s = bold ? ' s="1"' : '';
  if (v === null || v === '') return bold ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'number')
    return Number.isFinite(v)
      ? `<c r="${ref}"${s}><v>${v}</v></c>`
      : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${clean(v)}</t></is></c>`;
}

function sheetXml(sheet: NewSheet): string {
  const bold = new Set([0, ...(sheet.boldRows ?? [])]);
  const width = sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const cols = (sheet.widths ?? [])
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const rows = sheet.rows
    .map((r, i) => {
      const cells = r.map((v, c) => cellXml(`${columnName(c)}${i + 1}`, v, bold.has(i))).join('');
      return cells === '' ? '' : `<row r="${i + 1}">${cells}</row>`;
    })
    .join('');
  const dim = width > 0 && sheet.rows.length > 0 ? `A1:${columnName(width - 1)}${sheet.rows.length}` : 'A1';
  return (
    XML_HEAD +
    `<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><dimension ref="${dim}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData></worksheet>`
  );
}

const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The bytes of a new .xlsx holding `sheets` in order. Sheet names must be distinct. */
export function newWorkbook(sheets: readonly NewSheet[]): Uint8Array {
  const names = sheets.map((s) => safeSheetName(s.name));
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length)
    throw new Error(`sheet names repeat: ${names.join(', ')}`);
  const parts = new Map<string, Uint8Array>();
  const put = (name: string, xml: string): void => {
    parts.set(name, enc.encode(xml));
  };
  put(
    '[Content_Types].xml',
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      names
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
  );
  put(
    '_rels/.rels',
    XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  );
  put(
    'xl/workbook.xml',
    XML_HEAD +
      `<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
      names.map((n, i) => `<sheet name="${clean(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  put(
    'xl/_rels/workbook.xml.rels',
    XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      '</Relationships>',
  );
  put('xl/styles.xml', STYLES);
  sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)));
  return rewriteZip(new Uint8Array(0), [], new Map(), parts);
}
