/**
 * An OOXML spreadsheet package (.xlsx, .xlsm, .xltx, .xltm; Transitional or Strict): its parts,
 * relationships, workbook (sheets, states, defined names, date system), styles (number formats,
 * locked cells) and shared strings. Parts are inflated only when read. No Node or DOM APIs.
 */
import { ZipError, inflateEntry, readZipDirectory, type ZipEntry } from './zip.js';
import { decodeEscapes, readSharedStrings } from './strings.js';
import { attr, decodeXml, isTrue, parseXml } from './xml.js';

export { decodeEscapes };

export interface Relationship {
  id: string;
  /** The last segment of the type URI ("worksheet", "sharedStrings", …): Transitional and Strict alike. */
  type: string;
  /** The part the target names, as a path inside the package without a leading "/"; null if external. */
  target: string | null;
}

export interface SheetInfo {
  name: string;
  sheetId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Path of the worksheet part. */
  path: string;
}

export interface DefinedNameInfo {
  name: string;
  /** Index into the workbook's sheets when the name is local to one. */
  localSheetId?: number;
  hidden: boolean;
  formula: string;
}

export interface Styles {
  /** Number format code per cell style (cellXfs index); undefined = General / none. */
  numFmt: (string | undefined)[];
  /** False where a cell style unlocks its cells (protection locked="0"). */
  locked: boolean[];
  /** A solid fill's colour ("#RRGGBB") per cell style, where it has one (the preview shows it). */
  fill: (string | undefined)[];
}

