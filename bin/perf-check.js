#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled by `npm run build:node` (run by `prepare` on install).
let main;
try {
  main = require('../dist/cli/main.js').main;
} catch (err) {
  const missing = err && err.code === 'MODULE_NOT_FOUND';
  process.stderr.write(
    missing
      ? 'perf-check: 未找到编译后的程序，请先运行 npm run build:node (compiled CLI missing)\n'
      : 'perf-check: 无法加载编译后的程序，请重新运行 npm run build:node (compiled CLI cannot be loaded)\n',
  );
  process.exit(2);
}
// A reader that goes away early (perf-check … | head) is not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write('perf-check: 无法写出结果 (cannot write output)\n');
  process.exit(2);
});
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
