import { sql } from 'kysely';
import { sumCents } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';
import type {
  LotteryLayoffsTable,
  LotteryPartnersTable,
  LotteryRetentionLimitsTable,
} from './risk-tables.ts';

export async function listPartners(db: LotteryDb) {
  return db.selectFrom('lottery_partners').selectAll().orderBy('code').execute();
}

export async function findPartner(db: LotteryDb, idOrCode: string) {
  return db
    .selectFrom('lottery_partners')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .executeTakeFirst();
}

export async function insertPartner(db: LotteryDb, row: LotteryPartnersTable): Promise<void> {
  await db.insertInto('lottery_partners').values(row).execute();
}

export async function updatePartner(
  db: LotteryDb,
  id: string,
  changes: Partial<LotteryPartnersTable>,
): Promise<void> {
  await db.updateTable('lottery_partners').set(changes).where('id', '=', id).execute();
}

export async function listRetentionLimits(db: LotteryDb) {
  return db.selectFrom('lottery_retention_limits').selectAll().orderBy('bet_type').execute();
}

export async function findRetentionLimit(
  db: LotteryDb,
  key: { lotteryId: string | null; betType: string; number: string | null },
) {
  return db
    .selectFrom('lottery_retention_limits')
    .selectAll()
    .where('bet_type', '=', key.betType)
    .where((eb) => (key.lotteryId ? eb('lottery_id', '=', key.lotteryId) : eb('lottery_id', 'is', null)))
    .where((eb) => (key.number ? eb('number', '=', key.number) : eb('number', 'is', null)))
    .executeTakeFirst();
}

/** Every retention that could apply to this lottery, bet type and number (the caller picks the most specific). */
export async function retentionCandidates(db: LotteryDb, lotteryId: string, betType: string, number: string) {
  return db
    .selectFrom('lottery_retention_limits')
    .selectAll()
    .where('bet_type', '=', betType)
    .where((eb) => eb.or([eb('lottery_id', 'is', null), eb('lottery_id', '=', lotteryId)]))
    .where((eb) => eb.or([eb('number', 'is', null), eb('number', '=', number)]))
    .execute();
}

export async function insertRetentionLimit(db: LotteryDb, row: LotteryRetentionLimitsTable): Promise<void> {
  await db.insertInto('lottery_retention_limits').values(row).execute();
}

