/**
 * Streaming XML over saxes (MIT): element names reach the handlers without their namespace
 * prefix ("x:row" → "row"), so Transitional, Strict and prefixed documents read alike.
 */
import { SaxesParser } from 'saxes';

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  open?(name: string, attrs: Attrs, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Thrown for XML that is not well formed. */
export class XmlError extends Error {}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * Parses a whole document, calling the handlers as it goes. Throws XmlError. Documents without
 * comments, CDATA or a DOCTYPE (what producers write) take a hand-written scanner, about twice
 * as fast as saxes on sheet XML; it accepts the same well-formed documents and refuses what is
 * not (unbalanced tags, unquoted attributes, bad references). The rest goes through saxes.
 */
export function parseXml(xml: string, h: XmlHandlers): void {
  if (xml.includes('<!')) parseXmlSaxes(xml, h);
  else if (!scanXml(xml, h)) throw new XmlError('not well-formed XML');
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character and entity references; null when one is not well formed. */
export function decodeText(s: string): string | null {
  let bad = false;
  const out = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) {
      bad = true;
      return m;
    }
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) {
        bad = true;
        return m;
      }
      return String.fromCodePoint(code);
    }
    const e = ENTITY[ref];
    if (e === undefined) bad = true;
    return e ?? m;
  });
  return bad ? null : out;
}

const NAME_END = /[\s/>=]/;

/** NAME_END for the character at p, without a one-character string and a regex for ASCII. */
function endsName(xml: string, p: number, c: number): boolean {
  if (c < 128)
    return c === 32 || (c >= 9 && c <= 13) || c === 47 /* / */ || c === 62 /* > */ || c === 61; /* = */
  return NAME_END.test(xml[p]!); // the other white space \s matches (U+00A0, U+2028, U+FEFF …)
}

/** XML white space between attributes: space, tab, LF, CR. */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/**
 * The fast path; false for anything not well formed (the handlers may have seen part of it).
 * It runs once per element of every sheet (a 10k-row sheet has ~130k), so it compares character
 * codes instead of one-character strings and regexes, and checks an end tag against the open
 * one in place instead of cutting its name out.
 */
function scanXml(xml: string, h: XmlHandlers): boolean {
  const stack: string[] = [];
  const locals: string[] = [];
  const n = xml.length;
  let i = 0;
  let rooted = false;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      let t = xml.slice(i, end);
      if (stack.length === 0) {
        if (t.trim() !== '') return false; // text outside the root element
      } else {
        if (t.includes('&')) {
          const d = decodeText(t);
          if (d === null) return false;
          t = d;
        }
        if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
        if (h.text) h.text(t);
      }
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const q = xml.indexOf('?>', lt + 2);
      if (q < 0) return false;
      i = q + 2;
      continue;
    }
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) return false;
      // Usually "</name>" exactly; anything else is compared as before, trimmed ("</a >").
      const open = stack.pop();
      if (open === undefined) return false;
      if (
        !(gt === lt + 2 + open.length && xml.startsWith(open, lt + 2)) &&
        xml.slice(lt + 2, gt).trim() !== open
      )
        return false;
      const name = locals.pop()!;
      if (h.close) h.close(name);
      i = gt + 1;
      continue;
    }
    // An open tag: name, then attributes until ">" or "/>".
    let p = lt + 1;
    while (p < n && !endsName(xml, p, xml.charCodeAt(p))) p++;
    const name = xml.slice(lt + 1, p);
    if (name === '' || (stack.length === 0 && rooted)) return false;
    const attrs: Attrs = {};
    let selfClosing = false;
    for (;;) {
      while (p < n && isSpace(xml.charCodeAt(p))) p++;
      if (p >= n) return false;
      const k = xml.charCodeAt(p);
      if (k === 62 /* > */) {
        p++;
        break;
      }
      if (k === 47 /* / */) {
        if (xml.charCodeAt(p + 1) !== 62) return false;
        selfClosing = true;
        p += 2;
        break;
      }
      const eq = xml.indexOf('=', p);
      if (eq < 0) return false;
      const key = xml.slice(p, eq).trim();
      if (key === '' || NAME_END.test(key)) return false;
      let q = eq + 1;
      while (q < n && isSpace(xml.charCodeAt(q))) q++;
      const quote = xml.charCodeAt(q);
      if (quote !== 34 /* " */ && quote !== 39 /* ' */) return false;
      const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0) return false;
      // One pass over the value for what needs work: "<" (refused), references, white space.
      let amp = false;
      let ws = false;
      for (let j = q + 1; j < close; j++) {
        const w = xml.charCodeAt(j);
        if (w === 60 /* < */) return false;
        if (w === 38 /* & */) amp = true;
        else if (w === 9 || w === 10 || w === 13) ws = true;
      }
      let v = xml.slice(q + 1, close);
      if (amp) {
        const d = decodeText(v);
        if (d === null) return false;
        v = d;
      }
      // A reference may stand for white space too (&#10;): tested after decoding, as before.
      if ((ws || amp) && /[\t\n\r]/.test(v)) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
      attrs[key] = v;
      p = close + 1;
    }
    rooted = true;
    const ln = local(name);
    if (h.open) h.open(ln, attrs, selfClosing);
    if (selfClosing) {
      if (h.close) h.close(ln);
    } else {
      stack.push(name);
      locals.push(ln);
    }
    i = p;
  }
  return stack.length === 0 && rooted;
}

export function parseXmlSaxes(xml: string, h: XmlHandlers): void {
  const p = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
  p.on('error', (e) => {
    throw new XmlError(e.message);
  });
  if (h.open) {
    const open = h.open;
    p.on('opentag', (t) => open(local(t.name), t.attributes, t.isSelfClosing));
  }
  if (h.close) {
    const close = h.close;
    p.on('closetag', (t) => close(local(t.name)));
  }
  if (h.text) {
    p.on('text', h.text);
    p.on('cdata', h.text);
  }
  try {
    p.write(xml).close();
  } catch (e) {
    if (e instanceof XmlError) throw e;
    throw new XmlError(e instanceof Error ? e.message : String(e));
  }
}

/** An attribute by its local name (a prefixed "r:id" is found as "id" too when asked so). */
export function attr(attrs: Attrs, name: string): string | undefined {
  const v = attrs[name];
  if (v !== undefined) return v;
  for (const k in attrs) if (local(k) === name && k.includes(':')) return attrs[k];
  return undefined;
}

/** OOXML booleans: "1" / "true" (and "on" in old files). */
export function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true' || v === 'on';
}

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** Bytes of an XML part → text (UTF-8, or UTF-16 with a byte-order mark). */
export function decodeXml(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return utf16le.decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return utf16be.decode(b.subarray(2));
  return utf8.decode(b); // strips a UTF-8 BOM
}

/** Text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}
