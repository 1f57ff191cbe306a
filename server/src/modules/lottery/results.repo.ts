import type { Selectable } from 'kysely';
import { countAll, sumCents } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';
import type { LotteryResultsTable } from './results-tables.ts';
import { ticketPrizeSql, ticketStatusSql } from './settlement.repo.ts';

export type ResultMetaRow = Selectable<LotteryResultsTable>;

export async function findLotteryByCodeOrId(db: LotteryDb, ref: string) {
  return db
    .selectFrom('lottery_lotteries')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', ref.toUpperCase()), eb('id', '=', ref)]))
    .executeTakeFirst();
}

const drawColumns = [
  'd.id',
  'd.lottery_id',
  'd.draw_date',
  'd.draw_time',
  'd.business_date',
  'd.close_at',
  'd.draw_at',
  'd.status',
  'd.result_json',
  'd.resulted_at',
  'd.settled_at',
  'l.code as lottery_code',
  'l.name as lottery_name',
  'l.result_format',
  'l.source_a_id',
  'l.source_b_id',
] as const;

function draws(db: LotteryDb) {
  return db.selectFrom('lottery_draws as d').innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id');
}

export type ResultDrawRow = NonNullable<Awaited<ReturnType<typeof findResultDraw>>>;

export async function findResultDraw(db: LotteryDb, drawId: string) {
  return draws(db).select(drawColumns).where('d.id', '=', drawId).executeTakeFirst();
}

export async function findLotteryDrawsOn(db: LotteryDb, lotteryId: string, drawDate: string) {
  return draws(db)
    .select(drawColumns)
    .where('d.lottery_id', '=', lotteryId)
    .where('d.draw_date', '=', drawDate)
    .orderBy('d.draw_at')
    .execute();
}

