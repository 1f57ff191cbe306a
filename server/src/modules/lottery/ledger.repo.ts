import { sql } from 'kysely';
import type { LotteryDb } from './db.ts';

/** Set-based consistency queries for `ledger:verify`: each returns the first few offending rows. */
const LIMIT = 5;

export async function malformedEntries(db: LotteryDb) {
  return db
    .selectFrom('lottery_ledger_entries')
    .select(['id', 'kind', 'amount', 'debit_account', 'credit_account'])
    .where((eb) => eb.or([eb('amount', '<=', 0), eb('debit_account', '=', eb.ref('credit_account'))]))
    .limit(LIMIT)
    .execute();
}

/** A ticket whose entries of one kind (net of their reversals) differ from the ticket's figure. */
export async function ticketEntryMismatches(db: LotteryDb) {
  const { rows } = await sql<{
    code: string;
    status: string;
    check: string;
    expected: number;
    found: number;
  }>`with e as materialized (
        select ticket_id,
          sum(case when kind = 'sale' then amount else 0 end) as sale,
          sum(case when kind = 'sale_reversal' then amount else 0 end) as sale_rev,
          sum(case when kind = 'commission' then amount else 0 end) as com,
          sum(case when kind = 'commission_reversal' then amount else 0 end) as com_rev,
          sum(case when kind = 'prize_paid' then amount else 0 end) as paid
        from lottery_ledger_entries where ticket_id is not null group by ticket_id
      )
      select code, status, check_name as "check", expected, found from (
      select t.code, t.status, 'sale' as check_name,
        case when t.status = 'cancelled' then 0 else t.grand_total end as expected,
        coalesce(e.sale, 0) - coalesce(e.sale_rev, 0) as found
      from lottery_tickets t left join e on e.ticket_id = t.id
      where (case when t.status = 'cancelled' then 0 else t.grand_total end) <> coalesce(e.sale, 0) - coalesce(e.sale_rev, 0)
         or (case when t.status = 'cancelled' then 0 else t.total_commission end) <> coalesce(e.com, 0) - coalesce(e.com_rev, 0)
         or (t.status = 'cancelled' and coalesce(e.sale_rev, 0) <> t.grand_total)
         or (case when t.status = 'paid' then t.prize_total else 0 end) <> coalesce(e.paid, 0)
    ) x order by code limit ${LIMIT}`.execute(db);
  return rows;
}

/** Tickets whose prize (owed, paid or expired) disagrees with their own winning lines. */
export async function ticketPrizeMismatches(db: LotteryDb) {
  const { rows } = await sql<{ code: string; status: string; prize_total: number; lines_prize: number }>`
    with w as materialized (
      select ticket_id, sum(prize_amount) as prize from lottery_winning_lines group by ticket_id
    )
    select code, status, prize_total, lines_prize from (
      select t.code, t.status, t.prize_total, coalesce(w.prize, 0) as lines_prize
      from lottery_tickets t left join w on w.ticket_id = t.id
      where t.status in ('paid', 'expired') and t.prize_total <> coalesce(w.prize, 0)
      union all
      select t.code, 'winner' as status, p.prize_total, coalesce(w.prize, 0) as lines_prize
      from lottery_ticket_prizes p
        inner join lottery_tickets t on t.id = p.ticket_id
        left join w on w.ticket_id = p.ticket_id
      where p.decided = 1 and p.prize_total <> coalesce(w.prize, 0)
    ) x order by code limit ${LIMIT}`.execute(db);
  return rows;
}

/** Per banca: prizes won in the ledger (net of reversals) vs the winning lines of settled draws. */
export async function prizeLedgerMismatches(db: LotteryDb) {
  const { rows } = await sql<{ banca_id: string; ledger: number; lines: number }>`
    select coalesce(a.banca_id, b.banca_id) as banca_id, coalesce(a.amount, 0) as ledger, coalesce(b.amount, 0) as lines
    from (
      select banca_id, sum(case when kind = 'prize_won' then amount else -amount end) as amount
      from lottery_ledger_entries where kind in ('prize_won', 'prize_won_reversal') group by banca_id
    ) a full outer join (
      select t.banca_id, sum(w.prize_amount) as amount
      from lottery_winning_lines w
        inner join lottery_tickets t on t.id = w.ticket_id
        inner join lottery_draws d on d.id = w.draw_id
      where d.status = 'settled'
      group by t.banca_id
    ) b on a.banca_id = b.banca_id
    where coalesce(a.amount, 0) <> coalesce(b.amount, 0)
    limit ${LIMIT}`.execute(db);
  return rows;
}

