import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lottery_zones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lottery_bancas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('lottery_zones.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('print_format', 'text', (c) => c.notNull())
    .addColumn('print_copies', 'integer', (c) => c.notNull())
    .addColumn('footer_line1', 'text', (c) => c.notNull())
    .addColumn('footer_line2', 'text', (c) => c.notNull())
    .addColumn('footer_line3', 'text', (c) => c.notNull())
    .addColumn('show_prize_table', 'integer', (c) => c.notNull())
    .addColumn('cancel_window_minutes', 'integer', (c) => c.notNull())
    .addColumn('max_cancels_per_day', 'integer')
    .addColumn('max_cancel_amount_cents', 'bigint')
    .addColumn('max_ticket_amount_cents', 'bigint')
    .addColumn('daily_sales_limit_cents', 'bigint')
    .addColumn('credit_limit_cents', 'bigint')
    .addColumn('deactivation_balance_cents', 'bigint')
    .addColumn('accept_partial_lines', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lottery_bancas_zone_idx').on('lottery_bancas').column('zone_id').execute();

  /** A seller or cashier works at bancas; a supervisor or cobrador covers zones. */
  await db.schema
    .createTable('lottery_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('banca_id', 'text', (c) => c.references('lottery_bancas.id'))
    .addColumn('zone_id', 'text', (c) => c.references('lottery_zones.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lottery_assignments_user_target_uq', ['user_id', 'target_key'])
    .execute();
  await db.schema
    .createIndex('lottery_assignments_banca_idx')
    .on('lottery_assignments')
    .column('banca_id')
    .execute();
  await db.schema
    .createIndex('lottery_assignments_zone_idx')
    .on('lottery_assignments')
    .column('zone_id')
    .execute();

  await db.schema
    .createTable('lottery_agents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('zone_id', 'text', (c) => c.references('lottery_zones.id'))
    .addColumn('commission_bp', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
