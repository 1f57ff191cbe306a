import { type SelectQueryBuilder, sql } from 'kysely';
import { countAll, sumCents } from '../../platform/db/sql.ts';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { AllLotteryTables, LotteryDb } from './db.ts';

type DB = PlatformTables & AllLotteryTables;
// biome-ignore lint/suspicious/noExplicitAny: the joined tables vary per caller
type AnyTables = any;

export interface ReportFilter {
  from: string;
  to: string;
  /** null = every banca (admins); else the bancas the user may see. */
  scope: string[] | null;
  zoneId?: string;
  bancaId?: string;
  sellerId?: string;
  lotteryId?: string;
  drawId?: string;
  betType?: string;
}

const empty = (f: ReportFilter) => f.scope !== null && f.scope.length === 0;

/** The filters of lottery_agg_sales (alias s). */
function salesWhere<O>(
  q: SelectQueryBuilder<DB & { s: DB['lottery_agg_sales'] }, AnyTables, O>,
  f: ReportFilter,
) {
  let out = q.where('s.business_date', '>=', f.from).where('s.business_date', '<=', f.to);
  if (f.scope) out = out.where('s.banca_id', 'in', f.scope);
  if (f.zoneId) out = out.where('s.zone_id', '=', f.zoneId);
  if (f.bancaId) out = out.where('s.banca_id', '=', f.bancaId);
  if (f.sellerId) out = out.where('s.seller_id', '=', f.sellerId);
  if (f.lotteryId) out = out.where('s.lottery_id', '=', f.lotteryId);
  if (f.drawId) out = out.where('s.draw_id', '=', f.drawId);
  if (f.betType) out = out.where('s.bet_type', '=', f.betType);
  return out;
}

function ticketsWhere<O>(
  q: SelectQueryBuilder<DB & { a: DB['lottery_agg_tickets'] }, AnyTables, O>,
  f: ReportFilter,
) {
  let out = q.where('a.business_date', '>=', f.from).where('a.business_date', '<=', f.to);
  if (f.scope) out = out.where('a.banca_id', 'in', f.scope);
  if (f.zoneId) out = out.where('a.zone_id', '=', f.zoneId);
  if (f.bancaId) out = out.where('a.banca_id', '=', f.bancaId);
  if (f.sellerId) out = out.where('a.seller_id', '=', f.sellerId);
  return out;
}

const salesSums = [
  sumCents('s.lines').as('lines'),
  sumCents('s.total').as('sales'),
  sumCents('s.cancelled_total').as('cancelled'),
  sumCents(sql`s.commission - s.cancelled_commission`).as('commission'),
  sumCents('s.prizes_won').as('prizes'),
  sumCents('s.winning_lines').as('winning_lines'),
] as const;

export type SalesGroup = 'day_banca' | 'draw' | 'bet_type' | 'banca' | 'lottery' | 'day' | 'banca_bet_type';

export interface SalesRow {
  day: string;
  banca_code: string;
  banca_name: string;
  lottery_code: string;
  lottery_name: string;
  draw_time: string;
  bet_type: string;
  lines: number;
  sales: number;
  cancelled: number;
  commission: number;
  prizes: number;
  winning_lines: number;
}

/** Sales, cancellations, commission and prizes won from the sales aggregate, grouped (only the group's keys are set). */
export async function salesBy(db: LotteryDb, f: ReportFilter, group: SalesGroup): Promise<SalesRow[]> {
  return (await salesByGroup(db, f, group)) as unknown as SalesRow[];
}

