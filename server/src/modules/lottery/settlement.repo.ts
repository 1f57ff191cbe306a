import { sql } from 'kysely';
import { countAll, sumCents } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';
import type { LotterySettlementTotalsTable } from './results-tables.ts';
import type { LotteryLedgerEntriesTable } from './sales-tables.ts';

/** Line statuses a settlement may still decide (lines are sold `pending`; cancelled lines are left alone). */
const OPEN_LINE = ['pending', 'active'];
/** Ticket statuses a settlement may (re)decide: never cancelled, paid or expired. */
const DECIDABLE_TICKET = ['pending', 'active', 'winner', 'loser'];

/**
 * The distinct values of one indexed column for a draw, without reading every line: a "loose index
 * scan" (each step one index seek for the next greater value), in pages, on both engines.
 */
async function looseScan(
  db: LotteryDb,
  drawId: string,
  column: 'bet_type' | 'bet_number',
  betType: string | null,
  after: string,
  limit: number,
): Promise<string[]> {
  const col = sql.ref(column);
  const typeFilter = betType === null ? sql`` : sql` and bet_type = ${betType}`;
  const next = (bound: unknown) =>
    sql`(select min(${col}) from lottery_ticket_lines where draw_id = ${drawId}${typeFilter} and ${col} > ${bound})`;
  const result = await sql<{ v: string | null }>`
    with recursive s(v) as (
      select ${next(after)}
      union all
      select ${next(sql.ref('s.v'))} from s where s.v is not null
    )
    select v from s where v is not null limit ${limit}`.execute(db);
  return result.rows.map((r) => r.v as string);
}

/** The distinct (bet type, number) played on a draw, a page at a time (a few thousand at most). */
export async function findDrawBetTypes(db: LotteryDb, drawId: string): Promise<string[]> {
  return looseScan(db, drawId, 'bet_type', null, '', 1000);
}

export async function findDrawBetNumbers(
  db: LotteryDb,
  drawId: string,
  betType: string,
  after: string,
  limit: number,
): Promise<string[]> {
  return looseScan(db, drawId, 'bet_number', betType, after, limit);
}

/** The prize tables copied at sale onto the undecided lines of one combo (usually one or two). */
export async function findComboPrizeTables(
  db: LotteryDb,
  drawId: string,
  betType: string,
  betNumber: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('lottery_ticket_lines')
    .select('prize_multipliers')
    .distinct()
    .where('draw_id', '=', drawId)
    .where('bet_type', '=', betType)
    .where('bet_number', '=', betNumber)
    .where('status', 'in', OPEN_LINE)
    .execute();
  return rows.map((r) => r.prize_multipliers);
}

export interface WinningChunk {
  drawId: string;
  betType: string;
  betNumber: string;
  /** Only lines whose copied prize table is exactly this text; null = every line of the combo. */
  prizeMultipliers: string | null;
  prizeClass: string;
  /** Hundredths: prize = bet × ticket multiplier × this ÷ 100, half-up. */
  multiplier: number;
  limit: number;
}

