import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';

describeEngines('lecturas largas fuera del bucle de eventos', (t) => {
  it('el lector ve lo confirmado, no lo que una transacción abierta todavía no confirmó', async () => {
    const { platform } = t();
    const { db, reader } = platform.database;
    const row = (key: string) => ({ module: 'lector', key, value_json: '1', updated_at: 'x' });
    const keys = () =>
      reader.selectFrom('settings').select('key').where('module', '=', 'lector').orderBy('key').execute();
    await db.insertInto('settings').values(row('confirmada')).execute();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values(row('pendiente')).execute();
      expect(await keys()).toEqual([{ key: 'confirmada' }]);
    });
    expect(await keys()).toEqual([{ key: 'confirmada' }, { key: 'pendiente' }]);
  });

  it('muchas lecturas a la vez vuelven cada una con su propia respuesta', async () => {
    const { platform } = t();
    const { reader } = platform.database;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        reader
          .selectFrom('users')
          .select((eb) => eb.val(i).as('n'))
          .limit(1)
          .executeTakeFirstOrThrow(),
      ),
    );
    expect(answers.map((a) => Number(a.n))).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('una consulta que falla rechaza solo a quien la pidió y el lector sigue sirviendo', async () => {
    const { platform } = t();
    const { reader } = platform.database;
    await expect(
      reader
        .selectFrom('no_existe' as 'users')
        .selectAll()
        .execute(),
    ).rejects.toThrow(/no_existe/);
    const users = await reader.selectFrom('users').select('username').execute();
    expect(users.length).toBeGreaterThan(0);
  });
});
