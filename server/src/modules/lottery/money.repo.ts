import { sql } from 'kysely';
import { countAll, sumCents } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';
import type {
  LotteryCashbacksTable,
  LotteryCashClosesTable,
  LotteryLoansTable,
  LotteryMoneyMovementsTable,
  LotteryShiftsTable,
} from './money-tables.ts';
import { assignedToUser } from './network.repo.ts';
import type { LotteryLedgerEntriesTable } from './sales-tables.ts';

const MODULE = 'lottery';
const MONEY_KEY = 'money';

/** The bancas a user handles money for: every banca (null) for admins, else their bancas and zones' bancas (inactive too). */
export async function moneyBancaIds(db: LotteryDb, userId: string, all: boolean): Promise<string[] | null> {
  if (all) return null;
  const rows = await db
    .selectFrom('lottery_bancas as b')
    .select('b.id')
    .where((eb) => assignedToUser(eb, userId))
    .execute();
  return rows.map((r) => r.id);
}

export async function findMoneyBanca(db: LotteryDb, id: string) {
  return db
    .selectFrom('lottery_bancas as b')
    .innerJoin('lottery_zones as z', 'z.id', 'b.zone_id')
    .select([
      'b.id',
      'b.code',
      'b.name',
      'b.zone_id',
      'z.name as zone_name',
      'b.active',
      'b.credit_limit_cents',
      'b.deactivation_balance_cents',
    ])
    .where('b.id', '=', id)
    .executeTakeFirst();
}

export async function readMoneySettingsJson(db: LotteryDb): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('module', '=', MODULE)
    .where('key', '=', MONEY_KEY)
    .executeTakeFirst();
  return row?.value_json ?? null;
}

export async function writeMoneySettingsJson(db: LotteryDb, valueJson: string, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ module: MODULE, key: MONEY_KEY, value_json: valueJson, updated_at: at })
    .onConflict((oc) => oc.columns(['module', 'key']).doUpdateSet({ value_json: valueJson, updated_at: at }))
    .execute();
}

export async function insertLedger(
  db: LotteryDb,
  entries: readonly LotteryLedgerEntriesTable[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 400)
    await db
      .insertInto('lottery_ledger_entries')
      .values(entries.slice(i, i + 400))
      .execute();
}

export async function insertMovement(db: LotteryDb, row: LotteryMoneyMovementsTable): Promise<void> {
  await db.insertInto('lottery_money_movements').values(row).execute();
}