/** Excel's built-in number formats, as ExcelJS names them (ids without a code are local). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A date/time format: date letters outside quotes and brackets (as ExcelJS decides). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Joins a relative target to the folder of the part that names it; "/x" is from the root. */
export function resolveTarget(fromPart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    // keep as written
  }
  const parts = t.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export class XlsxPackage {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLower = new Map<string, ZipEntry>();
  private readonly cache = new Map<string, Uint8Array>();
  readonly workbookPath: string;
  readonly sheets: SheetInfo[] = [];
  readonly definedNames: DefinedNameInfo[] = [];
  date1904 = false;
  private workbookRels: Relationship[] = [];

  /** Throws ZipError or XmlError; load.ts turns both into an InputError. */
  constructor(readonly bytes: Uint8Array) {
    this.entries = readZipDirectory(bytes);
    for (const e of this.entries) {
      this.byName.set(e.name, e);
      this.byLower.set(e.name.toLowerCase(), e);
    }
    const root = this.rels('');
    this.workbookPath =
      root.find((r) => r.type === 'officeDocument' && r.target && this.has(r.target))?.target ??
      (this.has('xl/workbook.xml') ? 'xl/workbook.xml' : '');
    if (this.workbookPath) this.readWorkbook();
  }

  entry(path: string): ZipEntry | undefined {
    return this.byName.get(path) ?? this.byLower.get(path.toLowerCase());
  }

  has(path: string): boolean {
    return this.entry(path) !== undefined;
  }

  /** The inflated bytes of a part (cached). Throws ZipError when missing or damaged. */
  bytesOf(path: string): Uint8Array {
    const e = this.entry(path);
    if (!e) throw new ZipError('corrupt');
    let b = this.cache.get(e.name);
    if (!b) {
      b = inflateEntry(this.bytes, e);
      this.cache.set(e.name, b);
    }
    return b;
  }

  text(path: string): string {
    return decodeXml(this.bytesOf(path));
  }

  /** The relationships of a part ('' for the package's own). A missing .rels part has none. */
  rels(part: string): Relationship[] {
    const path = part === '' ? '_rels/.rels' : relsPathOf(part);
    if (!this.has(path)) return [];
    const out: Relationship[] = [];
    parseXml(this.text(path), {
      open: (name, a) => {
        if (name !== 'Relationship') return;
        const target = a.Target ?? '';
        const type = (a.Type ?? '').split('/').pop() ?? '';
        const external = a.TargetMode === 'External';
        out.push({ id: a.Id ?? '', type, target: external ? null : resolveTarget(part, target) });
      },
    });
    return out;
  }

  relsOfWorkbook(): Relationship[] {
    return this.workbookRels;
  }

  private readWorkbook(): void {
    this.workbookRels = this.rels(this.workbookPath);
    const byId = new Map(this.workbookRels.map((r) => [r.id, r]));
    let name: DefinedNameInfo | null = null;
    parseXml(this.text(this.workbookPath), {
      open: (el, a) => {
        if (el === 'sheet') {
          const rel = byId.get(attr(a, 'id') ?? '');
          // Chart sheets, dialog and macro sheets hold no cells the engine reads.
          if (!rel || rel.type !== 'worksheet' || !rel.target || !this.has(rel.target)) return;
          const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
          this.sheets.push({ name: a.name ?? '', sheetId: a.sheetId ?? '', state, path: rel.target });
        } else if (el === 'workbookPr') {
          this.date1904 = isTrue(a.date1904);
        } else if (el === 'definedName') {
          const local = a.localSheetId;
          name = { name: a.name ?? '', hidden: isTrue(a.hidden), formula: '' };
          if (local !== undefined && /^\d+$/.test(local)) name.localSheetId = Number(local);
        }
      },
      text: (t) => {
        if (name) name.formula += t;
      },
      close: (el) => {
        if (el === 'definedName' && name) {
          this.definedNames.push(name);
          name = null;
        }
      },
    });
  }

  /**
   * What the workbook part's content type says: macro-enabled (.xlsm, .xltm) and/or a template
   * (.xltx, .xltm). A copy must keep the extension that matches, or Excel refuses to open it.
   */
  kind(): { macro: boolean; template: boolean } {
    let type = '';
    if (this.has('[Content_Types].xml')) {
      const want = `/${this.workbookPath}`.toLowerCase();
      parseXml(this.text('[Content_Types].xml'), {
        open: (el, a) => {
          if (el === 'Override' && (a.PartName ?? '').toLowerCase() === want) type = a.ContentType ?? '';
        },
      });
    }
    return { macro: /macroEnabled/i.test(type), template: /template/i.test(type) };
  }

  /** The part a workbook relationship of this type points to, if any. */
  workbookPart(type: string): string | null {
    const r = this.workbookRels.find((x) => x.type === type && x.target && this.has(x.target));
    return r?.target ?? null;
  }

  private stylesCache: Styles | null = null;
  styles(): Styles {
    if (this.stylesCache) return this.stylesCache;
    const out: Styles = { numFmt: [], locked: [], fill: [] };
    const path = this.workbookPart('styles');
    if (path) {
      const custom = new Map<number, string>();
      const stack: string[] = [];
      let xf = -1;
      const fills: (string | undefined)[] = [];
      const xfFill: number[] = [];
      let solid = false;
      parseXml(this.text(path), {
        open: (el, a, selfClosing) => {
          const parent = stack[stack.length - 1];
          if (el === 'numFmt' && parent === 'numFmts') {
            custom.set(Number(a.numFmtId), a.formatCode ?? '');
          } else if (el === 'xf' && parent === 'cellXfs') {
            const id = parseInt(a.numFmtId ?? '0', 10);
            xf = out.numFmt.length;
            out.numFmt.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined);
            out.locked.push(true);
            xfFill.push(parseInt(a.fillId ?? '0', 10) || 0);
          } else if (el === 'fill' && parent === 'fills') {
            fills.push(undefined);
          } else if (el === 'patternFill' && parent === 'fill') {
            solid = a.patternType === 'solid';
          } else if (
            el === 'fgColor' &&
            parent === 'patternFill' &&
            solid &&
            /^[0-9a-f]{8}$/i.test(a.rgb ?? '')
          ) {
            fills[fills.length - 1] = `#${a.rgb!.slice(2).toUpperCase()}`;
          } else if (el === 'protection' && parent === 'xf' && stack[stack.length - 2] === 'cellXfs') {
            if (a.locked === '0' || a.locked === 'false') out.locked[xf] = false;
          }
          if (!selfClosing) stack.push(el);
        },
        close: (el) => {
          if (stack[stack.length - 1] === el) stack.pop();
        },
      });
      out.fill = xfFill.map((f) => fills[f]);
    }
    this.stylesCache = out;
    return out;
  }

  private stringsCache: string[] | null = null;
  /** Shared strings as plain text: rich-text runs joined, phonetic runs left out. */
  sharedStrings(): string[] {
    if (this.stringsCache) return this.stringsCache;
    const path = this.workbookPart('sharedStrings');
    const out = path ? readSharedStrings(this.text(path)) : [];
    this.stringsCache = out;
    return out;
  }
}
