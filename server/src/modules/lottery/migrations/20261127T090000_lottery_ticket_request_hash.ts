import type { Kysely } from 'kysely';

/**
 * What a sale's request said, hashed, beside its Idempotency-Key: the same key sent again with
 * another request is refused instead of answering with the first ticket. Tickets sold before
 * have none and replay as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('lottery_tickets').addColumn('request_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('lottery_tickets').dropColumn('request_hash').execute();
}
