'use strict';
/**
 * `npm run validate [-- manifest]`: Microsoft's manifest validator (office-addin-manifest). It
 * sends the manifest to Microsoft's validation service, so it needs the network. Offline, the
 * manifest checks of the test suite (test/addin/manifest.test.ts) are what there is.
 * Runs the package's CLI through node: its cli.js is published without the executable bit.
 */
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(path.dirname(require.resolve('office-addin-manifest/package.json')), 'cli.js');
const args = process.argv.slice(2);
const result = spawnSync(
  process.execPath,
  [cli, 'validate', ...(args.length > 0 ? args : ['manifest.xml'])],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (result.status !== 0) {
  console.error(
    '\n验证服务需要联网；离线时请运行 npx vitest run test/addin/manifest.test.ts（离线清单检查）。\n' +
      'The validation service needs the network; offline, run npx vitest run test/addin/manifest.test.ts.',
  );
}
process.exitCode = result.status === null ? 1 : result.status;
