import type { CompiledQuery, Selectable } from 'kysely';
import { insertRowsQueries } from '../../platform/db/insert-rows.ts';
import { countAll } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';
import type {
  LotteryLedgerEntriesTable,
  LotteryTicketLinesTable,
  LotteryTicketsTable,
} from './sales-tables.ts';
import { ticketPrizeSql, ticketStatusSql } from './settlement.repo.ts';

export type TicketRow = Selectable<LotteryTicketsTable>;
export type TicketLineRow = Selectable<LotteryTicketLinesTable>;

/** Reserves the day's next `count` ticket numbers in one conditional upsert; its row holds the last one. */
export function reserveTicketSequencesQuery(
  db: LotteryDb,
  businessDate: string,
  count: number,
): CompiledQuery {
  return db
    .insertInto('counters')
    .values({ name: `lottery.ticket.${businessDate}`, value: count })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', count) })))
    .returning('value')
    .compile();
}

/** Gives back the last `unused` numbers reserved by this transaction (which still holds the row). */
export function giveBackTicketSequencesQuery(
  db: LotteryDb,
  businessDate: string,
  unused: number,
): CompiledQuery {
  return db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '-', unused) }))
    .where('name', '=', `lottery.ticket.${businessDate}`)
    .compile();
}

/** A whole batch of sales as a handful of multi-row inserts, to run together (`executeTogether`). */
export function insertTicketsQueries(
  db: LotteryDb,
  tickets: readonly LotteryTicketsTable[],
  lines: readonly LotteryTicketLinesTable[],
  ledger: readonly LotteryLedgerEntriesTable[],
): CompiledQuery[] {
  return [
    ...insertRowsQueries(db, 'lottery_tickets', tickets),
    ...insertRowsQueries(db, 'lottery_ticket_lines', lines),
    ...insertRowsQueries(db, 'lottery_ledger_entries', ledger),
  ];
}

