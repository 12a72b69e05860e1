// Issue 14's measure in instructions: the bench's review rounds (bench/run.ts, review()) in one
// process, without the file system and the clock. The 100 returned workbooks and the template are
// read from DIR once (written there first, as the bench writes them, if DIR has no r99.xlsx); then,
// in the bench's order (read, review; review, read; …), a read round
// parses every file with the CLI's reader and a review round also reviews it against the template
// and ranks the units. Between rounds it calls process.cpuUsage(), so callgrind can count each
// round on its own:
//
//   valgrind --tool=callgrind --dump-before=getrusage --callgrind-out-file=cg \
//     node --import tsx --predictable bench/review-rounds.js DIR [rounds]
//
// --predictable has V8 compile and collect on the counted thread, at fixed points. Each part
// cg.N (N ≥ 2) is one round: read 0, review 0, review 1, read 1, read 2, review 2, …; the bench
// drops round 0 and takes the medians of the other five.
require('../cli/xlsx');
const fs = require('node:fs');
const path = require('node:path');
const E = require('../engine/index');
const L = require('../xlsx/load');

const [dir, rounds = '6'] = process.argv.slice(2);
const files = Array.from({ length: 100 }, (_, i) => path.join(dir, `r${i}.xlsx`));
const workbook = (b) => L.loadPackage(b).read.workbook;
let bytes = [];
let tpl;

/** The bench's review set: its template and 100 returned workbooks (bench/run.ts, review()). */
async function writeSet() {
  const F = require('../scripts/make-review-fixtures');
  const { workbookBuffer } = require('../scripts/make-examples');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'review-template.xlsx'), await F.templateBuffer());
  for (let i = 0; i < files.length; i++)
    fs.writeFileSync(
      files[i],
      await workbookBuffer([F.reviewSheet(F.REVIEW_UNITS[i % F.REVIEW_UNITS.length])]),
    );
}

function read() {
  for (const b of bytes) workbook(b);
}
function review() {
  const template = E.prepareTemplate(workbook(tpl));
  const units = [];
  for (let i = 0; i < bytes.length; i++) units.push(E.reviewWorkbook(template, workbook(bytes[i]), files[i]));
  return E.consolidate(units, template.items, E.DEFAULT_SETTINGS.forced);
}

async function main() {
  if (!fs.existsSync(files[99])) await writeSet();
  bytes = files.map((f) => fs.readFileSync(f));
  tpl = fs.readFileSync(path.join(dir, 'review-template.xlsx'));
  for (let i = 0; i < Number(rounds); i++)
    for (const round of i % 2 ? [review, read] : [read, review]) {
      process.cpuUsage();
      round();
    }
  process.cpuUsage();
}
main();
