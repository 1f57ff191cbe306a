import type { BakeryDb } from './bakery.repo.ts';
import type { BakeryCalendarOverridesTable } from './tables.ts';

export async function overridesBetween(
  db: BakeryDb,
  from: string,
  to: string,
): Promise<BakeryCalendarOverridesTable[]> {
  return db
    .selectFrom('bakery_calendar_overrides')
    .selectAll()
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
}

export async function findOverride(
  db: BakeryDb,
  day: string,
): Promise<BakeryCalendarOverridesTable | undefined> {
  return db.selectFrom('bakery_calendar_overrides').selectAll().where('day', '=', day).executeTakeFirst();
}

export async function upsertOverride(db: BakeryDb, override: BakeryCalendarOverridesTable): Promise<void> {
  const { day, ...rest } = override;
  await db
    .insertInto('bakery_calendar_overrides')
    .values(override)
    .onConflict((oc) => oc.column('day').doUpdateSet(rest))
    .execute();
}

export async function deleteOverride(db: BakeryDb, day: string): Promise<void> {
  await db.deleteFrom('bakery_calendar_overrides').where('day', '=', day).execute();
}
