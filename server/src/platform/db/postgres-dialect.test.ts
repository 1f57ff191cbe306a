import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaScopedPostgresDialect } from './postgres-dialect.ts';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('PostgreSQL: migrar mientras otros crean y borran esquemas [postgres]', () => {
  const schema = `t_intro_${Math.random().toString(36).slice(2, 10)}`;
  let admin: pg.Client;
  // biome-ignore lint/suspicious/noExplicitAny: a throw-away schema
  let db: Kysely<any>;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.query(`create table ${schema}.propia (id integer)`);
    const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
    db = new Kysely({ dialect: new SchemaScopedPostgresDialect({ pool }) });
  });

  afterAll(async () => {
    await db.destroy();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('la lista de tablas del migrador ve solo las de su esquema y nunca falla por los esquemas ajenos', async () => {
    let churning = true;
    const churn = (async () => {
      for (let i = 0; churning; i++) {
        const other = `${schema}_otro${i}`;
        await admin.query(`create schema ${other}`);
        await admin.query(`create table ${other}.kysely_migration (name text, role text)`);
        await admin.query(`alter table ${other}.kysely_migration drop column role`);
        await admin.query(`drop schema ${other} cascade`);
      }
    })();
    try {
      for (let i = 0; i < 150; i++) {
        const tables = await db.introspection.getTables();
        expect(tables.map((t) => [t.schema, t.name])).toEqual([[schema, 'propia']]);
        expect((await db.introspection.getSchemas()).some((s) => s.name === schema)).toBe(true);
      }
    } finally {
      churning = false;
      await churn;
    }
    expect((await sql<{ n: number }>`select 1 as n`.execute(db)).rows).toEqual([{ n: 1 }]);
  });
});
