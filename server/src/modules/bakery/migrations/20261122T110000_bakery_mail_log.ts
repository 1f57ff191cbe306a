import type { Kysely } from 'kysely';

/** One row per automatic message sent to a seller (reminder of the day, weekly/monthly report). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bakery_mail_log')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bakery_mail_log_pk', ['kind', 'seller_id', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bakery_mail_log').execute();
}
