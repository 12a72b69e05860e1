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

/** Parses a whole document, calling the handlers as it goes. Throws XmlError. */
export function parseXml(xml: string, h: XmlHandlers): void {
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
