import { localDate } from '@matriz/shared/lottery/schedule';
import { applyRate } from '@matriz/shared/money';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { addBancaBalances } from './aggregates.repo.ts';
import { lotteryDb } from './db.ts';
import { insertCashback, insertLedger, netResults, readCashbackSettings } from './money.repo.ts';

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The period of a banca's caída that ends on `date`, or null when none ends that day (weeks end on Sunday). */
export function periodEndingOn(date: string, period: string): { start: string; end: string } | null {
  const d = new Date(`${date}T12:00:00Z`);
  if (period === 'day') return { start: date, end: date };
  if (period === 'week') return d.getUTCDay() === 0 ? { start: shift(date, -6), end: date } : null;
  if (period === 'month')
    return shift(date, 1).endsWith('-01') ? { start: `${date.slice(0, 8)}01`, end: date } : null;
  return null;
}

/**
 * Caída (DOMAIN.md §8, §10): for each banca whose period ends on `date`, a % of its net result
 * (sales − cancellations − commission − prizes won, from the aggregates) when positive. Each period
 * is booked once (unique banca + period): debit house:cashback, credit banca:<id>:cashback.
 */
export async function computeCashback(
  platform: Platform,
  date: string,
  actor: Actor = systemActor,
  bancaId?: string,
) {
  const db = lotteryDb(platform.db);
  const settings = (await readCashbackSettings(db, bancaId)).filter((s) => Number(s.cashback_bp) > 0);
  const due = settings
    .map((s) => ({ setting: s, period: periodEndingOn(date, s.cashback_period) }))
    .filter((d) => d.period !== null) as {
    setting: (typeof settings)[number];
    period: { start: string; end: string };
  }[];
  const at = platform.clock.now().toISOString();
  const today = localDate(platform.clock.now(), platform.config.timezone);
  let booked = 0;
  let amount = 0;
  for (const { setting, period } of due) {
    const net =
      (await netResults(db, [setting.banca_id], period.start, period.end)).get(setting.banca_id) ?? 0;
    const cashback = net > 0 ? applyRate(net, Number(setting.cashback_bp)) : 0;
    await platform.db.transaction().execute(async (trx) => {
      const tdb = lotteryDb(trx);
      const entryId = cashback > 0 ? newId() : null;
      const inserted = await insertCashback(tdb, {
        id: newId(),
        banca_id: setting.banca_id,
        period_start: period.start,
        period_end: period.end,
        net_result: net,
        rate_bp: Number(setting.cashback_bp),
        amount: cashback,
        ledger_entry_id: entryId,
        created_at: at,
        created_by: actor.userId,
      });
      if (!inserted) return;
      if (entryId) {
        await insertLedger(tdb, [
          {
            id: entryId,
            at,
            business_date: today,
            banca_id: setting.banca_id,
            kind: 'cashback',
            ticket_id: null,
            debit_account: 'house:cashback',
            credit_account: `banca:${setting.banca_id}:cashback`,
            amount: cashback,
            memo: `CAÍDA ${period.start}…${period.end}`,
          },
        ]);
        await addBancaBalances(tdb, new Map([[setting.banca_id, -cashback]]), at);
      }
      await platform.audit(trx, actor, {
        entity: 'lottery_cashback',
        entityId: setting.banca_id,
        action: 'compute',
        after: { ...period, net_result: net, rate_bp: Number(setting.cashback_bp), amount: cashback },
      });
      booked++;
      amount += cashback;
    });
  }
  return { date, booked, amount };
}
