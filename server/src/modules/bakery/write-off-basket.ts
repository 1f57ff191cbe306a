import type { Actor } from '../../platform/audit/audit.ts';
import { businessDate } from '../../platform/clock.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { findBasket, findMovement, insertMovement, updateBasketIf } from './baskets.repo.ts';
import { presentBasket, presentMovement } from './baskets-view.ts';
import { loadSettings } from './settings.ts';

/** States a basket can be written off from: lost (not charged) or at the bakery (broken). */
const WRITE_OFF_FROM = ['perdida', 'disponible'] as const;

/** The admin writes a basket off ("baja") with a reason: a lost one nobody pays, or a broken one. */
export async function writeOffBasket(platform: Platform, actor: Actor, id: string, reason: string) {
  const settings = await loadSettings(platform);
  const now = platform.clock.now();
  const at = now.toISOString();
  const movementId = newId();
  return platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const basket = await findBasket(db, id);
    if (!basket) throw notFound('bakery_basket', id);
    const refused = (status: string) => conflict('BASKET_NOT_LOST', { code: basket.code, status });
    if (!(WRITE_OFF_FROM as readonly string[]).includes(basket.status)) throw refused(basket.status);
    const changed = await updateBasketIf(
      db,
      id,
      { version: basket.version, statuses: [basket.status] },
      { status: 'baja', holder_id: null, closed_at: at, last_movement_id: movementId, updated_at: at },
    );
    if (!changed) throw refused((await findBasket(db, id))!.status);
    await insertMovement(db, {
      id: movementId,
      basket_id: id,
      kind: 'baja',
      seller_id: basket.holder_id,
      user_id: actor.userId,
      username: actor.username,
      at,
      business_date: businessDate(now, settings.timezone),
      amount_cents: null,
      note: reason,
      prev_status: basket.status,
      prev_holder_id: basket.holder_id,
      prev_lent_at: basket.lent_at,
      prev_lent_date: basket.lent_date,
      prev_lost_at: basket.lost_at,
      prev_movement_id: basket.last_movement_id,
      prev_charged_cents: basket.charged_cents,
      prev_closed_at: basket.closed_at,
      undone_at: null,
      undone_by: null,
    });
    await platform.audit(trx, actor, {
      entity: 'bakery_basket',
      entityId: id,
      action: 'write_off',
      before: { code: basket.code, status: basket.status, holder_id: basket.holder_id },
      after: { code: basket.code, status: 'baja', reason },
    });
    return {
      basket: presentBasket((await findBasket(db, id))!),
      movement: presentMovement((await findMovement(db, movementId))!),
    };
  });
}
