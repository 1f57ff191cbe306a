import { addDays, localDate } from '@matriz/shared/lottery/schedule';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { closeDueDraws, openScheduledDraws } from './draws.repo.ts';
import { getOperatorSettings } from './get-operator-settings.ts';

/**
 * Moves draws along by the clock: open draws past their close instant become `closed`, scheduled
 * draws entering the future-sales window become `open`. Selling never waits for this (the sale
 * checks the clock itself); it keeps the stored status truthful for screens and reports, and a
 * ticket reads active once all its draws have closed (nothing is written to the tickets).
 */
export async function advanceDraws(
  platform: Platform,
  actor: Actor = systemActor,
): Promise<{ opened: string[]; closed: string[] }> {
  const now = platform.clock.now();
  const at = now.toISOString();
  const moved = await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const settings = await getOperatorSettings(db, platform.config);
    const closed = await closeDueDraws(db, at);
    const opened = await openScheduledDraws(
      db,
      addDays(localDate(now, settings.time_zone), settings.future_sales_days),
      at,
    );
    if (closed.length > 0) {
      await platform.audit(trx, actor, {
        entity: 'lottery_draw',
        action: 'close_by_clock',
        after: { ids: closed },
      });
    }
    if (opened.length > 0) {
      await platform.audit(trx, actor, {
        entity: 'lottery_draw',
        action: 'open_by_clock',
        after: { ids: opened },
      });
    }
    return { opened, closed };
  });
  if (moved.closed.length > 0) {
    platform.bus.publish({
      type: 'lottery.draw.closed',
      payload: { draw_ids: moved.closed, early: false },
      audience: { permission: 'lottery.catalog.read' },
    });
  }
  return moved;
}
