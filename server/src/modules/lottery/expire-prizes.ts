import { localDate } from '@matriz/shared/lottery/schedule';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { findExpiredWinners, insertLedger, markTicketsExpired } from './payments.repo.ts';
import type { LotteryLedgerEntriesTable } from './sales-tables.ts';

const PAGE = 500;

/**
 * Unclaimed prizes past the ticket's expiry (`expires_at`, from the operator's ticket_expiry_days at
 * sale) become `expired`; each returns its liability to the house (debit the banca's prizes payable,
 * credit house:prizes). A page per transaction; running it twice changes nothing.
 */
export async function expirePrizes(platform: Platform, actor: Actor = systemActor) {
  const now = platform.clock.now();
  const at = now.toISOString();
  const businessDate = localDate(
    now,
    (await getOperatorSettings(lotteryDb(platform.db), platform.config)).time_zone,
  );
  let expired = 0;
  let amount = 0;
  for (;;) {
    const page = await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      const due = await findExpiredWinners(db, at, PAGE);
      const done = new Set(
        await markTicketsExpired(
          db,
          due.map((t) => t.id),
          at,
        ),
      );
      const tickets = due.filter((t) => done.has(t.id));
      const entries: LotteryLedgerEntriesTable[] = tickets.map((t) => ({
        id: newId(),
        at,
        business_date: businessDate,
        banca_id: t.banca_id,
        kind: 'prize_expired',
        ticket_id: t.id,
        debit_account: `banca:${t.banca_id}:prizes_payable`,
        credit_account: 'house:prizes',
        amount: Number(t.prize_total),
        memo: `VENCIDO ${t.code}`,
      }));
      await insertLedger(db, entries);
      if (tickets.length > 0)
        await platform.audit(trx, actor, {
          entity: 'lottery_ticket',
          action: 'prizes_expire',
          after: { codes: tickets.map((t) => t.code), amount: entries.reduce((s, e) => s + e.amount, 0) },
        });
      return {
        count: tickets.length,
        amount: entries.reduce((s, e) => s + e.amount, 0),
        more: due.length === PAGE,
      };
    });
    expired += page.count;
    amount += page.amount;
    if (!page.more) break;
  }
  return { expired, amount };
}
