import type { Actor } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { checkBasketCode, loadBasketSettings } from './basket-settings.ts';
import { findBasket, insertBasketIfMissing } from './baskets.repo.ts';
import { presentBasket } from './baskets-view.ts';

/** The admin registers a basket ahead of its first scan, with its colour and size. */
export async function registerBasket(
  platform: Platform,
  actor: Actor,
  input: { code: string; colour: string | null; size: string | null },
) {
  const { codeRule } = await loadBasketSettings(platform);
  const code = checkBasketCode(input.code, codeRule);
  const at = platform.clock.now().toISOString();
  const id = newId();
  return platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const created = await insertBasketIfMissing(db, {
      id,
      code,
      colour: input.colour || null,
      size: input.size || null,
      status: 'disponible',
      holder_id: null,
      lent_at: null,
      lent_date: null,
      lost_at: null,
      charged_cents: null,
      closed_at: null,
      last_movement_id: null,
      auto_registered: 0,
      version: 0,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    if (!created) throw conflict('BASKET_CODE_TAKEN', { code });
    const basket = (await findBasket(db, id))!;
    await platform.audit(trx, actor, {
      entity: 'bakery_basket',
      entityId: id,
      action: 'register',
      after: { code: basket.code, colour: basket.colour, size: basket.size },
    });
    return presentBasket(basket);
  });
}
