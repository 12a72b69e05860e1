/**
 * The shared strings part → its strings as plain text: rich-text runs joined, phonetic runs left
 * out, _xHHHH_ escapes decoded. Strings written as producers write them (<si> of <t> elements or
 * of runs, formatting and phonetic settings as empty elements) are read by a fast scanner that
 * makes no object per element; anything else, and every refusal, is the generic scanner's.
 */
import { TEXT, blank, isNameChar, isSpace, plainXml, readAttributes, readText, tag } from './sheet-data.js';
import { parseXml } from './xml.js';

/** OOXML escapes characters XML cannot hold as _xHHHH_. */
export function decodeEscapes(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}

export function readSharedStrings(xml: string): string[] {
  return fastStrings(xml) ?? genericStrings(xml);
}

/** Any well-formed part, through the generic scanner (exported for the tests' comparison). */
export function genericStrings(xml: string): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let inT = false;
  let phonetic = 0;
  parseXml(xml, {
    // A self-closing element is opened and closed (xml.ts calls close too): <si/> is one empty
    // string, pushed at its close like any other.
    open: (el) => {
      if (el === 'si') cur = [];
      else if (el === 'rPh') phonetic++;
      else if (el === 't' && phonetic === 0) inT = true;
    },
    text: (t) => {
      if (inT) cur.push(t);
    },
    close: (el) => {
      if (el === 't') inT = false;
      else if (el === 'rPh') phonetic--;
      else if (el === 'si') out.push(decodeEscapes(cur.join('')));
    },
  });
  return out;
}

/** The strings, or null when the part is not of the subset read here (exported for the tests). */
export function fastStrings(xml: string): string[] | null {
  if (!plainXml(xml)) return null;
  const open = xml.indexOf('<sst');
  if (open < 0 || !isSpace(xml.charCodeAt(open + 4))) return null;
  if (!readAttributes(xml, open + 4, xml.length, TEXT) || tag.selfClosing) return null;
  const start = tag.end;
  const end = xml.lastIndexOf('</sst>');
  if (end < start) return null;
  const out: string[] = [];
  if (!scanStrings(xml, start, end, out)) return null;
  // The rest (declaration, <sst …></sst>) is well formed exactly when the whole is.
  try {
    parseXml(xml.slice(0, start) + xml.slice(end), {});
  } catch {
    return null;
  }
  return out;
}

/** <si><t>text</t></si>, the text with no reference or line break to decode. */
const SI_RX = /<si><t(?: xml:space="preserve")?>([^<&\r]*)<\/t><\/si>/y;

const IN_SST = 0;
const IN_SI = 1;
const IN_RUN = 2;
const IN_RPR = 3;

/** `<name` at `lt` followed by the end of the name. */
function named(xml: string, lt: number, name: string): boolean {
  if (!xml.startsWith(name, lt + 1)) return false;
  const k = xml.charCodeAt(lt + 1 + name.length);
  return k === 62 || k === 47 || isSpace(k);
}

function scanStrings(xml: string, start: number, end: number, out: string[]): boolean {
  let state = IN_SST;
  let text = '';
  let i = start;
  while (i < end) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= end) return blank(xml, i, end) && state === IN_SST;
    if (lt > i && !blank(xml, i, lt)) return false;
    if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      if (state === IN_SI && xml.startsWith('</si>', lt)) {
        out.push(decodeEscapes(text));
        state = IN_SST;
        i = lt + 5;
      } else if (state === IN_RUN && xml.startsWith('</r>', lt)) {
        state = IN_SI;
        i = lt + 4;
      } else if (state === IN_RPR && xml.startsWith('</rPr>', lt)) {
        state = IN_RUN;
        i = lt + 6;
      } else return false;
      continue;
    }
    if (state === IN_SST) {
      // The usual string, whole, by one regular expression (native code from the first string).
      SI_RX.lastIndex = lt;
      const m = SI_RX.exec(xml);
      if (m) {
        out.push(decodeEscapes(m[1]!));
        i = SI_RX.lastIndex;
        continue;
      }
      if (xml.startsWith('<si>', lt)) {
        text = '';
        state = IN_SI;
        i = lt + 4;
      } else return false; // <si/> too: the generic reader reads it (one empty string)
      continue;
    }
    if ((state === IN_SI || state === IN_RUN) && named(xml, lt, 't')) {
      if (!readAttributes(xml, lt + 2, end, TEXT)) return false;
      if (tag.selfClosing) {
        i = tag.end;
        continue;
      }
      const r = readText(xml, tag.end, '</t>');
      if (!r) return false;
      text += r.text;
      i = r.next;
      continue;
    }
    if (state === IN_SI && xml.startsWith('<r>', lt)) {
      state = IN_RUN;
      i = lt + 3;
      continue;
    }
    if (state === IN_RUN && xml.startsWith('<rPr>', lt)) {
      state = IN_RPR;
      i = lt + 5;
      continue;
    }
    // Any other element must be empty (<phoneticPr …/>, <b/>, <sz val="11"/> …): nothing to read.
    let p = lt + 1;
    while (p < end && isNameChar(xml.charCodeAt(p))) p++;
    const k = xml.charCodeAt(p);
    if (p === lt + 1 || !(k === 62 || k === 47 || isSpace(k))) return false;
    // The generic reader acts on these even when empty (an empty <rPh/> ends phonetic runs it never began).
    if (named(xml, lt, 'si') || named(xml, lt, 'rPh')) return false;
    if (!readAttributes(xml, p, end, TEXT) || !tag.selfClosing) return false;
    i = tag.end;
  }
  return state === IN_SST;
}
