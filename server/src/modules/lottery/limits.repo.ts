import type { BetTypeCode } from '@matriz/shared/lottery/games';
import type { CounterClaim, HotNumber, LimitRule } from '@matriz/shared/lottery/limits';
import {
  type CompiledQuery,
  type Insertable,
  type InsertQueryBuilder,
  type InsertResult,
  PostgresAdapter,
} from 'kysely';
import { executeTogether } from '../../platform/db/execute-together.ts';
import { insertRowsQueries } from '../../platform/db/insert-rows.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { AllLotteryTables, LotteryDb } from './db.ts';
import { assignedToUser } from './network.repo.ts';
import type {
  LotteryBlockedNumbersTable,
  LotteryHotNumbersTable,
  LotteryLimitRulesTable,
} from './sales-tables.ts';

type CounterInsert = InsertQueryBuilder<
  PlatformTables & AllLotteryTables,
  'lottery_limit_counters',
  InsertResult
>;

/**
 * Raised by every write of limit rules, hot numbers or blocks before it writes (and so before the
 * change's backfill and audit), inside the change's transaction: on
 * PostgreSQL its row lock waits for the sales batch in flight (which holds it shared) and makes the
 * next one wait until the change has committed.
 */
export async function raiseRulesGeneration(db: LotteryDb): Promise<void> {
  await db
    .updateTable('lottery_rules_generation')
    .set((eb) => ({ generation: eb('generation', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

const rulesGenerationQuery = (db: LotteryDb) =>
  db.selectFrom('lottery_rules_generation').select('generation').where('id', '=', 1);

/** The rules' generation now, as a sale's plan records it. */
export async function readRulesGeneration(db: LotteryDb): Promise<number> {
  return Number((await rulesGenerationQuery(db).executeTakeFirstOrThrow()).generation);
}

/**
 * The same, inside a sales batch: held (shared, on PostgreSQL) until the batch commits. A statement
 * to run with the batch's others; `generationOf` reads its rows.
 */
export function holdRulesGenerationQuery(db: LotteryDb): CompiledQuery {
  const query = rulesGenerationQuery(db);
  return (db.getExecutor().adapter instanceof PostgresAdapter ? query.forShare() : query).compile();
}

export const generationOf = (rows: readonly unknown[]): number =>
  Number((rows[0] as { generation: number | string }).generation);

/**
 * Consumes every counter of a sale in ONE statement: rows come back only for the keys whose new
 * total stays within the limit. The caller compares the count and rolls back on any shortfall.
 * Claims must be merged (one row per key) and sorted, so concurrent sales lock in the same order.
 */
export async function consumeCounters(
  db: LotteryDb,
  drawOf: (key: string) => string,
  claims: readonly CounterClaim[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const query of consumeCountersQueries(db, drawOf, claims))
    for (const row of (await db.executeQuery<{ key: string }>(query)).rows) taken.add(row.key);
  return taken;
}

/** The statement(s) of `consumeCounters`, to run with others; each hands back the `key` of every counter it took. */
export function consumeCountersQueries(
  db: LotteryDb,
  drawOf: (key: string) => string,
  claims: readonly CounterClaim[],
): CompiledQuery[] {
  const rows = claims.map((c) => ({
    key: c.key,
    draw_id: drawOf(c.key),
    sold: c.amountCents,
    lim: c.limitCents,
  }));
  return insertRowsQueries(db, 'lottery_limit_counters', rows, (oneRow) =>
    (oneRow as CounterInsert)
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet((eb) => ({
            sold: eb('lottery_limit_counters.sold', '+', eb.ref('excluded.sold')),
            lim: eb.ref('excluded.lim'),
          }))
          .where((eb) =>
            eb(eb('lottery_limit_counters.sold', '+', eb.ref('excluded.sold')), '<=', eb.ref('excluded.lim')),
          ),
      )
      .returning('key'),
  );
}

/** Gives back what a sale consumed (cancelled, or refused after its counters were taken), in one round trip. */
export async function releaseCounters(
  db: LotteryDb,
  claims: readonly { key: string; amountCents: number }[],
): Promise<void> {
  const byKey = new Map<string, number>();
  for (const claim of claims) byKey.set(claim.key, (byKey.get(claim.key) ?? 0) + claim.amountCents);
  await executeTogether(
    db,
    [...byKey].map(([key, amount]) =>
      db
        .updateTable('lottery_limit_counters')
        .set((eb) => ({ sold: eb('sold', '-', amount) }))
        .where('key', '=', key)
        .compile(),
    ),
  );
}

export async function readCounters(
  db: LotteryDb,
  keys: readonly string[],
): Promise<Map<string, { sold: number; lim: number }>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('lottery_limit_counters')
    .select(['key', 'sold', 'lim'])
    .where('key', 'in', [...keys])
    .execute();
  return new Map(rows.map((r) => [r.key, { sold: Number(r.sold), lim: Number(r.lim) }]));
}

function toRule(row: LotteryLimitRulesTable): LimitRule {
  return {
    id: row.id,
    level: row.level as LimitRule['level'],
    measure: row.measure as LimitRule['measure'],
    maxCents: Number(row.max_cents),
    lotteryId: row.lottery_id,
    drawId: row.draw_id,
    zoneId: row.zone_id,
    bancaId: row.banca_id,
    betType: row.bet_type as BetTypeCode | null,
    number: row.number,
    weekday: row.weekday,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  };
}

/** Active rules that could govern sales of these draws (their lotteries, or every lottery). */
/** Active rules; with draws and lotteries given, only those that could govern their sales. */
export async function findLimitRules(
  db: LotteryDb,
  drawIds: readonly string[] | null,
  lotteryIds: readonly string[] | null,
): Promise<LimitRule[]> {
  let query = db.selectFrom('lottery_limit_rules').selectAll().where('active', '=', 1);
  if (drawIds)
    query = query.where((eb) => eb.or([eb('draw_id', 'is', null), eb('draw_id', 'in', [...drawIds, ''])]));
  if (lotteryIds) {
    query = query.where((eb) =>
      eb.or([eb('lottery_id', 'is', null), eb('lottery_id', 'in', [...lotteryIds, ''])]),
    );
  }
  return (await query.execute()).map(toRule);
}

export async function findHotNumbers(
  db: LotteryDb,
  lotteryIds: readonly string[] | null,
): Promise<HotNumber[]> {
  let query = db.selectFrom('lottery_hot_numbers').selectAll().where('active', '=', 1);
  if (lotteryIds)
    query = query.where((eb) =>
      eb.or([eb('lottery_id', 'is', null), eb('lottery_id', 'in', [...lotteryIds, ''])]),
    );
  const rows = await query.execute();
  const cents = (v: number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    number: r.number,
    lotteryId: r.lottery_id,
    directoCents: cents(r.directo_cents),
    pale1Cents: cents(r.pale1_cents),
    pale2Cents: cents(r.pale2_cents),
    tripleta1Cents: cents(r.tripleta1_cents),
    tripleta2Cents: cents(r.tripleta2_cents),
    tripleta3Cents: cents(r.tripleta3_cents),
  }));
}

export async function findBlockedNumbers(
  db: LotteryDb,
  drawIds: readonly string[] | null,
  lotteryIds: readonly string[] | null,
) {
  let query = db.selectFrom('lottery_blocked_numbers').selectAll().where('active', '=', 1);
  if (drawIds)
    query = query.where((eb) => eb.or([eb('draw_id', 'is', null), eb('draw_id', 'in', [...drawIds, ''])]));
  if (lotteryIds) {
    query = query.where((eb) =>
      eb.or([eb('lottery_id', 'is', null), eb('lottery_id', 'in', [...lotteryIds, ''])]),
    );
  }
  return query.execute();
}

export async function listLimitRules(
  db: LotteryDb,
  filter: { active?: boolean; level?: string; lotteryId?: string },
) {
  let query = db.selectFrom('lottery_limit_rules').selectAll();
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.lotteryId) query = query.where('lottery_id', '=', filter.lotteryId);
  return query.orderBy('level').orderBy('created_at').execute();
}

