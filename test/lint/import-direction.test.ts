/**
 * The import direction is enforced by lint (eslint.config.mjs, perf/import-direction): an import
 * against it fails `npm run lint`. Linted as text under a path inside each folder, with the
 * project's own configuration.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'perf/import-direction').map((m) => m.message);
}

describe('import direction', () => {
  it.each([
    ['engine/x.ts', "import { FUNCTIONS } from '../addin/functions/functions';"],
    ['engine/checks/x.ts', "export { readWorkbook } from '../../xlsx/load';"],
    ['engine/x.ts', "import type { Options } from '../cli/main';"],
    ['engine/x.ts', "import { readFileSync } from 'node:fs';"],
    ['engine/x.ts', "import { join } from 'path';"],
    ['xlsx/x.ts', "import { main } from '../cli/main';"],
    ['cli/recalc/x.ts', "import { App } from '../../taskpane/components/App';"],
    ['cli/x.ts', "const m = import('../addin/excel/read');"],
    ['cli/x.ts', "type M = typeof import('../taskpane/host');"],
    ['addin/excel/x.ts', "import { t } from '../../taskpane/i18n';"],
    ['bench/x.ts', "import { productionBuild } from '../test/helpers/built';"],
  ])('%s: %s fails lint', async (file, code) => {
    expect(await problems(file, code)).toHaveLength(1);
  });

  it.each([
    ['engine/x.ts', "import { D } from './rules/decimal';"],
    ['engine/x.ts', "import Decimal from 'decimal.js';"],
    ['xlsx/x.ts', "import { EMPTY } from '../engine/grid';"],
    ['cli/x.ts', "import { readWorkbook } from '../xlsx/load';"],
    ['addin/x.ts', "import { FUNCTIONS } from '../engine/functions';"],
    ['taskpane/x.ts', "import { read } from '../addin/excel/read';"],
    ['bench/x.ts', "import { productionBuild } from '../harness/build';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
