import type { Kysely, Transaction } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { LotteryAssignmentsTable, LotteryBancasTable, LotteryTables, LotteryZonesTable } from './tables.ts';

export type LotteryDb = Kysely<PlatformTables & LotteryTables> | Transaction<PlatformTables & LotteryTables>;

export function lotteryDb(db: Kysely<PlatformTables> | Transaction<PlatformTables>): LotteryDb {
  return db.withTables<LotteryTables>();
}

export async function insertZone(db: LotteryDb, zone: LotteryZonesTable): Promise<void> {
  await db.insertInto('lottery_zones').values(zone).execute();
}

export async function insertBanca(db: LotteryDb, banca: LotteryBancasTable): Promise<void> {
  await db.insertInto('lottery_bancas').values(banca).execute();
}

export async function insertAssignment(db: LotteryDb, assignment: LotteryAssignmentsTable): Promise<void> {
  await db.insertInto('lottery_assignments').values(assignment).execute();
}

export async function listBancasWithZone(db: LotteryDb) {
  return db
    .selectFrom('lottery_bancas as b')
    .innerJoin('lottery_zones as z', 'z.id', 'b.zone_id')
    .select(['b.id', 'b.code', 'b.name', 'b.owner_name', 'b.active', 'z.id as zone_id', 'z.name as zone_name'])
    .orderBy('b.code')
    .execute();
}

export async function findUserIdByUsername(db: LotteryDb, username: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row?.id ?? null;
}
