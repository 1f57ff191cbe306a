import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lottery_lotteries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('result_format', 'text', (c) => c.notNull())
    .addColumn('source_a_id', 'text', (c) => c.references('lottery_lotteries.id'))
    .addColumn('source_b_id', 'text', (c) => c.references('lottery_lotteries.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lottery_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lottery_id', 'text', (c) => c.notNull().references('lottery_lotteries.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('close_time', 'text', (c) => c.notNull())
    .addColumn('draw_time', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lottery_schedules_slot_uq', ['lottery_id', 'weekday', 'draw_time'])
    .execute();

  await db.schema
    .createTable('lottery_draws')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lottery_id', 'text', (c) => c.notNull().references('lottery_lotteries.id'))
    .addColumn('draw_date', 'text', (c) => c.notNull())
    .addColumn('draw_time', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('close_at', 'text', (c) => c.notNull())
    .addColumn('draw_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('resulted_at', 'text')
    .addColumn('settled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lottery_draws_slot_uq', ['lottery_id', 'draw_date', 'draw_time'])
    .execute();
  await db.schema
    .createIndex('lottery_draws_business_date_idx')
    .on('lottery_draws')
    .column('business_date')
    .execute();
  await db.schema
    .createIndex('lottery_draws_status_close_idx')
    .on('lottery_draws')
    .columns(['status', 'close_at'])
    .execute();

  await db.schema
    .createTable('lottery_bet_types')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lottery_prize_multipliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('bet_type', 'text', (c) => c.notNull())
    .addColumn('prize_class', 'text', (c) => c.notNull())
    .addColumn('multiplier', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lottery_prize_multipliers_uq', ['scope', 'scope_id', 'bet_type', 'prize_class'])
    .execute();

  await db.schema
    .createTable('lottery_commission_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('banca_scope', 'text', (c) => c.notNull())
    .addColumn('lottery_scope', 'text', (c) => c.notNull())
    .addColumn('bet_type', 'text', (c) => c.notNull())
    .addColumn('rate_bp', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lottery_commission_rates_uq', ['banca_scope', 'lottery_scope', 'bet_type'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
