import {
  addDays,
  localDate,
  planDraws,
  type ScheduleSlot,
  scheduledCloseAt,
  zonedTimeToInstant,
} from '@matriz/shared/lottery/schedule';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { listActiveLotteries, listSchedules, type ScheduleRow } from './catalog.repo.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import {
  type DrawReplan,
  deleteUnsoldDraws,
  findUpcomingDraws,
  insertMissingDraws,
  moveUnsoldDraw,
} from './draws.repo.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import type { LotteryDrawsTable } from './tables.ts';

const slotOf = (s: ScheduleRow): ScheduleSlot => ({
  weekday: s.weekday,
  closeTime: s.close_time,
  drawTime: s.draw_time,
});

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
      const slots = schedules.filter((s) => s.lottery_id === lottery.id).map(slotOf);
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

/** Where generation puts a draw: its instants and the operator's business date of the draw instant. */
type DrawPlacement = Required<Pick<DrawReplan, 'close_at' | 'draw_at' | 'business_date'>>;

/**
 * Tells the selling screens that a replan moved, closed or removed draws after it committed: by
 * their own copy those draws still close at the old time.
 */
export function announceReplan(
  platform: Platform,
  replan: Awaited<ReturnType<typeof replanUpcomingDraws>>,
): void {
  const drawIds = [...replan.moved, ...replan.removed];
  if (drawIds.length === 0) return;
  platform.bus.publish({
    type: 'lottery.draws.changed',
    payload: { draw_ids: drawIds },
    audience: { permission: 'lottery.catalog.read' },
  });
}

/**
 * Brings a lottery's draws still ahead into line with its weekly schedule and `timeZone`, their
 * instants computed as generation plans them. A draw whose slot is gone is removed; one placed
 * differently is moved, and if its new close has already passed it is `closed` as generation would
 * make it (not removed: a composite's result is read from its source draws of the day). A draw
 * something was sold in stays exactly as it was (its tickets were sold for it) and is returned as
 * kept. Runs in the caller's transaction.
 */
export async function replanUpcomingDraws(
  platform: Platform,
  db: LotteryDb,
  lotteryId: string,
  timeZone: string,
) {
  const at = platform.clock.now().toISOString();
  const operatorZone = (await getOperatorSettings(db, platform.config)).time_zone;
  const slots = (await listSchedules(db, [lotteryId])).map(slotOf);
  const upcoming = await findUpcomingDraws(db, lotteryId, at);
  const placementOf = new Map(
    upcoming.map((d): [string, DrawPlacement | null] => {
      const closeAt = scheduledCloseAt({ drawDate: d.draw_date, drawTime: d.draw_time }, slots, timeZone);
      if (!closeAt) return [d.id, null];
      const drawAt = zonedTimeToInstant(d.draw_date, d.draw_time, timeZone);
      return [
        d.id,
        { close_at: closeAt, draw_at: drawAt.toISOString(), business_date: localDate(drawAt, operatorZone) },
      ];
    }),
  );
  const removed = await deleteUnsoldDraws(
    db,
    upcoming.filter((d) => placementOf.get(d.id) === null).map((d) => d.id),
  );
  const moved: string[] = [];
  const closed: string[] = [];
  const kept: { id: string; draw_date: string; draw_time: string; close_at: string }[] = [];
  for (const draw of upcoming) {
    if (removed.includes(draw.id)) continue;
    const to = placementOf.get(draw.id) ?? null;
    if (
      to?.close_at === draw.close_at &&
      to.draw_at === draw.draw_at &&
      to.business_date === draw.business_date
    )
      continue;
    const closes = to !== null && to.close_at <= at;
    const changes = closes ? { ...to, status: 'closed', closed_at: to.close_at } : to;
    if (changes && (await moveUnsoldDraw(db, draw.id, changes, at))) {
      moved.push(draw.id);
      if (closes) closed.push(draw.id);
    } else {
      kept.push({
        id: draw.id,
        draw_date: draw.draw_date,
        draw_time: draw.draw_time,
        close_at: draw.close_at,
      });
    }
  }
  return { removed, moved, closed, kept };
}
