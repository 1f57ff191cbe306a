import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lottery_results')
    .addColumn('draw_id', 'text', (c) => c.primaryKey().references('lottery_draws.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('previous_json', 'text')
    .addColumn('correction_reason', 'text')
    .addColumn('corrected_by', 'text')
    .addColumn('corrected_at', 'text')
    .addColumn('reverting', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tickets_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('lottery_settlement_totals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draw_id', 'text', (c) => c.notNull().references('lottery_draws.id'))
    .addColumn('banca_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('winning_lines', 'integer', (c) => c.notNull())
    .addColumn('prize_total', 'bigint', (c) => c.notNull())
    .addColumn('ledger_entry_id', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text', (c) => c.notNull())
    .addColumn('reversed_at', 'text')
    .execute();
  await db.schema
    .createIndex('lottery_settlement_totals_draw_idx')
    .on('lottery_settlement_totals')
    .column('draw_id')
    .execute();

  await db.schema
    .createTable('lottery_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique().references('lottery_tickets.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('banca_id', 'text', (c) => c.notNull())
    .addColumn('paid_banca_id', 'text', (c) => c.notNull())
    .addColumn('paid_by', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('ip', 'text')
    .execute();

  // Settlement reads a draw's tickets and its winners without touching the losing lines' rows.
  await db.schema
    .createIndex('lottery_lines_draw_ticket_idx')
    .on('lottery_ticket_lines')
    .columns(['draw_id', 'ticket_id'])
    .execute();
  // Partial: only winning lines are in it (a few %), so it never tempts the planner for the rest.
  await db.schema
    .createIndex('lottery_lines_draw_winner_idx')
    .on('lottery_ticket_lines')
    .column('draw_id')
    .where(sql.ref('status'), '=', 'winner')
    .execute();
  // Unclaimed prizes and the expiry job look winners up by status.
  await db.schema
    .createIndex('lottery_tickets_status_idx')
    .on('lottery_tickets')
    .columns(['status', 'expires_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
