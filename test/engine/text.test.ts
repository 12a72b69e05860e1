/** The shortcuts taken for speed in text normalisation and decimal reading change no result. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NFKC_STABLE, cachedMatchKey, matchKey, nfkc } from '../../engine/text';
import { dec, D } from '../../engine/rules/decimal';

/** nfkc as it was before the fast path and the cache. */
const slowNfkc = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\u2013\u2014\u2212\uFF0D]/g, '-')
    .replace(/\u3000/g, ' ');

describe('nfkc fast path', () => {
  it('every character of the fast-path set is left alone by the full normalisation', () => {
    const ranges: [number, number][] = [
      [0x0000, 0x007f],
      [0x4e00, 0x9fff],
      [0x3001, 0x3002],
      [0x3008, 0x3011],
    ];
    for (const [a, b] of ranges)
      for (let c = a; c <= b; c++) {
        const s = String.fromCharCode(c);
        expect(NFKC_STABLE.test(s)).toBe(true);
        expect(slowNfkc(s)).toBe(s);
      }
  });

  it('characters just outside the set are not taken as stable', () => {
    for (const s of ['（', '１', '\u3000', '\u2014', '\uFF0D', '…', '㍿', '\uF900', 'é'])
      expect(NFKC_STABLE.test(s)).toBe(false);
  });

  it('gives the same text as the full normalisation, first call and cached', () => {
    const pieces = fc.constantFrom(
      '任务要点',
      '执行率≥80%',
      '（5分）',
      '１０',
      '\u3000',
      '—',
      '\u2212',
      'ＡＢ',
      'e\u0301',
      '㍿',
      ' ',
      '\n',
      '。',
      '，',
      '【】',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect(nfkc(s)).toBe(slowNfkc(s));
        expect(nfkc(s)).toBe(slowNfkc(s));
      }),
    );
  });
});

describe('dec cache and integer shortcut', () => {
  it('equals reading the number at 15 significant digits', () => {
    const slow = (x: number): string => new D(x === 0 ? 0 : x.toPrecision(15)).toString();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constantFrom(0, -0, 1e15, 1e15 + 1, -1e15 - 3, 2 ** 53, 0.1, 21.9, 999999999999999),
        ),
        (x) => {
          expect(dec(x).toString()).toBe(slow(x));
          expect(dec(x).toString()).toBe(slow(x)); // cached
        },
      ),
    );
  });

  it('reads text constants exactly and refuses bad text', () => {
    expect(dec('0.8').toString()).toBe('0.8');
    expect(dec('0.8').plus(dec('0.1')).toString()).toBe('0.9');
    expect(() => dec('abc')).toThrow();
    expect(() => dec(Number.NaN)).toThrow(RangeError);
  });
});

/** matchKey as it was before its fast path. */
const slowKey = (s: string): string => slowNfkc(s).replace(/\s+/g, '').toLowerCase();

describe('matchKey fast path', () => {
  it('gives the full key for every character of the fast-path set and the ones beside it', () => {
    const ranges: [number, number][] = [
      [0x0000, 0x00ff],
      [0x3000, 0x3020],
      [0x4dff, 0x4e01],
      [0x9ffe, 0xa000],
    ];
    for (const [a, b] of ranges)
      for (let c = a; c <= b; c++)
        expect(matchKey(String.fromCharCode(c))).toBe(slowKey(String.fromCharCode(c)));
    expect(matchKey('任务要点1')).toBe('任务要点1'); // worked by hand: nothing to change
    expect(matchKey('Ａ 指标\n名称')).toBe('a指标名称');
    expect(matchKey('No.')).toBe('no.');
  });

  it('gives the same key as before on mixed text', () => {
    const pieces = fc.constantFrom(
      '任务要点',
      '合计',
      '小 计',
      'AB',
      'ab',
      '（5分）',
      '１０',
      '\u3000',
      '\t',
      '—',
      'e\u0301',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect(matchKey(s)).toBe(slowKey(s));
      }),
    );
  });
});

describe('cachedMatchKey', () => {
  it('gives matchKey of each text, repeated or new, before and after the cache fills', () => {
    expect(cachedMatchKey('Ａ 指标\n名称')).toBe('a指标名称'); // worked by hand: NFKC, no spaces, lower case
    const texts = fc.sample(fc.string({ unit: 'grapheme', maxLength: 12 }), 300);
    for (let round = 0; round < 2; round++)
      for (const t of texts) expect(cachedMatchKey(t)).toBe(matchKey(t));
    // Past 20 000 distinct texts the cache starts again; keys stay right.
    for (let i = 0; i < 20_500; i++) expect(cachedMatchKey(`指标 ${i}`)).toBe(`指标${i}`);
    for (const t of texts) expect(cachedMatchKey(t)).toBe(matchKey(t));
  });
});
