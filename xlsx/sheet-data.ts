/**
 * The fast reader of a worksheet's cells: the sheetData element as producers write it (rows of
 * <c> with <v> and <f>), read straight into the SheetBuilder without an attribute object, a name
 * string or a handler call per element (a 10k-row sheet has ~130k elements; that garbage was
 * most of the reader's collections). It accepts a strict subset of what the generic scanner
 * (xml.ts) accepts and reads it the same way; on anything else (inline strings, prefixed names,
 * unusual spacing, a reference it cannot decode) it gives up and the whole part is read by the
 * generic scanner, so results and refusals are the generic scanner's.
 */
import type { SheetBuilder } from './sheet.js';
import { decodeText } from './xml.js';

/**
 * Comments, CDATA and DOCTYPEs go to saxes; processing instructions past the declaration could
 * hold a tag's text: documents with either are left to the generic path.
 */
export function plainXml(xml: string): boolean {
  return !xml.includes('<!') && xml.indexOf('<?', 1) < 0;
}

/** [start, end) of the one sheetData element's content, or null (then the generic path). */
export function sheetDataBody(xml: string): { start: number; end: number } | null {
  if (!plainXml(xml)) return null;
  const open = xml.indexOf('<sheetData>');
  if (open < 0) return null;
  const start = open + '<sheetData>'.length;
  const end = xml.indexOf('</sheetData>', start);
  if (end < 0) return null;
  if (xml.lastIndexOf('<sheetData', open - 1) >= 0 || xml.indexOf('<sheetData', end) >= 0) return null;
  return { start, end };
}

// The attributes of the element being read (scratch, so that no object is made per element).
let attrR: string | undefined;
let attrT: string | undefined;
let attrS: string | undefined;
let attrHidden: string | undefined;
let attrRef: string | undefined;
let attrSi: string | undefined;
/** Where the start tag just read ends (after ">" or "/>"), and whether it was "/>". */
export const tag = { end: 0, selfClosing: false };

const ROW = 1;
const CELL = 2;
const FORMULA = 3;
/** An inline string's <t>: its attributes are only checked. */
export const TEXT = 4;

/** A, a … Z, z, 0 … 9, ":", "_", "-", ".": names as producers write them. */
export function isNameChar(k: number): boolean {
  return (
    (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 58) || k === 95 || k === 45 || k === 46
  );
}

export function isSpace(k: number): boolean {
  return k === 32 || k === 10 || k === 9 || k === 13;
}

/**
 * The attributes of a start tag from `p` (just after its name) to its end, as the generic scanner
 * reads them (decoded, white space in values as spaces, a repeated name: the last); the ones the
 * element needs go to the scratch variables. False where the generic scanner may differ.
 */
export function readAttributes(xml: string, p: number, end: number, kind: number): boolean {
  attrR = attrT = attrS = attrHidden = attrRef = attrSi = undefined;
  for (;;) {
    while (p < end && isSpace(xml.charCodeAt(p))) p++;
    if (p >= end) return false;
    const k = xml.charCodeAt(p);
    if (k === 62 /* > */) {
      tag.end = p + 1;
      tag.selfClosing = false;
      return true;
    }
    if (k === 47 /* / */) {
      if (xml.charCodeAt(p + 1) !== 62) return false;
      tag.end = p + 2;
      tag.selfClosing = true;
      return true;
    }
    const keyStart = p;
    while (p < end && isNameChar(xml.charCodeAt(p))) p++;
    const keyEnd = p;
    if (keyEnd === keyStart) return false;
    while (p < end && isSpace(xml.charCodeAt(p))) p++;
    if (xml.charCodeAt(p) !== 61 /* = */) return false;
    p++;
    while (p < end && isSpace(xml.charCodeAt(p))) p++;
    const quote = xml.charCodeAt(p);
    if (quote !== 34 && quote !== 39) return false;
    const close = xml.indexOf(quote === 34 ? '"' : "'", p + 1);
    if (close < 0 || close >= end) return false;
    let amp = false;
    let ws = false;
    for (let j = p + 1; j < close; j++) {
      const w = xml.charCodeAt(j);
      if (w === 60 /* < */) return false;
      if (w === 38 /* & */) amp = true;
      else if (w === 9 || w === 10 || w === 13) ws = true;
    }
    const keyLength = keyEnd - keyStart;
    const k0 = xml.charCodeAt(keyStart);
    let slot = 0; // which scratch variable takes the value, 0: none
    if (keyLength === 1) {
      if (k0 === 114 /* r */) slot = 1;
      else if (k0 === 116 /* t */ && (kind === CELL || kind === FORMULA)) slot = 2;
      else if (k0 === 115 /* s */ && kind === CELL) slot = 3;
    } else if (kind === ROW && keyLength === 6 && xml.startsWith('hidden', keyStart)) slot = 4;
    else if (kind === FORMULA && keyLength === 3 && xml.startsWith('ref', keyStart)) slot = 5;
    else if (kind === FORMULA && keyLength === 2 && xml.startsWith('si', keyStart)) slot = 6;
    if (slot === 1 && kind !== ROW && kind !== CELL) slot = 0; // <f r=…>, <t r=…> are not read
    if (slot !== 0 || amp) {
      let v = xml.slice(p + 1, close);
      if (amp) {
        const d = decodeText(v);
        if (d === null) return false;
        v = d;
      }
      if ((ws || amp) && /[\t\n\r]/.test(v)) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
      if (slot === 1) attrR = v;
      else if (slot === 2) attrT = v;
      else if (slot === 3) attrS = v;
      else if (slot === 4) attrHidden = v;
      else if (slot === 5) attrRef = v;
      else if (slot === 6) attrSi = v;
    }
    p = close + 1;
  }
}

