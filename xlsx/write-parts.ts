/**
 * The package parts besides the sheets that the surgical writer may have to touch, each patched
 * as text in place (everything around the change copied as it was):
 *  - the shared strings: new strings appended (an existing plain entry reused), counts kept honest;
 *  - styles.xml: a copy of a cell style with the General number format, added only when a number
 *    would otherwise show in a percent or date format (a score of 10 shown as 1000% or 1900-01-10);
 *  - calcChain: dropped with its relationship and content-type override when formulas change
 *    (Excel rebuilds it; a chain naming a cell that no longer holds a formula makes it repair the file);
 *  - workbook.xml: calcPr fullCalcOnLoad.
 */
import { isDateFormat } from './package.js';
import { escapeXml } from './xml.js';

/** XML cannot hold most control characters: OOXML writes them as _xHHHH_ (and "_x" itself escaped). */
export function escapeText(s: string): string {
  const esc = s.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(
    // eslint-disable-next-line no-control-regex -- exactly the characters XML cannot hold
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return escapeXml(esc);
}

/** A <t> element, with xml:space="preserve" when the text starts or ends with white space. */
export function tText(p: string, s: string): string {
  const space = /^\s|\s$/.test(s) ? ' xml:space="preserve"' : '';
  return `<${p}t${space}>${escapeText(s)}</${p}t>`;
}

/** Sets (or adds) an attribute in the attribute text of an open tag. */
function setAttr(attrs: string, name: string, value: string): string {
  const rx = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  return rx.test(attrs) ? attrs.replace(rx, `$1"${value}"`) : `${attrs} ${name}="${value}"`;
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) =>
    e === 'lt'
      ? '<'
      : e === 'gt'
        ? '>'
        : e === 'amp'
          ? '&'
          : e === 'quot'
            ? '"'
            : e === 'apos'
              ? "'"
              : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

/**
 * The shared strings part, appended to. An entry that is one plain <t> (no runs, no phonetics)
 * with the same text is reused, so a header the workbook already holds adds nothing.
 */
export class SharedStringsEditor {
  private readonly prefix: string;
  private readonly plain = new Map<string, number>();
  private readonly added: string[] = [];
  private total: number;
  /** Change of the number of t="s" cells (the sst's count attribute). */
  refDelta = 0;

  constructor(private readonly xml: string) {
    const root = /<([\w.-]+:)?sst\b/.exec(xml);
    this.prefix = root?.[1] ?? '';
    const p = this.prefix;
    const rx = new RegExp(`<${p}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}si>)`, 'g');
    const simple = new RegExp(`^\\s*<${p}t\\b[^>]*>([^<]*)</${p}t>\\s*$`);
    let i = 0;
    for (const m of xml.matchAll(rx)) {
      const t = m[1] === undefined ? null : simple.exec(m[1]);
      if (t) {
        const text = decodeEntities(t[1]!);
        if (!text.includes('_x') && !this.plain.has(text)) this.plain.set(text, i);
      }
      i++;
    }
    this.total = i;
  }

  /** The index of a string, appending it when the part has no plain entry for it. */
  index(s: string): number {
    const known = this.plain.get(s);
    if (known !== undefined) return known;
    const i = this.total++;
    this.plain.set(s, i);
    this.added.push(s);
    return i;
  }

  get changed(): boolean {
    return this.added.length > 0 || this.refDelta !== 0;
  }

  /** The part's new text: new <si> before </sst>, count and uniqueCount updated where present. */
  result(): string {
    const p = this.prefix;
    let xml = this.xml;
    const open = new RegExp(`<${p}sst\\b([^>]*?)(/?)>`).exec(xml);
    if (!open) return xml;
    let attrs = open[1]!;
    const count = /\scount\s*=\s*"(\d+)"/.exec(attrs);
    if (count) attrs = setAttr(attrs, 'count', String(Math.max(0, Number(count[1]) + this.refDelta)));
    if (/\suniqueCount\s*=/.test(attrs)) attrs = setAttr(attrs, 'uniqueCount', String(this.total));
    const items = this.added.map((s) => `<${p}si>${tText(p, s)}</${p}si>`).join('');
    if (open[2] === '/') {
      return (
        xml.slice(0, open.index) +
        `<${p}sst${attrs}>${items}</${p}sst>` +
        xml.slice(open.index + open[0].length)
      );
    }
    xml = xml.slice(0, open.index) + `<${p}sst${attrs}>` + xml.slice(open.index + open[0].length);
    const close = xml.lastIndexOf(`</${p}sst>`);
    return close < 0 ? xml : xml.slice(0, close) + items + xml.slice(close);
  }
}

/** A number format under which a number does not show as itself: percent or date/time. */
export function misleadsNumbers(fmt: string | undefined): boolean {
  if (!fmt || fmt.toLowerCase() === 'general') return false;
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return bare.includes('%') || isDateFormat(fmt);
}

/**
 * styles.xml's cell styles, appended to: `plainNumber(s)` gives a style like s but with the
 * General number format (added once per s, and only when asked for).
 */
export class StylesEditor {
  private readonly clones = new Map<number, number>();
  private readonly added: string[] = [];
  private readonly xfs: string[] = [];
  private readonly listStart: number;
  private readonly listEnd: number;
  private readonly prefix: string;

  constructor(
    private readonly xml: string,
    private readonly numFmt: readonly (string | undefined)[],
  ) {
    const open = /<([\w.-]+:)?cellXfs\b[^>]*>/.exec(xml);
    this.prefix = open?.[1] ?? '';
    this.listStart = open ? open.index : -1;
    const close = open ? xml.indexOf(`</${this.prefix}cellXfs>`, open.index) : -1;
    this.listEnd = close;
    if (open && close > 0) {
      const p = this.prefix;
      const body = xml.slice(open.index + open[0].length, close);
      for (const m of body.matchAll(new RegExp(`<${p}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}xf>)`, 'g')))
        this.xfs.push(m[0]);
    }
  }

  /** Whether a number in this cell style would show as something else (percent, date). */
  misleads(style: number): boolean {
    return misleadsNumbers(this.numFmt[style]);
  }

  /** The index of a copy of style `s` with the General number format. */
  plainNumber(s: number): number {
    const known = this.clones.get(s);
    if (known !== undefined) return known;
    const src = this.xfs[s];
    if (src === undefined || this.listEnd < 0) return s;
    const tag = /^<[\w.:-]+\b([^>]*?)(\/?)>/.exec(src)!;
    let attrs = setAttr(tag[1]!, 'numFmtId', '0');
    attrs = setAttr(attrs, 'applyNumberFormat', '1');
    const clone = `<${this.prefix}xf${attrs}${tag[2]}>${src.slice(tag[0].length)}`;
    const i = this.xfs.length + this.added.length;
    this.added.push(clone);
    this.clones.set(s, i);
    return i;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  result(): string {
    if (!this.changed) return this.xml;
    const head = this.xml.slice(this.listStart, this.listEnd);
    const open = /^<[\w.:-]+\b([^>]*)>/.exec(head)!;
    const attrs = /\scount\s*=/.test(open[1]!)
      ? setAttr(open[1]!, 'count', String(this.xfs.length + this.added.length))
      : open[1]!;
    return (
      this.xml.slice(0, this.listStart) +
      `<${this.prefix}cellXfs${attrs}>` +
      this.xml.slice(this.listStart + open[0].length, this.listEnd) +
      this.added.join('') +
      this.xml.slice(this.listEnd)
    );
  }
}

/** workbook.xml with calcPr fullCalcOnLoad="1" (set on the element, or a new element in its place). */
export function withFullCalcOnLoad(xml: string): string {
  const calc = /<([\w.-]+:)?calcPr\b([^>]*?)(\/?)>/.exec(xml);
  if (calc) {
    const attrs = calc[2]!.replace(/\s+fullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/, '');
    return (
      xml.slice(0, calc.index) +
      `<${calc[1] ?? ''}calcPr${attrs} fullCalcOnLoad="1"${calc[3]}>` +
      xml.slice(calc.index + calc[0].length)
    );
  }
  const root = /<([\w.-]+:)?workbook\b/.exec(xml);
  const px = root?.[1] ?? '';
  const after = new RegExp(
    `<${px}(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\\b|</${px}workbook>`,
  ).exec(xml);
  if (!after) return xml;
  return xml.slice(0, after.index) + `<${px}calcPr fullCalcOnLoad="1"/>` + xml.slice(after.index);
}

/** A relationships part without the relationship(s) whose type ends in `/type`. */
export function withoutRelationship(xml: string, type: string): string {
  return xml.replace(
    new RegExp(
      `<(?:[\\w.-]+:)?Relationship\\b[^>]*?\\bType\\s*=\\s*"[^"]*/${type}"[^>]*?(?:/>|>\\s*</(?:[\\w.-]+:)?Relationship>)`,
      'g',
    ),
    '',
  );
}

/** [Content_Types].xml without the Override of one part ("/xl/calcChain.xml"). */
export function withoutOverride(xml: string, partName: string): string {
  const want = partName.toLowerCase();
  return xml.replace(
    /<([\w.-]+:)?Override\b([^>]*?)(?:\/>|>\s*<\/(?:[\w.-]+:)?Override>)/g,
    (m, _p, attrs: string) => {
      const name = /\bPartName\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      return name !== undefined && name.toLowerCase() === want ? '' : m;
    },
  );
}
