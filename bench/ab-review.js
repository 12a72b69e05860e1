// Issue 14's measure for two builds at once, in one process: `npm run bench -- review` as
// bench/run.ts takes it (read the 100 returned workbooks alone, or read, check against the
// template, score and rank them; one warm-up round, then 5, each side's rounds interleaved), for
// build A and build B side by side. On a machine whose other load comes and goes, two builds
// measured in separate runs differ by the load as much as by their code; here every round of one
// is next to a round of the other. Each build's reader and engine are its own modules, so each
// starts as cold as in a run of its own.
//
//   npm run build:node (in both trees), then
//   node bench/ab-review.js <tree A> <tree B> [processes]
//
// Prints, per process, each side's median read and review times (wall and CPU of this process)
// and their ratio; then the medians over the processes, and in how many processes A's engine
// (review CPU minus read CPU) took less than B's.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function child(trees, dir) {
  const files = Array.from({ length: 100 }, (_, i) => path.join(dir, `r${i}.xlsx`));
  const tplFile = path.join(dir, 'review-template.xlsx');
  const mods = trees.map((t) => ({
    E: require(path.join(t, 'dist', 'engine', 'index.js')),
    X: require(path.join(t, 'dist', 'cli', 'xlsx.js')),
  }));
  const run = async ({ E, X }, what) => {
    if (what === 'read') {
      for (const f of files) await X.readWorkbookFile(f);
      return;
    }
    const template = E.prepareTemplate(await X.readWorkbookFile(tplFile));
    const units = [];
    for (const f of files) units.push(E.reviewWorkbook(template, await X.readWorkbookFile(f), f));
    E.consolidate(units, template.items, E.DEFAULT_SETTINGS.forced);
  };
  const names = ['A:read', 'A:review', 'B:read', 'B:review'];
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < 6; i++)
    for (const n of [...names.slice(i % 4), ...names.slice(0, i % 4)]) {
      const [side, what] = n.split(':');
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await run(mods[side === 'A' ? 0 : 1], what);
      const t = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (i === 0) continue; // warm-up, as in bench/run.ts
      wall[n].push(t);
      cpu[n].push((c.user + c.system) / 1000);
    }
  const out = {};
  for (const s of ['A', 'B'])
    out[s] = {
      read: median(wall[`${s}:read`]),
      review: median(wall[`${s}:review`]),
      cpuRead: median(cpu[`${s}:read`]),
      cpuReview: median(cpu[`${s}:review`]),
    };
  process.stdout.write(JSON.stringify(out));
}

async function main() {
  const [a, b, n = '15'] = process.argv.slice(2);
  if (process.env.AB_CHILD) return child([a, b], process.env.AB_CHILD);
  if (!a || !b) {
    process.stderr.write('usage: node bench/ab-review.js <tree A> <tree B> [processes]\n');
    process.exit(2);
  }
  // The bench's review set: the test set's 13 kinds of unit repeated to 100, and the template.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ab-review-'));
  const F = require(path.resolve(a, 'dist', 'scripts', 'make-review-fixtures.js'));
  const M = require(path.resolve(a, 'dist', 'scripts', 'make-examples.js'));
  fs.writeFileSync(path.join(dir, 'review-template.xlsx'), await F.templateBuffer());
  for (let i = 0; i < 100; i++)
    fs.writeFileSync(
      path.join(dir, `r${i}.xlsx`),
      await M.workbookBuffer([F.reviewSheet(F.REVIEW_UNITS[i % F.REVIEW_UNITS.length])]),
    );
  const runs = [];
  for (let i = 0; i < Number(n); i++) {
    const p = spawnSync(process.execPath, [__filename, path.resolve(a), path.resolve(b)], {
      env: { ...process.env, AB_CHILD: dir },
      encoding: 'utf8',
    });
    if (p.status !== 0) throw new Error(p.stderr);
    const r = JSON.parse(p.stdout);
    runs.push(r);
    const line = (s) =>
      `${s} ${r[s].review.toFixed(0)} / ${r[s].read.toFixed(0)} ms → ${(r[s].review / r[s].read).toFixed(2)}` +
      ` (CPU ${(r[s].cpuReview / r[s].cpuRead).toFixed(2)})`;
    console.log(`${line('A')}   ${line('B')}   load ${os.loadavg()[0].toFixed(1)}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  for (const s of ['A', 'B']) {
    const m = (f) => median(runs.map((r) => f(r[s])));
    console.log(
      `${s}: ratio ${m((x) => x.review / x.read).toFixed(2)}, CPU ratio ${m((x) => x.cpuReview / x.cpuRead).toFixed(2)},` +
        ` engine CPU ${m((x) => x.cpuReview - x.cpuRead).toFixed(0)} ms (medians of ${runs.length} processes)`,
    );
  }
  const fewer = runs.filter((r) => r.A.cpuReview - r.A.cpuRead < r.B.cpuReview - r.B.cpuRead).length;
  console.log(`A's engine CPU below B's in ${fewer} of ${runs.length} processes`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
