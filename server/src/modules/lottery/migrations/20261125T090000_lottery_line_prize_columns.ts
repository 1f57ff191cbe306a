import type { Kysely } from 'kysely';

/**
 * Since prizes live in `lottery_winning_lines` (20261123T090000), a ticket line's own
 * `prize_class` and `prize_amount` were written (null, 0) at every sale and never read. One column
 * per statement: SQLite drops a single column per ALTER TABLE.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('lottery_ticket_lines').dropColumn('prize_class').execute();
  await db.schema.alterTable('lottery_ticket_lines').dropColumn('prize_amount').execute();
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