/** Text from `from` to the next "<" that is the end tag `close` ("</v>"); its end, or -1. */
export function readText(xml: string, from: number, close: string): { text: string; next: number } | null {
  const lt = xml.indexOf('<', from);
  if (lt < 0 || !xml.startsWith(close, lt)) return null;
  let t = xml.slice(from, lt);
  if (t.includes('&')) {
    const d = decodeText(t);
    if (d === null) return null;
    t = d;
  }
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  return { text: t, next: lt + close.length };
}

/** White space only between `from` and `to` (text the generic reader would drop). */
export function blank(xml: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (!isSpace(xml.charCodeAt(j))) return false;
  return true;
}

/**
 * An inline string from its "<is" at `lt`: "<is/>", or <is> holding <t> elements only (runs of
 * rich text and phonetic parts are left to the generic path). Where it ends, or -1.
 */
function inlineString(xml: string, lt: number, end: number, b: SheetBuilder): number {
  if (xml.startsWith('<is/>', lt)) {
    b.inlineText = '';
    return lt + 5;
  }
  if (!xml.startsWith('<is>', lt)) return -1;
  let text = '';
  let i = lt + 4;
  for (;;) {
    const at = xml.indexOf('<', i);
    if (at < 0 || at >= end || !blank(xml, i, at)) return -1;
    if (xml.startsWith('</is>', at)) {
      b.inlineText = text;
      return at + 5;
    }
    const c2 = xml.charCodeAt(at + 2);
    if (xml.charCodeAt(at + 1) !== 116 /* t */ || !(c2 === 62 || c2 === 47 || isSpace(c2))) return -1;
    if (!readAttributes(xml, at + 2, end, TEXT)) return -1;
    if (tag.selfClosing) {
      i = tag.end;
      continue;
    }
    const r = readText(xml, tag.end, '</t>');
    if (!r) return -1;
    text += r.text;
    i = r.next;
  }
}

// Start tags and text as producers write them: attributes in double quotes, one space apart,
// values and text with no reference, "<" or line break to decode (anything else: the scanner).
const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
/** <c r="A1" s="3" t="s"> (s and t optional, t before s too), then <f>, <v>, </c>; or <c …/>. */
const CELL_RX =
  /<c r="([A-Za-z]+[0-9]+)"(?: s="([0-9]*)")?(?: t="([A-Za-z]*)")?(?: s="([0-9]*)")?(?:\/>|>(?:<f>([^<&\r]*)<\/f>)?(?:<v>([^<&\r]*)<\/v>)?<\/c>)/y;
/** <row …> or <row …/> with its attributes. */
const ROW_RX = new RegExp(`<row((?:[ \\t\\n\\r]+${NAME}="[^"<&\\t\\n\\r]*")*)[ \\t\\n\\r]*(/?)>`, 'y');
const ATTR_RX = new RegExp(`(${NAME})="([^"]*)"`, 'g');

/**
 * Reads the cells of xml[start, end) (the content of sheetData) into `b`. False when the content
 * is not of the subset read here: `b` is then half filled and must be dropped.
 */
