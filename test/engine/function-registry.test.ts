/**
 * The PERF functions are declared once (engine/functions/<module>.ts): no other product source
 * names a function's id, so adding or renaming one is one module. The few places still naming an
 * id are listed with their owner; the list may only shrink (the test fails when one is gone too).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../engine/functions';

const ROOT = join(__dirname, '../..');
const PRODUCT = ['engine', 'xlsx', 'cli', 'addin', 'taskpane'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx|js|json|html)$/.test(name)) out.push(relative(ROOT, p));
  }
  return out;
}

/** Still naming an id, and why they are not changed here. */
const KNOWN: Record<string, string[]> = {
  // engine/rules/*: comments in the rule reader (the rules branch owns it). engine/write-plan.ts
  // writes =PERF.SCORE(…) / =PERF.BAND(…) formulas and engine/bands.ts names the functions that use
  // it (both the pane's, issue 16 part 4).
  SCORE: ['engine/rules/decimal.ts', 'engine/rules/types.ts', 'engine/write-plan.ts'],
  BAND: ['engine/bands.ts', 'engine/write-plan.ts'],
  FORCED: ['engine/bands.ts'],
};

describe('function registry', () => {
  const files = PRODUCT.flatMap((d) => sources(join(ROOT, d))).map((f) => ({
    file: f,
    text: readFileSync(join(ROOT, f), 'utf8'),
  }));

  it.each(FUNCTIONS.map((f) => [f.id]))('PERF.%s is named in its own module only', (id) => {
    const pattern = new RegExp(`PERF[._]${id}\\b|['"\`]${id}['"\`]`);
    const naming = files.filter((f) => pattern.test(f.text)).map((f) => f.file);
    const own = naming.filter((f) => f.startsWith('engine/functions/'));
    expect(own).toHaveLength(1);
    expect(naming.filter((f) => !own.includes(f)).sort()).toEqual((KNOWN[id] ?? []).sort());
  });

  it('has unique ids and Chinese names, required parameters before optional ones', () => {
    expect(new Set(FUNCTIONS.map((f) => f.id)).size).toBe(FUNCTIONS.length);
    expect(new Set(FUNCTIONS.map((f) => f.zh)).size).toBe(FUNCTIONS.length);
    for (const f of FUNCTIONS) {
      const firstOptional = f.params.findIndex((p) => p.optional !== undefined);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });
});
