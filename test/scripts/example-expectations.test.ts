/**
 * The example generator declares what a checker should report on each example (ExampleSpec.clean
 * for the file as published, Mistake.code for each planted mistake); this holds those declarations
 * to what the engine reports, so they cannot drift.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../cli/xlsx';
import { analyseWorkbook } from '../../engine';
import { EXAMPLES } from '../../scripts/make-examples';

const DIR = path.join(__dirname, '..', '..', 'examples');

async function reported(file: string): Promise<Set<string>> {
  const sheets = analyseWorkbook(await readWorkbookFile(path.join(DIR, file)));
  return new Set(
    sheets.flatMap((s) =>
      s.findings.filter((f) => f.severity !== 'info').map((f) => `${s.sheet}!${f.cell} ${f.code}`),
    ),
  );
}

describe('example expectations', () => {
  it.each(EXAMPLES.map((e) => [e.name, e] as const))(
    '%s: the clean file reports what it declares',
    async (name, e) => {
      const expected = e.clean.filter((x) => x.code !== null).map((x) => `${x.sheet}!${x.cell} ${x.code}`);
      expect([...(await reported(`${name}.xlsx`))].sort()).toEqual(expected.sort());
    },
  );

  it.each(EXAMPLES.filter((e) => e.mistakes !== null).map((e) => [e.name, e] as const))(
    '%s-mistakes: every planted mistake is reported at its cell',
    async (name, e) => {
      const got = await reported(`${name}-mistakes.xlsx`);
      const missing = e
        .mistakes!.filter((m) => m.code !== null)
        .map((m) => `${m.sheet}!${m.cell} ${m.code}`)
        .filter((k) => !got.has(k));
      expect(missing).toEqual([]);
    },
  );
});
