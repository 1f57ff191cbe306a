import type { ScheduleSavedView, ScheduleSlotView } from '@matriz/shared/api/lottery-catalog';
import { scheduledCloseAt, slotProblem } from '@matriz/shared/lottery/schedule';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { findLottery, listSchedules, replaceSchedule } from './catalog.repo.ts';
import { lotteryDb } from './db.ts';
import { deleteUnsoldDraws, findUpcomingDraws, moveUnsoldDrawClose } from './draws.repo.ts';
import { generateDrawsForSalesWindow } from './generate-draws.ts';

const slotView = (s: { weekday: number; close_time: string; draw_time: string }): ScheduleSlotView => ({
  weekday: s.weekday,
  close_time: s.close_time,
  draw_time: s.draw_time,
});

/**
 * Replaces a lottery's weekly schedule and brings the draws still ahead into line with it: one
 * whose slot is gone is removed, one whose close time changed gets the new one, then the draws of
 * new slots inside the sales window are generated. A draw something was sold in stays exactly as
 * it was (the tickets were sold for that draw) and is reported back.
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
  const schedule = slots.map((s) => ({ weekday: s.weekday, closeTime: s.close_time, drawTime: s.draw_time }));
  const draws = await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const lottery = await findLottery(db, lotteryId);
    if (!lottery) throw notFound('lottery_lottery', lotteryId);
    const before = (await listSchedules(db, [lotteryId])).map(slotView);
    await replaceSchedule(
      db,
      lotteryId,
      slots.map((s) => ({ id: newId(), lottery_id: lotteryId, ...slotView(s), created_at: at })),
    );
    const upcoming = await findUpcomingDraws(db, lotteryId, at);
    const closeOf = new Map(
      upcoming.map((d) => [
        d.id,
        scheduledCloseAt({ drawDate: d.draw_date, drawTime: d.draw_time }, schedule, lottery.time_zone),
      ]),
    );
    const removed = new Set(
      await deleteUnsoldDraws(
        db,
        upcoming.filter((d) => closeOf.get(d.id) === null).map((d) => d.id),
      ),
    );
    const closeChanged = new Set<string>();
    for (const draw of upcoming) {
      const closeAt = closeOf.get(draw.id);
      if (closeAt && closeAt !== draw.close_at && (await moveUnsoldDrawClose(db, draw.id, closeAt, at)))
        closeChanged.add(draw.id);
    }
    const kept = upcoming
      .filter((d) => closeOf.get(d.id) !== d.close_at && !removed.has(d.id) && !closeChanged.has(d.id))
      .map((d) => ({ id: d.id, draw_date: d.draw_date, draw_time: d.draw_time, close_at: d.close_at }));
    await platform.audit(trx, actor, {
      entity: 'lottery_schedule',
      entityId: lotteryId,
      action: 'replace',
      before,
      after: {
        slots: slots.map(slotView),
        draws_removed: [...removed],
        draws_close_changed: [...closeChanged],
        draws_kept_with_sales: kept.map((d) => d.id),
      },
    });
    return { removed: removed.size, close_changed: closeChanged.size, kept_with_sales: kept };
  });
  await generateDrawsForSalesWindow(platform, actor);
  return { slots: (await listSchedules(lotteryDb(platform.db), [lotteryId])).map(slotView), draws };
}
