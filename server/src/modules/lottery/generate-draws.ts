import { addDays, localDate, planDraws } from '@matriz/shared/lottery/schedule';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { listActiveLotteries, listSchedules } from './catalog.repo.ts';
import { lotteryDb } from './db.ts';
import { insertMissingDraws } from './draws.repo.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import type { LotteryDrawsTable } from './tables.ts';

/**
 * Creates the draws of every active lottery whose business date falls in [fromDate, fromDate + days),
 * from the weekly schedules. Idempotent: a draw that exists (same lottery, date and time) is kept
 * as it is. A new draw is `open` inside the future-sales window, `scheduled` beyond it and
 * `closed` if its close instant has already passed.
 */
export async function generateDraws(
  platform: Platform,
  fromDate: string,
  days: number,
  actor: Actor = systemActor,
): Promise<{ created: number }> {
  const now = platform.clock.now();
  const at = now.toISOString();
  return platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const settings = await getOperatorSettings(db, platform.config);
    const lastSellable = addDays(localDate(now, settings.time_zone), settings.future_sales_days);
    const lotteries = await listActiveLotteries(db);
    const schedules = await listSchedules(
      db,
      lotteries.map((l) => l.id),
    );
    const rows: LotteryDrawsTable[] = [];
    for (const lottery of lotteries) {
      const slots = schedules
        .filter((s) => s.lottery_id === lottery.id)
        .map((s) => ({ weekday: s.weekday, closeTime: s.close_time, drawTime: s.draw_time }));
      for (const planned of planDraws(slots, lottery.time_zone, settings.time_zone, fromDate, days)) {
        const closed = planned.closeAt <= at;
        rows.push({
          id: newId(),
          lottery_id: lottery.id,
          draw_date: planned.drawDate,
          draw_time: planned.drawTime,
          business_date: planned.businessDate,
          close_at: planned.closeAt,
          draw_at: planned.drawAt,
          status: closed ? 'closed' : planned.businessDate <= lastSellable ? 'open' : 'scheduled',
          result_json: null,
          closed_at: closed ? planned.closeAt : null,
          resulted_at: null,
          settled_at: null,
          created_at: at,
          updated_at: at,
        });
      }
    }
    const created = await insertMissingDraws(db, rows);
    if (created > 0) {
      await platform.audit(trx, actor, {
        entity: 'lottery_draw',
        action: 'generate',
        after: { from: fromDate, days, created },
      });
    }
    return { created };
  });
}

/** Today and the operator's future-sales days: what start-up and the daily job keep generated. */
export async function generateDrawsForSalesWindow(platform: Platform, actor: Actor = systemActor) {
  const settings = await getOperatorSettings(lotteryDb(platform.db), platform.config);
  const today = localDate(platform.clock.now(), settings.time_zone);
  return generateDraws(platform, today, settings.future_sales_days + 1, actor);
}
