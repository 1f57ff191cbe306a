import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lottery_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('banca_id', 'text', (c) => c.notNull().references('lottery_bancas.id'))
    .addColumn('zone_id', 'text', (c) => c.notNull())
    .addColumn('seller_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('global_multiplier', 'integer', (c) => c.notNull())
    .addColumn('discount_bp', 'integer', (c) => c.notNull())
    .addColumn('total_lines', 'integer', (c) => c.notNull())
    .addColumn('total_bet', 'bigint', (c) => c.notNull())
    .addColumn('total_discount', 'bigint', (c) => c.notNull())
    .addColumn('total_subtotal', 'bigint', (c) => c.notNull())
    .addColumn('grand_total', 'bigint', (c) => c.notNull())
    .addColumn('total_commission', 'bigint', (c) => c.notNull())
    .addColumn('total_net', 'bigint', (c) => c.notNull())
    .addColumn('lines_hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('terminal_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('customer_name', 'text')
    .addColumn('customer_phone', 'text')
    .addColumn('customer_email', 'text')
    .addColumn('earliest_draw_at', 'text', (c) => c.notNull())
    .addColumn('latest_draw_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('paid_by', 'text')
    .addColumn('paid_banca_id', 'text')
    .addColumn('prize_total', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('reprint_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // A retry with the same Idempotency-Key finds the ticket instead of selling it twice.
  await db.schema
    .createIndex('lottery_tickets_idempotency_idx')
    .on('lottery_tickets')
    .columns(['seller_id', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('lottery_tickets_day_idx')
    .on('lottery_tickets')
    .columns(['business_date', 'banca_id'])
    .execute();
  await db.schema
    .createIndex('lottery_tickets_hash_idx')
    .on('lottery_tickets')
    .columns(['banca_id', 'lines_hash'])
    .execute();

  await db.schema
    .createTable('lottery_ticket_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('lottery_tickets.id'))
    .addColumn('line_number', 'integer', (c) => c.notNull())
    .addColumn('draw_id', 'text', (c) => c.notNull().references('lottery_draws.id'))
    .addColumn('lottery_id', 'text', (c) => c.notNull())
    .addColumn('bet_type', 'text', (c) => c.notNull())
    .addColumn('bet_number', 'text', (c) => c.notNull())
    .addColumn('typed', 'text', (c) => c.notNull())
    .addColumn('requested_amount', 'bigint', (c) => c.notNull())
    .addColumn('bet_amount', 'bigint', (c) => c.notNull())
    .addColumn('multiplier', 'integer', (c) => c.notNull())
    .addColumn('discount_bp', 'integer', (c) => c.notNull())
    .addColumn('discount_amount', 'bigint', (c) => c.notNull())
    .addColumn('subtotal', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('commission_bp', 'integer', (c) => c.notNull())
    .addColumn('commission_amount', 'bigint', (c) => c.notNull())
    .addColumn('net_amount', 'bigint', (c) => c.notNull())
    .addColumn('prize_multipliers', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('prize_class', 'text')
    .addColumn('prize_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('lottery_lines_ticket_idx')
    .on('lottery_ticket_lines')
    .column('ticket_id')
    .execute();
  await db.schema
    .createIndex('lottery_lines_draw_idx')
    .on('lottery_ticket_lines')
    .columns(['draw_id', 'bet_type', 'bet_number'])
    .execute();

  await db.schema
    .createTable('lottery_limit_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('max_cents', 'bigint', (c) => c.notNull())
    .addColumn('lottery_id', 'text')
    .addColumn('draw_id', 'text')
    .addColumn('zone_id', 'text')
    .addColumn('banca_id', 'text')
    .addColumn('bet_type', 'text')
    .addColumn('number', 'text')
    .addColumn('weekday', 'integer')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lottery_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('draw_id', 'text', (c) => c.notNull())
    .addColumn('sold', 'bigint', (c) => c.notNull())
    .addColumn('lim', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lottery_counters_draw_idx')
    .on('lottery_limit_counters')
    .column('draw_id')
    .execute();

  /** What each sale consumed, so a cancellation gives back exactly that even if the rules changed since. */
  await db.schema
    .createTable('lottery_ticket_claims')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('lottery_tickets.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lottery_ticket_claims_pk', ['ticket_id', 'key'])
    .execute();

  await db.schema
    .createTable('lottery_blocked_numbers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lottery_id', 'text')
    .addColumn('draw_id', 'text')
    .addColumn('bet_type', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lottery_hot_numbers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lottery_id', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('directo_cents', 'bigint')
    .addColumn('pale1_cents', 'bigint')
    .addColumn('pale2_cents', 'bigint')
    .addColumn('tripleta1_cents', 'bigint')
    .addColumn('tripleta2_cents', 'bigint')
    .addColumn('tripleta3_cents', 'bigint')
    .addColumn('reason', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  /** Double entry: every movement debits one account and credits another by the same amount. */
  await db.schema
    .createTable('lottery_ledger_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('banca_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('debit_account', 'text', (c) => c.notNull())
    .addColumn('credit_account', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('memo', 'text')
    .execute();
  await db.schema
    .createIndex('lottery_ledger_banca_idx')
    .on('lottery_ledger_entries')
    .columns(['banca_id', 'business_date'])
    .execute();
  await db.schema
    .createIndex('lottery_ledger_ticket_idx')
    .on('lottery_ledger_entries')
    .column('ticket_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
