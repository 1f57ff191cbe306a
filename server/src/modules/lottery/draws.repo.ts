import type { ExpressionBuilder, Selectable, Updateable } from 'kysely';
import type { AllLotteryTables, LotteryDb } from './db.ts';
import type { LotteryDrawsTable } from './tables.ts';

export type DrawRow = Selectable<LotteryDrawsTable>;

function drawsWithLottery(db: LotteryDb) {
  return db
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
    .selectAll('d')
    .select([
      'l.code as lottery_code',
      'l.name as lottery_name',
      'l.result_format',
      'l.time_zone',
      'l.sort_order',
      'l.active as lottery_active',
    ]);
}

export type DrawWithLottery = NonNullable<Awaited<ReturnType<typeof findDraw>>>;

export interface DrawFilter {
  businessDate: string;
  lotteryId?: string;
}

export async function listDraws(db: LotteryDb, filter: DrawFilter) {
  let query = drawsWithLottery(db).where('d.business_date', '=', filter.businessDate);
  if (filter.lotteryId) query = query.where('d.lottery_id', '=', filter.lotteryId);
  return query.orderBy('d.draw_at').orderBy('l.sort_order').orderBy('l.code').execute();
}

export async function findDraw(db: LotteryDb, id: string) {
  return (await drawsWithLottery(db).where('d.id', '=', id).executeTakeFirst()) ?? null;
}

/** Inserts the planned draws that do not exist yet (same lottery, date and time); returns how many were new. */
export async function insertMissingDraws(db: LotteryDb, draws: LotteryDrawsTable[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < draws.length; i += 400) {
    const rows = await db
      .insertInto('lottery_draws')
      .values(draws.slice(i, i + 400))
      .onConflict((oc) => oc.columns(['lottery_id', 'draw_date', 'draw_time']).doNothing())
      .returning('id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}

/** The clock closes sales: every open draw whose close instant has passed. */
export async function closeDueDraws(db: LotteryDb, now: string): Promise<string[]> {
  const rows = await db
    .updateTable('lottery_draws')
    .set({ status: 'closed', closed_at: now, updated_at: now })
    .where('status', '=', 'open')
    .where('close_at', '<=', now)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Scheduled draws enter sale once their business date is within the future-sales window. */
export async function openScheduledDraws(
  db: LotteryDb,
  lastSellableBusinessDate: string,
  now: string,
): Promise<string[]> {
  const rows = await db
    .updateTable('lottery_draws')
    .set({ status: 'open', updated_at: now })
    .where('status', '=', 'scheduled')
    .where('business_date', '<=', lastSellableBusinessDate)
    .where('close_at', '>', now)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Conditional transition: only from `fromStatus`, so two admins never both win. Returns whether it applied. */
export async function transitionDraw(
  db: LotteryDb,
  id: string,
  fromStatus: string,
  changes: { status: string; close_at?: string; closed_at?: string | null; updated_at: string },
): Promise<boolean> {
  const rows = await db
    .updateTable('lottery_draws')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .returning('id')
    .execute();
  return rows.length === 1;
}

/**
 * The draws among `ids` a sale may go into at `now`: open by status AND before their close
 * instant by the clock (a row the closing job has not reached yet is still refused), of an
 * active lottery. The sales engine calls this inside its transaction.
 */
export async function findSellableDraws(db: LotteryDb, ids: readonly string[], now: Date) {
  if (ids.length === 0) return [];
  return drawsWithLottery(db)
    .where('d.id', 'in', [...ids])
    .where('d.status', '=', 'open')
    .where('d.close_at', '>', now.toISOString())
    .where('l.active', '=', 1)
    .execute();
}

/** Whether anything was sold in the draw: SQLite's RETURNING does not take a table alias, so the table names it. */
const hasSales = (eb: ExpressionBuilder<AllLotteryTables, 'lottery_draws'>) =>
  eb.exists(
    eb
      .selectFrom('lottery_ticket_lines as tl')
      .select('tl.draw_id')
      .whereRef('tl.draw_id', '=', 'lottery_draws.id'),
  );

/** Something sold in the draw and not cancelled: what a move of its instants would change under a customer. */
const hasLiveSales = (eb: ExpressionBuilder<AllLotteryTables, 'lottery_draws'>) =>
  eb.exists(
    eb
      .selectFrom('lottery_ticket_lines as tl')
      .innerJoin('lottery_tickets as t', 't.id', 'tl.ticket_id')
      .select('tl.draw_id')
      .whereRef('tl.draw_id', '=', 'lottery_draws.id')
      .where('t.status', '!=', 'cancelled'),
  );

/** A lottery's draws still ahead (scheduled, or open before their close), with whether anything was sold in them. */
export async function findUpcomingDraws(db: LotteryDb, lotteryId: string, now: string) {
  const rows = await db
    .selectFrom('lottery_draws')
    .select(['id', 'draw_date', 'draw_time', 'close_at', 'draw_at', 'business_date'])
    .select((eb) => hasSales(eb).as('sold'))
    .where('lottery_id', '=', lotteryId)
    .where('status', 'in', ['scheduled', 'open'])
    .where('close_at', '>', now)
    .orderBy('draw_at')
    .execute();
  return rows.map((r) => ({ ...r, sold: Number(r.sold) === 1 }));
}

/** Removes those of `ids` nothing was sold in, with their draw-level prize overrides; returns the ids removed. */
export async function deleteUnsoldDraws(db: LotteryDb, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const removed = await db
    .deleteFrom('lottery_draws')
    .where('id', 'in', [...ids])
    .where((eb) => eb.not(hasSales(eb)))
    .returning('id')
    .execute();
  const removedIds = removed.map((r) => r.id);
  if (removedIds.length > 0) {
    await db
      .deleteFrom('lottery_prize_multipliers')
      .where('scope', '=', 'draw')
      .where('scope_id', 'in', removedIds)
      .execute();
  }
  return removedIds;
}

export type DrawReplan = Pick<
  Updateable<LotteryDrawsTable>,
  'close_at' | 'draw_at' | 'business_date' | 'status' | 'closed_at'
>;

/** Gives a draw still ahead that nothing was sold in new instants (or closes it); returns whether it applied. */
export async function moveUnsoldDraw(db: LotteryDb, id: string, changes: DrawReplan, now: string) {
  const rows = await db
    .updateTable('lottery_draws')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['scheduled', 'open'])
    .where((eb) => eb.not(hasLiveSales(eb)))
    .returning('id')
    .execute();
  return rows.length === 1;
}

/**
 * PostgreSQL only (SQLite has one writer and no FOR UPDATE): holds the lottery's draws not yet
 * settled until the transaction ends. A sale's line insert checks its draw's foreign key with
 * FOR KEY SHARE, which FOR UPDATE conflicts with (an UPDATE's own lock would not): a sale in flight
 * is waited for, and one that starts after waits until this transaction is done.
 */
export async function lockUnsettledDraws(db: LotteryDb, lotteryId: string): Promise<void> {
  await db
    .selectFrom('lottery_draws')
    .select('id')
    .where('lottery_id', '=', lotteryId)
    .where('status', '!=', 'settled')
    .orderBy('id')
    .forUpdate()
    .execute();
}
