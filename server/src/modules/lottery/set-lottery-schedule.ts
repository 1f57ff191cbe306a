import type { ScheduleSlotView } from '@matriz/shared/api/lottery-catalog';
import { slotProblem } from '@matriz/shared/lottery/schedule';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { findLottery, listSchedules, replaceSchedule } from './catalog.repo.ts';
import { lotteryDb } from './db.ts';
import { generateDrawsForSalesWindow } from './generate-draws.ts';

const slotView = (s: { weekday: number; close_time: string; draw_time: string }): ScheduleSlotView => ({
  weekday: s.weekday,
  close_time: s.close_time,
  draw_time: s.draw_time,
});

/**
 * Replaces a lottery's weekly schedule, then generates the draws of new slots inside the sales
 * window. Draws already generated keep their times: a change applies to dates not generated yet.
 */
export async function setLotterySchedule(
  platform: Platform,
  actor: Actor,
  lotteryId: string,
  slots: readonly ScheduleSlotView[],
): Promise<ScheduleSlotView[]> {
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
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    if (!(await findLottery(db, lotteryId))) throw notFound('lottery_lottery', lotteryId);
    const before = (await listSchedules(db, [lotteryId])).map(slotView);
    await replaceSchedule(
      db,
      lotteryId,
      slots.map((s) => ({ id: newId(), lottery_id: lotteryId, ...slotView(s), created_at: at })),
    );
    await platform.audit(trx, actor, {
      entity: 'lottery_schedule',
      entityId: lotteryId,
      action: 'replace',
      before,
      after: slots.map(slotView),
    });
  });
  await generateDrawsForSalesWindow(platform, actor);
  return (await listSchedules(lotteryDb(platform.db), [lotteryId])).map(slotView);
}
