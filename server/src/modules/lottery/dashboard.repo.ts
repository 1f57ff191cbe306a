import { sql } from 'kysely';
import { countAll, sumCents } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';

/** null = every banca. */
export type BancaSet = string[] | null;

export async function salesOfDay(db: LotteryDb, bancaIds: BancaSet, day: string) {
  if (bancaIds && bancaIds.length === 0) return { sales: 0, net: 0, tickets: 0 };
  let query = db
    .selectFrom('lottery_tickets')
    .select([sumCents('grand_total').as('sales'), sumCents('total_net').as('net'), countAll().as('tickets')])
    .where('business_date', '=', day)
    .where('status', '!=', 'cancelled');
  if (bancaIds) query = query.where('banca_id', 'in', bancaIds);
  const row = await query.executeTakeFirst();
  return { sales: Number(row?.sales ?? 0), net: Number(row?.net ?? 0), tickets: Number(row?.tickets ?? 0) };
}

/** Prizes won (settlement writes `prize_won` entries) net of their reversals, on a business date. */
export async function prizesOfDay(db: LotteryDb, bancaIds: BancaSet, day: string): Promise<number> {
  if (bancaIds && bancaIds.length === 0) return 0;
  let query = db
    .selectFrom('lottery_ledger_entries')
    .select([
      sumCents(sql`case when kind = 'prize_won' then amount else 0 end`).as('won'),
      sumCents(sql`case when kind = 'prize_won_reversal' then amount else 0 end`).as('reversed'),
    ])
    .where('business_date', '=', day)
    .where('kind', 'in', ['prize_won', 'prize_won_reversal']);
  if (bancaIds) query = query.where('banca_id', 'in', bancaIds);
  const row = await query.executeTakeFirst();
  return Number(row?.won ?? 0) - Number(row?.reversed ?? 0);
}

/** Ticket instants and totals of a day, for the per-hour chart (bucketed in the operator's zone). */
export async function ticketTimes(db: LotteryDb, bancaIds: BancaSet, day: string) {
  if (bancaIds && bancaIds.length === 0) return [];
  let query = db
    .selectFrom('lottery_tickets')
    .select(['created_at', 'grand_total'])
    .where('business_date', '=', day)
    .where('status', '!=', 'cancelled');
  if (bancaIds) query = query.where('banca_id', 'in', bancaIds);
  return query.execute();
}

export async function nextClosingDraws(db: LotteryDb, now: string, limit: number) {
  return db
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
    .select([
      'd.id',
      'd.close_at',
      'd.draw_at',
      'd.draw_time',
      'l.code as lottery_code',
      'l.name as lottery_name',
    ])
    .where('d.status', '=', 'open')
    .where('d.close_at', '>', now)
    .orderBy('d.close_at')
    .orderBy('l.sort_order')
    .limit(limit)
    .execute();
}

/** The most sold directo numbers of the day's draws in the scope. */
export async function topNumbersOfDay(db: LotteryDb, bancaIds: BancaSet, day: string, limit: number) {
  if (bancaIds && bancaIds.length === 0) return [];
  let query = db
    .selectFrom('lottery_ticket_lines as l')
    .innerJoin('lottery_tickets as t', 't.id', 'l.ticket_id')
    .innerJoin('lottery_draws as d', 'd.id', 'l.draw_id')
    .innerJoin('lottery_lotteries as o', 'o.id', 'd.lottery_id')
    .select([
      'l.draw_id',
      'l.bet_number',
      'o.code as lottery_code',
      'd.draw_time',
      sumCents(sql`l.bet_amount * l.multiplier`).as('sold'),
    ])
    .where('t.business_date', '=', day)
    .where('t.status', '!=', 'cancelled')
    .where('l.bet_type', 'in', ['DIRECTO', 'TIEMPOS']);
  if (bancaIds) query = query.where('t.banca_id', 'in', bancaIds);
  const rows = await query
    .groupBy(['l.draw_id', 'l.bet_number', 'o.code', 'd.draw_time'])
    .orderBy(sql`cast(coalesce(sum(l.bet_amount * l.multiplier), 0) as bigint)`, 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, sold: Number(r.sold) }));
}

export async function countersByKey(db: LotteryDb, keys: string[]) {
  if (keys.length === 0) return new Map<string, { sold: number; lim: number }>();
  const rows = await db
    .selectFrom('lottery_limit_counters')
    .select(['key', 'sold', 'lim'])
    .where('key', 'in', keys)
    .execute();
  return new Map(rows.map((r) => [r.key, { sold: Number(r.sold), lim: Number(r.lim) }]));
}

export async function openAnomalies(db: LotteryDb, bancaIds: BancaSet, limit: number) {
  let query = db.selectFrom('lottery_anomalies').selectAll().where('acknowledged_at', 'is', null);
  if (bancaIds) {
    const ids = bancaIds;
    query = query.where((eb) =>
      ids.length
        ? eb.or([eb('banca_id', 'is', null), eb('banca_id', 'in', ids)])
        : eb('banca_id', 'is', null),
    );
  }
  return query.orderBy('created_at', 'desc').limit(limit).execute();
}

export async function bancasOfZone(db: LotteryDb, zoneId: string): Promise<string[]> {
  const rows = await db.selectFrom('lottery_bancas').select('id').where('zone_id', '=', zoneId).execute();
  return rows.map((r) => r.id);
}

export async function zoneOrBancaName(db: LotteryDb, scope: 'zone' | 'banca', id: string) {
  if (scope === 'zone')
    return (await db.selectFrom('lottery_zones').select(['name']).where('id', '=', id).executeTakeFirst())
      ?.name;
  return (await db.selectFrom('lottery_bancas').select(['name']).where('id', '=', id).executeTakeFirst())
    ?.name;
}