async function salesByGroup(db: LotteryDb, f: ReportFilter, group: SalesGroup) {
  if (empty(f)) return [];
  const base = salesWhere(
    db
      .selectFrom('lottery_agg_sales as s')
      .innerJoin('lottery_bancas as b', 'b.id', 's.banca_id')
      .innerJoin('lottery_lotteries as l', 'l.id', 's.lottery_id')
      .innerJoin('lottery_draws as d', 'd.id', 's.draw_id'),
    f,
  );
  switch (group) {
    case 'day_banca':
      return salesWhere(
        db.selectFrom('lottery_agg_sales as s').innerJoin('lottery_bancas as b', 'b.id', 's.banca_id'),
        f,
      )
        .select(['s.business_date as day', 'b.code as banca_code', 'b.name as banca_name', ...salesSums])
        .groupBy(['s.business_date', 'b.code', 'b.name'])
        .orderBy('s.business_date')
        .orderBy('b.code')
        .execute();
    case 'banca':
      return salesWhere(
        db.selectFrom('lottery_agg_sales as s').innerJoin('lottery_bancas as b', 'b.id', 's.banca_id'),
        f,
      )
        .select(['b.code as banca_code', 'b.name as banca_name', ...salesSums])
        .groupBy(['b.code', 'b.name'])
        .orderBy('b.code')
        .execute();
    case 'draw':
      return base
        .select([
          'd.business_date as day',
          'l.code as lottery_code',
          'l.name as lottery_name',
          'd.draw_time',
          ...salesSums,
        ])
        .groupBy(['d.business_date', 'l.code', 'l.name', 'd.draw_time'])
        .orderBy('d.business_date')
        .orderBy('d.draw_time')
        .orderBy('l.code')
        .execute();
    case 'lottery':
      return salesWhere(
        db.selectFrom('lottery_agg_sales as s').innerJoin('lottery_lotteries as l', 'l.id', 's.lottery_id'),
        f,
      )
        .select(['l.code as lottery_code', 'l.name as lottery_name', ...salesSums])
        .groupBy(['l.code', 'l.name'])
        .orderBy('l.code')
        .execute();
    case 'bet_type':
      return salesWhere(db.selectFrom('lottery_agg_sales as s'), f)
        .select(['s.bet_type', ...salesSums])
        .groupBy('s.bet_type')
        .orderBy('s.bet_type')
        .execute();
    case 'banca_bet_type':
      return salesWhere(
        db.selectFrom('lottery_agg_sales as s').innerJoin('lottery_bancas as b', 'b.id', 's.banca_id'),
        f,
      )
        .select(['b.code as banca_code', 'b.name as banca_name', 's.bet_type', ...salesSums])
        .groupBy(['b.code', 'b.name', 's.bet_type'])
        .orderBy('b.code')
        .orderBy('s.bet_type')
        .execute();
    case 'day':
      return salesWhere(db.selectFrom('lottery_agg_sales as s'), f)
        .select(['s.business_date as day', ...salesSums])
        .groupBy('s.business_date')
        .orderBy('s.business_date')
        .execute();
  }
}

const ticketSums = [
  sumCents('a.tickets').as('tickets'),
  sumCents('a.total').as('sales'),
  sumCents('a.cancelled_tickets').as('cancelled_tickets'),
  sumCents('a.cancelled_total').as('cancelled'),
  sumCents(sql`a.commission - a.cancelled_commission`).as('commission'),
  sumCents('a.paid_tickets').as('paid_tickets'),
  sumCents('a.prizes_paid').as('prizes_paid'),
] as const;

export async function ticketsBySeller(db: LotteryDb, f: ReportFilter) {
  if (empty(f)) return [];
  return ticketsWhere(
    db
      .selectFrom('lottery_agg_tickets as a')
      .innerJoin('lottery_bancas as b', 'b.id', 'a.banca_id')
      .innerJoin('users as u', 'u.id', 'a.seller_id'),
    f,
  )
    .select(['b.code as banca_code', 'u.username', 'u.full_name', ...ticketSums])
    .groupBy(['b.code', 'u.username', 'u.full_name'])
    .orderBy('b.code')
    .orderBy('u.username')
    .execute();
}

export async function ticketsByBanca(db: LotteryDb, f: ReportFilter) {
  if (empty(f)) return [];
  return ticketsWhere(
    db.selectFrom('lottery_agg_tickets as a').innerJoin('lottery_bancas as b', 'b.id', 'a.banca_id'),
    f,
  )
    .select(['b.id as banca_id', 'b.code as banca_code', 'b.name as banca_name', ...ticketSums])
    .groupBy(['b.id', 'b.code', 'b.name'])
    .orderBy('b.code')
    .execute();
}

export async function ticketsByDay(db: LotteryDb, f: ReportFilter) {
  if (empty(f)) return [];
  return ticketsWhere(db.selectFrom('lottery_agg_tickets as a'), f)
    .select(['a.business_date as day', ...ticketSums])
    .groupBy('a.business_date')
    .orderBy('a.business_date')
    .execute();
}