export async function updateRetentionLimit(db: LotteryDb, id: string, maxCents: number, at: string) {
  await db
    .updateTable('lottery_retention_limits')
    .set({ max_cents: maxCents, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Live sales of one (draw, bet type, number): Σ bet × ticket multiplier, the limits' measure. */
export async function soldOn(
  db: LotteryDb,
  drawId: string,
  betType: string,
  number: string,
): Promise<number> {
  const row = await db
    .selectFrom('lottery_ticket_lines as l')
    .innerJoin('lottery_tickets as t', 't.id', 'l.ticket_id')
    .select(sumCents(sql`l.bet_amount * l.multiplier`).as('sold'))
    .where('l.draw_id', '=', drawId)
    .where('l.bet_type', '=', betType)
    .where('l.bet_number', '=', number)
    .where('t.status', '!=', 'cancelled')
    .executeTakeFirst();
  return Number(row?.sold ?? 0);
}

/** Winning prizes of one (draw, bet type, number), and the class and multiplier they won with. */
export async function winningLinesOn(db: LotteryDb, drawId: string, betType: string, number: string) {
  return db
    .selectFrom('lottery_winning_lines as w')
    .innerJoin('lottery_ticket_lines as l', 'l.id', 'w.line_id')
    .innerJoin('lottery_tickets as t', 't.id', 'w.ticket_id')
    .select(['w.prize_amount', 'w.prize_class', 'l.prize_multipliers'])
    .where('w.draw_id', '=', drawId)
    .where('w.bet_type', '=', betType)
    .where('l.bet_number', '=', number)
    .where('t.status', '!=', 'cancelled')
    .execute();
}

export async function layoffTotals(db: LotteryDb, drawId: string, betType: string, number: string) {
  const rows = await db
    .selectFrom('lottery_layoffs')
    .select(['direction', sumCents('amount').as('amount')])
    .where('draw_id', '=', drawId)
    .where('bet_type', '=', betType)
    .where('bet_number', '=', number)
    .groupBy('direction')
    .execute();
  const of = (direction: string) => Number(rows.find((r) => r.direction === direction)?.amount ?? 0);
  return { exported: of('export'), imported: of('import') };
}

export async function insertLayoff(db: LotteryDb, row: LotteryLayoffsTable): Promise<void> {
  await db.insertInto('lottery_layoffs').values(row).execute();
}

export async function layoffsOfDraw(db: LotteryDb, drawId: string) {
  return db
    .selectFrom('lottery_layoffs')
    .selectAll()
    .where('draw_id', '=', drawId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function setLayoffShare(db: LotteryDb, id: string, share: number, at: string): Promise<void> {
  await db
    .updateTable('lottery_layoffs')
    .set({ prize_share: share, shared_at: at })
    .where('id', '=', id)
    .execute();
}

export async function listLayoffs(
  db: LotteryDb,
  filter: { partnerId?: string; drawId?: string; from?: string; to?: string },
) {
  let query = db
    .selectFrom('lottery_layoffs as x')
    .innerJoin('lottery_draws as d', 'd.id', 'x.draw_id')
    .innerJoin('lottery_lotteries as o', 'o.id', 'd.lottery_id')
    .innerJoin('lottery_partners as p', 'p.id', 'x.partner_id')
    .selectAll('x')
    .select([
      'o.code as lottery_code',
      'd.draw_date',
      'd.draw_time',
      'd.status as draw_status',
      'p.code as partner_code',
      'p.name as partner_name',
    ]);
  if (filter.partnerId) query = query.where('x.partner_id', '=', filter.partnerId);
  if (filter.drawId) query = query.where('x.draw_id', '=', filter.drawId);
  if (filter.from) query = query.where('x.business_date', '>=', filter.from);
  if (filter.to) query = query.where('x.business_date', '<=', filter.to);
  return query.orderBy('x.created_at', 'desc').limit(1000).execute();
}

/** Every account of a partner (receivable and payable) matches this LIKE pattern. */
const partnerAccounts = (partnerId: string) => `partner:${partnerId}:%`;

/**
 * Σ debits − Σ credits of a partner's accounts: what the partner owes the house (negative: owed to it);
 * with `before`, only the entries of earlier business days (a statement's opening balance).
 */
export async function partnerBalance(db: LotteryDb, partnerId: string, before?: string): Promise<number> {
  const prefix = partnerAccounts(partnerId);
  let query = db
    .selectFrom('lottery_ledger_entries')
    .select([
      sumCents(sql`case when debit_account like ${prefix} then amount else 0 end`).as('debits'),
      sumCents(sql`case when credit_account like ${prefix} then amount else 0 end`).as('credits'),
    ])
    .where((eb) => eb.or([eb('debit_account', 'like', prefix), eb('credit_account', 'like', prefix)]));
  if (before) query = query.where('business_date', '<', before);
  const row = await query.executeTakeFirst();
  return Number(row?.debits ?? 0) - Number(row?.credits ?? 0);
}

/** A partner's ledger entries of some business days, in the order they were booked. */
export async function partnerEntries(db: LotteryDb, partnerId: string, range: { from: string; to: string }) {
  const prefix = partnerAccounts(partnerId);
  return db
    .selectFrom('lottery_ledger_entries')
    .select(['id', 'at', 'business_date', 'kind', 'debit_account', 'credit_account', 'amount', 'memo'])
    .where((eb) => eb.or([eb('debit_account', 'like', prefix), eb('credit_account', 'like', prefix)]))
    .where('business_date', '>=', range.from)
    .where('business_date', '<=', range.to)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
