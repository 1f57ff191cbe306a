import type { Actor } from '../../platform/audit/audit.ts';
import { businessDate } from '../../platform/clock.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { loadBasketSettings } from './basket-settings.ts';
import { findBasket, findMovement, insertMovement, updateBasketIf } from './baskets.repo.ts';
import { presentBasket, presentMovement } from './baskets-view.ts';
import { loadSettings } from './settings.ts';

/**
 * The admin charges a lost basket to the seller who had it: the amount (default from the settings)
 * is recorded on a "cobrada" movement for that seller's settlement, and the basket is closed.
 */
export async function chargeBasket(
  platform: Platform,
  actor: Actor,
  id: string,
  input: { amountCents?: number; note: string },
) {
  const [basketSettings, settings] = await Promise.all([
    loadBasketSettings(platform),
    loadSettings(platform),
  ]);
  const amountCents = input.amountCents ?? basketSettings.defaultChargeCents;
  const now = platform.clock.now();
  const at = now.toISOString();
  const movementId = newId();
  return platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const basket = await findBasket(db, id);
    if (!basket) throw notFound('bakery_basket', id);
    const notLost = (status: string) => conflict('BASKET_NOT_LOST', { code: basket.code, status });
    if (basket.status !== 'perdida') throw notLost(basket.status);
    const changed = await updateBasketIf(
      db,
      id,
      { version: basket.version, statuses: ['perdida'] },
      {
        status: 'cobrada',
        charged_cents: amountCents,
        closed_at: at,
        last_movement_id: movementId,
        updated_at: at,
      },
    );
    if (!changed) throw notLost((await findBasket(db, id))!.status);
    await insertMovement(db, {
      id: movementId,
      basket_id: id,
      kind: 'cobrada',
      seller_id: basket.holder_id,
      user_id: actor.userId,
      username: actor.username,
      at,
      business_date: businessDate(now, settings.timezone),
      amount_cents: amountCents,
      note: input.note || null,
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
      action: 'charge',
      before: { code: basket.code, status: basket.status, holder_id: basket.holder_id },
      after: { code: basket.code, status: 'cobrada', seller_id: basket.holder_id, amount_cents: amountCents },
    });
    return {
      basket: presentBasket((await findBasket(db, id))!),
      movement: presentMovement((await findMovement(db, movementId))!),
    };
  });
}
