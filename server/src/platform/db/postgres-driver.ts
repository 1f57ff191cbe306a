import { createRequire } from 'node:module';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';

const DEFERRED = Symbol('deferred until the next statement');

/**
 * Marks a write whose result nobody reads so that, inside a transaction, it travels to PostgreSQL
 * with the next statement (or the COMMIT) instead of in a round trip of its own. Its error, if any,
 * surfaces there; the transaction is then rolled back as for any other failure.
 */
export function deferred(query: CompiledQuery): CompiledQuery {
  return Object.assign({ ...query }, { [DEFERRED]: true });
}

const isDeferred = (query: CompiledQuery) => (query as { [DEFERRED]?: true })[DEFERRED] === true;

// pg turns a parameter into text this way (Date, arrays, objects as JSON …); that text becomes the literal.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils') as {
  prepareValue(value: unknown): unknown;
};

function literalOf(value: unknown): string {
  const prepared = prepareValue(value);
  if (prepared === null) return 'null';
  if (Buffer.isBuffer(prepared)) return `decode('${prepared.toString('hex')}', 'hex')`;
  const text = String(prepared);
  if (text.includes('\\')) return ` E'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A statement with its parameters written in as untyped literals: PostgreSQL resolves `'…'` the way
 * it resolves an untyped `$n`, so the statement means the same and can share a message with others.
 */
export function inlined(query: CompiledQuery): string {
  if (query.parameters.length === 0) return query.sql;
  return query.sql.replace(/\$(\d+)/g, (_, n) => literalOf(query.parameters[Number(n) - 1]));
}

function resultOf(result: pg.QueryResult): QueryResult<unknown> {
  const { command, rowCount, rows } = result;
  return {
    numAffectedRows:
      command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE'
        ? BigInt(rowCount ?? 0)
        : undefined,
    rows: rows ?? [],
  };
}

/**
 * A pooled connection that saves round trips inside a transaction: `BEGIN` is not sent on its own
 * but in front of the transaction's first statement, and deferred writes go with the statement
 * after them or with the `COMMIT`, all in one simple-protocol message (which stops at the first
 * error). Under load each round trip waits for the event loop: a sales batch is two, its first
 * statement with the BEGIN and its writes with the COMMIT.
 */
class PipeliningConnection implements DatabaseConnection {
  private waiting: string[] = [];
  private inTransaction = false;
  private begun = false;

  constructor(readonly client: pg.PoolClient) {}

  begin(statement: string): void {
    this.inTransaction = true;
    this.begun = false;
    this.waiting = [statement];
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction && isDeferred(query)) {
      this.waiting.push(inlined(query));
      return { rows: [] };
    }
    if (this.waiting.length === 0) {
      return resultOf(await this.client.query(query.sql, [...query.parameters])) as QueryResult<R>;
    }
    const message = [...this.waiting, inlined(query)].join(';\n');
    this.waiting = [];
    this.begun = true;
    const results = (await this.client.query(message)) as unknown as pg.QueryResult[];
    return resultOf(results[results.length - 1]) as QueryResult<R>;
  }

  async commit(): Promise<void> {
    const sent = this.begun || this.waiting.length > 1;
    try {
      if (sent) await this.executeQuery(CompiledQuery.raw('commit'));
    } finally {
      this.waiting = [];
    }
    this.inTransaction = false;
  }

  async rollback(): Promise<void> {
    const begun = this.begun;
    this.waiting = [];
    this.inTransaction = false;
    this.begun = false;
    if (begun) await this.client.query('rollback');
  }

  // biome-ignore lint/correctness/useYield: Kysely's interface; this app never streams from PostgreSQL
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by this driver');
  }
}

/** Kysely's PostgreSQL driver, with PipeliningConnection. */
export class PipeliningPostgresDriver implements Driver {
  constructor(private readonly pool: pg.Pool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PipeliningConnection(await this.pool.connect());
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let statement = 'begin';
    if (settings.isolationLevel || settings.accessMode)
      statement = [
        'start transaction',
        settings.isolationLevel && `isolation level ${settings.isolationLevel}`,
        settings.accessMode,
      ]
        .filter(Boolean)
        .join(' ');
    (connection as PipeliningConnection).begin(statement);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PipeliningConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PipeliningConnection).rollback();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PipeliningConnection).client.release();
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}
