import { sql } from 'kysely';
import { countAll, sumCents } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';

/** Which tickets a risk figure counts: the whole network, a zone, a banca, or a set of bancas. */
export interface SalesScope {
  zoneId?: string | null;
  bancaId?: string | null;
  /** The bancas the user may see; null = every banca. */
  bancaIds?: string[] | null;
}

/**
 * The draw's live (not cancelled) lines, grouped by what the exposure needs: bet type, number, ticket
 * multiplier and the prize multipliers copied at sale. Uses the (draw_id, bet_type, bet_number) index.
 */
export async function groupedDrawLines(
  db: LotteryDb,
  drawId: string,
  scope: SalesScope,
  filter: { betTypes?: readonly string[]; numbers?: readonly string[] } = {},
) {
  let query = db
    .selectFrom('lottery_ticket_lines as l')
    .innerJoin('lottery_tickets as t', 't.id', 'l.ticket_id')
    .select([
      'l.bet_type',
      'l.bet_number',
      'l.multiplier',
      'l.prize_multipliers',
      sumCents('l.bet_amount').as('bet'),
      sumCents('l.net_amount').as('net'),
      countAll().as('lines'),
    ])
    .where('l.draw_id', '=', drawId)
    .where('t.status', '!=', 'cancelled');
  if (scope.zoneId) query = query.where('t.zone_id', '=', scope.zoneId);
  if (scope.bancaId) query = query.where('t.banca_id', '=', scope.bancaId);
  if (scope.bancaIds) {
    if (scope.bancaIds.length === 0) return [];
    query = query.where('t.banca_id', 'in', scope.bancaIds);
  }
  if (filter.betTypes?.length) query = query.where('l.bet_type', 'in', [...filter.betTypes]);
  if (filter.numbers?.length) query = query.where('l.bet_number', 'in', [...filter.numbers]);
  const rows = await query
    .groupBy(['l.bet_type', 'l.bet_number', 'l.multiplier', 'l.prize_multipliers'])
    .execute();
  return rows.map((r) => ({
    betType: r.bet_type,
    number: r.bet_number,
    multiplier: Number(r.multiplier),
    prizeMultipliers: JSON.parse(r.prize_multipliers) as Record<string, number>,
    betCents: Number(r.bet),
    netCents: Number(r.net),
    lines: Number(r.lines),
  }));
}

/** Live tickets of the draw in the scope. */
export async function countDrawTickets(db: LotteryDb, drawId: string, scope: SalesScope): Promise<number> {
  let query = db
    .selectFrom('lottery_tickets as t')
    .select(sql<number>`cast(count(distinct t.id) as bigint)`.as('n'))
    .innerJoin('lottery_ticket_lines as l', 'l.ticket_id', 't.id')
    .where('l.draw_id', '=', drawId)
    .where('t.status', '!=', 'cancelled');
  if (scope.zoneId) query = query.where('t.zone_id', '=', scope.zoneId);
  if (scope.bancaId) query = query.where('t.banca_id', '=', scope.bancaId);
  if (scope.bancaIds) {
    if (scope.bancaIds.length === 0) return 0;
    query = query.where('t.banca_id', 'in', scope.bancaIds);
  }
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Counters of one draw by key prefix (`N|draw|…`, `H|draw|…`). */
export async function drawCounters(db: LotteryDb, drawId: string) {
  const rows = await db
    .selectFrom('lottery_limit_counters')
    .select(['key', 'sold', 'lim'])
    .where('draw_id', '=', drawId)
    .execute();
  return new Map(rows.map((r) => [r.key, { sold: Number(r.sold), lim: Number(r.lim) }]));
}
