import type { ScanMovement } from '@matriz/shared/api/bakery-baskets';
import { normalizeBasketCode } from '@matriz/shared/bakery/basket-code';
import type { Actor } from '../../platform/audit/audit.ts';
import { businessDate } from '../../platform/clock.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { checkBasketCode, loadBasketSettings } from './basket-settings.ts';
import {
  type BasketRow,
  findBasketByCode,
  findMovement,
  insertBasketIfMissing,
  insertMovement,
  updateBasketIf,
} from './baskets.repo.ts';
import { presentBasket, presentMovement } from './baskets-view.ts';
import { findSeller } from './sellers.repo.ts';
import { loadSettings } from './settings.ts';

export interface ScanInput {
  code: string;
  sellerId: string;
  movement: ScanMovement;
}

/** Attempts at the conditional update before giving up (only other writers on the same basket retry). */
const ATTEMPTS = 5;

/** Why this scan cannot apply to the basket as it is now, or null when it can. */
function refusal(basket: BasketRow, input: ScanInput, sellerName: string): AppError | null {
  if (input.movement === 'sale') {
    if (basket.status === 'disponible') return null;
    return conflict('BASKET_NOT_AVAILABLE', {
      code: basket.code,
      status: basket.status,
      holder: basket.holder_name ?? '—',
      holder_id: basket.holder_id,
    });
  }
  // A lost basket that turns up with its seller is a return like any other.
  if (basket.status !== 'prestada' && basket.status !== 'perdida') {
    return conflict('BASKET_NOT_LENT', { code: basket.code, status: basket.status });
  }
  if (basket.holder_id !== input.sellerId) {
    return conflict('BASKET_OTHER_SELLER', {
      code: basket.code,
      holder: basket.holder_name ?? '—',
      holder_id: basket.holder_id,
      seller: sellerName,
    });
  }
  return null;
}

/**
 * One scan at the dispatch door: "sale" lends the basket to the seller, "entra" takes it back. A known
 * code is taken as it is, even if the operator's rule changed since it was registered; an unknown code
 * must pass the current rule and is registered on this first scan (insert … on conflict do nothing).
 * The state change itself is a conditional update on the version read, so two scans of the same basket
 * can never both apply.
 */
export async function scanBasket(platform: Platform, actor: Actor, input: ScanInput) {
  const [basketSettings, settings] = await Promise.all([
    loadBasketSettings(platform),
    loadSettings(platform),
  ]);
  const code = normalizeBasketCode(input.code);
  const now = platform.clock.now();
  const at = now.toISOString();
  const date = businessDate(now, settings.timezone);
  const movementId = newId();

  const result = await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const seller = await findSeller(db, input.sellerId);
    if (!seller) throw notFound('bakery_seller', input.sellerId);
    if (input.movement === 'sale' && (seller.active !== 1 || seller.user_active !== 1)) {
      throw new AppError('SELLER_INACTIVE', 422, { seller: seller.username });
    }
    if (!(await findBasketByCode(db, code))) checkBasketCode(code, basketSettings.codeRule);
    const registered = await insertBasketIfMissing(db, {
      id: newId(),
      code,
      colour: null,
      size: null,
      status: 'disponible',
      holder_id: null,
      lent_at: null,
      lent_date: null,
      lost_at: null,
      charged_cents: null,
      closed_at: null,
      last_movement_id: null,
      auto_registered: 1,
      version: 0,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });

    let before: BasketRow | undefined;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = (await findBasketByCode(db, code))!;
      const refused = refusal(current, input, seller.full_name);
      if (refused) throw refused;
      const changed = await updateBasketIf(
        db,
        current.id,
        { version: current.version, statuses: [current.status] },
        input.movement === 'sale'
          ? {
              status: 'prestada',
              holder_id: input.sellerId,
              lent_at: at,
              lent_date: date,
              lost_at: null,
              last_movement_id: movementId,
              updated_at: at,
            }
          : {
              status: 'disponible',
              holder_id: null,
              lent_at: null,
              lent_date: null,
              lost_at: null,
              last_movement_id: movementId,
              updated_at: at,
            },
      );
      if (changed) {
        before = current;
        break;
      }
    }
    if (!before) throw conflict('BASKET_BUSY', { code });

    await insertMovement(db, {
      id: movementId,
      basket_id: before.id,
      kind: input.movement,
      seller_id: input.sellerId,
      user_id: actor.userId,
      username: actor.username,
      at,
      business_date: date,
      amount_cents: null,
      note: null,
      prev_status: before.status,
      prev_holder_id: before.holder_id,
      prev_lent_at: before.lent_at,
      prev_lent_date: before.lent_date,
      prev_lost_at: before.lost_at,
      prev_movement_id: before.last_movement_id,
      undone_at: null,
      undone_by: null,
    });
    if (registered) {
      await platform.audit(trx, actor, {
        entity: 'bakery_basket',
        entityId: before.id,
        action: 'register',
        after: { code, auto_registered: true },
      });
    }
    await platform.audit(trx, actor, {
      entity: 'bakery_basket',
      entityId: before.id,
      action: input.movement === 'sale' ? 'lend' : 'return',
      before: { code, status: before.status, holder_id: before.holder_id },
      after: {
        code,
        status: input.movement === 'sale' ? 'prestada' : 'disponible',
        holder_id: input.movement === 'sale' ? input.sellerId : null,
        seller_id: input.sellerId,
        movement_id: movementId,
      },
    });
    const basket = (await findBasketByCode(db, code))!;
    const movement = (await findMovement(db, movementId))!;
    return { basket: presentBasket(basket, date), movement: presentMovement(movement), registered };
  });
  return result;
}
