import type { BetTypeCode } from '@matriz/shared/lottery/games';
import type { LotteryDb } from './db.ts';

/** Narrows the sales a limit change can concern (null = any). */
export interface EarlierSalesFilter {
  drawId?: string | null;
  lotteryId?: string | null;
  betType?: BetTypeCode | null;
}

export interface EarlierSaleLine {
  ticket_id: string;
  claims_json: string;
  zone_id: string;
  banca_id: string;
  draw_id: string;
  draw_date: string;
  lottery_id: string;
  bet_type: string;
  bet_number: string;
  bet_amount: number;
  multiplier: number;
  prize_multipliers: string;
}

/** The live lines, on draws still on sale, of the next `limit` tickets after `afterTicketId` (id order). */
export async function findEarlierSaleLines(
  db: LotteryDb,
  filter: EarlierSalesFilter,
  afterTicketId: string,
  limit: number,
): Promise<EarlierSaleLine[]> {
  let lines = db
    .selectFrom('lottery_ticket_lines as l')
    .innerJoin('lottery_draws as d', 'd.id', 'l.draw_id')
    .where('d.status', '=', 'open')
    .where('l.status', '!=', 'cancelled');
  if (filter.drawId) lines = lines.where('l.draw_id', '=', filter.drawId);
  if (filter.lotteryId) lines = lines.where('l.lottery_id', '=', filter.lotteryId);
  if (filter.betType) lines = lines.where('l.bet_type', '=', filter.betType);
  const tickets = await lines
    .innerJoin('lottery_tickets as t', 't.id', 'l.ticket_id')
    .where('t.status', '!=', 'cancelled')
    .where('t.id', '>', afterTicketId)
    .select('t.id')
    .distinct()
    .orderBy('t.id')
    .limit(limit)
    .execute();
  if (tickets.length === 0) return [];
  const rows = await lines
    .innerJoin('lottery_tickets as t', 't.id', 'l.ticket_id')
    .where(
      't.id',
      'in',
      tickets.map((t) => t.id),
    )
    .select([
      't.id as ticket_id',
      't.claims_json',
      't.zone_id',
      't.banca_id',
      'l.draw_id',
      'd.draw_date',
      'l.lottery_id',
      'l.bet_type',
      'l.bet_number',
      'l.bet_amount',
      'l.multiplier',
      'l.prize_multipliers',
    ])
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({ ...r, bet_amount: Number(r.bet_amount), multiplier: Number(r.multiplier) }));
}

/** Adds earlier sales to their counters, creating the ones that did not exist yet. */
export async function addToCounters(
  db: LotteryDb,
  rows: readonly { key: string; draw_id: string; sold: number; lim: number }[],
): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('lottery_limit_counters')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          sold: eb('lottery_limit_counters.sold', '+', eb.ref('excluded.sold')),
          lim: eb.ref('excluded.lim'),
        })),
      )
      .execute();
  }
}

export async function setTicketClaims(db: LotteryDb, ticketId: string, claimsJson: string): Promise<void> {
  await db
    .updateTable('lottery_tickets')
    .set({ claims_json: claimsJson })
    .where('id', '=', ticketId)
    .execute();
}
