/**
 * Hand-made OOXML packages for the reader and writer tests: the XML a producer would write,
 * zipped with fflate. `minimalParts` gives a one-sheet workbook to start from.
 */
import { strToU8, zipSync } from 'fflate';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export type Parts = Record<string, string | Uint8Array>;

export function zipParts(parts: Parts): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(files, { level: 6 });
}

export interface SheetSpec {
  name: string;
  /** The worksheet XML's children (sheetData and what follows it). */
  body: string;
  state?: 'hidden' | 'veryHidden';
}

/** A workbook of worksheets, with optional shared strings, styles and extra workbook XML. */
export function workbookParts(
  sheets: SheetSpec[],
  opts: {
    strings?: string[] | string;
    styles?: string;
    workbookPr?: string;
    definedNames?: string;
    strict?: boolean;
    absoluteTargets?: boolean;
    extraParts?: Parts;
    extraWorkbookRels?: string;
    extraSheetTags?: string;
    contentTypeMain?: string;
  } = {},
): Parts {
  const main = opts.strict ? STRICT_MAIN : MAIN;
  const rel = opts.strict ? STRICT_REL : `${REL}`;
  const relType = (t: string): string => (opts.strict ? `${STRICT_REL}/${t}` : `${REL}/${t}`);
  const target = (t: string): string => (opts.absoluteTargets ? `/xl/${t}` : t);
  const ct =
    opts.contentTypeMain ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const parts: Parts = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}"/>` +
      sheets
        .map(
          (_s, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType('officeDocument')}" Target="${opts.absoluteTargets ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${main}" xmlns:r="${rel}">` +
      (opts.workbookPr ?? '<workbookPr/>') +
      '<sheets>' +
      sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
        )
        .join('') +
      (opts.extraSheetTags ?? '') +
      '</sheets>' +
      (opts.definedNames ? `<definedNames>${opts.definedNames}</definedNames>` : '') +
      '<calcPr calcId="191029"/></workbook>',
  };
  let rels = sheets
    .map(
      (_s, i) =>
        `<Relationship Id="rId${i + 1}" Type="${relType('worksheet')}" Target="${target(`worksheets/sheet${i + 1}.xml`)}"/>`,
    )
    .join('');
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${main}" xmlns:r="${rel}">${s.body}</worksheet>`;
  });
  if (opts.strings !== undefined) {
    const body =
      typeof opts.strings === 'string'
        ? opts.strings
        : opts.strings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('');
    parts['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">${body}</sst>`;
    rels += `<Relationship Id="rIdS" Type="${relType('sharedStrings')}" Target="${target('sharedStrings.xml')}"/>`;
  }
  if (opts.styles !== undefined) {
    parts['xl/styles.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}">${opts.styles}</styleSheet>`;
    rels += `<Relationship Id="rIdT" Type="${relType('styles')}" Target="${target('styles.xml')}"/>`;
  }
  rels += opts.extraWorkbookRels ?? '';
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
  return { ...parts, ...(opts.extraParts ?? {}) };
}
