// The floor of `perf-check validate` on one file: a node process that only unzips the workbook
// with fflate and scans its sheet XML with saxes (every element seen, nothing kept).
const { readFileSync } = require('node:fs');
const { unzipSync, strFromU8 } = require('fflate');
const { SaxesParser } = require('saxes');

for (const file of process.argv.slice(2)) {
  const parts = unzipSync(readFileSync(file));
  let elements = 0;
  for (const [name, data] of Object.entries(parts)) {
    if (!/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(name)) continue;
    const p = new SaxesParser();
    p.on('opentag', () => elements++);
    p.write(strFromU8(data)).close();
  }
  if (elements === 0) process.exitCode = 1;
}
