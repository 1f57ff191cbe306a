import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import { insertRows } from './insert-rows.ts';

describeEngines('inserción de muchas filas', (t) => {
  it('escribe todas las filas con sus valores, también más de las que caben en una sentencia', async () => {
    const { platform } = t();
    const rows = Array.from({ length: 9001 }, (_, i) => ({
      module: 'prueba',
      key: `k${String(i).padStart(5, '0')}`,
      value_json: JSON.stringify({ i, text: "con 'comillas'" }),
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
    expect(JSON.parse(stored[9000].value_json)).toEqual({ i: 9000, text: "con 'comillas'" });
  });
});
