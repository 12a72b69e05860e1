/**
 * What the CLI bundle (dist/bundle/, scripts/bundle-cli.mjs) carries and loads at start-up
 * (issue 12: start-up time; README, Performance). Builds dist/ first when it is stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/built';

const root = resolve(__dirname, '../..');
const bundleDir = join(root, 'dist/bundle');

beforeAll(() => ensureBuilt(), 120_000);

describe('the CLI bundle', () => {
  it("carries zod's English messages and none of its other locales", () => {
    const texts = readdirSync(bundleDir)
      .filter((f) => f.endsWith('.mjs'))
      .map((f) => readFileSync(join(bundleDir, f), 'utf8'));
    // English is what every message of ours is checked against; German stands for the ~40
    // locales that re-exporting zod's whole namespace used to pull in (engine/zod.ts).
    expect(texts.some((t) => t.includes('Invalid input: expected'))).toBe(true);
    expect(texts.filter((t) => t.includes('Ungültige Eingabe') || t.includes('erwartet'))).toEqual([]);
  });
});
