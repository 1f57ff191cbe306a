import type { Kysely } from 'kysely';

/**
 * `lottery_lines_draw_ticket_idx (draw_id, ticket_id)` put every sold line at the end of its draw's
 * range, a different page per draw: with the (draw_id, bet_type, bet_number) index beside it, a batch
 * of sales over many draws dirtied twice the pages, and its insert and commit took twice as long.
 * What it served is answered as well by the other two: a ticket's lines in one draw through
 * (ticket_id), and a draw's tickets through (draw_id, bet_type, bet_number).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('lottery_lines_draw_ticket_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('lottery_lines_draw_ticket_idx')
    .on('lottery_ticket_lines')
    .columns(['draw_id', 'ticket_id'])
    .execute();
}
