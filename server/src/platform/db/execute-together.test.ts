import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import { executeAllTogether, executeTogether } from './execute-together.ts';
import { insertRowsQueries } from './insert-rows.ts';

describeEngines('escrituras juntas', (t) => {
  it('aplica todas: filas nuevas, un upsert y un cambio a una fila que ya estaba', async () => {
    const { platform } = t();
    const db = platform.db;
    await db
      .insertInto('settings')
      .values({ module: 'prueba', key: 'vieja', value_json: '1', updated_at: 'x' })
      .execute();
    await db.insertInto('counters').values({ name: 'prueba.juntas', value: 5 }).execute();
    await executeTogether(db, [
      ...insertRowsQueries(db, 'settings', [
        { module: 'prueba', key: 'a', value_json: '"uno"', updated_at: 'x' },
        { module: 'prueba', key: 'b', value_json: '"dos"', updated_at: 'x' },
      ]),
      db
        .insertInto('counters')
        .values({ name: 'prueba.juntas', value: 3 })
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 3) })))
        .compile(),
      db.updateTable('settings').set({ value_json: '2' }).where('key', '=', 'vieja').compile(),
    ]);
    const settings = await db
      .selectFrom('settings')
      .select(['key', 'value_json'])
      .where('module', '=', 'prueba')
      .orderBy('key')
      .execute();
    expect(settings).toEqual([
      { key: 'a', value_json: '"uno"' },
      { key: 'b', value_json: '"dos"' },
      { key: 'vieja', value_json: '2' },
    ]);
    const counter = await db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'prueba.juntas')
      .executeTakeFirst();
    expect(Number(counter?.value)).toBe(8);
  });

  it('más parámetros de los que caben en una sentencia: se reparten y se escriben todas', async () => {
    const { platform } = t();
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      module: 'muchas',
      key: `k${String(i).padStart(5, '0')}`,
      value_json: String(i),
      updated_at: 'x',
    }));
    await executeTogether(platform.db, [
      ...insertRowsQueries(platform.db, 'settings', rows.slice(0, 10_000)),
      ...insertRowsQueries(platform.db, 'settings', rows.slice(10_000)),
    ]);
    const stored = await platform.db
      .selectFrom('settings')
      .select(['key', 'value_json'])
      .where('module', '=', 'muchas')
      .orderBy('key')
      .execute();
    expect(stored).toHaveLength(20_000);
    expect(stored.at(-1)).toEqual({ key: 'k19999', value_json: '19999' });
  });

  it('si una falla, la transacción no guarda ninguna', async () => {
    const { platform } = t();
    const db = platform.db;
    await db
      .insertInto('settings')
      .values({ module: 'prueba', key: 'ocupada', value_json: '1', updated_at: 'x' })
      .execute();
    await expect(
      db
        .transaction()
        .execute((trx) =>
          executeTogether(trx, [
            trx.insertInto('counters').values({ name: 'prueba.fallida', value: 1 }).compile(),
            trx
              .insertInto('settings')
              .values({ module: 'prueba', key: 'ocupada', value_json: '2', updated_at: 'x' })
              .compile(),
          ]),
        ),
    ).rejects.toThrow();
    const counter = await db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'prueba.fallida')
      .executeTakeFirst();
    expect(counter).toBeUndefined();
  });

  it('devuelve las filas de cada escritura, en orden y con los números como números', async () => {
    const { platform } = t();
    const db = platform.db;
    await db.insertInto('counters').values({ name: 'prueba.devuelta', value: 40 }).execute();
    const bump = (name: string, by: number) =>
      db
        .insertInto('counters')
        .values({ name, value: by })
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', by) })))
        .returning(['name', 'value'])
        .compile();
    const results = await executeAllTogether(db, [
      bump('prueba.devuelta', 2),
      bump('prueba.nueva', 5),
      db
        .updateTable('counters')
        .set({ value: 0 })
        .where('name', '=', 'no.existe')
        .returning('name')
        .compile(),
    ]);
    expect(results).toEqual([
      [{ name: 'prueba.devuelta', value: 42 }],
      [{ name: 'prueba.nueva', value: 5 }],
      [],
    ]);
    expect(await executeAllTogether(db, [])).toEqual([]);
  });
});
