import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import { insertRows, insertRowsQueries } from './insert-rows.ts';

describeEngines('inserción de muchas filas', (t) => {
  it('escribe todas las filas con sus valores, también más de las que caben en una sentencia', async () => {
    const { platform } = t();
    const rows = Array.from({ length: 9001 }, (_, i) => ({
      module: 'prueba',
      key: `k${String(i).padStart(5, '0')}`,
      value_json: JSON.stringify({ i, text: "con 'comillas', \\ barra, ñ, 🎟 y\nsalto" }),
      updated_at: 'x',
    }));
    await insertRows(platform.db, 'settings', rows);
    const stored = await platform.db
      .selectFrom('settings')
      .select(['key', 'value_json'])
      .where('module', '=', 'prueba')
      .orderBy('key')
      .execute();
    expect(stored.length).toBe(9001);
    expect(stored[0].key).toBe('k00000');
    expect(JSON.parse(stored[9000].value_json)).toEqual({
      i: 9000,
      text: "con 'comillas', \\ barra, ñ, 🎟 y\nsalto",
    });
  });

  it('con un final (on conflict … returning) suma en las filas que ya estaban y devuelve las que tocó', async () => {
    const { platform } = t();
    const db = platform.db;
    await db.insertInto('counters').values({ name: 'prueba.a', value: 5 }).execute();
    const [query] = insertRowsQueries(
      db,
      'counters',
      [
        { name: 'prueba.a', value: 3 },
        { name: 'prueba.b', value: 7 },
      ],
      (oneRow) =>
        oneRow
          .onConflict((oc) =>
            oc
              .column('name')
              .doUpdateSet((eb) => ({ value: eb('counters.value', '+', eb.ref('excluded.value')) })),
          )
          .returning('name'),
    );
    const touched = (await db.executeQuery<{ name: string }>(query)).rows.map((r) => r.name).sort();
    expect(touched).toEqual(['prueba.a', 'prueba.b']);
    const values = await db
      .selectFrom('counters')
      .select(['name', 'value'])
      .where('name', 'like', 'prueba.%')
      .orderBy('name')
      .execute();
    expect(values.map((v) => [v.name, Number(v.value)])).toEqual([
      ['prueba.a', 8],
      ['prueba.b', 7],
    ]);
  });

  it('un final que enlaza valores propios se rechaza: sus marcadores no se podrían repetir por fila', () => {
    const { platform } = t();
    expect(() =>
      insertRowsQueries(platform.db, 'counters', [{ name: 'prueba.c', value: 1 }], (oneRow) =>
        oneRow.onConflict((oc) => oc.column('name').doUpdateSet({ value: 99 })),
      ),
    ).toThrow(/may not bind parameters/);
  });
});
