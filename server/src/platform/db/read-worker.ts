import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/**
 * better-sqlite3 runs a query on the calling thread: a scan of a busy draw's lines (a few hundred
 * milliseconds) would stop every sale waiting on the event loop. This worker answers such reads on
 * its own read-only connection; in WAL mode it reads the last committed state without blocking
 * the writer.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { readonly: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.postMessage('stopped');
    return;
  }
  const { id, sql, parameters } = message;
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size >= 200) statements.clear();
      statements.set(sql, statement);
    }
    if (!statement.reader) throw new Error('the read worker only reads');
    parentPort.postMessage({ id, rows: statement.all(parameters) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
`;

interface Reply {
  id: number;
  rows?: unknown[];
  error?: { message: string; code?: string };
}

class ReadWorker {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve(rows: unknown[]): void; reject(error: Error): void }
  >();

  constructor(private readonly file: string) {}

  /** Started on the first read; referenced only while a read is pending, so it never keeps a process alive. */
  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
    });
    worker.unref();
    worker.on('message', (reply: Reply | 'stopped') => {
      if (reply === 'stopped') return;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.error) {
        waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      } else {
        waiting.resolve(reply.rows ?? []);
      }
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      this.worker = null;
      this.failAll(new Error('SQLite read worker exited'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  all(query: CompiledQuery): Promise<unknown[]> {
    const worker = this.started();
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, sql: query.sql, parameters: query.parameters });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    worker.ref();
    const stopped = new Promise<void>((resolve) => {
      worker.on('message', (reply) => reply === 'stopped' && resolve());
      worker.once('exit', () => resolve());
    });
    worker.postMessage('stop');
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await worker.terminate();
  }
}

class ReadWorkerDriver implements Driver {
  constructor(private readonly worker: ReadWorker) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const worker = this.worker;
    return {
      async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
        return { rows: (await worker.all(compiled)) as R[] };
      },
      // biome-ignore lint/correctness/useYield: streaming is not offered by this reader
      async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
        throw new Error('the read worker does not stream');
      },
    };
  }

  async beginTransaction(): Promise<void> {
    throw new Error('the read worker only reads: no transactions');
  }

  async commitTransaction(): Promise<void> {}

  async rollbackTransaction(): Promise<void> {}

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    await this.worker.stop();
  }
}

/** A Kysely whose queries run on a worker thread's read-only connection to the SQLite file. */
export function openReadWorker<Tables>(file: string): Kysely<Tables> {
  const worker = new ReadWorker(file);
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ReadWorkerDriver(worker),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  return new Kysely<Tables>({ dialect });
}
