import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../../test/harness.ts';
import { lotteryDb } from '../db.ts';
import { up } from './20261124T090000_lottery_ticket_claims.ts';

describeEngines('migración: los consumos de límites pasan a la fila del ticket', (t) => {
  it('un ticket vendido con la tabla de consumos los conserva en claims_json, y anularlo los devuelve', async () => {
    const app = t();
    const juan = await app.login('juan001');
    const sold = await app.app.inject({
      method: 'POST',
      url: '/api/v1/lottery/tickets',
      headers: { cookie: juan },
      payload: { entry: 'REAL|23|10\nREAL|45|5' },
    });
    expect(sold.statusCode, sold.body).toBe(201);
    const code = sold.json().ticket.ticket_code as string;
    const db = lotteryDb(app.platform.db);
    const ticket = await db
      .selectFrom('lottery_tickets')
      .select(['id', 'claims_json'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const claims = JSON.parse(ticket.claims_json) as Record<string, number>;
    expect(Object.keys(claims).length).toBeGreaterThan(0);

    // The database as the previous version left it: claims in their own table, no column.
    await sql`create table lottery_ticket_claims (ticket_id text not null, key text not null, amount bigint not null, primary key (ticket_id, key))`.execute(
      app.platform.db,
    );
    for (const [key, amount] of Object.entries(claims))
      await sql`insert into lottery_ticket_claims (ticket_id, key, amount) values (${ticket.id}, ${key}, ${amount})`.execute(
        app.platform.db,
      );
    await sql`alter table lottery_tickets drop column claims_json`.execute(app.platform.db);

    await up(app.platform.db as unknown as Parameters<typeof up>[0]);

    const migrated = await db
      .selectFrom('lottery_tickets')
      .select(['claims_json'])
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(migrated.claims_json)).toEqual(claims);
    const others = await db
      .selectFrom('lottery_tickets')
      .select('claims_json')
      .where('id', '!=', ticket.id)
      .execute();
    for (const other of others) expect(other.claims_json).toBe('{}');

    const cancelled = await app.app.inject({
      method: 'POST',
      url: `/api/v1/lottery/tickets/${code}/cancel`,
      headers: { cookie: juan },
      payload: { reason: 'cliente se arrepintió' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const counters = await db
      .selectFrom('lottery_limit_counters')
      .select(['key', 'sold'])
      .where('key', 'in', Object.keys(claims))
      .execute();
    expect(counters.length).toBe(Object.keys(claims).length);
    for (const counter of counters) expect(Number(counter.sold)).toBe(0);
  });
});
