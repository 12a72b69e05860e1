// Bundles the CLI into dist/bundle/ (esbuild, CommonJS) and makes its V8 code cache:
// - main.cjs: the whole command line, engine and reader. The parts a command may not need (the
//   recalc, the review, the writer) stay inside it as modules initialised on first use.
// - check-worker.cjs: the worker thread of a batch (cli/pool.ts).
// - vendor-*.cjs: the large libraries only some inputs need (.xls/.ods reading; the formula
//   parser and formula functions of `recalc`; fflate and saxes, below), required from main.cjs
//   when first used, so a check neither reads nor compiles them.
// - main.cjs.<hash>.cache: V8's compiled code of main.cjs after checking the example workbooks
//   (scripts/warm-code-cache.cjs), which bin/perf-check.js hands to V8 (bin/code-cache.js).
// One file read and one cache instead of compiling hundreds of modules: start-up is module
// loading, not work (README, Performance). CommonJS because Node 20 caches compiled code only
// for scripts run through node:vm, not for ES modules.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execPath } from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

/** Package → the file it is bundled into, next to main.cjs. */
const VENDORS = {
  '@e965/xlsx': 'vendor-sheetjs.cjs',
  'fast-formula-parser': 'vendor-formula-parser.cjs',
  '@formulajs/formulajs': 'vendor-formulajs.cjs',
  fflate: 'vendor-fflate.cjs',
  saxes: 'vendor-saxes.cjs',
};

// Libraries every command imports but few runs call, loaded on their first call instead of at
// start. fflate: imported by xlsx/zip.ts, but the CLI inflates with Node's zlib (cli/xlsx.ts) and
// deflates only when it writes a workbook; its module builds its Huffman tables when loaded.
// saxes: xlsx/xml.ts's parser for XML its own scanner does not take (comments, CDATA, a
// DOCTYPE), which producers rarely write; its module builds its character-class regular
// expressions when loaded (~4 ms). These are the only names the CLI's sources import from them
// (a missing one fails the build).
const ON_FIRST_USE = {
  fflate: `
let f;
const load = () => (f ??= require('./vendor-fflate.cjs'));
export const inflateSync = (...a) => load().inflateSync(...a);
export const deflateSync = (...a) => load().deflateSync(...a);
`,
  saxes: `
let s;
const load = () => (s ??= require('./vendor-saxes.cjs'));
export class SaxesParser {
  constructor(...a) {
    return new (load().SaxesParser)(...a);
  }
}
`,
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  minify: true, // less to read and to compile when the cache cannot be used
  // No names kept for the minified functions: keeping them is a defineProperty call per function
  // and class (~1300) at every start, ~15 M instructions, a tenth of what a 50-row check adds to
  // a bare node start. Nothing here reads a function's or a class's name (an error's name is its
  // prototype's; zod names its classes itself).
  keepNames: false,
  logLevel: 'warning',
};

for (const [pkg, file] of Object.entries(VENDORS))
  await build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root },
    outfile: join(outdir, file),
  });

await build({
  ...common,
  entryPoints: { main: 'cli/main.ts', 'check-worker': 'cli/check-worker.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  // import() of a vendor file becomes require(): a script run through node:vm has no loader for
  // import() (bin/code-cache.js), and the file is CommonJS anyway.
  supported: { 'dynamic-import': false },
  plugins: [
    {
      name: 'vendors',
      setup(b) {
        b.onResolve({ filter: /^(@e965\/xlsx|fast-formula-parser|@formulajs\/formulajs)$/ }, (args) => ({
          path: `./${VENDORS[args.path]}`,
          external: true,
        }));
        b.onResolve({ filter: /^\.\/vendor-[a-z-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
        b.onResolve({ filter: /^(fflate|saxes)$/ }, (args) => ({
          path: args.path,
          namespace: 'on-first-use',
        }));
        b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => ({
          contents: ON_FIRST_USE[args.path],
          loader: 'js',
        }));
      },
    },
  ],
});

// esbuild writes non-ASCII characters as escapes in strings but leaves them in regular
// expressions (/任务数/). One such character makes V8 hold the whole source as two bytes per
// character and makes reading it a UTF-8 decoding; all ASCII, bin/code-cache.js reads it as is.
// An escape \uXXXX means the same character in a regular expression, a string or a name; after
// a backslash it would not (\中 is 中, \\u4E2D is not), so that stops the build.
for (const file of ['main.cjs', 'check-worker.cjs']) {
  const path = join(outdir, file);
  const text = readFileSync(path, 'utf8');
  if (/\\[\u0080-\uffff]/.test(text)) throw new Error(`${file}: a non-ASCII character after a backslash`);
  writeFileSync(
    path,
    text.replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    ),
  );
}

// The cache is made in a process of its own: V8 accepts a cache only under the flags it was
// made with, and bin/perf-check.js runs without any.
execFileSync(execPath, [join(root, 'scripts', 'warm-code-cache.cjs')], {
  cwd: root,
  stdio: 'inherit',
});
