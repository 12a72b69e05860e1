#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled by `npm run build:node` (run by `prepare` on install).
let main;
try {
  main = require('../dist/cli/main.js').main;
} catch (err) {
  process.stderr.write('perf-check: 未找到编译后的程序，请先运行 npm run build:node (compiled CLI missing)\n');
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => process.exit(code));
