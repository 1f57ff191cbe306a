import type { Kysely } from 'kysely';

/** Risk and live operations (issue 7): anomalies, partner operators and lay-offs (bote). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lottery_anomalies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Every server instance hears every event (LISTEN/NOTIFY): the key makes the insert happen once.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('banca_id', 'text')
    .addColumn('draw_id', 'text')
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema
    .createIndex('lottery_anomalies_day_idx')
    .on('lottery_anomalies')
    .columns(['business_date', 'severity'])
    .execute();
  await db.schema
    .createIndex('lottery_anomalies_open_idx')
    .on('lottery_anomalies')
    .columns(['acknowledged_at', 'created_at'])
    .execute();

  await db.schema
    .createTable('lottery_partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('commission_bp', 'integer', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  /** The house's own retention per bet type (and lottery, number): sales above it may be exported. */
  await db.schema
    .createTable('lottery_retention_limits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lottery_id', 'text')
    .addColumn('bet_type', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('max_cents', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lottery_layoffs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('lottery_partners.id'))
    .addColumn('lottery_id', 'text', (c) => c.notNull())
    .addColumn('draw_id', 'text', (c) => c.notNull().references('lottery_draws.id'))
    .addColumn('bet_type', 'text', (c) => c.notNull())
    .addColumn('bet_number', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('commission_bp', 'integer', (c) => c.notNull())
    .addColumn('commission_amount', 'bigint', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    // Filled by settle-layoffs once the draw is settled: this lay-off's part of the prizes.
    .addColumn('prize_share', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('shared_at', 'text')
    .execute();
  await db.schema
    .createIndex('lottery_layoffs_draw_idx')
    .on('lottery_layoffs')
    .columns(['draw_id', 'bet_type', 'bet_number'])
    .execute();
  await db.schema
    .createIndex('lottery_layoffs_partner_idx')
    .on('lottery_layoffs')
    .columns(['partner_id', 'business_date'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
