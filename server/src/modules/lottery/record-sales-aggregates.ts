import { potentialPrize } from '@matriz/shared/lottery/pricing';
import { localDate } from '@matriz/shared/lottery/schedule';
import type { CompiledQuery } from 'kysely';
import { dateFormat } from '../../platform/clock.ts';
import { executeTogether } from '../../platform/db/execute-together.ts';
import {
  addBancaBalances,
  addTicketAggregates,
  aggNumbersQueries,
  aggSalesQueries,
  aggTicketsQueries,
  bancaBalanceQueries,
  setDrawPrizeAggregates,
} from './aggregates.repo.ts';
import type { LotteryDb } from './db.ts';
import type { LotteryAggNumbersTable, LotteryAggSalesTable, LotteryAggTicketsTable } from './money-tables.ts';
import type { LotteryTicketLinesTable, LotteryTicketsTable } from './sales-tables.ts';
import type { WinnerGroup } from './settlement.repo.ts';

type TicketFields = Pick<
  LotteryTicketsTable,
  | 'id'
  | 'banca_id'
  | 'zone_id'
  | 'seller_id'
  | 'business_date'
  | 'created_at'
  | 'grand_total'
  | 'total_commission'
>;
type LineFields = Pick<
  LotteryTicketLinesTable,
  | 'draw_id'
  | 'lottery_id'
  | 'bet_type'
  | 'bet_number'
  | 'bet_amount'
  | 'multiplier'
  | 'total'
  | 'commission_amount'
  | 'net_amount'
  | 'prize_multipliers'
>;
export interface SaleRows {
  ticket: TicketFields;
  lines: readonly LineFields[];
}

/** The hour (0–23) of an ISO instant in a time zone. */
export function hourIn(iso: string, timeZone: string): number {
  return (
    Number(dateFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date(iso))) % 24
  );
}

/** Prize if the number comes first: bet × ticket multiplier × the highest prize multiplier copied at sale. */
export function exposureOf(line: LineFields): number {
  let top = 0;
  try {
    for (const value of Object.values(JSON.parse(line.prize_multipliers) as Record<string, number>))
      if (Number(value) > top) top = Number(value);
  } catch {
    return 0;
  }
  return top > 0 ? potentialPrize(Number(line.bet_amount), Number(line.multiplier), Math.round(top)) : 0;
}

/** The aggregate rows of some tickets, signed: +1 for a sale, −1 (into the cancelled columns) for a cancellation. */
export function aggregateRows(sales: readonly SaleRows[], timeZone: string, cancelled: boolean) {
  const salesRows: LotteryAggSalesTable[] = [];
  const ticketRows: LotteryAggTicketsTable[] = [];
  const numberRows: LotteryAggNumbersTable[] = [];
  const balances = new Map<string, number>();
  const sign = cancelled ? -1 : 1;
  for (const { ticket, lines } of sales) {
    const total = Number(ticket.grand_total);
    const commission = Number(ticket.total_commission);
    ticketRows.push({
      business_date: ticket.business_date,
      banca_id: ticket.banca_id,
      seller_id: ticket.seller_id,
      hour: hourIn(ticket.created_at, timeZone),
      zone_id: ticket.zone_id,
      tickets: cancelled ? 0 : 1,
      total: cancelled ? 0 : total,
      commission: cancelled ? 0 : commission,
      cancelled_tickets: cancelled ? 1 : 0,
      cancelled_total: cancelled ? total : 0,
      cancelled_commission: cancelled ? commission : 0,
      paid_tickets: 0,
      prizes_paid: 0,
    });
    balances.set(ticket.banca_id, (balances.get(ticket.banca_id) ?? 0) + sign * (total - commission));
    for (const line of lines) {
      salesRows.push({
        business_date: ticket.business_date,
        banca_id: ticket.banca_id,
        seller_id: ticket.seller_id,
        draw_id: line.draw_id,
        bet_type: line.bet_type,
        zone_id: ticket.zone_id,
        lottery_id: line.lottery_id,
        lines: cancelled ? 0 : 1,
        bet: cancelled ? 0 : Number(line.bet_amount),
        total: cancelled ? 0 : Number(line.total),
        commission: cancelled ? 0 : Number(line.commission_amount),
        net: cancelled ? 0 : Number(line.net_amount),
        cancelled_lines: cancelled ? 1 : 0,
        cancelled_total: cancelled ? Number(line.total) : 0,
        cancelled_commission: cancelled ? Number(line.commission_amount) : 0,
        winning_lines: 0,
        prizes_won: 0,
      });
      numberRows.push({
        business_date: ticket.business_date,
        lottery_id: line.lottery_id,
        bet_type: line.bet_type,
        bet_number: line.bet_number,
        lines: sign,
        total: sign * Number(line.total),
        exposure: sign * exposureOf(line),
      });
    }
  }
  return { salesRows, ticketRows, numberRows, balances };
}

