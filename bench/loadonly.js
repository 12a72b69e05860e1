// The floor of the batch CLI benchmark: loads each file with ExcelJS and nothing else.
// `--threads N` loads them on N threads (the main one and N-1 workers, taking files from a shared
// counter), as the CLI does with worker threads.
const { Worker, isMainThread, workerData } = require('node:worker_threads');

async function loadFrom(files, counter) {
  const ExcelJS = require('exceljs');
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1))
    await new ExcelJS.Workbook().xlsx.readFile(files[i]);
}

if (isMainThread) {
  const args = process.argv.slice(2);
  let threads = 1;
  if (args[0] === '--threads') {
    threads = Math.max(1, Number(args[1]) || 1);
    args.splice(0, 2);
  }
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Promise((resolve, reject) => {
        const w = new Worker(require('node:path').join(__dirname, 'loadonly.js'), {
          workerData: { files: args, counter },
        });
        w.on('exit', resolve);
        w.on('error', reject);
      }),
  );
  Promise.all([loadFrom(args, counter), ...workers]).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  loadFrom(workerData.files, workerData.counter);
}
