import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { SchemaScopedPostgresDialect } from './postgres-dialect.ts';
import { openReadWorker } from './read-worker.ts';
import type { PlatformTables } from './tables.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<PlatformTables>;
  /**
   * For long reads (a draw's lines, a month's report) that must not stop the event loop: on SQLite
   * a worker thread's own read-only connection, on PostgreSQL (and an in-memory SQLite) `db` itself.
   * It sees what is committed, not the caller's open transaction.
   */
  reader: Kysely<PlatformTables>;
  engine: Engine;
  /** The PostgreSQL pool (LISTEN/NOTIFY needs its own client); null on SQLite. */
  pool: pg.Pool | null;
  /** The SQLite handle (online backup); null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  /** PostgreSQL only: the schema in the search path when not the default. */
  schema: string | null;
  close(): Promise<void>;
}

// int8 (COUNT, SUM cast to bigint, bigint cents) as JS numbers: every real amount is far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export interface OpenOptions {
  /** PostgreSQL only: the schema every connection works in (tests use a throw-away schema). */
  schema?: string;
  poolSize?: number;
}

export function engineOf(url: string): Engine {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and preparing costs more
 * than running a small query. Keep the most recent ones by SQL text.
 */
function cachePreparedStatements(sqlite: SQLite.Database, size = 1000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      cache.delete(source);
      cache.set(source, cached);
      return cached;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return statement;
  }) as typeof sqlite.prepare;
}

/** A deployment may pin its schema in the URL: `postgres://…/db?options=-c%20search_path%3Dmatriz`. */
function searchPathOf(url: string): string | undefined {
  const options = new URL(url).searchParams.get('options') ?? '';
  return /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(options)?.[1];
}

export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (engineOf(url) === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    const sqlite = new SQLite(file === ':memory:' ? ':memory:' : resolve(file));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    cachePreparedStatements(sqlite);
    const checkpointer = file === ':memory:' ? null : startWalCheckpointer(resolve(file));
    if (checkpointer) sqlite.pragma('wal_autocheckpoint = 0');
    const db = new Kysely<PlatformTables>({ dialect: new SqliteDialect({ database: sqlite }) });
    const reader = file === ':memory:' ? db : openReadWorker<PlatformTables>(resolve(file));
    return {
      db,
      reader,
      engine: 'sqlite',
      pool: null,
      sqlite,
      schema: null,
      close: async () => {
        if (reader !== db) await reader.destroy();
        await checkpointer?.stop();
        await db.destroy();
      },
    };
  }
  const schema = options.schema ?? searchPathOf(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 16,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // An idle client's error must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<PlatformTables>({ dialect: new SchemaScopedPostgresDialect({ pool }) });
  return {
    db,
    reader: db,
    engine: 'postgres',
    pool,
    sqlite: null,
    schema: schema ?? null,
    close: () => db.destroy(),
  };
}
