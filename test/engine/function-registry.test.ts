/**
 * The PERF functions are declared once (engine/functions/<module>.ts): no other source names a
 * function's id, so adding or renaming one is one module. Other code takes the id from the
 * declaration (formulaName / formulaCall in engine/functions/index.ts): the write plan's formulas,
 * the pane's words, the benchmark. The example and fixture generators (scripts/) are left out:
 * they write the formulas a clerk types, as data, like the tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../engine/functions';
import { isOptional } from '../../engine/functions/spec';

const ROOT = join(__dirname, '../..');
const SOURCES = ['engine', 'xlsx', 'cli', 'addin', 'taskpane', 'bench'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx|js|mjs|json|html)$/.test(name)) out.push(relative(ROOT, p));
  }
  return out;
}

describe('function registry', () => {
  const files = SOURCES.flatMap((d) => sources(join(ROOT, d))).map((f) => ({
    file: f,
    text: readFileSync(join(ROOT, f), 'utf8'),
  }));

  it.each(FUNCTIONS.map((f) => [f.id]))('PERF.%s is named in its own module only', (id) => {
    const pattern = new RegExp(`PERF[._]${id}\\b|['"\`]${id}['"\`]`);
    const naming = files.filter((f) => pattern.test(f.text)).map((f) => f.file);
    expect(naming).toEqual([`engine/functions/${id.toLowerCase()}.ts`]);
  });

  it('has unique ids and Chinese names, required parameters before optional ones', () => {
    expect(new Set(FUNCTIONS.map((f) => f.id)).size).toBe(FUNCTIONS.length);
    expect(new Set(FUNCTIONS.map((f) => f.zh)).size).toBe(FUNCTIONS.length);
    for (const f of FUNCTIONS) {
      const firstOptional = f.params.findIndex(isOptional);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every(isOptional)).toBe(true);
    }
  });
});
