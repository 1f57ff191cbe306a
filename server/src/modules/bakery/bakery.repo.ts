import type { Kysely, Transaction } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { BakeryTables } from './tables.ts';

export type BakerySchema = PlatformTables & BakeryTables;
export type BakeryDb = Kysely<BakerySchema> | Transaction<BakerySchema>;

export function bakeryDb(db: Kysely<PlatformTables> | Transaction<PlatformTables>): BakeryDb {
  return db.withTables<BakeryTables>();
}

/**
 * Next value of a named sequence, atomically: the row is created once, then a single
 * increment-and-return statement; concurrent transactions queue on the row, never share a value.
 */
export async function nextCounterValue(db: BakeryDb, name: string): Promise<number> {
  await db
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function readSetting<T>(db: BakeryDb, key: string): Promise<T | null> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('module', '=', 'bakery')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as T) : null;
}

export async function writeSetting(db: BakeryDb, key: string, value: unknown, at: string): Promise<void> {
  const value_json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ module: 'bakery', key, value_json, updated_at: at })
    .onConflict((oc) => oc.columns(['module', 'key']).doUpdateSet({ value_json, updated_at: at }))
    .execute();
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/.test(String(e?.message));
}
