import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Driver,
  type Kysely,
  PostgresDialect,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';
import type pg from 'pg';
import { PipeliningPostgresDriver } from './postgres-driver.ts';

/**
 * Kysely's PostgreSQL introspector reads every column of every table in every schema, through
 * catalog functions that fail when another connection creates or drops a table meanwhile
 * ("schema … does not exist", "column … does not exist"): two instances, or two test workers,
 * migrating at once. Its only user here is the migrator asking whether its own tables and schema
 * exist, so this one reads plain catalog rows: the schemas' names and the current schema's tables.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  // biome-ignore lint/suspicious/noExplicitAny: introspects any schema
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<SchemaMetadata>`select nspname as name from pg_catalog.pg_namespace`.execute(
      this.db,
    );
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string }>`
      select c.relname as name, n.nspname as schema
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p')`.execute(this.db);
    return rows.map((row) => ({ ...row, isView: false, columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/** PostgreSQL as this app uses it: the pipelining driver and the current schema's introspector. */
export class SchemaScopedPostgresDialect extends PostgresDialect {
  constructor(private readonly config: { pool: pg.Pool }) {
    super(config);
  }

  override createDriver(): Driver {
    return new PipeliningPostgresDriver(this.config.pool);
  }

  // biome-ignore lint/suspicious/noExplicitAny: introspects any schema
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
