'use strict';
// Makes the V8 code cache of dist/bundle/main.cjs (run by scripts/bundle-cli.mjs): loads the
// bundle as bin/perf-check.js does, checks and scores the example workbooks with the output
// thrown away, so the cache holds the code those commands compile, then writes the cache.
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const { loadBundle } = require('../bin/code-cache.js');

const root = join(__dirname, '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => join(root, 'examples', f));
const silent = { write: () => true };
const io = { stdout: silent, stderr: silent, env: { PERF_CHECK_WORKERS: '1' } };

async function warm() {
  const bundle = loadBundle(join(root, 'dist', 'bundle', 'main.cjs'));
  const { main } = bundle.exports;
  // What the CLI is run for most: validate (JSON and the report) and score.
  await main(['validate', '--json', ...examples], io);
  await main(['validate', ...examples], io);
  await main(['score', '--json', ...examples], io);
  bundle.writeCache();
}

warm().catch((err) => {
  // Without a cache the CLI still runs, only slower to start: say so, do not fail the build.
  process.stderr.write(`warm-code-cache: no code cache made (${err && err.message})\n`);
});