/** Approved movements and their ledger entries (same amount), and entries of movements not approved. */
export async function movementMismatches(db: LotteryDb) {
  const { rows } = await sql<{
    id: string;
    kind: string;
    status: string;
    amount: number;
    entry_amount: number | null;
  }>`
    select m.id, m.kind, m.status, m.amount, e.amount as entry_amount
    from lottery_money_movements m left join lottery_ledger_entries e on e.id = m.ledger_entry_id
    where (m.status = 'approved' and (e.id is null or e.amount <> m.amount or e.kind <> m.kind))
       or (m.status <> 'approved' and m.ledger_entry_id is not null)
    limit ${LIMIT}`.execute(db);
  return rows;
}

/** Every account's balance (debits − credits). */
export async function allAccountBalances(db: LotteryDb) {
  const { rows } = await sql<{ account: string; balance: number }>`
    select account, cast(sum(amount) as bigint) as balance from (
      select debit_account as account, amount from lottery_ledger_entries
      union all
      select credit_account as account, -amount from lottery_ledger_entries
    ) x group by account order by account`.execute(db);
  return rows.map((r) => ({ account: r.account, balance: Number(r.balance) }));
}

export async function cachedBalances(db: LotteryDb) {
  const rows = await db.selectFrom('lottery_banca_balances').select(['banca_id', 'balance']).execute();
  return new Map(rows.map((r) => [r.banca_id, Number(r.balance)]));
}

/** The sales aggregate vs the tickets, per day and banca (what every report's totals rest on). */
export async function aggregateMismatches(db: LotteryDb) {
  const { rows } = await sql<{
    business_date: string;
    banca_id: string;
    agg_total: number;
    tickets_total: number;
    agg_cancelled: number;
    tickets_cancelled: number;
  }>`select coalesce(a.business_date, t.business_date) as business_date, coalesce(a.banca_id, t.banca_id) as banca_id,
      coalesce(a.total, 0) as agg_total, coalesce(t.total, 0) as tickets_total,
      coalesce(a.cancelled, 0) as agg_cancelled, coalesce(t.cancelled, 0) as tickets_cancelled
    from (
      select business_date, banca_id, sum(total) as total, sum(cancelled_total) as cancelled
      from lottery_agg_sales group by business_date, banca_id
    ) a full outer join (
      select business_date, banca_id, sum(grand_total) as total,
        sum(case when status = 'cancelled' then grand_total else 0 end) as cancelled
      from lottery_tickets group by business_date, banca_id
    ) t on a.business_date = t.business_date and a.banca_id = t.banca_id
    where coalesce(a.total, 0) <> coalesce(t.total, 0) or coalesce(a.cancelled, 0) <> coalesce(t.cancelled, 0)
    order by 1, 2 limit ${LIMIT}`.execute(db);
  return rows;
}

/** The ticket aggregate vs the sales aggregate (both must carry the same money). */
export async function ticketAggregateMismatches(db: LotteryDb) {
  const { rows } = await sql<{ business_date: string; banca_id: string; a: number; b: number }>`
    select x.business_date, x.banca_id, x.total as a, coalesce(y.total, 0) as b from (
      select business_date, banca_id, sum(total) as total from lottery_agg_sales group by business_date, banca_id
    ) x left join (
      select business_date, banca_id, sum(total) as total from lottery_agg_tickets group by business_date, banca_id
    ) y on x.business_date = y.business_date and x.banca_id = y.banca_id
    where x.total <> coalesce(y.total, 0) order by 1, 2 limit ${LIMIT}`.execute(db);
  return rows;
}

/** PostgreSQL plans these scans well only with fresh statistics (a bulk load leaves none). */
export async function refreshStatistics(db: LotteryDb): Promise<void> {
  await sql`analyze lottery_ledger_entries, lottery_tickets, lottery_ticket_lines, lottery_agg_sales, lottery_agg_tickets`.execute(
    db,
  );
}
