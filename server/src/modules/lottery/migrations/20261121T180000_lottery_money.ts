import { type Kysely, sql } from 'kysely';

/** Money and reports (issue 8): per-day aggregates, balance cache, movements, loans, caída, shifts, closes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const money = (name: string) => (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));

  let sales = db.schema
    .createTable('lottery_agg_sales')
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('banca_id', 'text', (c) => c.notNull())
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('draw_id', 'text', (c) => c.notNull())
    .addColumn('bet_type', 'text', (c) => c.notNull())
    .addColumn('zone_id', 'text', (c) => c.notNull())
    .addColumn('lottery_id', 'text', (c) => c.notNull());
  for (const column of [
    'lines',
    'bet',
    'total',
    'commission',
    'net',
    'cancelled_lines',
    'cancelled_total',
    'cancelled_commission',
    'winning_lines',
    'prizes_won',
  ])
    sales = money(column)(sales);
  await sales
    .addPrimaryKeyConstraint('lottery_agg_sales_pk', [
      'business_date',
      'banca_id',
      'seller_id',
      'draw_id',
      'bet_type',
    ])
    .execute();
  await db.schema
    .createIndex('lottery_agg_sales_draw_idx')
    .on('lottery_agg_sales')
    .column('draw_id')
    .execute();

  let tickets = db.schema
    .createTable('lottery_agg_tickets')
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('banca_id', 'text', (c) => c.notNull())
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('zone_id', 'text', (c) => c.notNull());
  for (const column of [
    'tickets',
    'total',
    'commission',
    'cancelled_tickets',
    'cancelled_total',
    'cancelled_commission',
    'paid_tickets',
    'prizes_paid',
  ])
    tickets = money(column)(tickets);
  await tickets
    .addPrimaryKeyConstraint('lottery_agg_tickets_pk', ['business_date', 'banca_id', 'seller_id', 'hour'])
    .execute();

  let numbers = db.schema
    .createTable('lottery_agg_numbers')
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('lottery_id', 'text', (c) => c.notNull())
    .addColumn('bet_type', 'text', (c) => c.notNull())
    .addColumn('bet_number', 'text', (c) => c.notNull());
  for (const column of ['lines', 'total', 'exposure']) numbers = money(column)(numbers);
  await numbers
    .addPrimaryKeyConstraint('lottery_agg_numbers_pk', [
      'business_date',
      'lottery_id',
      'bet_type',
      'bet_number',
    ])
    .execute();

  await db.schema
    .createIndex('lottery_agg_numbers_type_idx')
    .on('lottery_agg_numbers')
    .columns(['bet_type', 'business_date', 'lottery_id'])
    .execute();

  await db.schema
    .createTable('lottery_banca_balances')
    .addColumn('banca_id', 'text', (c) => c.primaryKey())
    .addColumn('balance', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lottery_money_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('banca_id', 'text', (c) => c.notNull())
    .addColumn('zone_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('loan_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('ledger_entry_id', 'text')
    .addColumn('idempotency_key', 'text')
    .execute();
  await db.schema
    .createIndex('lottery_movements_day_idx')
    .on('lottery_money_movements')
    .columns(['business_date', 'banca_id'])
    .execute();
  await db.schema
    .createIndex('lottery_movements_idem_idx')
    .on('lottery_money_movements')
    .columns(['created_by', 'idempotency_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('lottery_loans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('banca_id', 'text', (c) => c.notNull())
    .addColumn('principal', 'bigint', (c) => c.notNull())
    .addColumn('installments', 'integer', (c) => c.notNull())
    .addColumn('installment_amount', 'bigint', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('first_due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lottery_banca_money_settings')
    .addColumn('banca_id', 'text', (c) => c.primaryKey())
    .addColumn('cashback_bp', 'integer', (c) => c.notNull())
    .addColumn('cashback_period', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lottery_cashbacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('banca_id', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('net_result', 'bigint', (c) => c.notNull())
    .addColumn('rate_bp', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('ledger_entry_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('lottery_cashbacks_period_uq', ['banca_id', 'period_start', 'period_end'])
    .execute();

  await db.schema
    .createTable('lottery_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('banca_id', 'text', (c) => c.notNull())
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opening_cash', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('expected_cash', 'bigint')
    .addColumn('counted_cash', 'bigint')
    .addColumn('difference', 'bigint')
    .addColumn('figures_json', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lottery_shifts_seller_idx')
    .on('lottery_shifts')
    .columns(['seller_id', 'status'])
    .execute();

  await db.schema
    .createTable('lottery_cash_closes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('banca_id', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('expected_cash', 'bigint', (c) => c.notNull())
    .addColumn('counted_cash', 'bigint', (c) => c.notNull())
    .addColumn('difference', 'bigint', (c) => c.notNull())
    .addColumn('figures_json', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addUniqueConstraint('lottery_cash_closes_day_uq', ['banca_id', 'business_date'])
    .execute();

  // Lists of cancelled tickets by day without scanning the day's sales.
  await db.schema
    .createIndex('lottery_tickets_cancelled_idx')
    .on('lottery_tickets')
    .column('business_date')
    .where(sql.ref('status'), '=', 'cancelled')
    .execute();

  // A database that already holds sales: the aggregates and balances start from them (hours in UTC).
  await sql`insert into lottery_agg_sales (business_date, banca_id, seller_id, draw_id, bet_type, zone_id, lottery_id,
      lines, bet, total, commission, net, cancelled_lines, cancelled_total, cancelled_commission, winning_lines, prizes_won)
    select t.business_date, t.banca_id, t.seller_id, l.draw_id, l.bet_type, min(t.zone_id), min(l.lottery_id),
      count(*), sum(l.bet_amount), sum(l.total), sum(l.commission_amount), sum(l.net_amount),
      sum(case when t.status = 'cancelled' then 1 else 0 end),
      sum(case when t.status = 'cancelled' then l.total else 0 end),
      sum(case when t.status = 'cancelled' then l.commission_amount else 0 end),
      sum(case when l.status = 'winner' then 1 else 0 end),
      sum(case when l.status = 'winner' then l.prize_amount else 0 end)
    from lottery_ticket_lines l inner join lottery_tickets t on t.id = l.ticket_id
    group by t.business_date, t.banca_id, t.seller_id, l.draw_id, l.bet_type`.execute(db);
  await sql`insert into lottery_agg_tickets (business_date, banca_id, seller_id, hour, zone_id, tickets, total, commission,
      cancelled_tickets, cancelled_total, cancelled_commission, paid_tickets, prizes_paid)
    select business_date, banca_id, seller_id, cast(substr(created_at, 12, 2) as integer), min(zone_id),
      count(*), sum(grand_total), sum(total_commission),
      sum(case when status = 'cancelled' then 1 else 0 end),
      sum(case when status = 'cancelled' then grand_total else 0 end),
      sum(case when status = 'cancelled' then total_commission else 0 end), 0, 0
    from lottery_tickets group by business_date, banca_id, seller_id, cast(substr(created_at, 12, 2) as integer)`.execute(
    db,
  );
  await sql`insert into lottery_banca_balances (banca_id, balance, updated_at)
    select b.id,
      coalesce((select sum(e.amount) from lottery_ledger_entries e where e.debit_account in
        ('banca:' || b.id || ':cash', 'banca:' || b.id || ':commission', 'banca:' || b.id || ':cashback')), 0)
      - coalesce((select sum(e.amount) from lottery_ledger_entries e where e.credit_account in
        ('banca:' || b.id || ':cash', 'banca:' || b.id || ':commission', 'banca:' || b.id || ':cashback')), 0),
      ${new Date().toISOString()}
    from lottery_bancas b`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