/** Marks up to `limit` undecided lines of a winning combo as winners with their prize; returns how many. */
export async function markWinningLines(db: LotteryDb, chunk: WinningChunk): Promise<number> {
  const m = Math.trunc(chunk.multiplier);
  let ids = db
    .selectFrom('lottery_ticket_lines')
    .select('id')
    .where('draw_id', '=', chunk.drawId)
    .where('bet_type', '=', chunk.betType)
    .where('bet_number', '=', chunk.betNumber)
    .where('status', 'in', OPEN_LINE);
  if (chunk.prizeMultipliers !== null) ids = ids.where('prize_multipliers', '=', chunk.prizeMultipliers);
  const result = await db
    .updateTable('lottery_ticket_lines')
    .set({
      status: 'winner',
      prize_class: chunk.prizeClass,
      prize_amount: sql<number>`(bet_amount * multiplier * cast(${m} as bigint) + 50) / 100`,
    })
    .where('id', 'in', ids.limit(chunk.limit))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Undoes up to `limit` winning lines of a draw (a correction); returns how many. */
export async function revertWinningLines(db: LotteryDb, drawId: string, limit: number): Promise<number> {
  const ids = db
    .selectFrom('lottery_ticket_lines')
    .select('id')
    .where('draw_id', '=', drawId)
    .where('status', '=', 'winner')
    .limit(limit);
  const result = await db
    .updateTable('lottery_ticket_lines')
    .set({ status: 'pending', prize_class: null, prize_amount: 0 })
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The next page of the draw's tickets with how many of their lines play it (keyset over the (draw_id, ticket_id) index). */
export async function findDrawTicketPage(
  db: LotteryDb,
  drawId: string,
  after: string,
  limit: number,
): Promise<{ ticket_id: string; lines: number }[]> {
  const rows = await db
    .selectFrom('lottery_ticket_lines')
    .select(['ticket_id', countAll().as('lines')])
    .where('draw_id', '=', drawId)
    .where('ticket_id', '>', after)
    .groupBy('ticket_id')
    .orderBy('ticket_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ticket_id: r.ticket_id, lines: Number(r.lines) }));
}

export async function findDrawTicketIds(
  db: LotteryDb,
  drawId: string,
  after: string,
  limit: number,
): Promise<string[]> {
  return (await findDrawTicketPage(db, drawId, after, limit)).map((r) => r.ticket_id);
}

export async function findTicketLineCounts(db: LotteryDb, ticketIds: readonly string[]) {
  if (ticketIds.length === 0) return [];
  return db
    .selectFrom('lottery_tickets')
    .select(['id', 'total_lines'])
    .where('id', 'in', [...ticketIds])
    .execute();
}

/** Σ prize of the draw's winning lines per ticket (read through the winners-only partial index). */
export async function findDrawWinnerPrizes(db: LotteryDb, drawId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('lottery_ticket_lines')
    .select(['ticket_id', sumCents('prize_amount').as('prize')])
    .where('draw_id', '=', drawId)
    .where('status', '=', 'winner')
    .groupBy('ticket_id')
    .execute();
  return new Map(rows.map((r) => [r.ticket_id, Number(r.prize)]));
}

/** Tickets that play only this (settled) draw and won: winner with the prize given (one statement, by key). */
export async function markSingleDrawWinners(
  db: LotteryDb,
  prizes: readonly { ticketId: string; prize: number }[],
): Promise<void> {
  if (prizes.length === 0) return;
  const values = sql.join(prizes.map((p) => sql`(${p.ticketId}, ${p.prize})`));
  await sql`update lottery_tickets set status = 'winner', prize_total = cast(v.column2 as bigint)
    from (values ${values}) as v
    where lottery_tickets.id = v.column1 and lottery_tickets.status in ('pending', 'active', 'winner', 'loser')`.execute(
    db,
  );
}

/** Tickets that play only this (settled) draw and won nothing: losers, by primary key only. */
export async function markSingleDrawLosers(db: LotteryDb, ticketIds: readonly string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  await db
    .updateTable('lottery_tickets')
    .set({ status: 'loser', prize_total: 0 })
    .where('id', 'in', [...ticketIds])
    .where('status', 'in', DECIDABLE_TICKET)
    .execute();
}

/**
 * Decides the given tickets whose every draw is settled: winner (prize = Σ winning lines) when a
 * line won, loser otherwise. Tickets with a draw still open, closed or resulted are left as they are.
 */
export async function decideTickets(db: LotteryDb, ticketIds: readonly string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  const unsettled = sql<boolean>`exists (select 1 from lottery_ticket_lines o inner join lottery_draws d on d.id = o.draw_id where o.ticket_id = lottery_tickets.id and d.status <> 'settled')`;
  const won = sql<boolean>`exists (select 1 from lottery_ticket_lines w where w.ticket_id = lottery_tickets.id and w.status = 'winner')`;
  await db
    .updateTable('lottery_tickets')
    .set({
      status: 'winner',
      prize_total: sql<number>`(select cast(coalesce(sum(w.prize_amount), 0) as bigint) from lottery_ticket_lines w where w.ticket_id = lottery_tickets.id and w.status = 'winner')`,
    })
    .where('id', 'in', [...ticketIds])
    .where('status', 'in', DECIDABLE_TICKET)
    .where(won)
    .where(sql<boolean>`not ${unsettled}`)
    .execute();
  await db
    .updateTable('lottery_tickets')
    .set({ status: 'loser', prize_total: 0 })
    .where('id', 'in', [...ticketIds])
    .where('status', 'in', DECIDABLE_TICKET)
    .where(sql<boolean>`not ${won}`)
    .where(sql<boolean>`not ${unsettled}`)
    .execute();
}

/** A correction puts the draw's decided tickets back to active until the new settlement decides them. */
export async function reopenDecidedTickets(db: LotteryDb, ticketIds: readonly string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  await db
    .updateTable('lottery_tickets')
    .set({ status: 'active', prize_total: 0 })
    .where('id', 'in', [...ticketIds])
    .where('status', 'in', ['winner', 'loser'])
    .execute();
}

/** What the draw's winning lines add up to per banca (the ledger's prize_won entries). */
export async function winnerTotalsByBanca(db: LotteryDb, drawId: string) {
  return db
    .selectFrom('lottery_ticket_lines as l')
    .innerJoin('lottery_tickets as t', 't.id', 'l.ticket_id')
    .select(['t.banca_id', countAll().as('lines'), sumCents('l.prize_amount').as('prize')])
    .where('l.draw_id', '=', drawId)
    .where('l.status', '=', 'winner')
    .groupBy('t.banca_id')
    .execute();
}

export async function insertSettlement(
  db: LotteryDb,
  entries: readonly LotteryLedgerEntriesTable[],
  totals: readonly LotterySettlementTotalsTable[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 500)
    await db
      .insertInto('lottery_ledger_entries')
      .values(entries.slice(i, i + 500))
      .execute();
  for (let i = 0; i < totals.length; i += 500)
    await db
      .insertInto('lottery_settlement_totals')
      .values(totals.slice(i, i + 500))
      .execute();
}

/** The draw's settlement ledger entries not yet reversed (what a correction must undo). */
export async function findActiveSettlement(db: LotteryDb, drawId: string) {
  return db
    .selectFrom('lottery_settlement_totals as s')
    .innerJoin('lottery_ledger_entries as e', 'e.id', 's.ledger_entry_id')
    .select([
      's.id',
      's.banca_id',
      's.prize_total',
      's.winning_lines',
      'e.debit_account',
      'e.credit_account',
      'e.amount',
      'e.business_date',
    ])
    .where('s.draw_id', '=', drawId)
    .where('s.reversed_at', 'is', null)
    .execute();
}

export async function markSettlementReversed(db: LotteryDb, ids: readonly string[], at: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('lottery_settlement_totals')
    .set({ reversed_at: at })
    .where('id', 'in', [...ids])
    .where('reversed_at', 'is', null)
    .execute();
}

/** Winning lines and prize of a draw (for the event and the audit). */
export async function drawWinnerSummary(db: LotteryDb, drawId: string) {
  const row = await db
    .selectFrom('lottery_settlement_totals')
    .select([sumCents('winning_lines').as('lines'), sumCents('prize_total').as('prize')])
    .where('draw_id', '=', drawId)
    .where('reversed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { lines: Number(row.lines), prize: Number(row.prize) };
}

/**
 * Once a draw closes, its pending tickets whose every draw has closed become active (spec 003 §8.4).
 * One page of the draw's tickets at a time, so the write stays short.
 */
export async function activateTickets(db: LotteryDb, ticketIds: readonly string[]): Promise<number> {
  if (ticketIds.length === 0) return 0;
  const result = await db
    .updateTable('lottery_tickets')
    .set({ status: 'active' })
    .where('id', 'in', [...ticketIds])
    .where('status', '=', 'pending')
    .where(
      sql<boolean>`not exists (select 1 from lottery_ticket_lines o inner join lottery_draws d on d.id = o.draw_id where o.ticket_id = lottery_tickets.id and d.status in ('scheduled', 'open'))`,
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
