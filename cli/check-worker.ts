/**
 * A worker thread of a batch (cli/pool.ts): checks the files it is sent, one message per file,
 * and answers with the outcome. Loads ExcelJS and the engine once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as engine from '../engine/index.js';
import * as xlsx from './xlsx.js';
import { checkFile, type CheckJob } from './check-file.js';

const job = workerData as CheckJob;
const port = parentPort;
if (port) {
  // Files are checked one after another, in the order they arrive.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (msg: { index: number; file: string }) => {
    chain = chain.then(async () => {
      const outcome = await checkFile(msg.file, job, { engine, xlsx });
      port.postMessage({ index: msg.index, outcome });
    });
  });
}
