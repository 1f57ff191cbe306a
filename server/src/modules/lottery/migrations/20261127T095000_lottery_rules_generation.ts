import type { Kysely } from 'kysely';

/**
 * One number that every change of limit rules, hot numbers or blocks raises. A sale is planned
 * against the rules of one generation; when its batch commits under a later one, it is planned
 * again, so a limit or block saved while sales are in flight holds for them too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lottery_rules_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .execute();
  await db
    .withTables<{ lottery_rules_generation: { id: number; generation: number } }>()
    .insertInto('lottery_rules_generation')
    .values({ id: 1, generation: 0 })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('lottery_rules_generation').execute();
}
