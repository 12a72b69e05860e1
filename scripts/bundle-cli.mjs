// Bundles the CLI into dist/bundle/ (esbuild, ES modules with code splitting): main.mjs holds the
// command line; the engine and reader, the recalc (formula parser, formulajs) and the worker are
// chunks loaded only by the commands that need them. One file read per part instead of hundreds
// of small modules: start-up is module loading, not work (README, Performance).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'cli/main.ts', 'check-worker': 'cli/check-worker.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  minify: true, // less to parse at start-up
  keepNames: true,
  logLevel: 'warning',
  // CommonJS dependencies call require(); the CLI's own code reads __dirname.
  banner: {
    js: [
      "import { createRequire as __perfCreateRequire } from 'node:module';",
      "import { fileURLToPath as __perfFileURLToPath } from 'node:url';",
      "import { dirname as __perfDirname } from 'node:path';",
      'const require = __perfCreateRequire(import.meta.url);',
      'const __filename = __perfFileURLToPath(import.meta.url);',
      'const __dirname = __perfDirname(__filename);',
    ].join('\n'),
  },
});
