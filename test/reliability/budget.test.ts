/** The fuzz budget: at least 10,000 generated cases per CI run across the property suites. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('the property suites generate at least 10,000 cases per run', () => {
  const files = [
    ...readdirSync(__dirname)
      .filter((f) => f.endsWith('.fuzz.test.ts'))
      .map((f) => join(__dirname, f)),
    join(__dirname, '..', 'engine', 'property.test.ts'),
  ];
  let total = 0;
  for (const f of files)
    for (const m of readFileSync(f, 'utf8').matchAll(/numRuns: (?:runs\()?([\d_]+)/g))
      total += Number(m[1]!.replace(/_/g, ''));
  expect(files.length).toBeGreaterThanOrEqual(4);
  console.log(`fuzz budget: ${total} cases per run in ${files.length} files`);
  expect(total).toBeGreaterThanOrEqual(10_000);
});