export function scanSheetData(xml: string, start: number, end: number, b: SheetBuilder): boolean {
  let depth = 0; // 0 in sheetData, 1 in a row, 2 in a cell
  let i = start;
  while (i < end) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= end) return blank(xml, i, end) && depth === 0;
    if (lt > i && !blank(xml, i, lt)) return false;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      // An end tag: the one expected here, written exactly.
      if (depth === 2 && xml.startsWith('</c>', lt)) {
        b.finishCell();
        depth = 1;
        i = lt + 4;
      } else if (depth === 1 && xml.startsWith('</row>', lt)) {
        depth = 0;
        i = lt + 6;
      } else return false;
      continue;
    }
    // The usual cell and row, whole, by one regular expression: native code from the first row,
    // where the scanner below runs interpreted until V8 has compiled it.
    if (c1 === 99 /* c */ && depth === 1) {
      CELL_RX.lastIndex = lt;
      const m = CELL_RX.exec(xml);
      if (m) {
        b.openCell(m[1], m[3], m[4] ?? m[2]);
        if (m[5] !== undefined) b.f = m[5];
        if (m[6] !== undefined) b.v = m[6];
        b.finishCell();
        i = CELL_RX.lastIndex;
        continue;
      }
    } else if (c1 === 114 /* r */ && depth === 0) {
      ROW_RX.lastIndex = lt;
      const m = ROW_RX.exec(xml);
      if (m) {
        let r: string | undefined;
        let hidden: string | undefined;
        const attrs = m[1]!;
        const simple = attrs.startsWith(' r="') && !attrs.includes('hidden') && attrs.indexOf(' r="', 1) < 0;
        if (simple)
          r = attrs.slice(4, attrs.indexOf('"', 4)); // ' r="12" spans="1:6"', the usual row
        else if (attrs !== '') {
          ATTR_RX.lastIndex = 0;
          // Every attribute in turn: a repeated one counts as its last, as in the generic reader.
          for (let a = ATTR_RX.exec(attrs); a; a = ATTR_RX.exec(attrs))
            if (a[1] === 'r') r = a[2];
            else if (a[1] === 'hidden') hidden = a[2];
        }
        b.openRow(r, hidden);
        if (m[2] === '') depth = 1;
        i = ROW_RX.lastIndex;
        continue;
      }
    }
    const c2 = xml.charCodeAt(lt + 2);
    // The element's name must end right after its letters: "<c " or "<c>" but not "<cx".
    const after1 = c2 === 62 || c2 === 47 || isSpace(c2);
    if (c1 === 99 /* c */ && after1 && depth === 1) {
      if (!readAttributes(xml, lt + 2, end, CELL)) return false;
      b.openCell(attrR, attrT, attrS);
      if (tag.selfClosing) b.finishCell();
      else depth = 2;
      i = tag.end;
    } else if (c1 === 118 /* v */ && depth === 2 && (c2 === 62 || c2 === 47)) {
      if (c2 === 47) {
        if (xml.charCodeAt(lt + 3) !== 62) return false;
        b.v = '';
        i = lt + 4;
        continue;
      }
      const r = readText(xml, lt + 3, '</v>');
      if (!r) return false;
      b.v = r.text;
      i = r.next;
    } else if (c1 === 102 /* f */ && after1 && depth === 2) {
      if (!readAttributes(xml, lt + 2, end, FORMULA)) return false;
      b.fType = attrT;
      b.fRef = attrRef;
      b.fSi = attrSi;
      if (tag.selfClosing) {
        b.f = '';
        i = tag.end;
        continue;
      }
      const r = readText(xml, tag.end, '</f>');
      if (!r) return false;
      b.f = r.text;
      i = r.next;
    } else if (c1 === 105 /* i */ && depth === 2 && xml.startsWith('<is', lt)) {
      const next = inlineString(xml, lt, end, b);
      if (next < 0) return false;
      i = next;
    } else if (c1 === 114 /* r */ && depth === 0 && xml.startsWith('ow', lt + 2)) {
      const c4 = xml.charCodeAt(lt + 4);
      if (!(c4 === 62 || c4 === 47 || isSpace(c4))) return false;
      if (!readAttributes(xml, lt + 4, end, ROW)) return false;
      b.openRow(attrR, attrHidden);
      if (!tag.selfClosing) depth = 1;
      i = tag.end;
    } else return false;
  }
  return depth === 0;
}
