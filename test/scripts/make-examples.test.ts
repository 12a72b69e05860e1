/** The committed example workbooks are exactly what the generator makes from the seed data. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { buildExamples } from '../../scripts/make-examples';
import { makeTempDir } from '../cli/helpers';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
const sha = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

it('regenerates every example byte for byte', async () => {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const written = await buildExamples(tmp.dir);
  expect(written.length).toBeGreaterThanOrEqual(14);
  for (const f of written)
    expect(sha(f), basename(f)).toBe(sha(join(__dirname, '..', '..', 'examples', basename(f))));
});
