import type { Selectable, Updateable } from 'kysely';
import { countAll, likeContains, searchFold, searchFolded } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';
import type { LotteryBetTypesTable, LotteryLotteriesTable, LotterySchedulesTable } from './tables.ts';

export type LotteryRow = Selectable<LotteryLotteriesTable> & { draws_per_week: number };
export type ScheduleRow = Selectable<LotterySchedulesTable>;

function lotteriesQuery(db: LotteryDb) {
  return db
    .selectFrom('lottery_lotteries as l')
    .selectAll('l')
    .select((eb) =>
      eb
        .selectFrom('lottery_schedules as s')
        .select(countAll().as('n'))
        .whereRef('s.lottery_id', '=', 'l.id')
        .as('draws_per_week'),
    );
}

const withWeekCount = <T extends { draws_per_week: unknown }>(row: T) => ({
  ...row,
  draws_per_week: Number(row.draws_per_week),
});

export interface LotteryFilter {
  q?: string;
  active?: boolean;
  resultFormat?: string;
  page: number;
  pageSize: number;
}

export async function listLotteries(
  db: LotteryDb,
  filter: LotteryFilter,
): Promise<{ items: LotteryRow[]; total: number }> {
  let where = db.selectFrom('lottery_lotteries as l');
  if (filter.q) {
    const pattern = likeContains(searchFold(filter.q));
    where = where.where((eb) =>
      eb.or([eb(searchFolded('l.code'), 'like', pattern), eb(searchFolded('l.name'), 'like', pattern)]),
    );
  }
  if (filter.active !== undefined) where = where.where('l.active', '=', filter.active ? 1 : 0);
  if (filter.resultFormat) where = where.where('l.result_format', '=', filter.resultFormat);
  const total = await where.select(countAll().as('n')).executeTakeFirstOrThrow();
  const items = await lotteriesQuery(db)
    .where('l.id', 'in', where.select('l.id'))
    .orderBy('l.sort_order')
    .orderBy('l.code')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: items.map(withWeekCount), total: Number(total.n) };
}

export async function findLottery(db: LotteryDb, id: string): Promise<LotteryRow | null> {
  const row = await lotteriesQuery(db).where('l.id', '=', id).executeTakeFirst();
  return row ? withWeekCount(row) : null;
}

export async function listActiveLotteries(db: LotteryDb): Promise<Selectable<LotteryLotteriesTable>[]> {
  return db
    .selectFrom('lottery_lotteries')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
}

export async function listAllLotteries(db: LotteryDb): Promise<Selectable<LotteryLotteriesTable>[]> {
  return db.selectFrom('lottery_lotteries').selectAll().orderBy('sort_order').orderBy('code').execute();
}

export async function insertLotteries(db: LotteryDb, rows: LotteryLotteriesTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('lottery_lotteries').values(rows).execute();
}

export async function updateLotteryRow(
  db: LotteryDb,
  id: string,
  changes: Updateable<LotteryLotteriesTable>,
): Promise<void> {
  await db.updateTable('lottery_lotteries').set(changes).where('id', '=', id).execute();
}

/** Draws with a result, and composite lotteries built on it: a lottery with either is in use. */
export async function lotteryUses(db: LotteryDb, id: string): Promise<number> {
  const [resulted, composites] = await Promise.all([
    db
      .selectFrom('lottery_draws')
      .select(countAll().as('n'))
      .where('lottery_id', '=', id)
      .where('status', 'in', ['resulted', 'settled'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('lottery_lotteries')
      .select(countAll().as('n'))
      .where((eb) => eb.or([eb('source_a_id', '=', id), eb('source_b_id', '=', id)]))
      .executeTakeFirstOrThrow(),
  ]);
  return Number(resulted.n) + Number(composites.n);
}

/**
 * The lottery's draws not yet settled that hold a sold, uncancelled line. Their tickets settle by the
 * lottery's result format and its draws close by its time zone: neither may change under them.
 */
export async function countDrawsWithLiveSales(db: LotteryDb, lotteryId: string): Promise<number> {
  const row = await db
    .selectFrom('lottery_draws as d')
    .select(countAll().as('n'))
    .where('d.lottery_id', '=', lotteryId)
    .where('d.status', '!=', 'settled')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('lottery_ticket_lines as tl')
          .select('tl.id')
          .whereRef('tl.draw_id', '=', 'd.id')
          .where('tl.status', '=', 'pending'),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes a lottery with its schedule, its unsold draws and its overrides; sold draws make it fail. */
export async function deleteLotteryRow(db: LotteryDb, id: string): Promise<void> {
  const draws = db.selectFrom('lottery_draws').select('id').where('lottery_id', '=', id);
  await db
    .deleteFrom('lottery_prize_multipliers')
    .where('scope', '=', 'draw')
    .where('scope_id', 'in', draws)
    .execute();
  await db
    .deleteFrom('lottery_prize_multipliers')
    .where('scope', '=', 'lottery')
    .where('scope_id', '=', id)
    .execute();
  await db.deleteFrom('lottery_commission_rates').where('lottery_scope', '=', id).execute();
  await db.deleteFrom('lottery_draws').where('lottery_id', '=', id).execute();
  await db.deleteFrom('lottery_schedules').where('lottery_id', '=', id).execute();
  await db.deleteFrom('lottery_lotteries').where('id', '=', id).execute();
}

export async function listSchedules(db: LotteryDb, lotteryIds?: string[]): Promise<ScheduleRow[]> {
  let query = db.selectFrom('lottery_schedules').selectAll();
  if (lotteryIds) {
    if (lotteryIds.length === 0) return [];
    query = query.where('lottery_id', 'in', lotteryIds);
  }
  return query.orderBy('lottery_id').orderBy('weekday').orderBy('draw_time').execute();
}

export async function replaceSchedule(
  db: LotteryDb,
  lotteryId: string,
  rows: LotterySchedulesTable[],
): Promise<void> {
  await db.deleteFrom('lottery_schedules').where('lottery_id', '=', lotteryId).execute();
  await insertSchedules(db, rows);
}

export async function insertSchedules(db: LotteryDb, rows: LotterySchedulesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('lottery_schedules')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function listBetTypeStates(db: LotteryDb): Promise<Selectable<LotteryBetTypesTable>[]> {
  return db.selectFrom('lottery_bet_types').selectAll().execute();
}

export async function upsertBetTypeState(db: LotteryDb, row: LotteryBetTypesTable): Promise<void> {
  await db
    .insertInto('lottery_bet_types')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet({ active: row.active, updated_at: row.updated_at }))
    .execute();
}