export async function findTicketByIdempotencyKey(
  db: LotteryDb,
  sellerId: string,
  key: string,
): Promise<TicketRow | undefined> {
  return db
    .selectFrom('lottery_tickets')
    .selectAll()
    .where('seller_id', '=', sellerId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** The tickets already sold under any of these (seller, Idempotency-Key) pairs. */
export interface KeyedTicket {
  seller_id: string;
  idempotency_key: string;
  code: string;
  request_hash: string | null;
}

/**
 * The tickets some sellers already sold under some Idempotency-Keys: a statement to run with
 * others (none for no pairs); `keyedTicketsOf` reads its rows.
 */
export function ticketsByIdempotencyKeysQuery(
  db: LotteryDb,
  pairs: readonly { sellerId: string; key: string }[],
): CompiledQuery | null {
  if (pairs.length === 0) return null;
  return db
    .selectFrom('lottery_tickets')
    .select(['seller_id', 'idempotency_key', 'code', 'request_hash'])
    .where('seller_id', 'in', [...new Set(pairs.map((p) => p.sellerId))])
    .where('idempotency_key', 'in', [...new Set(pairs.map((p) => p.key))])
    .compile();
}

/** The rows of `ticketsByIdempotencyKeysQuery` by `seller|key`, only the pairs asked (the query crosses sellers and keys). */
export function keyedTicketsOf(
  rows: readonly unknown[],
  pairs: readonly { sellerId: string; key: string }[],
): Map<string, KeyedTicket> {
  const wanted = new Set(pairs.map((p) => `${p.sellerId}|${p.key}`));
  const found = new Map<string, KeyedTicket>();
  for (const row of rows as KeyedTicket[]) {
    const pair = `${row.seller_id}|${row.idempotency_key}`;
    if (wanted.has(pair)) found.set(pair, row);
  }
  return found;
}

export async function findTicketByCode(db: LotteryDb, code: string): Promise<TicketRow | undefined> {
  return db.selectFrom('lottery_tickets').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findTicketLines(db: LotteryDb, ticketId: string): Promise<TicketLineRow[]> {
  return db
    .selectFrom('lottery_ticket_lines')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('line_number')
    .execute();
}

/** The counter claims stored on a ticket row, as rows. */
export function claimsOf(ticket: { id: string; claims_json: string }) {
  return Object.entries(JSON.parse(ticket.claims_json) as Record<string, number>).map(([key, amount]) => ({
    ticket_id: ticket.id,
    key,
    amount,
  }));
}

export async function findTicketClaims(db: LotteryDb, ticketId: string) {
  const ticket = await db
    .selectFrom('lottery_tickets')
    .select(['id', 'claims_json'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  return ticket ? claimsOf(ticket) : [];
}

export async function findTicketsByCodes(db: LotteryDb, codes: readonly string[]): Promise<TicketRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('lottery_tickets')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

/** The draws a ticket plays, with their close instants and lottery codes. */
export async function findTicketDraws(db: LotteryDb, ticketId: string) {
  return db
    .selectFrom('lottery_ticket_lines as l')
    .innerJoin('lottery_draws as d', 'd.id', 'l.draw_id')
    .innerJoin('lottery_lotteries as o', 'o.id', 'd.lottery_id')
    .select([
      'd.id',
      'd.status',
      'd.close_at',
      'd.draw_at',
      'd.draw_date',
      'd.draw_time',
      'o.code as lottery_code',
      'o.name as lottery_name',
    ])
    .where('l.ticket_id', '=', ticketId)
    .groupBy([
      'd.id',
      'd.status',
      'd.close_at',
      'd.draw_at',
      'd.draw_date',
      'd.draw_time',
      'o.code',
      'o.name',
    ])
    .execute();
}

/** Only a ticket not cancelled, paid or expired can be cancelled; the condition makes a double cancel impossible. */
export async function markTicketCancelled(
  db: LotteryDb,
  ticketId: string,
  by: string,
  at: string,
  reason: string,
): Promise<boolean> {
  const result = await db
    .updateTable('lottery_tickets')
    .set({ status: 'cancelled', cancelled_at: at, cancelled_by: by, cancel_reason: reason })
    .where('id', '=', ticketId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db
    .updateTable('lottery_ticket_lines')
    .set({ status: 'cancelled' })
    .where('ticket_id', '=', ticketId)
    .execute();
  return true;
}

export async function insertLedgerEntries(
  db: LotteryDb,
  entries: readonly LotteryLedgerEntriesTable[],
): Promise<void> {
  if (entries.length > 0)
    await db
      .insertInto('lottery_ledger_entries')
      .values([...entries])
      .execute();
}

export async function countCancellations(
  db: LotteryDb,
  bancaId: string,
  businessDate: string,
): Promise<number> {
  const row = await db
    .selectFrom('lottery_tickets')
    .select(countAll().as('n'))
    .where('banca_id', '=', bancaId)
    .where('status', '=', 'cancelled')
    .where('business_date', '=', businessDate)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface TicketFilter {
  date?: string;
  bancaId?: string;
  bancaIds?: readonly string[];
  status?: string;
  sellerId?: string;
  drawId?: string;
  code?: string;
  page: number;
  pageSize: number;
}

export async function listTickets(db: LotteryDb, filter: TicketFilter) {
  let query = db
    .selectFrom('lottery_tickets as t')
    .innerJoin('lottery_bancas as b', 'b.id', 't.banca_id')
    .innerJoin('users as u', 'u.id', 't.seller_id');
  if (filter.date) query = query.where('t.business_date', '=', filter.date);
  if (filter.bancaId) query = query.where('t.banca_id', '=', filter.bancaId);
  if (filter.bancaIds)
    query = query.where('t.banca_id', 'in', filter.bancaIds.length ? [...filter.bancaIds] : ['-']);
  if (filter.status) query = query.where(ticketStatusSql('t'), '=', filter.status);
  if (filter.sellerId) query = query.where('t.seller_id', '=', filter.sellerId);
  if (filter.code) query = query.where('t.code', 'like', `${filter.code.replace(/[\\%_]/g, '')}%`);
  if (filter.drawId) {
    const drawId = filter.drawId;
    query = query.where('t.id', 'in', (eb) =>
      eb.selectFrom('lottery_ticket_lines').select('ticket_id').where('draw_id', '=', drawId),
    );
  }
  const total = await query.select(countAll().as('n')).executeTakeFirstOrThrow();
  const items = await query
    .select([
      't.id',
      't.code',
      ticketStatusSql('t').as('status'),
      't.created_at',
      't.business_date',
      't.grand_total',
      't.total_lines',
      ticketPrizeSql('t').as('prize_total'),
      't.currency',
      'b.code as banca_code',
      'b.name as banca_name',
      'u.username as seller_username',
    ])
    .orderBy('t.created_at', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}
