import type { Kysely } from 'kysely';

/**
 * A charged or written-off basket can come back. Its return clears the charge and the closing date,
 * so each movement also keeps those two as they were before it: an undo puts them back exactly.
 * Movements written before held neither (no basket they moved was charged or closed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bakery_basket_movements').addColumn('prev_charged_cents', 'bigint').execute();
  await db.schema.alterTable('bakery_basket_movements').addColumn('prev_closed_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bakery_basket_movements').dropColumn('prev_closed_at').execute();
  await db.schema.alterTable('bakery_basket_movements').dropColumn('prev_charged_cents').execute();
}
