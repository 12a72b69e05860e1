/**
 * Fuzzing the .xlsx reader (xlsx/load.ts) with damaged bytes: a valid workbook with bytes flipped,
 * cut short, spliced or with its zip directory corrupted. Whatever the damage, the reader returns a
 * workbook or throws an InputError with both messages, never anything else (which the CLI could
 * only report as an internal error).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../xlsx/errors';
import { checkZipSizes, loadWorkbook } from '../../xlsx/load';
import { runs } from './arbitraries';

const good = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'bad', 'headers-only.xlsx')));

type Damage =
  | { kind: 'flip'; at: number[]; byte: number }
  | { kind: 'cut'; at: number }
  | { kind: 'splice'; at: number; len: number }
  | { kind: 'tail'; at: number[]; byte: number };

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(fc.nat(good.length - 1), { minLength: 1, maxLength: 8 }),
    byte: fc.nat(255),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(good.length - 1) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(good.length - 1), len: fc.nat(400) }),
  // The last 1 KB holds the central directory and its end record: sizes, offsets, counts.
  fc.record({
    kind: fc.constant('tail' as const),
    at: fc.array(fc.nat(1023), { minLength: 1, maxLength: 6 }),
    byte: fc.constantFrom(0x00, 0xff, 0x7f, 0x80),
  }),
);

function damage(d: Damage): Uint8Array {
  const b = new Uint8Array(good);
  switch (d.kind) {
    case 'flip':
      for (const i of d.at) b[i] = d.byte;
      return b;
    case 'tail':
      for (const i of d.at) b[Math.max(0, b.length - 1 - i)] = d.byte;
      return b;
    case 'cut':
      return b.subarray(0, d.at);
    case 'splice':
      return new Uint8Array([...b.subarray(0, d.at), ...b.subarray(Math.min(b.length, d.at + d.len))]);
  }
}

describe('damaged .xlsx bytes', () => {
  it('give a workbook or an InputError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(damageArb, async (d) => {
        const bytes = damage(d);
        expect(() => checkZipSizes(bytes)).not.toThrow();
        try {
          const wb = await loadWorkbook(bytes);
          expect(Array.isArray(wb.sheets)).toBe(true);
        } catch (e) {
          if (!(e instanceof InputError)) expect.fail(`${d.kind}: ${String(e)}`);
          expect(e.messageZh.length).toBeGreaterThan(0);
          expect(e.messageEn.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(400) },
    );
  });
});
