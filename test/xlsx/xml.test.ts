/**
 * The hand-written XML scanner (xlsx/xml.ts) gives the events saxes gives on well-formed
 * documents and refuses malformed ones, as saxes does.
 */
import fc from 'fast-check';
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
    '<ab></a>',
    '<a></ab>',
    '<a></a b>',
    '<a x="1<2"/>',
    '<a x="1\'/>',
  ])('refuses malformed XML as saxes does: %s', (xml) => {
    expect(() => parseXml(xml, {})).toThrow(XmlError);
    expect(() => parseXmlSaxes(xml, {})).toThrow(XmlError);
  });

  it('gives the events saxes gives on any well-formed document (names, attributes, spacing, references)', () => {
    const space = fc.constantFrom('', ' ', '  ', '\n', '\t', '\r\n');
    const someSpace = fc.constantFrom(' ', '\n ', '\t', ' \r\n ');
    const name = fc.constantFrom('c', 'v', 't', 'x:c', 'row', 'si', 'sheetData', 'x14ac:dyDescent', 'ab');
    const chars = fc.constantFrom(
      'a',
      '1',
      'A1',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '中',
      '&amp;',
      '&lt;',
      '&gt;',
      '&#x4E2D;',
      '&#25991;',
      '&apos;',
      '&quot;',
    );
    const value = fc.array(chars, { maxLength: 4 }).map((a) => a.join(''));
    const attr = fc.record({
      key: fc.constantFrom('r', 't', 's', 'spans', 'x14ac:dyDescent', 'xml:space', 'ab'),
      value,
      quote: fc.constantFrom('"', "'"),
      before: someSpace,
      eq: fc.constantFrom('=', ' = ', '\n='),
    });
    const text = value.filter((t) => t !== '');
    const element = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('text'), tie('element')),
      text,
      element: fc
        .record({
          name,
          attrs: fc.uniqueArray(attr, { maxLength: 3, selector: (a) => a.key }),
          children: fc.option(fc.array(tie('node'), { maxLength: 3 }), { nil: null }),
          closeSpace: space,
          endSpace: space,
        })
        .map((e) => {
          const attrs = e.attrs
            .map((a) => `${a.before}${a.key}${a.eq}${a.quote}${a.value}${a.quote}`)
            .join('');
          if (e.children === null) return `<${e.name}${attrs}${e.endSpace}/>`;
          return `<${e.name}${attrs}${e.endSpace}>${(e.children as string[]).join('')}</${e.name}${e.closeSpace}>`;
        }),
    }));
    fc.assert(
      fc.property(element.element, fc.boolean(), (root, decl) => {
        const xml = (decl ? '<?xml version="1.0" encoding="UTF-8"?>' : '') + root;
        expect(events(parseXml, xml)).toEqual(events(parseXmlSaxes, xml));
      }),
      { numRuns: 3000 },
    );
  });
});