export async function ticketsByHour(db: LotteryDb, f: ReportFilter) {
  if (empty(f)) return [];
  return ticketsWhere(db.selectFrom('lottery_agg_tickets as a'), f)
    .select([
      'a.business_date as day',
      'a.hour',
      sumCents('a.total').as('sales'),
      sumCents('a.tickets').as('tickets'),
    ])
    .groupBy(['a.business_date', 'a.hour'])
    .orderBy('a.business_date')
    .orderBy('a.hour')
    .execute();
}

/** Most played numbers (network-wide aggregate) with their exposure. */
export async function topNumbers(db: LotteryDb, f: ReportFilter, limit: number, offset: number) {
  let q = db
    .selectFrom('lottery_agg_numbers as n')
    .innerJoin('lottery_lotteries as l', 'l.id', 'n.lottery_id')
    .where('n.business_date', '>=', f.from)
    .where('n.business_date', '<=', f.to);
  if (f.lotteryId) q = q.where('n.lottery_id', '=', f.lotteryId);
  if (f.betType) q = q.where('n.bet_type', '=', f.betType);
  const rows = await q
    .select([
      'l.code as lottery_code',
      'n.bet_type',
      'n.bet_number',
      sumCents('n.lines').as('lines'),
      sumCents('n.total').as('sales'),
      sumCents('n.exposure').as('exposure'),
    ])
    .groupBy(['l.code', 'n.bet_type', 'n.bet_number'])
    .having(sql<boolean>`sum(n.total) > 0`)
    .orderBy(sql`sum(n.total)`, 'desc')
    .orderBy('l.code')
    .orderBy('n.bet_type')
    .orderBy('n.bet_number')
    .limit(limit)
    .offset(offset)
    .execute();
  const totals = await q
    .select([
      sumCents('n.lines').as('lines'),
      sumCents('n.total').as('sales'),
      sumCents('n.exposure').as('exposure'),
      sql<number>`cast(count(distinct n.lottery_id || '|' || n.bet_type || '|' || n.bet_number) as bigint)`.as(
        'groups',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { rows, totals };
}

/** The same for a user limited to some bancas: from their lines (their bancas only). */
export async function topNumbersScoped(db: LotteryDb, f: ReportFilter, limit: number, offset: number) {
  if (empty(f)) return { rows: [], totals: { lines: 0, sales: 0, exposure: 0, groups: 0 } };
  let q = db
    .selectFrom('lottery_ticket_lines as x')
    .innerJoin('lottery_tickets as t', 't.id', 'x.ticket_id')
    .innerJoin('lottery_lotteries as l', 'l.id', 'x.lottery_id')
    .where('t.business_date', '>=', f.from)
    .where('t.business_date', '<=', f.to)
    .where('t.status', '!=', 'cancelled')
    .where('t.banca_id', 'in', f.scope ?? []);
  if (f.lotteryId) q = q.where('x.lottery_id', '=', f.lotteryId);
  if (f.betType) q = q.where('x.bet_type', '=', f.betType);
  if (f.bancaId) q = q.where('t.banca_id', '=', f.bancaId);
  const rows = await q
    .select([
      'l.code as lottery_code',
      'x.bet_type',
      'x.bet_number',
      countAll().as('lines'),
      sumCents('x.total').as('sales'),
      sql<number>`cast(0 as bigint)`.as('exposure'),
    ])
    .groupBy(['l.code', 'x.bet_type', 'x.bet_number'])
    .orderBy(sql`sum(x.total)`, 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const totals = await q
    .select([
      countAll().as('lines'),
      sumCents('x.total').as('sales'),
      sql<number>`cast(0 as bigint)`.as('exposure'),
    ])
    .executeTakeFirstOrThrow();
  return { rows, totals: { ...totals, groups: rows.length } };
}

/** Every banca in scope with its cached balance, loans outstanding and limits. */
export async function bancaBalances(db: LotteryDb, f: ReportFilter) {
  if (empty(f)) return [];
  let q = db
    .selectFrom('lottery_bancas as b')
    .innerJoin('lottery_zones as z', 'z.id', 'b.zone_id')
    .leftJoin('lottery_banca_balances as x', 'x.banca_id', 'b.id')
    .select([
      'b.id',
      'b.code',
      'b.name',
      'z.name as zone_name',
      'b.active',
      'b.credit_limit_cents',
      'b.deactivation_balance_cents',
      sql<number>`coalesce(x.balance, 0)`.as('balance'),
      sql<number>`(select cast(coalesce(sum(m.amount), 0) as bigint) from lottery_money_movements m where m.banca_id = b.id and m.status = 'approved' and m.kind = 'loan')
        - (select cast(coalesce(sum(m.amount), 0) as bigint) from lottery_money_movements m where m.banca_id = b.id and m.status = 'approved' and m.kind = 'loan_repayment')`.as(
        'loans',
      ),
      sql<number>`(select cast(coalesce(sum(c.amount), 0) as bigint) from lottery_cashbacks c where c.banca_id = b.id)`.as(
        'cashback',
      ),
    ]);
  if (f.scope) q = q.where('b.id', 'in', f.scope);
  if (f.zoneId) q = q.where('b.zone_id', '=', f.zoneId);
  if (f.bancaId) q = q.where('b.id', '=', f.bancaId);
  return q.orderBy('b.code').execute();
}

export async function ticketList(
  db: LotteryDb,
  f: ReportFilter,
  status: 'cancelled' | 'winner',
  limit: number,
  offset: number,
) {
  if (empty(f)) return { rows: [], count: 0, total: 0 };
  // A winner not paid yet is a decided prize row (the ticket itself stays pending in storage).
  let q = db
    .selectFrom('lottery_tickets as t')
    .innerJoin('lottery_bancas as b', 'b.id', 't.banca_id')
    .innerJoin('users as u', 'u.id', 't.seller_id')
    .leftJoin('lottery_ticket_prizes as p', (join) =>
      join.onRef('p.ticket_id', '=', 't.id').on('p.decided', '=', 1),
    )
    .where((eb) =>
      status === 'cancelled' ? eb('t.status', '=', 'cancelled') : eb('p.ticket_id', 'is not', null),
    )
    .where('t.business_date', '>=', f.from)
    .where('t.business_date', '<=', f.to);
  if (f.scope) q = q.where('t.banca_id', 'in', f.scope);
  if (f.zoneId) q = q.where('t.zone_id', '=', f.zoneId);
  if (f.bancaId) q = q.where('t.banca_id', '=', f.bancaId);
  if (f.sellerId) q = q.where('t.seller_id', '=', f.sellerId);
  const rows = await q
    .select([
      't.code',
      't.business_date',
      't.created_at',
      't.cancelled_at',
      't.cancel_reason',
      't.expires_at',
      't.grand_total',
      sql<number>`coalesce(p.prize_total, t.prize_total)`.as('prize_total'),
      'b.code as banca_code',
      'u.username',
    ])
    .orderBy('t.business_date')
    .orderBy('t.code')
    .limit(limit)
    .offset(offset)
    .execute();
  const totals = await q
    .select([
      countAll().as('n'),
      sumCents(status === 'cancelled' ? 't.grand_total' : 'p.prize_total').as('s'),
    ])
    .executeTakeFirstOrThrow();
  return { rows, count: Number(totals.n), total: Number(totals.s) };
}

export async function cashbackRows(db: LotteryDb, f: ReportFilter) {
  if (empty(f)) return [];
  let q = db
    .selectFrom('lottery_cashbacks as c')
    .innerJoin('lottery_bancas as b', 'b.id', 'c.banca_id')
    .selectAll('c')
    .select(['b.code as banca_code', 'b.name as banca_name'])
    .where('c.period_end', '>=', f.from)
    .where('c.period_start', '<=', f.to);
  if (f.scope) q = q.where('c.banca_id', 'in', f.scope);
  if (f.zoneId) q = q.where('b.zone_id', '=', f.zoneId);
  if (f.bancaId) q = q.where('c.banca_id', '=', f.bancaId);
  return q.orderBy('c.period_start').orderBy('b.code').execute();
}

export async function cashbackByDay(db: LotteryDb, f: ReportFilter) {
  if (empty(f)) return [];
  let q = db
    .selectFrom('lottery_cashbacks as c')
    .innerJoin('lottery_bancas as b', 'b.id', 'c.banca_id')
    .select(['c.period_end as day', sumCents('c.amount').as('amount')])
    .where('c.period_end', '>=', f.from)
    .where('c.period_end', '<=', f.to);
  if (f.scope) q = q.where('c.banca_id', 'in', f.scope);
  if (f.zoneId) q = q.where('b.zone_id', '=', f.zoneId);
  if (f.bancaId) q = q.where('c.banca_id', '=', f.bancaId);
  return q.groupBy('c.period_end').execute();
}
