import { type RawBuilder, sql } from 'kysely';
import { countAll, sumCents } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';
import type { LotterySettlementTotalsTable } from './results-tables.ts';
import type { LotteryLedgerEntriesTable } from './sales-tables.ts';

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

/** The prize tables copied at sale onto the live lines of one combo (usually one or two). */
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
    .where('status', '!=', 'cancelled')
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

/** Writes up to `limit` winning lines of a combo not written yet (reading, never rewriting, the lines); returns how many. */
export async function insertWinningLines(db: LotteryDb, chunk: WinningChunk): Promise<number> {
  const m = Math.trunc(chunk.multiplier);
  const table =
    chunk.prizeMultipliers === null ? sql`` : sql` and l.prize_multipliers = ${chunk.prizeMultipliers}`;
  const result =
    await sql`insert into lottery_winning_lines (ticket_id, line_id, draw_id, bet_type, prize_class, prize_amount)
    select l.ticket_id, l.id, l.draw_id, l.bet_type, cast(${chunk.prizeClass} as text),
      (l.bet_amount * l.multiplier * cast(${m} as bigint) + 50) / 100
    from lottery_ticket_lines l
    where l.draw_id = ${chunk.drawId} and l.bet_type = ${chunk.betType} and l.bet_number = ${chunk.betNumber}
      and l.status <> 'cancelled'${table}
      and not exists (select 1 from lottery_winning_lines w where w.ticket_id = l.ticket_id and w.line_id = l.id)
    limit ${chunk.limit}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Removes up to `limit` winning lines of a draw (a correction); returns how many. */
export async function deleteWinningLines(db: LotteryDb, drawId: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('lottery_winning_lines')
    .where('draw_id', '=', drawId)
    .where(
      'line_id',
      'in',
      db.selectFrom('lottery_winning_lines').select('line_id').where('draw_id', '=', drawId).limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The tickets with a winning line in the draw, in id order (read once, from the winning lines' draw index). */
export async function findDrawWinnerTickets(db: LotteryDb, drawId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('lottery_winning_lines')
    .select('ticket_id')
    .distinct()
    .where('draw_id', '=', drawId)
    .orderBy('ticket_id')
    .execute();
  return rows.map((r) => r.ticket_id);
}

/** Other draws at the same instant not settled yet (a ticket's draws all lie between its earliest and latest instants). */
export async function findUnsettledDrawsAt(
  db: LotteryDb,
  drawAt: string,
  exceptId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('lottery_draws')
    .select('id')
    .where('draw_at', '=', drawAt)
    .where('id', '!=', exceptId)
    .where('status', '!=', 'settled')
    .execute();
  return rows.map((r) => r.id);
}

/** Σ of the ticket's winning lines, over every draw written so far. */
const wonSoFar = (ticketId: RawBuilder<unknown>) =>
  sql<number>`(select cast(coalesce(sum(w.prize_amount), 0) as bigint) from lottery_winning_lines w where w.ticket_id = ${ticketId})`;

/** A draw of the ticket (other than `except`) is not settled yet. */
const drawUnsettled = (ticketId: RawBuilder<unknown>, except?: string) =>
  sql<boolean>`exists (select 1 from lottery_ticket_lines o inner join lottery_draws d on d.id = o.draw_id
    where o.ticket_id = ${ticketId}${except === undefined ? sql`` : sql` and o.draw_id <> ${except}`} and d.status <> 'settled')`;

/**
 * Before the draw flips to settled: the prize rows of tickets that won in it (Σ of their winning lines
 * so far), decided when no other draw of the ticket is unsettled. A ticket whose draws all share this
 * draw's instant (the common case) needs only index probes into the unsettled draws `alongside` it at
 * that instant (none, mostly), never its lines' rows.
 */
export async function openTicketPrizes(
  db: LotteryDb,
  draw: { id: string; draw_at: string },
  alongside: readonly string[],
  ticketIds: readonly string[],
): Promise<void> {
  if (ticketIds.length === 0) return;
  const t = sql.ref('t.id');
  const sameInstant =
    alongside.length === 0
      ? sql`1`
      : sql`case when exists (select 1 from lottery_ticket_lines o
          where o.draw_id in (${sql.join(alongside)}) and o.ticket_id = t.id) then 0 else 1 end`;
  await sql`insert into lottery_ticket_prizes (ticket_id, prize_total, decided, expires_at)
    select t.id, w.prize,
      case when t.earliest_draw_at = ${draw.draw_at} and t.latest_draw_at = ${draw.draw_at} then ${sameInstant}
           when ${drawUnsettled(t, draw.id)} then 0 else 1 end,
      t.expires_at
    from (select ticket_id, sum(prize_amount) as prize from lottery_winning_lines
          where ticket_id in (${sql.join(ticketIds)}) group by ticket_id) w
      inner join lottery_tickets t on t.id = w.ticket_id
    where t.status = 'pending'
    on conflict (ticket_id) do update set prize_total = excluded.prize_total, decided = excluded.decided`.execute(
    db,
  );
}

/**
 * After the draw flips to settled: prizes of tickets that also play it and were waiting for it (or for
 * a draw settled at the same time) are decided once every draw of the ticket is settled.
 */
export async function decideWaitingPrizes(db: LotteryDb, drawId: string): Promise<void> {
  const p = sql.ref('lottery_ticket_prizes.ticket_id');
  await sql`update lottery_ticket_prizes set decided = 1, prize_total = ${wonSoFar(p)}
    where decided = 0
      and exists (select 1 from lottery_ticket_lines l where l.draw_id = ${drawId} and l.ticket_id = ${p})
      and not ${drawUnsettled(p)}`.execute(db);
}

/** A page of all open prize rows (keyset on ticket id), for a correction to look through. */
export async function findPrizeTicketIds(db: LotteryDb, after: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('lottery_ticket_prizes')
    .select('ticket_id')
    .where('ticket_id', '>', after)
    .orderBy('ticket_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.ticket_id);
}

/**
 * A correction, once the draw's winning lines are gone: prize rows of these tickets that play the
 * draw wait for it again with what their other draws won, or go if that is nothing.
 */
export async function reopenTicketPrizes(
  db: LotteryDb,
  drawId: string,
  ticketIds: readonly string[],
): Promise<void> {
  if (ticketIds.length === 0) return;
  const p = sql.ref('lottery_ticket_prizes.ticket_id');
  const playsDraw = sql<boolean>`exists (select 1 from lottery_ticket_lines l where l.draw_id = ${drawId} and l.ticket_id = ${p})`;
  await db
    .deleteFrom('lottery_ticket_prizes')
    .where('ticket_id', 'in', [...ticketIds])
    .where(playsDraw)
    .where(sql<boolean>`not exists (select 1 from lottery_winning_lines w where w.ticket_id = ${p})`)
    .execute();
  await db
    .updateTable('lottery_ticket_prizes')
    .set({ decided: 0, prize_total: wonSoFar(p) })
    .where('ticket_id', 'in', [...ticketIds])
    .where(playsDraw)
    .execute();
}

/** A draw of the ticket is not settled, or is but its tickets are still being decided. */
const drawUndecided = (ticketId: RawBuilder<unknown>) =>
  sql<boolean>`exists (select 1 from lottery_ticket_lines o inner join lottery_draws d on d.id = o.draw_id
    left join lottery_results r on r.draw_id = d.id
    where o.ticket_id = ${ticketId} and (d.status <> 'settled' or r.tickets_pending = 1))`;

/**
 * A ticket's status as spec 003 §8.4 names it. Only the final ones are stored (cancelled, paid,
 * expired); a stored `pending` ticket reads pending while one of its draws sells, active until every
 * draw is settled and decided, then winner if it holds a decided prize and loser otherwise.
 */
export function ticketStatusSql(ticket: string): RawBuilder<string> {
  const id = sql.ref(`${ticket}.id`);
  const stored = sql.ref(`${ticket}.status`);
  return sql<string>`case when ${stored} <> 'pending' then ${stored}
    when exists (select 1 from lottery_ticket_lines o inner join lottery_draws d on d.id = o.draw_id
      where o.ticket_id = ${id} and d.status in ('scheduled', 'open')) then 'pending'
    when ${drawUndecided(id)} then 'active'
    when exists (select 1 from lottery_ticket_prizes p where p.ticket_id = ${id} and p.decided = 1) then 'winner'
    else 'loser' end`;
}

/** What a winner is owed; what a paid or expired ticket was worth; 0 for the rest. */
export function ticketPrizeSql(ticket: string): RawBuilder<number> {
  const id = sql.ref(`${ticket}.id`);
  return sql<number>`case when ${sql.ref(`${ticket}.status`)} <> 'pending' then ${sql.ref(`${ticket}.prize_total`)}
    else coalesce((select p.prize_total from lottery_ticket_prizes p
      where p.ticket_id = ${id} and p.decided = 1 and not ${drawUndecided(id)}), 0) end`;
}

export async function findTicketOutcome(
  db: LotteryDb,
  ticketId: string,
): Promise<{ status: string; prize_total: number }> {
  const row = await db
    .selectFrom('lottery_tickets as t')
    .select([ticketStatusSql('t').as('status'), ticketPrizeSql('t').as('prize_total')])
    .where('t.id', '=', ticketId)
    .executeTakeFirstOrThrow();
  return { status: row.status, prize_total: Number(row.prize_total) };
}

/** The ticket's winning lines, by line id. */
export async function findTicketWinningLines(db: LotteryDb, ticketId: string) {
  const rows = await db
    .selectFrom('lottery_winning_lines')
    .select(['line_id', 'prize_class', 'prize_amount'])
    .where('ticket_id', '=', ticketId)
    .execute();
  return new Map(
    rows.map((r) => [r.line_id, { prize_class: r.prize_class, prize_amount: Number(r.prize_amount) }]),
  );
}

/** What the draw's winning tickets (all, or only these) won, summed per day, banca, seller and bet type. */
export async function findWinnerGroups(db: LotteryDb, drawId: string, ticketIds: readonly string[] | null) {
  if (ticketIds?.length === 0) return [];
  let query = db
    .selectFrom('lottery_winning_lines as w')
    .innerJoin('lottery_tickets as t', 't.id', 'w.ticket_id')
    .select([
      't.business_date',
      't.banca_id',
      't.seller_id',
      'w.bet_type',
      (eb) => eb.fn.min('t.zone_id').as('zone_id'),
      countAll().as('lines'),
      sumCents('w.prize_amount').as('prize'),
    ])
    .where('w.draw_id', '=', drawId);
  if (ticketIds) query = query.where('w.ticket_id', 'in', [...ticketIds]);
  return query.groupBy(['t.business_date', 't.banca_id', 't.seller_id', 'w.bet_type']).execute();
}

export type WinnerGroup = Awaited<ReturnType<typeof findWinnerGroups>>[number];

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