function aggregateQueries(db: LotteryDb, rows: ReturnType<typeof aggregateRows>, at: string) {
  return [
    ...aggSalesQueries(db, rows.salesRows),
    ...aggTicketsQueries(db, rows.ticketRows),
    ...aggNumbersQueries(db, rows.numberRows),
    ...bancaBalanceQueries(db, rows.balances, at),
  ];
}

/**
 * The sale batch's aggregates, summed in memory: one multi-row upsert per aggregate table and one
 * for the bancas' balances, to run together with the batch's inserts.
 */
export function salesAggregateQueries(
  db: LotteryDb,
  sales: readonly SaleRows[],
  timeZone: string,
  at: string,
): CompiledQuery[] {
  if (sales.length === 0) return [];
  return aggregateQueries(db, aggregateRows(sales, timeZone, false), at);
}

/** A cancellation, inside its transaction: the sale moves to the cancelled columns on its own sale day. */
export async function recordCancelAggregates(
  db: LotteryDb,
  ticket: TicketFields,
  timeZone: string,
  at: string,
): Promise<void> {
  const lines = await db
    .selectFrom('lottery_ticket_lines')
    .select([
      'draw_id',
      'lottery_id',
      'bet_type',
      'bet_number',
      'bet_amount',
      'multiplier',
      'total',
      'commission_amount',
      'net_amount',
      'prize_multipliers',
    ])
    .where('ticket_id', '=', ticket.id)
    .execute();
  await executeTogether(db, aggregateQueries(db, aggregateRows([{ ticket, lines }], timeZone, true), at));
}

/**
 * Settlement (issue 6): the draw's prizes won, from its winning lines summed per day, banca, seller
 * and bet type (none after a correction's reversal). Idempotent: the figures are set, not added.
 */
export async function recordPrizeAggregates(
  db: LotteryDb,
  draw: { id: string; lottery_id: string },
  groups: readonly WinnerGroup[],
): Promise<void> {
  await setDrawPrizeAggregates(
    db,
    draw.id,
    groups.map((g) => ({
      business_date: g.business_date,
      banca_id: g.banca_id,
      seller_id: g.seller_id,
      draw_id: draw.id,
      bet_type: g.bet_type,
      zone_id: g.zone_id,
      lottery_id: draw.lottery_id,
      lines: 0,
      bet: 0,
      total: 0,
      commission: 0,
      net: 0,
      cancelled_lines: 0,
      cancelled_total: 0,
      cancelled_commission: 0,
      winning_lines: Number(g.lines),
      prizes_won: Number(g.prize),
    })),
  );
}

/**
 * Payment of a prize (issue 6), inside its transaction: the paying banca's seller hands out cash on
 * the day of the payment, and the banca's balance drops by the prize.
 */
export async function recordPaymentAggregates(
  db: LotteryDb,
  payment: { paidBancaId: string; paidBy: string; at: string; amount: number },
  timeZone: string,
): Promise<void> {
  const banca = await db
    .selectFrom('lottery_bancas')
    .select('zone_id')
    .where('id', '=', payment.paidBancaId)
    .executeTakeFirstOrThrow();
  await addTicketAggregates(db, [
    {
      business_date: localDate(new Date(payment.at), timeZone),
      banca_id: payment.paidBancaId,
      seller_id: payment.paidBy,
      hour: hourIn(payment.at, timeZone),
      zone_id: banca.zone_id,
      tickets: 0,
      total: 0,
      commission: 0,
      cancelled_tickets: 0,
      cancelled_total: 0,
      cancelled_commission: 0,
      paid_tickets: 1,
      prizes_paid: payment.amount,
    },
  ]);
  await addBancaBalances(db, new Map([[payment.paidBancaId, -payment.amount]]), payment.at);
}