export async function findLimitRule(db: LotteryDb, id: string) {
  return db.selectFrom('lottery_limit_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLimitRule(db: LotteryDb, row: Insertable<LotteryLimitRulesTable>): Promise<void> {
  await raiseRulesGeneration(db);
  await db.insertInto('lottery_limit_rules').values(row).execute();
}

export async function updateLimitRule(
  db: LotteryDb,
  id: string,
  changes: Partial<LotteryLimitRulesTable>,
): Promise<void> {
  await raiseRulesGeneration(db);
  await db.updateTable('lottery_limit_rules').set(changes).where('id', '=', id).execute();
}

export async function listBlockedNumbers(db: LotteryDb, active?: boolean) {
  let query = db.selectFrom('lottery_blocked_numbers').selectAll();
  if (active !== undefined) query = query.where('active', '=', active ? 1 : 0);
  return query.orderBy('number').execute();
}

export async function findBlockedNumber(db: LotteryDb, id: string) {
  return db.selectFrom('lottery_blocked_numbers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBlockedNumber(db: LotteryDb, row: LotteryBlockedNumbersTable): Promise<void> {
  await raiseRulesGeneration(db);
  await db.insertInto('lottery_blocked_numbers').values(row).execute();
}

export async function updateBlockedNumber(
  db: LotteryDb,
  id: string,
  changes: Partial<LotteryBlockedNumbersTable>,
): Promise<void> {
  await raiseRulesGeneration(db);
  await db.updateTable('lottery_blocked_numbers').set(changes).where('id', '=', id).execute();
}

export async function listHotNumbers(db: LotteryDb, active?: boolean) {
  let query = db.selectFrom('lottery_hot_numbers').selectAll();
  if (active !== undefined) query = query.where('active', '=', active ? 1 : 0);
  return query.orderBy('number').execute();
}

export async function findHotNumber(db: LotteryDb, id: string) {
  return db.selectFrom('lottery_hot_numbers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertHotNumber(db: LotteryDb, row: LotteryHotNumbersTable): Promise<void> {
  await raiseRulesGeneration(db);
  await db.insertInto('lottery_hot_numbers').values(row).execute();
}

export async function updateHotNumber(
  db: LotteryDb,
  id: string,
  changes: Partial<LotteryHotNumbersTable>,
): Promise<void> {
  await raiseRulesGeneration(db);
  await db.updateTable('lottery_hot_numbers').set(changes).where('id', '=', id).execute();
}

/** The zones a user covers and the bancas they work at, directly or in one of those zones. */
export async function findLimitScope(db: LotteryDb, userId: string) {
  const [zones, bancas] = await Promise.all([
    db
      .selectFrom('lottery_assignments')
      .select('zone_id')
      .where('user_id', '=', userId)
      .where('zone_id', 'is not', null)
      .execute(),
    db
      .selectFrom('lottery_bancas as b')
      .select('b.id')
      .where((eb) => assignedToUser(eb, userId))
      .execute(),
  ]);
  return {
    zoneIds: new Set(zones.map((z) => z.zone_id as string)),
    bancaIds: new Set(bancas.map((b) => b.id)),
  };
}

/** An active block of the same number with the same reach (lottery, draw, bet type), if any. */
export async function findActiveBlock(
  db: LotteryDb,
  block: { number: string; lotteryId: string | null; drawId: string | null; betType: string | null },
) {
  return db
    .selectFrom('lottery_blocked_numbers')
    .select('id')
    .where('active', '=', 1)
    .where('number', '=', block.number)
    .where('lottery_id', block.lotteryId === null ? 'is' : '=', block.lotteryId)
    .where('draw_id', block.drawId === null ? 'is' : '=', block.drawId)
    .where('bet_type', block.betType === null ? 'is' : '=', block.betType)
    .executeTakeFirst();
}

/** An active hot-number mark of the same number for the same lottery (or every lottery), if any. */
export async function findActiveHotNumber(db: LotteryDb, number: string, lotteryId: string | null) {
  return db
    .selectFrom('lottery_hot_numbers')
    .select('id')
    .where('active', '=', 1)
    .where('number', '=', number)
    .where('lottery_id', lotteryId === null ? 'is' : '=', lotteryId)
    .executeTakeFirst();
}