/** First result: only a closed draw (or one the clock has closed) without a result takes one. */
export async function writeFirstResult(db: LotteryDb, drawId: string, resultJson: string, at: string) {
  const rows = await db
    .updateTable('lottery_draws')
    .set((eb) => ({
      result_json: resultJson,
      resulted_at: at,
      status: 'resulted',
      closed_at: eb.fn.coalesce('closed_at', eb.val(at)),
      updated_at: at,
    }))
    .where('id', '=', drawId)
    .where('result_json', 'is', null)
    .where((eb) =>
      eb.or([eb('status', '=', 'closed'), eb.and([eb('status', '=', 'open'), eb('close_at', '<=', at)])]),
    )
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** A correction replaces the result it read (compare-and-set) and sends the draw back to `resulted`. */
export async function replaceResult(
  db: LotteryDb,
  drawId: string,
  previousJson: string,
  resultJson: string,
  at: string,
) {
  const rows = await db
    .updateTable('lottery_draws')
    .set({ result_json: resultJson, resulted_at: at, status: 'resulted', settled_at: null, updated_at: at })
    .where('id', '=', drawId)
    .where('result_json', '=', previousJson)
    .where('status', 'in', ['resulted', 'settled'])
    .returning('id')
    .execute();
  return rows.length === 1;
}

export async function markDrawSettled(db: LotteryDb, drawId: string, at: string): Promise<boolean> {
  const rows = await db
    .updateTable('lottery_draws')
    .set({ status: 'settled', settled_at: at, updated_at: at })
    .where('id', '=', drawId)
    .where('status', '=', 'resulted')
    .returning('id')
    .execute();
  return rows.length === 1;
}

export async function insertResultMeta(db: LotteryDb, row: LotteryResultsTable) {
  await db.insertInto('lottery_results').values(row).execute();
}

export async function findResultMeta(db: LotteryDb, drawId: string) {
  return db.selectFrom('lottery_results').selectAll().where('draw_id', '=', drawId).executeTakeFirst();
}

export async function updateResultMeta(db: LotteryDb, drawId: string, changes: Partial<LotteryResultsTable>) {
  await db.updateTable('lottery_results').set(changes).where('draw_id', '=', drawId).execute();
}

/** Draws whose settlement has to run or resume: resulted for a while, reverting, or tickets still undecided. */
export async function findDrawsToSettle(db: LotteryDb, resultedBefore: string): Promise<string[]> {
  const rows = await db
    .selectFrom('lottery_draws as d')
    .leftJoin('lottery_results as r', 'r.draw_id', 'd.id')
    .select('d.id')
    .where((eb) =>
      eb.or([
        eb.and([eb('d.status', '=', 'resulted'), eb('d.resulted_at', '<=', resultedBefore)]),
        eb('r.tickets_pending', '=', 1),
        eb('r.reverting', '=', 1),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Active composite lotteries (Super Palé) fed by this lottery. */
export async function findCompositesOf(db: LotteryDb, lotteryId: string) {
  return db
    .selectFrom('lottery_lotteries')
    .selectAll()
    .where('result_format', '=', 'composite')
    .where((eb) => eb.or([eb('source_a_id', '=', lotteryId), eb('source_b_id', '=', lotteryId)]))
    .execute();
}

/** The source lottery's draw that feeds a composite draw: the latest of that date not after it. */
export async function findSourceDraw(db: LotteryDb, lotteryId: string, drawDate: string, drawAt: string) {
  return draws(db)
    .select(drawColumns)
    .where('d.lottery_id', '=', lotteryId)
    .where('d.draw_date', '=', drawDate)
    .where('d.draw_at', '<=', drawAt)
    .orderBy('d.draw_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface ResultsFilter {
  businessDate: string;
  lotteryId?: string;
  resultedOnly?: boolean;
}

/** The day's draws with their result, who entered it, and what they paid out. */
export async function listResults(db: LotteryDb, filter: ResultsFilter) {
  let query = draws(db)
    .leftJoin('lottery_results as r', 'r.draw_id', 'd.id')
    .leftJoin('users as u', 'u.id', 'r.entered_by')
    .select(drawColumns)
    .select([
      'r.source',
      'r.revision',
      'r.entered_at',
      'r.correction_reason',
      'r.corrected_at',
      'u.username as entered_by',
    ])
    .where('d.business_date', '=', filter.businessDate);
  if (filter.lotteryId) query = query.where('d.lottery_id', '=', filter.lotteryId);
  if (filter.resultedOnly) query = query.where('d.result_json', 'is not', null);
  return query.orderBy('d.draw_at').orderBy('l.sort_order').orderBy('l.code').execute();
}

export async function settlementTotalsOf(db: LotteryDb, drawIds: readonly string[]) {
  if (drawIds.length === 0) return new Map<string, { lines: number; prize: number }>();
  const rows = await db
    .selectFrom('lottery_settlement_totals')
    .select(['draw_id', sumCents('winning_lines').as('lines'), sumCents('prize_total').as('prize')])
    .where('draw_id', 'in', [...drawIds])
    .where('reversed_at', 'is', null)
    .groupBy('draw_id')
    .execute();
  return new Map(rows.map((r) => [r.draw_id, { lines: Number(r.lines), prize: Number(r.prize) }]));
}

/** A draw's winning lines with their ticket, banca and seller, biggest prize first. */
export async function listDrawWinners(
  db: LotteryDb,
  drawId: string,
  bancaIds: readonly string[] | null,
  page: number,
  pageSize: number,
) {
  let query = db
    .selectFrom('lottery_winning_lines as w')
    .innerJoin('lottery_tickets as t', 't.id', 'w.ticket_id')
    .innerJoin('lottery_bancas as b', 'b.id', 't.banca_id')
    .where('w.draw_id', '=', drawId);
  if (bancaIds) query = query.where('t.banca_id', 'in', bancaIds.length ? [...bancaIds] : ['-']);
  const total = await query.select(countAll().as('n')).executeTakeFirstOrThrow();
  const items = await query
    .innerJoin('lottery_ticket_lines as l', 'l.id', 'w.line_id')
    .select([
      't.code',
      ticketStatusSql('t').as('ticket_status'),
      ticketPrizeSql('t').as('prize_total'),
      'b.code as banca_code',
      'b.name as banca_name',
      'l.line_number',
      'l.bet_type',
      'l.bet_number',
      'l.bet_amount',
      'l.multiplier',
      'w.prize_class',
      'w.prize_amount',
    ])
    .orderBy('w.prize_amount', 'desc')
    .orderBy('t.code')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

export interface UnclaimedFilter {
  bancaIds: readonly string[] | null;
  bancaId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Winning tickets not paid yet, the oldest (closest to expiry) first. */
export async function listUnclaimed(db: LotteryDb, filter: UnclaimedFilter) {
  let query = db
    .selectFrom('lottery_ticket_prizes as p')
    .innerJoin('lottery_tickets as t', 't.id', 'p.ticket_id')
    .innerJoin('lottery_bancas as b', 'b.id', 't.banca_id')
    .where('p.decided', '=', 1);
  if (filter.bancaIds)
    query = query.where('t.banca_id', 'in', filter.bancaIds.length ? [...filter.bancaIds] : ['-']);
  if (filter.bancaId) query = query.where('t.banca_id', '=', filter.bancaId);
  if (filter.from) query = query.where('t.business_date', '>=', filter.from);
  if (filter.to) query = query.where('t.business_date', '<=', filter.to);
  const total = await query
    .select([countAll().as('n'), sumCents('p.prize_total').as('prize')])
    .executeTakeFirstOrThrow();
  const items = await query
    .select([
      't.code',
      't.business_date',
      't.created_at',
      'p.expires_at',
      'p.prize_total',
      't.grand_total',
      'b.code as banca_code',
      'b.name as banca_name',
    ])
    .orderBy('p.expires_at')
    .orderBy('t.code')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total: Number(total.n), prize: Number(total.prize) };
}

/** Payments or expiries of a draw's tickets: a correction cannot take that money back. */
export async function countClosedOutTickets(db: LotteryDb, drawId: string): Promise<number> {
  const row = await db
    .selectFrom('lottery_tickets')
    .select(countAll().as('n'))
    .where('status', 'in', ['paid', 'expired'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('lottery_ticket_lines').select('ticket_id').where('draw_id', '=', drawId),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
