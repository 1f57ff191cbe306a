import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../../test/harness.ts';
import { lotteryDb } from '../db.ts';
import { up } from './20261127T100000_lottery_unique_blocks.ts';

describeEngines('migración: un solo bloqueo o número caliente activo por alcance', (t) => {
  it('de los duplicados ya guardados queda activo el más antiguo, y después la base rechaza otro', async () => {
    const app = t();
    const db = lotteryDb(app.platform.db);
    const real = await db
      .selectFrom('lottery_lotteries')
      .select('id')
      .where('code', '=', 'REAL')
      .executeTakeFirstOrThrow();
    // The database as the previous version left it: no unique index, duplicates possible.
    await sql`drop index lottery_blocks_active_unique`.execute(app.platform.db);
    await sql`drop index lottery_hot_numbers_active_unique`.execute(app.platform.db);
    const block = (id: string, createdAt: string, lotteryId: string | null, active = 1) => ({
      id,
      number: '77',
      lottery_id: lotteryId,
      draw_id: null,
      bet_type: null,
      reason: id,
      active,
      created_at: createdAt,
      updated_at: createdAt,
    });
    await db
      .insertInto('lottery_blocked_numbers')
      .values([
        block('blk-c', '2026-01-20T10:00:00.000Z', null),
        block('blk-b', '2026-01-10T10:00:00.000Z', null),
        // Same instant as blk-b: the smaller id is the older one.
        block('blk-a', '2026-01-10T10:00:00.000Z', null),
        block('blk-old-lifted', '2026-01-01T10:00:00.000Z', null, 0),
        // Another reach (REAL only): not a duplicate of the others.
        block('blk-real', '2026-01-25T10:00:00.000Z', real.id),
      ])
      .execute();
    const hot = (id: string, createdAt: string) => ({
      id,
      number: '78',
      lottery_id: null,
      directo_cents: 5000,
      pale1_cents: null,
      pale2_cents: null,
      tripleta1_cents: null,
      tripleta2_cents: null,
      tripleta3_cents: null,
      reason: id,
      active: 1,
      created_at: createdAt,
      updated_at: createdAt,
    });
    await db
      .insertInto('lottery_hot_numbers')
      .values([hot('hot-b', '2026-01-15T10:00:00.000Z'), hot('hot-a', '2026-01-05T10:00:00.000Z')])
      .execute();

    await up(app.platform.db as unknown as Parameters<typeof up>[0]);

    const active = async (table: 'lottery_blocked_numbers' | 'lottery_hot_numbers', number: string) =>
      (
        await db
          .selectFrom(table)
          .select('id')
          .where('number', '=', number)
          .where('active', '=', 1)
          .orderBy('id')
          .execute()
      ).map((r) => r.id);
    expect(await active('lottery_blocked_numbers', '77')).toEqual(['blk-a', 'blk-real']);
    expect(await active('lottery_hot_numbers', '78')).toEqual(['hot-a']);
    // Taken out of effect, not deleted: the rows (and any audit entry naming them) stay.
    expect(
      (await db.selectFrom('lottery_blocked_numbers').select('id').where('number', '=', '77').execute())
        .length,
    ).toBe(5);

    await expect(
      db
        .insertInto('lottery_blocked_numbers')
        .values(block('blk-d', '2026-01-26T10:00:00.000Z', null))
        .execute(),
    ).rejects.toThrow(/lottery_blocks_active_unique/);
    await expect(
      db.insertInto('lottery_hot_numbers').values(hot('hot-c', '2026-01-26T10:00:00.000Z')).execute(),
    ).rejects.toThrow(/lottery_hot_numbers_active_unique/);
    // An inactive duplicate is history, not a conflict.
    await db
      .insertInto('lottery_blocked_numbers')
      .values(block('blk-e', '2026-01-26T10:00:00.000Z', null, 0))
      .execute();
  });
});