export async function findMovement(db: LotteryDb, id: string) {
  return db.selectFrom('lottery_money_movements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMovementByKey(db: LotteryDb, userId: string, key: string) {
  return db
    .selectFrom('lottery_money_movements')
    .selectAll()
    .where('created_by', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** pending → approved | rejected, exactly once (conditional update). */
export async function decideMovement(
  db: LotteryDb,
  id: string,
  status: 'approved' | 'rejected',
  by: string,
  at: string,
  ledgerEntryId: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('lottery_money_movements')
    .set({ status, decided_by: by, decided_at: at, ledger_entry_id: ledgerEntryId })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface MovementFilter {
  bancaIds: string[] | null;
  bancaId?: string;
  status?: string;
  kind?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listMovements(db: LotteryDb, f: MovementFilter) {
  if (f.bancaIds && f.bancaIds.length === 0) return { items: [], total: 0 };
  let q = db
    .selectFrom('lottery_money_movements as m')
    .innerJoin('lottery_bancas as b', 'b.id', 'm.banca_id')
    .innerJoin('users as u', 'u.id', 'm.created_by');
  if (f.bancaIds) q = q.where('m.banca_id', 'in', f.bancaIds);
  if (f.bancaId) q = q.where('m.banca_id', '=', f.bancaId);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.kind) q = q.where('m.kind', '=', f.kind);
  if (f.from) q = q.where('m.business_date', '>=', f.from);
  if (f.to) q = q.where('m.business_date', '<=', f.to);
  const [items, total] = await Promise.all([
    q
      .selectAll('m')
      .select(['b.code as banca_code', 'b.name as banca_name', 'u.username as created_by_username'])
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Sum of approved movements of some kinds for a banca on a day (cuadre). */
export async function movementTotals(db: LotteryDb, bancaId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('lottery_money_movements')
    .select(['kind', sumCents('amount').as('amount')])
    .where('banca_id', '=', bancaId)
    .where('status', '=', 'approved')
    .where('decided_at', '>=', from)
    .where('decided_at', '<', to)
    .groupBy('kind')
    .execute();
  return new Map(rows.map((r) => [r.kind, Number(r.amount)]));
}

export async function movementTotalsOfDay(db: LotteryDb, bancaId: string, day: string) {
  const rows = await db
    .selectFrom('lottery_money_movements')
    .select(['kind', sumCents('amount').as('amount')])
    .where('banca_id', '=', bancaId)
    .where('status', '=', 'approved')
    .where('business_date', '=', day)
    .groupBy('kind')
    .execute();
  return new Map(rows.map((r) => [r.kind, Number(r.amount)]));
}

export async function insertLoan(db: LotteryDb, loan: LotteryLoansTable): Promise<void> {
  await db.insertInto('lottery_loans').values(loan).execute();
}

export async function findLoan(db: LotteryDb, id: string) {
  return db.selectFrom('lottery_loans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setLoanStatus(db: LotteryDb, id: string, status: string): Promise<void> {
  await db.updateTable('lottery_loans').set({ status }).where('id', '=', id).execute();
}

/** Balance of ledger accounts (debits − credits), one statement per side. */
export async function accountBalances(
  db: LotteryDb,
  accounts: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map(accounts.map((a) => [a, 0]));
  if (accounts.length === 0) return out;
  const [debits, credits] = await Promise.all([
    db
      .selectFrom('lottery_ledger_entries')
      .select(['debit_account as account', sumCents('amount').as('s')])
      .where('debit_account', 'in', [...accounts])
      .groupBy('debit_account')
      .execute(),
    db
      .selectFrom('lottery_ledger_entries')
      .select(['credit_account as account', sumCents('amount').as('s')])
      .where('credit_account', 'in', [...accounts])
      .groupBy('credit_account')
      .execute(),
  ]);
  for (const d of debits) out.set(d.account, (out.get(d.account) ?? 0) + Number(d.s));
  for (const c of credits) out.set(c.account, (out.get(c.account) ?? 0) - Number(c.s));
  return out;
}

/** Loans with what is still owed: principal − approved repayments (the ledger holds the same sums). */
export async function listLoans(db: LotteryDb, bancaIds: string[] | null, bancaId?: string) {
  if (bancaIds && bancaIds.length === 0) return [];
  let q = db
    .selectFrom('lottery_loans as l')
    .innerJoin('lottery_bancas as b', 'b.id', 'l.banca_id')
    .selectAll('l')
    .select([
      'b.code as banca_code',
      'b.name as banca_name',
      sql<number>`(select cast(coalesce(sum(m.amount), 0) as bigint) from lottery_money_movements m where m.loan_id = l.id and m.kind = 'loan_repayment' and m.status = 'approved')`.as(
        'repaid',
      ),
    ]);
  if (bancaIds) q = q.where('l.banca_id', 'in', bancaIds);
  if (bancaId) q = q.where('l.banca_id', '=', bancaId);
  return q.orderBy('l.created_at', 'desc').execute();
}

export async function loanRepaid(db: LotteryDb, loanId: string): Promise<number> {
  const row = await db
    .selectFrom('lottery_money_movements')
    .select(sumCents('amount').as('s'))
    .where('loan_id', '=', loanId)
    .where('kind', '=', 'loan_repayment')
    .where('status', 'in', ['approved', 'pending'])
    .executeTakeFirstOrThrow();
  return Number(row.s);
}

export async function readCashbackSettings(db: LotteryDb, bancaId?: string) {
  let q = db.selectFrom('lottery_banca_money_settings').selectAll();
  if (bancaId) q = q.where('banca_id', '=', bancaId);
  return q.execute();
}

export async function writeCashbackSettings(
  db: LotteryDb,
  row: { banca_id: string; cashback_bp: number; cashback_period: string; updated_at: string },
): Promise<void> {
  await db
    .insertInto('lottery_banca_money_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('banca_id').doUpdateSet({
        cashback_bp: row.cashback_bp,
        cashback_period: row.cashback_period,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** A banca's net result over a period from the aggregates: sales − cancellations − commission − prizes won. */
export async function netResults(db: LotteryDb, bancaIds: readonly string[], from: string, to: string) {
  if (bancaIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('lottery_agg_sales')
    .select([
      'banca_id',
      sumCents(sql`total - cancelled_total - commission + cancelled_commission - prizes_won`).as('net'),
    ])
    .where('banca_id', 'in', [...bancaIds])
    .where('business_date', '>=', from)
    .where('business_date', '<=', to)
    .groupBy('banca_id')
    .execute();
  return new Map(rows.map((r) => [r.banca_id, Number(r.net)]));
}

/** Inserts the caída of a period unless it exists (unique banca + period): true when inserted. */
export async function insertCashback(db: LotteryDb, row: LotteryCashbacksTable): Promise<boolean> {
  const inserted = await db
    .insertInto('lottery_cashbacks')
    .values(row)
    .onConflict((oc) => oc.columns(['banca_id', 'period_start', 'period_end']).doNothing())
    .returning('id')
    .execute();
  return inserted.length === 1;
}

export async function listCashbacks(db: LotteryDb, bancaIds: string[] | null, from: string, to: string) {
  if (bancaIds && bancaIds.length === 0) return [];
  let q = db
    .selectFrom('lottery_cashbacks as c')
    .innerJoin('lottery_bancas as b', 'b.id', 'c.banca_id')
    .selectAll('c')
    .select(['b.code as banca_code', 'b.name as banca_name'])
    .where('c.period_end', '>=', from)
    .where('c.period_start', '<=', to);
  if (bancaIds) q = q.where('c.banca_id', 'in', bancaIds);
  return q.orderBy('c.period_start').orderBy('b.code').execute();
}

export async function findOpenShift(db: LotteryDb, sellerId: string) {
  return db
    .selectFrom('lottery_shifts')
    .selectAll()
    .where('seller_id', '=', sellerId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function findShift(db: LotteryDb, id: string) {
  return db.selectFrom('lottery_shifts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertShift(db: LotteryDb, row: LotteryShiftsTable): Promise<void> {
  await db.insertInto('lottery_shifts').values(row).execute();
}

export async function closeShiftRow(
  db: LotteryDb,
  id: string,
  values: Pick<
    LotteryShiftsTable,
    'closed_at' | 'closed_by' | 'expected_cash' | 'counted_cash' | 'difference' | 'figures_json'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('lottery_shifts')
    .set({ ...values, status: 'closed' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listShifts(db: LotteryDb, bancaIds: string[] | null, day: string, sellerId?: string) {
  if (bancaIds && bancaIds.length === 0) return [];
  let q = db
    .selectFrom('lottery_shifts as s')
    .innerJoin('users as u', 'u.id', 's.seller_id')
    .innerJoin('lottery_bancas as b', 'b.id', 's.banca_id')
    .selectAll('s')
    .select(['u.username', 'u.full_name', 'b.code as banca_code', 'b.name as banca_name'])
    .where('s.business_date', '=', day);
  if (bancaIds) q = q.where('s.banca_id', 'in', bancaIds);
  if (sellerId) q = q.where('s.seller_id', '=', sellerId);
  return q.orderBy('s.opened_at').execute();
}

/** A seller's ticket money between two instants (a shift: a few hundred tickets at most). */
export async function sellerTicketTotals(
  db: LotteryDb,
  sellerId: string,
  bancaId: string,
  from: string,
  to: string,
) {
  const sold = await db
    .selectFrom('lottery_tickets')
    .select([
      countAll().as('tickets'),
      sumCents('grand_total').as('sales'),
      sumCents('total_commission').as('commission'),
    ])
    .where('seller_id', '=', sellerId)
    .where('banca_id', '=', bancaId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  const cancelled = await db
    .selectFrom('lottery_tickets')
    .select([
      countAll().as('tickets'),
      sumCents('grand_total').as('total'),
      sumCents('total_commission').as('commission'),
    ])
    .where('banca_id', '=', bancaId)
    .where('seller_id', '=', sellerId)
    .where('status', '=', 'cancelled')
    .where('cancelled_at', '>=', from)
    .where('cancelled_at', '<', to)
    .executeTakeFirstOrThrow();
  const paid = await db
    .selectFrom('lottery_payments')
    .select([countAll().as('tickets'), sumCents('amount').as('amount')])
    .where('paid_by', '=', sellerId)
    .where('paid_banca_id', '=', bancaId)
    .where('paid_at', '>=', from)
    .where('paid_at', '<', to)
    .executeTakeFirstOrThrow();
  return {
    tickets: Number(sold.tickets),
    sales: Number(sold.sales),
    commission: Number(sold.commission),
    cancelled_tickets: Number(cancelled.tickets),
    cancelled: Number(cancelled.total),
    cancelled_commission: Number(cancelled.commission),
    paid_tickets: Number(paid.tickets),
    prizes_paid: Number(paid.amount),
  };
}

/** A banca's day from the aggregates (sales/cancellations by sale day, payouts by payment day). */
export async function bancaDayTotals(db: LotteryDb, bancaId: string, day: string) {
  const row = await db
    .selectFrom('lottery_agg_tickets')
    .select([
      sumCents('tickets').as('tickets'),
      sumCents('total').as('sales'),
      sumCents('commission').as('commission'),
      sumCents('cancelled_tickets').as('cancelled_tickets'),
      sumCents('cancelled_total').as('cancelled'),
      sumCents('cancelled_commission').as('cancelled_commission'),
      sumCents('paid_tickets').as('paid_tickets'),
      sumCents('prizes_paid').as('prizes_paid'),
    ])
    .where('banca_id', '=', bancaId)
    .where('business_date', '=', day)
    .executeTakeFirstOrThrow();
  return {
    tickets: Number(row.tickets),
    sales: Number(row.sales),
    commission: Number(row.commission),
    cancelled_tickets: Number(row.cancelled_tickets),
    cancelled: Number(row.cancelled),
    cancelled_commission: Number(row.cancelled_commission),
    paid_tickets: Number(row.paid_tickets),
    prizes_paid: Number(row.prizes_paid),
  };
}

export async function findCashClose(db: LotteryDb, bancaId: string, day: string) {
  return db
    .selectFrom('lottery_cash_closes')
    .selectAll()
    .where('banca_id', '=', bancaId)
    .where('business_date', '=', day)
    .executeTakeFirst();
}

export async function insertCashClose(db: LotteryDb, row: LotteryCashClosesTable): Promise<boolean> {
  const inserted = await db
    .insertInto('lottery_cash_closes')
    .values(row)
    .onConflict((oc) => oc.columns(['banca_id', 'business_date']).doNothing())
    .returning('id')
    .execute();
  return inserted.length === 1;
}

/** Bancas whose cached balance puts them at or below their deactivation balance (seen from the banca: −balance). */
export async function bancasBelowDeactivation(db: LotteryDb) {
  return db
    .selectFrom('lottery_bancas as b')
    .innerJoin('lottery_banca_balances as x', 'x.banca_id', 'b.id')
    .select(['b.id', 'b.code', 'x.balance', 'b.deactivation_balance_cents'])
    .where('b.active', '=', 1)
    .where('b.deactivation_balance_cents', 'is not', null)
    .where(sql<boolean>`0 - x.balance <= b.deactivation_balance_cents`)
    .execute();
}

export async function deactivateBanca(db: LotteryDb, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('lottery_bancas')
    .set({ active: 0, updated_at: at })
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A banca's ledger entries (its own accounts) over some business days, newest first. */
export async function bancaLedger(
  db: LotteryDb,
  bancaId: string,
  from: string,
  to: string,
  limit: number,
  offset: number,
) {
  const q = db
    .selectFrom('lottery_ledger_entries')
    .where('banca_id', '=', bancaId)
    .where('business_date', '>=', from)
    .where('business_date', '<=', to);
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    q.select(countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
