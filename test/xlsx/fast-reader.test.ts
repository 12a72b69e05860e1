/**
 * The fast readers of sheet cells (xlsx/sheet-data.ts) and shared strings (xlsx/strings.ts) read
 * what they accept exactly as the generic scanner does, and leave the rest to it: the same grid,
 * strings, fills and refusals, on every workbook here, on hand-made parts and on parts mutated
 * at random (seeded) around what producers write.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPackage } from '../../xlsx/load';
import type { XlsxPackage } from '../../xlsx/package';
import { readSheet, SheetBuilder, type SheetContext } from '../../xlsx/sheet';
import { scanSheetData, sheetDataBody } from '../../xlsx/sheet-data';
import { fastStrings, genericStrings, readSharedStrings } from '../../xlsx/strings';

const ROOT = path.join(__dirname, '..', '..');

function workbooks(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.xl[st][xm]$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out;
}

function packageOf(file: string): XlsxPackage | null {
  try {
    return openPackage(new Uint8Array(fs.readFileSync(file)));
  } catch {
    return null; // the bad fixtures
  }
}

/** The result or the refusal, as text, with the fills recorded. */
function outcome(read: (xml: string, ctx: SheetContext) => unknown, xml: string, ctx: SheetContext): string {
  const fills = new Map<string, string>();
  try {
    return JSON.stringify([read(xml, { ...ctx, fills }), [...fills]]);
  } catch (e) {
    return `refused ${(e as Error).constructor.name} ${(e as Error).message}`;
  }
}

function generic(xml: string, ctx: SheetContext): unknown {
  const b = new SheetBuilder(ctx);
  b.parse(xml);
  return b.finish();
}

function strings(read: (xml: string) => string[], xml: string): string {
  try {
    return JSON.stringify(read(xml));
  } catch (e) {
    return `refused ${(e as Error).constructor.name} ${(e as Error).message}`;
  }
}

/** A small deterministic generator (the failures must be reproducible). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Inserts, deletes or overwrites at a random place after `from` (one of `pieces`). */
function mutate(xml: string, from: number, pieces: readonly string[], rnd: () => number): string {
  const p = from + Math.floor(rnd() * (xml.length - from));
  const m = pieces[Math.floor(rnd() * pieces.length)]!;
  switch (Math.floor(rnd() * 3)) {
    case 0:
      return xml.slice(0, p) + m + xml.slice(p);
    case 1:
      return xml.slice(0, p) + xml.slice(p + 1 + Math.floor(rnd() * 3));
    default:
      return xml.slice(0, p) + m + xml.slice(p + m.length);
  }
}

const COMMON = [
  ' ',
  '\r\n',
  '\t',
  '\u000b',
  '\u00a0',
  '&amp;',
  '&#13;',
  '&#x41;',
  '&lt;',
  '&bad;',
  '&',
  '<',
  '>',
  '"',
  "'",
  '=',
  '/',
  'x:',
  'q',
];
const SHEET_PIECES = [
  ...COMMON,
  '<v>',
  '</v>',
  '<v/>',
  '<is><t>x</t></is>',
  '<is>',
  '</is>',
  '<t xml:space="preserve"> a </t>',
  '<is/>',
  '<r>',
  ' r="B7"',
  ' s="2"',
  ' t="str"',
  ' hidden="1"',
  '<f>A1&amp;B1</f>',
  '<f t="shared" si="0"/>',
  '<row r="3">',
  '</row>',
  '<c/>',
  '<c r="Z9"/>',
  ' t="s" s="1"',
  ' s="1" s="2"',
  ' spans="1:6"',
  '<c r="A1" t="s" s="1"><v>1</v></c>',
  '<c r="a1"><f></f><v></v></c>',
];
const STRING_PIECES = [
  ...COMMON,
  '<r>',
  '</r>',
  '<rPr>',
  '</rPr>',
  '<b/>',
  '<sz val="11"/>',
  '<rPh sb="0" eb="1"><t>x</t></rPh>',
  '<rPh/>',
  '<phoneticPr fontId="1" type="noConversion"/>',
  '<t>',
  '</t>',
  '<t/>',
  '<t xml:space="preserve"> a </t>',
  '<si>',
  '</si>',
  '<si/>',
  '_x000D_',
  '<si><t>z</t></si>',
];

const CTX: SheetContext = {
  name: 'S',
  strings: ['a', 'b'],
  styles: { numFmt: [], fill: [], locked: [] },
  date1904: false,
};

