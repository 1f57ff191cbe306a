import { sql } from 'kysely';
import { countAll } from '../../platform/db/sql.ts';
import type { LotteryDb } from './db.ts';
import type { LotteryPaymentsTable } from './results-tables.ts';
import type { LotteryLedgerEntriesTable } from './sales-tables.ts';
import { ticketStatusSql } from './settlement.repo.ts';

const SETTINGS_MODULE = 'lottery';
const PAYOUT_KEY = 'payout';

/**
 * The one write that pays: only a winner (its prize decided, every draw settled and decided; a
 * correction in progress sends its draw back to `resulted`), not expired, for the prize read before.
 * Rows affected 0 → someone else paid it first. The ticket keeps the amount; its prize row goes.
 */
export async function markTicketPaid(
  db: LotteryDb,
  ticketId: string,
  by: string,
  at: string,
  paidBancaId: string,
  amount: number,
): Promise<boolean> {
  const result = await db
    .updateTable('lottery_tickets')
    .set({ status: 'paid', prize_total: amount, paid_at: at, paid_by: by, paid_banca_id: paidBancaId })
    .where('id', '=', ticketId)
    .where(ticketStatusSql('lottery_tickets'), '=', 'winner')
    .where('expires_at', '>', at)
    .where(
      sql<boolean>`exists (select 1 from lottery_ticket_prizes p where p.ticket_id = lottery_tickets.id and p.prize_total = ${amount})`,
    )
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('lottery_ticket_prizes').where('ticket_id', '=', ticketId).execute();
  return true;
}

export async function insertPayment(
  db: LotteryDb,
  payment: LotteryPaymentsTable,
  ledger: LotteryLedgerEntriesTable,
): Promise<void> {
  await db.insertInto('lottery_payments').values(payment).execute();
  await db.insertInto('lottery_ledger_entries').values(ledger).execute();
}

export async function findPaymentOfTicket(db: LotteryDb, ticketId: string) {
  return db
    .selectFrom('lottery_payments as p')
    .innerJoin('users as u', 'u.id', 'p.paid_by')
    .innerJoin('lottery_bancas as b', 'b.id', 'p.paid_banca_id')
    .selectAll('p')
    .select([
      'u.username as paid_by_username',
      'u.full_name as paid_by_name',
      'b.code as paid_banca_code',
      'b.name as paid_banca_name',
    ])
    .where('p.ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export async function readPayoutSettingsJson(db: LotteryDb): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('module', '=', SETTINGS_MODULE)
    .where('key', '=', PAYOUT_KEY)
    .executeTakeFirst();
  return row?.value_json ?? null;
}

export async function writePayoutSettingsJson(db: LotteryDb, valueJson: string, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ module: SETTINGS_MODULE, key: PAYOUT_KEY, value_json: valueJson, updated_at: at })
    .onConflict((oc) => oc.columns(['module', 'key']).doUpdateSet({ value_json: valueJson, updated_at: at }))
    .execute();
}

/** Unpaid winners past their expiry, a page at a time (the expiry job). */
export async function findExpiredWinners(db: LotteryDb, now: string, limit: number) {
  return db
    .selectFrom('lottery_ticket_prizes as p')
    .innerJoin('lottery_tickets as t', 't.id', 'p.ticket_id')
    .select(['t.id', 't.code', 't.banca_id', 'p.prize_total', 'p.expires_at'])
    .where('p.decided', '=', 1)
    .where('p.expires_at', '<=', now)
    .orderBy('p.expires_at')
    .limit(limit)
    .execute();
}

/** Those still unpaid become `expired`, keeping the amount they lost; their prize rows go. */
export async function markTicketsExpired(
  db: LotteryDb,
  ids: readonly string[],
  now: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const due = sql<boolean>`exists (select 1 from lottery_ticket_prizes p
    where p.ticket_id = lottery_tickets.id and p.decided = 1 and p.expires_at <= ${now})`;
  const rows = await db
    .updateTable('lottery_tickets')
    .set({
      status: 'expired',
      prize_total: sql<number>`(select p.prize_total from lottery_ticket_prizes p where p.ticket_id = lottery_tickets.id)`,
    })
    .where('id', 'in', [...ids])
    .where('status', '=', 'pending')
    .where(due)
    .returning('id')
    .execute();
  const expired = rows.map((r) => r.id);
  if (expired.length > 0)
    await db.deleteFrom('lottery_ticket_prizes').where('ticket_id', 'in', expired).execute();
  return expired;
}

export async function insertLedger(db: LotteryDb, entries: readonly LotteryLedgerEntriesTable[]) {
  for (let i = 0; i < entries.length; i += 500)
    await db
      .insertInto('lottery_ledger_entries')
      .values(entries.slice(i, i + 500))
      .execute();
}

/** Balance of one ledger account: debits minus credits. */
export async function accountBalance(db: LotteryDb, account: string): Promise<number> {
  const debit = await db
    .selectFrom('lottery_ledger_entries')
    .select(sql<number>`cast(coalesce(sum(amount), 0) as bigint)`.as('s'))
    .where('debit_account', '=', account)
    .executeTakeFirstOrThrow();
  const credit = await db
    .selectFrom('lottery_ledger_entries')
    .select(sql<number>`cast(coalesce(sum(amount), 0) as bigint)`.as('s'))
    .where('credit_account', '=', account)
    .executeTakeFirstOrThrow();
  return Number(debit.s) - Number(credit.s);
}

export async function countPayments(db: LotteryDb, ticketId: string): Promise<number> {
  const row = await db
    .selectFrom('lottery_payments')
    .select(countAll().as('n'))
    .where('ticket_id', '=', ticketId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
