import { sql } from 'kysely';
import { countAll, sumCents } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';
import type { LotteryAnomaliesTable } from './risk-tables.ts';

/** Inserts once per dedupe key; false when another instance (or an earlier event) already did. */
export async function insertAnomaly(db: LotteryDb, row: LotteryAnomaliesTable): Promise<boolean> {
  const inserted = await db
    .insertInto('lottery_anomalies')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length > 0;
}

export interface AnomalyFilter {
  status?: 'open' | 'acknowledged' | 'all';
  severity?: string;
  kind?: string;
  from?: string;
  to?: string;
  /** Bancas the user may see; null = all. Anomalies of no banca (draw level) are visible to all. */
  bancaIds: string[] | null;
  limit: number;
  offset: number;
}

function filtered(db: LotteryDb, filter: Omit<AnomalyFilter, 'limit' | 'offset'>) {
  let query = db.selectFrom('lottery_anomalies');
  if (filter.status === 'open') query = query.where('acknowledged_at', 'is', null);
  if (filter.status === 'acknowledged') query = query.where('acknowledged_at', 'is not', null);
  if (filter.severity) query = query.where('severity', '=', filter.severity);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.from) query = query.where('business_date', '>=', filter.from);
  if (filter.to) query = query.where('business_date', '<=', filter.to);
  if (filter.bancaIds) {
    const ids = filter.bancaIds;
    query = query.where((eb) =>
      ids.length
        ? eb.or([eb('banca_id', 'is', null), eb('banca_id', 'in', ids)])
        : eb('banca_id', 'is', null),
    );
  }
  return query;
}

export async function listAnomalies(db: LotteryDb, filter: AnomalyFilter) {
  const [items, total] = await Promise.all([
    filtered(db, filter)
      .leftJoin('lottery_bancas as b', 'b.id', 'lottery_anomalies.banca_id')
      .leftJoin('users as u', 'u.id', 'lottery_anomalies.acknowledged_by')
      .selectAll('lottery_anomalies')
      .select(['b.code as banca_code', 'b.name as banca_name', 'u.username as acknowledged_by_username'])
      .orderBy('lottery_anomalies.created_at', 'desc')
      .orderBy('lottery_anomalies.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    filtered(db, filter).select(countAll().as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** Counts per day, kind and severity, and how many are still open. */
export async function anomalyReport(db: LotteryDb, filter: Omit<AnomalyFilter, 'limit' | 'offset'>) {
  const rows = await filtered(db, filter)
    .select([
      'business_date',
      'kind',
      'severity',
      countAll().as('total'),
      sql<number>`cast(sum(case when acknowledged_at is null then 1 else 0 end) as bigint)`.as('open'),
    ])
    .groupBy(['business_date', 'kind', 'severity'])
    .orderBy('business_date')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({ ...r, total: Number(r.total), open: Number(r.open) }));
}

export async function findAnomaly(db: LotteryDb, id: string) {
  return db.selectFrom('lottery_anomalies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Only an open anomaly can be acknowledged; the condition makes a second one a no-op. */
export async function markAcknowledged(
  db: LotteryDb,
  id: string,
  userId: string,
  at: string,
  comment: string,
): Promise<boolean> {
  const result = await db
    .updateTable('lottery_anomalies')
    .set({ acknowledged_at: at, acknowledged_by: userId, comment })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The banca's live tickets since an instant, other than one: how many and their total. */
/**
 * The banca's live tickets since a business date, from the per-day aggregates (a few hundred rows at
 * most, whatever the volume), without the ticket being judged.
 */
export async function bancaTicketStats(
  db: LotteryDb,
  bancaId: string,
  sinceDate: string,
  except: { count: number; totalCents: number },
) {
  const row = await db
    .selectFrom('lottery_agg_tickets')
    .select([
      sumCents('tickets').as('tickets'),
      sumCents('cancelled_tickets').as('cancelled'),
      sumCents('total').as('total'),
      sumCents('cancelled_total').as('cancelled_total'),
    ])
    .where('banca_id', '=', bancaId)
    .where('business_date', '>=', sinceDate)
    .executeTakeFirst();
  const count = Number(row?.tickets ?? 0) - Number(row?.cancelled ?? 0) - except.count;
  const totalCents = Number(row?.total ?? 0) - Number(row?.cancelled_total ?? 0) - except.totalCents;
  return { count: Math.max(0, count), totalCents: Math.max(0, totalCents) };
}

/** Live tickets of these bancas with any of these lines hashes sold since an instant. */
export async function findSameLinesTickets(
  db: LotteryDb,
  bancaIds: readonly string[],
  linesHashes: readonly string[],
  since: string,
) {
  if (bancaIds.length === 0 || linesHashes.length === 0) return [];
  return db
    .selectFrom('lottery_tickets')
    .select(['id', 'code', 'created_at', 'banca_id', 'lines_hash'])
    .where('banca_id', 'in', [...bancaIds])
    .where('lines_hash', 'in', [...linesHashes])
    .where('created_at', '>=', since)
    .where('status', '!=', 'cancelled')
    .orderBy('created_at', 'desc')
    .execute();
}

/** The (draw, bet type, number) a ticket played, for the exposure check. */
export async function ticketPlays(db: LotteryDb, ticketId: string) {
  return db
    .selectFrom('lottery_ticket_lines')
    .select(['draw_id', 'bet_type', 'bet_number'])
    .where('ticket_id', '=', ticketId)
    .execute();
}
