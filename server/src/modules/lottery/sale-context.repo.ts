import type { LotteryDb } from './db.ts';

/**
 * Every lottery by code or id, with its result format and whether it sells, for reading what a
 * seller typed: one switched off is refused by name, not taken for an unknown code.
 */
export async function findSaleLotteries(db: LotteryDb) {
  return db
    .selectFrom('lottery_lotteries')
    .select(['id', 'code', 'name', 'result_format', 'active'])
    .execute();
}

/** The draws named by id, whatever their state, to say precisely why one cannot be sold. */
export async function findDrawStates(db: LotteryDb, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
    .select(['d.id', 'd.status', 'd.close_at', 'l.code as lottery_code'])
    .where('d.id', 'in', [...ids])
    .execute();
}

/** Draws a sale could name: everything not yet resulted (open, scheduled, closed early). */
export async function findUnresultedDraws(db: LotteryDb) {
  return db
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
    .select([
      'd.id',
      'd.lottery_id',
      'd.status',
      'd.draw_date',
      'd.draw_time',
      'd.close_at',
      'd.draw_at',
      'l.code as lottery_code',
      'l.name as lottery_name',
      'l.active as lottery_active',
    ])
    .where('d.status', 'in', ['scheduled', 'open', 'closed'])
    .execute();
}

export async function findAllPrizeRows(db: LotteryDb) {
  return db.selectFrom('lottery_prize_multipliers').selectAll().execute();
}

export async function findAllCommissionRows(db: LotteryDb) {
  return db.selectFrom('lottery_commission_rates').selectAll().execute();
}
