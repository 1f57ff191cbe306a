import { CompiledQuery, Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executeTogether } from './execute-together.ts';
import { SchemaScopedPostgresDialect } from './postgres-dialect.ts';
import { inlined } from './postgres-driver.ts';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('PostgreSQL: menos viajes por transacción [postgres]', () => {
  const schema = `t_pipe_${Math.random().toString(36).slice(2, 10)}`;
  let admin: pg.Client;
  // biome-ignore lint/suspicious/noExplicitAny: a throw-away schema
  let db: Kysely<any>;
  let messages: string[] = [];
  const query = pg.Client.prototype.query;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.query(`create table ${schema}.caja (id integer primary key, nota text)`);
    const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
    db = new Kysely({ dialect: new SchemaScopedPostgresDialect({ pool }) });
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (typeof args[0] === 'string' && this !== admin) messages.push(args[0]);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  });

  afterEach(async () => {
    messages = [];
    await admin.query(`truncate ${schema}.caja`);
  });

  afterAll(async () => {
    pg.Client.prototype.query = query;
    await db.destroy();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  const rows = async () => (await admin.query(`select id, nota from ${schema}.caja order by id`)).rows;

  it('BEGIN viaja con la primera sentencia y las escrituras diferidas con el COMMIT: dos mensajes', async () => {
    await db.transaction().execute(async (trx) => {
      const { rows: found } = await sql<{ n: number }>`select count(*)::int as n from caja`.execute(trx);
      expect(found).toEqual([{ n: 0 }]);
      await executeTogether(
        trx,
        [
          trx.insertInto('caja').values({ id: 1, nota: 'uno' }).compile(),
          trx.insertInto('caja').values({ id: 2, nota: 'dos' }).compile(),
        ],
        'with the next statement',
      );
    });
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^begin;\n/);
    expect(messages[1]).toMatch(/;\ncommit$/);
    expect(await rows()).toEqual([
      { id: 1, nota: 'uno' },
      { id: 2, nota: 'dos' },
    ]);
  });

  it('una escritura diferida que falla hace fallar el COMMIT, no deja nada y la conexión sigue sirviendo', async () => {
    await admin.query(`insert into ${schema}.caja values (5, 'antes')`);
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('caja').values({ id: 6, nota: 'seis' }).execute();
      await executeTogether(
        trx,
        [trx.insertInto('caja').values({ id: 5, nota: 'repetido' }).compile()],
        'with the next statement',
      );
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(await rows()).toEqual([{ id: 5, nota: 'antes' }]);
    const { rows: after } = await sql<{ n: number }>`select count(*)::int as n from caja`.execute(db);
    expect(after).toEqual([{ n: 1 }]);
  });

  it('una transacción que falla en su primera sentencia se deshace y la conexión sigue sirviendo', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await sql`select * from tabla_que_no_existe`.execute(trx);
    });
    await expect(failing).rejects.toMatchObject({ code: '42P01' });
    await db.insertInto('caja').values({ id: 7, nota: 'después' }).execute();
    expect(await rows()).toEqual([{ id: 7, nota: 'después' }]);
  });

  it('una transacción sin sentencias no viaja', async () => {
    await db.transaction().execute(async () => {});
    expect(messages).toEqual([]);
  });

  it('los valores escritos en el texto valen lo mismo que los parámetros', async () => {
    const values = [
      "O'Higgins",
      'C:\\caja\\1',
      'ñandú — 1 €',
      null,
      42,
      -7.5,
      12345678901234n,
      true,
      new Date('2026-11-22T08:00:00.000Z'),
      { líneas: [{ número: '23', monto: 100 }], nota: "it's" },
      '$1 y $2',
    ];
    const bytes = Buffer.from([0, 92, 39, 255]);
    const select = sql`select ${sql.join(values.map((v) => sql`${v}::text`))}, ${bytes}::bytea as b`.compile(
      db,
    );
    const asParameters = (await db.executeQuery(select)).rows;
    const asLiterals = (await db.executeQuery(CompiledQuery.raw(inlined(select)))).rows;
    expect(asLiterals).toEqual(asParameters);
    expect(asLiterals[0]).toMatchObject({ b: bytes });
  });
});
