import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.ts';
import { type AnyTransaction, eachInSavepoint, GroupCommitter } from './group-commit.ts';

describeEngines('commit en grupo', (t) => {
  it('confirma juntas muchas obras concurrentes y revierte solo las que fallan', async () => {
    const { platform, engine } = t();
    type Work = (trx: AnyTransaction) => Promise<number>;
    const committer = new GroupCommitter<Work, number>(platform.db, {
      maxBatch: 16,
      concurrency: engine === 'sqlite' ? 1 : 3,
      retries: 5,
      run: (trx, works) => eachInSavepoint(trx, works, (work) => work(trx)),
    });
    await platform.db.insertInto('counters').values({ name: 'cupo', value: 0 }).execute();
    const limit = 37;
    const results = await Promise.allSettled(
      Array.from({ length: 120 }, (_, i) =>
        committer.submit(async (trx) => {
          await trx
            .insertInto('settings')
            .values({ module: 'test', key: `k${i}`, value_json: '1', updated_at: 'x' })
            .execute();
          const taken = await sql<{
            value: number;
          }>`update counters set value = value + 1 where name = 'cupo' and value + 1 <= ${limit} returning value`.execute(
            trx,
          );
          if (taken.rows.length === 0) throw new Error('AGOTADO');
          return i;
        }),
      ),
    );
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    expect(accepted).toBe(limit);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .every((r) => (r as PromiseRejectedResult).reason.message === 'AGOTADO'),
    ).toBe(true);
    const counter = await platform.db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'cupo')
      .executeTakeFirstOrThrow();
    expect(Number(counter.value)).toBe(limit);
    const rows = await platform.db
      .selectFrom('settings')
      .select('key')
      .where('module', '=', 'test')
      .execute();
    expect(rows.length).toBe(limit);
  });
});
