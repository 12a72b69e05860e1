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
import type { Arg } from '../../engine/functions/args';
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

  // The arguments before each defaulted parameter, for the functions that declare a default.
  const REQUIRED: Record<string, Arg[]> = {
    BAND: [85],
    EFFICACY: [85, 60, 100],
    FORCED: [90, [[95], [90], [80], [70], [60]]],
  };
  const defaulted = FUNCTIONS.flatMap((f) =>
    f.params.flatMap((p, i) => (p.default === undefined ? [] : [{ f, p, i, value: p.default }])),
  );

  it.each(defaulted.map((d) => [d.f.id, d.p.name, d.value, d]))(
    'PERF.%s %s: left out, empty or 0 it is %s, as both descriptions say',
    (_id, _name, _value, { f, p, i, value }) => {
      expect(isOptional(p)).toBe(true);
      expect(p.description.zh).toContain(value);
      expect(p.description.en).toContain(value);
      const before = REQUIRED[f.id];
      expect(before, `sample arguments for PERF.${f.id}`).toBeDefined();
      const args = [...before!, ...f.params.slice(before!.length, i).map(() => undefined)];
      const typed = f.call([...args, value]);
      expect(typed.ok).toBe(true);
      for (const notGiven of [undefined, null, '', 0]) expect(f.call([...args, notGiven])).toEqual(typed);
    },
  );
});
