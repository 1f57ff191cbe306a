import type { Kysely } from 'kysely';

/**
 * A banca's edit counter: the edit form sends back the version it was opened with, and a save made
 * meanwhile by someone else makes it refuse (RECORD_CHANGED) instead of silently overwriting theirs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('lottery_bancas')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('lottery_bancas').dropColumn('version').execute();
}
