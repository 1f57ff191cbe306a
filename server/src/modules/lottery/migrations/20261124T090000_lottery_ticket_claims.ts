import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * What a sale consumed of each limit counter moves onto the ticket row (`claims_json`, an object
 * key → cents) from the claims table, where it took 9 to 21 rows (and two B-trees each) per
 * ticket: the heaviest part of writing a sale. A cancellation still gives back exactly that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('lottery_tickets')
    .addColumn('claims_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`update lottery_tickets t set claims_json = c.claims
      from (select ticket_id, json_object_agg(key, amount)::text as claims
            from lottery_ticket_claims group by ticket_id) c
      where c.ticket_id = t.id`.execute(db);
  } else {
    await sql`update lottery_tickets set claims_json =
        (select json_group_object(key, amount) from lottery_ticket_claims c where c.ticket_id = lottery_tickets.id)
      where id in (select ticket_id from lottery_ticket_claims)`.execute(db);
  }
  await db.schema.dropTable('lottery_ticket_claims').execute();
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
