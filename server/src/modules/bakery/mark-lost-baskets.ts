import { systemActor } from '../../platform/audit/audit.ts';
import { businessDate } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { JobDefinition } from '../../platform/jobs/job.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { loadBasketSettings } from './basket-settings.ts';
import { insertMovement, overdueBaskets, updateBasketIf } from './baskets.repo.ts';
import { loadSettings } from './settings.ts';

/** Baskets per transaction: keeps SQLite's single writer free between chunks. */
const CHUNK = 200;

function minusDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * Every basket lent `lostAfterDays` days or more ago (by the bakery's business dates) becomes lost.
 * Idempotent: a basket already lost, returned or changed meanwhile is left alone.
 */
export async function markLostBaskets(platform: Platform, now: Date = platform.clock.now()) {
  const [{ lostAfterDays }, { timezone }] = await Promise.all([
    loadBasketSettings(platform),
    loadSettings(platform),
  ]);
  const today = businessDate(now, timezone);
  const cutoff = minusDays(today, lostAfterDays);
  const at = now.toISOString();
  const actor = systemActor;
  const seen = new Set<string>();
  let marked = 0;
  for (;;) {
    const candidates = (await overdueBaskets(bakeryDb(platform.db), cutoff, CHUNK + seen.size)).filter(
      (b) => !seen.has(b.id),
    );
    if (candidates.length === 0) break;
    const chunk = candidates.slice(0, CHUNK);
    for (const basket of chunk) seen.add(basket.id);
    marked += await platform.db.transaction().execute(async (trx) => {
      const db = bakeryDb(trx);
      let count = 0;
      for (const basket of chunk) {
        const movementId = newId();
        const changed = await updateBasketIf(
          db,
          basket.id,
          { version: basket.version, statuses: ['prestada'] },
          { status: 'perdida', lost_at: at, last_movement_id: movementId, updated_at: at },
        );
        if (!changed) continue;
        await insertMovement(db, {
          id: movementId,
          basket_id: basket.id,
          kind: 'perdida',
          seller_id: basket.holder_id,
          user_id: null,
          username: actor.username,
          at,
          business_date: today,
          amount_cents: null,
          note: null,
          prev_status: 'prestada',
          prev_holder_id: basket.holder_id,
          prev_lent_at: basket.lent_at,
          prev_lent_date: basket.lent_date,
          prev_lost_at: null,
          prev_movement_id: basket.last_movement_id,
          prev_charged_cents: null,
          prev_closed_at: null,
          undone_at: null,
          undone_by: null,
        });
        await platform.audit(trx, actor, {
          entity: 'bakery_basket',
          entityId: basket.id,
          action: 'mark_lost',
          before: {
            code: basket.code,
            status: 'prestada',
            holder_id: basket.holder_id,
            lent_date: basket.lent_date,
          },
          after: { code: basket.code, status: 'perdida', lost_after_days: lostAfterDays },
        });
        count++;
      }
      return count;
    });
  }
  return { marked, cutoff, lost_after_days: lostAfterDays };
}

/** Daily, early in the morning: yesterday's overdue loans are lost before the dispatch opens. */
export const markLostBasketsJob: JobDefinition = {
  name: 'bakery.baskets.mark-lost',
  schedule: { every: 'day', at: '00:30' },
  maxAttempts: 3,
  run: (platform, context) => markLostBaskets(platform, context.now),
};
