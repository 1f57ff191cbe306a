import type { Actor } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { deleteOverride, findOverride, upsertOverride } from './calendar.repo.ts';

/** The admin makes a day a business day (a festivo they work) or not (a closed Saturday). */
export async function setCalendarDay(
  platform: Platform,
  actor: Actor,
  day: string,
  isBusinessDay: boolean,
  reason: string,
): Promise<void> {
  await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const before = await findOverride(db, day);
    const override = {
      day,
      is_business_day: isBusinessDay ? 1 : 0,
      reason,
      updated_by: actor.userId,
      updated_at: platform.clock.now().toISOString(),
    };
    await upsertOverride(db, override);
    await platform.audit(trx, actor, {
      entity: 'bakery_calendar',
      entityId: day,
      action: 'set_day',
      before: before ? { is_business_day: before.is_business_day === 1, reason: before.reason } : null,
      after: { is_business_day: isBusinessDay, reason },
    });
  });
}

/** Back to the default rule (Monday–Saturday minus festivos) for that day. */
export async function clearCalendarDay(platform: Platform, actor: Actor, day: string): Promise<void> {
  await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const before = await findOverride(db, day);
    if (!before) return;
    await deleteOverride(db, day);
    await platform.audit(trx, actor, {
      entity: 'bakery_calendar',
      entityId: day,
      action: 'clear_day',
      before: { is_business_day: before.is_business_day === 1, reason: before.reason },
    });
  });
}