const sheetXml = (data: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="urn:x"><sheetData>${data}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
const sstXml = (items: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="urn:x" count="2" uniqueCount="2">${items}</sst>`;

describe('fast readers', () => {
  it('take the parts of the example workbooks (so the comparisons below compare two readers)', () => {
    for (const name of [
      'zaozhuang-2022-tasks.xlsx',
      'wenzhou-2024-evaluation.xlsx',
      'sanming-2024-self-building.xlsx',
    ]) {
      const pkg = packageOf(path.join(ROOT, 'examples', name))!;
      const ctx = { name: 'S', strings: pkg.sharedStrings(), styles: pkg.styles(), date1904: false };
      for (const s of pkg.sheets) {
        const xml = pkg.text(s.path);
        const body = sheetDataBody(xml);
        expect(
          body && scanSheetData(xml, body.start, body.end, new SheetBuilder(ctx)),
          `${name} ${s.path}`,
        ).toBe(true);
      }
      expect(fastStrings(pkg.text(pkg.workbookPart('sharedStrings')!)), name).not.toBeNull();
    }
  });
});

describe('fast sheet reader', () => {
  it.each([
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="0"><v>1.5</v></c></row>',
    '<row r="1" spans="1:3" hidden="1"><c r="A1" t="inlineStr"><is><t>x&amp;y</t><t xml:space="preserve"> z</t></is></c></row><row/>',
    '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2&amp;"&lt;"</f><v>1</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>2</v></c><c/></row>',
    '<row r="4" ><c r = "C4" t=\'str\'><v>a\r\nb</v></c><c r="D4" t="b"><v>1</v></c><c r="E4" t="e"><v>#N/A</v></c></row>',
    '<row r="5"><c r="A5" t="inlineStr"><is><r><t>rich</t></r></is></c></row>',
    '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>',
    '<row r="1"><c r="A1"><v>1</v></c>',
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><sheetData><row r="9"><c><v>3</v></c></row>',
    '<row r="1"><c r="A1" x="&bogus;"><v>1</v></c></row>',
    '<row r="1" spans="1:2" x14ac:dyDescent="0.25" r="4"><c r="A1" t="s" s="1"><v>1</v></c><c r="B1" s="1" s="2"><f></f><v></v></c></row>',
    '<row r="1"><c r="A1" s="1" t="s" t="n"><v>1</v></c><c r="B1" s=""><v>2</v></c><c r="b1" t=""><v>3</v></c></row>',
  ])('reads %s as the generic scanner does', (data) => {
    const xml = sheetXml(data);
    expect(outcome(readSheet, xml, CTX)).toBe(outcome(generic, xml, CTX));
  });

  it('reads every sheet of every workbook here as the generic scanner does, mutated too', () => {
    const rnd = random(20261203);
    let sheets = 0;
    for (const file of workbooks()) {
      const pkg = packageOf(file);
      if (!pkg) continue;
      const ctx = { strings: pkg.sharedStrings(), styles: pkg.styles(), date1904: pkg.date1904 };
      for (const s of pkg.sheets) {
        const xml = pkg.text(s.path);
        const c = { ...ctx, name: s.name };
        expect(outcome(readSheet, xml, c), `${file} ${s.path}`).toBe(outcome(generic, xml, c));
        sheets++;
        const from = Math.max(0, xml.indexOf('<sheetData'));
        // Mutated copies of the smaller parts only: the test stays within seconds.
        for (let i = 0; i < (xml.length < 100_000 ? 12 : 0); i++) {
          let x = xml;
          for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) x = mutate(x, from, SHEET_PIECES, rnd);
          expect(outcome(readSheet, x, c), `${file} ${s.path}: ${x}`).toBe(outcome(generic, x, c));
        }
      }
    }
    expect(sheets).toBeGreaterThan(20);
  });
});

describe('fast shared strings reader', () => {
  it.each([
    '<si><t>a</t></si><si><t xml:space="preserve"> b _x000D_ </t><phoneticPr fontId="1" type="noConversion"/></si>',
    '<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>粗</t></r><r><t>体</t></r></si>',
    '<si><t>a</t><rPh sb="0" eb="1"><t>ア</t></rPh></si>',
    // An empty <si/>: the fast reader leaves it to the generic one (one empty string).
    '<si><t>a</t></si><si/><si><t>b</t></si>',
    '<si><t>a&amp;b&#13;&#10;c</t></si>',
    '<si><t>a</t></si><si><t>b</t>',
    '<si><t>a</t><rPh/><t>b</t></si><si><t>c</t></si>',
  ])('reads %s as the generic scanner does', (items) => {
    const xml = sstXml(items);
    expect(strings(readSharedStrings, xml)).toBe(strings(genericStrings, xml));
  });

  it('reads the shared strings of every workbook here as the generic scanner does, mutated too', () => {
    const rnd = random(1203);
    let parts = 0;
    for (const file of workbooks()) {
      const pkg = packageOf(file);
      const part = pkg?.workbookPart('sharedStrings');
      if (!pkg || !part) continue;
      const xml = pkg.text(part);
      expect(strings(readSharedStrings, xml), file).toBe(strings(genericStrings, xml));
      parts++;
      const from = Math.max(0, xml.indexOf('<sst'));
      for (let i = 0; i < 60; i++) {
        let x = xml;
        for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) x = mutate(x, from, STRING_PIECES, rnd);
        expect(strings(readSharedStrings, x), `${file}: ${x}`).toBe(strings(genericStrings, x));
      }
    }
    expect(parts).toBeGreaterThan(10);
  });
});
