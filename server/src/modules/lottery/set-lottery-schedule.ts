import type { ScheduleSavedView, ScheduleSlotView } from '@matriz/shared/api/lottery-catalog';
import { slotProblem } from '@matriz/shared/lottery/schedule';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { findLottery, listSchedules, replaceSchedule } from './catalog.repo.ts';
import { lotteryDb } from './db.ts';
import { announceReplan, generateDrawsForSalesWindow, replanUpcomingDraws } from './generate-draws.ts';

const slotView = (s: { weekday: number; close_time: string; draw_time: string }): ScheduleSlotView => ({
  weekday: s.weekday,
  close_time: s.close_time,
  draw_time: s.draw_time,
});

/**
 * Replaces a lottery's weekly schedule and brings the draws still ahead into line with it
 * (replanUpcomingDraws: one whose slot is gone is removed, one whose close time changed gets the
 * new one), then the draws of new slots inside the sales window are generated. A draw something
 * was sold in stays exactly as it was (the tickets were sold for that draw) and is reported back.
 */
export async function setLotterySchedule(
  platform: Platform,
  actor: Actor,
  lotteryId: string,
  slots: readonly ScheduleSlotView[],
): Promise<ScheduleSavedView> {
  const seen = new Set<string>();
  slots.forEach((slot, index) => {
    const problem = slotProblem({
      weekday: slot.weekday,
      closeTime: slot.close_time,
      drawTime: slot.draw_time,
    });
    if (problem)
      throw new AppError('SCHEDULE_SLOT_INVALID', 422, { field: `slots.${index}`, reason: problem });
    const key = `${slot.weekday} ${slot.draw_time}`;
    if (seen.has(key))
      throw new AppError('SCHEDULE_SLOT_DUPLICATE', 422, {
        field: `slots.${index}`,
        weekday: slot.weekday,
        draw_time: slot.draw_time,
      });
    seen.add(key);
  });
  const at = platform.clock.now().toISOString();
  const replan = await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const lottery = await findLottery(db, lotteryId);
    if (!lottery) throw notFound('lottery_lottery', lotteryId);
    const before = (await listSchedules(db, [lotteryId])).map(slotView);
    await replaceSchedule(
      db,
      lotteryId,
      slots.map((s) => ({ id: newId(), lottery_id: lotteryId, ...slotView(s), created_at: at })),
    );
    const replanned = await replanUpcomingDraws(platform, db, lotteryId, lottery.time_zone);
    const { removed, moved, closed, kept } = replanned;
    await platform.audit(trx, actor, {
      entity: 'lottery_schedule',
      entityId: lotteryId,
      action: 'replace',
      before,
      after: {
        slots: slots.map(slotView),
        draws_removed: removed,
        draws_close_changed: moved,
        draws_closed: closed,
        draws_kept_with_sales: kept.map((d) => d.id),
      },
    });
    return replanned;
  });
  announceReplan(platform, replan);
  await generateDrawsForSalesWindow(platform, actor);
  const draws = {
    removed: replan.removed.length,
    close_changed: replan.moved.length,
    kept_with_sales: replan.kept,
  };
  return { slots: (await listSchedules(lotteryDb(platform.db), [lotteryId])).map(slotView), draws };
}
