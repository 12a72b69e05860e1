/**
 * The hand-written XML scanner (xlsx/xml.ts) gives the events saxes gives on well-formed
 * documents and refuses malformed ones, as saxes does.
 */
import { describe, expect, it } from 'vitest';
import { parseXml, parseXmlSaxes, XmlError, type XmlHandlers } from '../../xlsx/xml';

function events(parse: (xml: string, h: XmlHandlers) => void, xml: string): string[] {
  const out: string[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') out.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  parse(xml, {
    open: (n, a, self) => {
      flush();
      out.push(`open ${n} ${JSON.stringify(a)} ${self}`);
    },
    text: (t) => {
      text += t;
    },
    close: (n) => {
      flush();
      out.push(`close ${n}`);
    },
  });
  flush();
  return out;
}

describe('parseXml', () => {
  it.each([
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a x="1" y=\'2\'><b/><c r="A1" t="s"><v>0</v></c></a>',
    '<x:worksheet xmlns:x="urn:x"><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:worksheet>',
    '<a t="a &gt; b &amp; &quot;c&quot;"><t xml:space="preserve"> a&lt;b &#x4E2D;&#25991; &apos;x&apos;\r\nline </t></a>',
    '<a  k = "v>w"   ><b\n k="1"\t/></a >',
    '<a>\u8003\u6838<b/>tail</a>',
  ])('gives the events saxes gives (whitespace outside the root aside): %s', (xml) => {
    expect(events(parseXml, xml)).toEqual(events(parseXmlSaxes, xml));
  });

  it.each([
    '<a><b></a>',
    '<a x=1/>',
    '<a>&bogus;</a>',
    '<a>x & y</a>',
    '<a></a><b/>',
    'text<a/>',
    '<a',
    '<a x="1></a>',
    '<a/>trailing',
  ])('refuses malformed XML as saxes does: %s', (xml) => {
    expect(() => parseXml(xml, {})).toThrow(XmlError);
    expect(() => parseXmlSaxes(xml, {})).toThrow(XmlError);
  });
});
