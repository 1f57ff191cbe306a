import { type Kysely, sql } from 'kysely';

/**
 * Settlement appends its outcome to two narrow tables instead of rewriting wide line and ticket rows
 * (ARCHITECTURE.md "Database"): the winning lines, and one prize row per ticket that won something and
 * is not paid or expired yet. A ticket stays `pending` in storage until it is paid, expires or is
 * cancelled; active and loser are read from its draws.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lottery_winning_lines')
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('draw_id', 'text', (c) => c.notNull())
    .addColumn('bet_type', 'text', (c) => c.notNull())
    .addColumn('prize_class', 'text', (c) => c.notNull())
    .addColumn('prize_amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lottery_winning_lines_pk', ['ticket_id', 'line_id'])
    .execute();
  await db.schema
    .createIndex('lottery_winning_lines_draw_idx')
    .on('lottery_winning_lines')
    .columns(['draw_id', 'ticket_id'])
    .execute();

  await db.schema
    .createTable('lottery_ticket_prizes')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey())
    .addColumn('prize_total', 'bigint', (c) => c.notNull())
    .addColumn('decided', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  // Unclaimed prizes and the expiry job read decided prizes by expiry; settlement finds the undecided.
  await db.schema
    .createIndex('lottery_ticket_prizes_due_idx')
    .on('lottery_ticket_prizes')
    .columns(['decided', 'expires_at'])
    .execute();

  // A database settled the old way: its outcomes move into the new tables.
  await sql`insert into lottery_winning_lines (ticket_id, line_id, draw_id, bet_type, prize_class, prize_amount)
    select ticket_id, id, draw_id, bet_type, coalesce(prize_class, ''), prize_amount
    from lottery_ticket_lines where status = 'winner'`.execute(db);
  await sql`insert into lottery_ticket_prizes (ticket_id, prize_total, decided, expires_at)
    select id, prize_total, 1, expires_at from lottery_tickets where status = 'winner'`.execute(db);
  await sql`insert into lottery_ticket_prizes (ticket_id, prize_total, decided, expires_at)
    select t.id, sum(w.prize_amount), 0, t.expires_at
    from lottery_tickets t inner join lottery_winning_lines w on w.ticket_id = t.id
    where t.status in ('pending', 'active')
    group by t.id, t.expires_at`.execute(db);
  await sql`update lottery_ticket_lines set status = 'pending', prize_class = null, prize_amount = 0
    where status = 'winner'`.execute(db);
  await sql`update lottery_tickets set status = 'pending', prize_total = 0
    where status in ('active', 'loser', 'winner')`.execute(db);
  await db.schema.dropIndex('lottery_lines_draw_winner_idx').execute();
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
