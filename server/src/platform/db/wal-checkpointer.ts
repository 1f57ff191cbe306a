import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker's own connection to the database file runs a passive checkpoint (WAL → database file)
 * every few milliseconds. A passive checkpoint never blocks the writer; one that cannot run now
 * (the file busy with a backup or a migration) runs at a later tick.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {}
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

/**
 * Checkpoints a WAL-mode SQLite file from a worker thread. Left to the connection that commits, a
 * checkpoint copies megabytes and syncs the database file inside some unlucky sale's commit, on the
 * event loop; here the sales only ever append to the WAL (synced at commit, `synchronous=FULL`).
 */
export function startWalCheckpointer(file: string, everyMs = 100): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, everyMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => console.error('SQLite checkpoint worker failed', error));
  return {
    async stop() {
      const stopped = new Promise<void>((resolve) => worker.once('message', () => resolve()));
      worker.postMessage('stop');
      await Promise.race([stopped, exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      await worker.terminate();
    },
  };
}
