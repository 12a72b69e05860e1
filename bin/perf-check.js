#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is bundled into dist/bundle/main.cjs, with a V8 code cache, and compiled
// into dist/cli/ by `npm run build:node` (run by `prepare` on install). The bundle starts faster
// (bin/code-cache.js); the compiled modules are the fallback.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'bundle', 'main.cjs');

function missing(err) {
  const notFound = err && (err.code === 'MODULE_NOT_FOUND' || err.code === 'ERR_MODULE_NOT_FOUND');
  process.stderr.write(
    notFound
      ? 'perf-check: 未找到编译后的程序，请先运行 npm run build:node (compiled CLI missing)\n'
      : 'perf-check: 无法加载编译后的程序，请重新运行 npm run build:node (compiled CLI cannot be loaded)\n',
  );
  process.exit(2);
}

async function load() {
  const main = existsSync(bundle)
    ? require('./code-cache.js').loadBundle(bundle).exports.main
    : require('../dist/cli/main.js').main;
  // V8 optimises a function with TurboFan once it has run a while (its interrupt budget: 66 KB of
  // bytecode in Node 20), a tuning for pages that run for minutes. A check runs for a second or
  // less: on the bench's 10k-row workbook TurboFan compiled ~50 functions, a quarter of the
  // process's instructions, mostly work that had not paid back when the process ended (README,
  // Performance). Six times the budget: the hot loops are still optimised, the rest stays in the
  // baseline tiers. Set after loading: V8 takes a code cache only under the flags it was made with.
  require('node:v8').setFlagsFromString('--interrupt-budget=400000');
  return main;
}

// A reader that goes away early (perf-check … | head) is not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write('perf-check: 无法写出结果 (cannot write output)\n');
  process.exit(2);
});

load().then((main) => {
  if (typeof main !== 'function') missing(null);
  // exitCode instead of exit(): lets stdout drain when it is a pipe.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.stderr.write('perf-check: 内部错误 (internal error)\n');
      process.exitCode = 2;
    },
  );
}, missing);
