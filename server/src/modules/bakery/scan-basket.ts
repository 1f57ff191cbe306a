import type { BasketStatus, ScanMovement } from '@matriz/shared/api/bakery-baskets';
import { normalizeBasketCode } from '@matriz/shared/bakery/basket-code';
import type { Actor } from '../../platform/audit/audit.ts';
import { businessDate } from '../../platform/clock.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { type BakeryDb, bakeryDb } from './bakery.repo.ts';
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

interface Holder {
  id: string | null;
  name: string | null;
}

/** Who has the basket out: its holder or, for one written off while lost, the seller it was lost with. */
async function holderOf(db: BakeryDb, basket: BasketRow): Promise<Holder> {
  if (basket.status !== 'baja' || !basket.last_movement_id) {
    return { id: basket.holder_id, name: basket.holder_name };
  }
  // A broken basket written off at the bakery was never out: its write-off names no seller.
  const writeOff = await findMovement(db, basket.last_movement_id);
  return { id: writeOff?.seller_id ?? null, name: writeOff?.seller_name ?? null };
}

/** States a basket is taken back from: lent, lost, and lost ones already charged or written off. */
const RETURNABLE: readonly BasketStatus[] = ['prestada', 'perdida', 'cobrada', 'baja'];

/** Why this scan cannot apply to the basket as it is now, or null when it can. */
async function refusal(
  db: BakeryDb,
  basket: BasketRow,
  input: ScanInput,
  sellerName: string,
): Promise<AppError | null> {
  if (input.movement === 'sale') {
    if (basket.status === 'disponible') return null;
    return conflict('BASKET_NOT_AVAILABLE', {
      code: basket.code,
      status: basket.status,
      holder: basket.holder_name ?? '—',
      holder_id: basket.holder_id,
    });
  }
  const holder = await holderOf(db, basket);
  if (!RETURNABLE.includes(basket.status) || !holder.id) {
    return conflict('BASKET_NOT_LENT', { code: basket.code, status: basket.status });
  }
  if (holder.id !== input.sellerId) {
    return conflict('BASKET_OTHER_SELLER', {
      code: basket.code,
      holder: holder.name ?? '—',
      holder_id: holder.id,
      seller: sellerName,
    });
  }
  return null;
}

/** A charged basket that comes back gives the seller the whole charge back: a negative amount. */
const creditOf = (basket: BasketRow): number | null =>
  basket.status === 'cobrada' && basket.charged_cents !== null ? -Number(basket.charged_cents) : null;

/**
 * One scan at the dispatch door: "sale" lends the basket to the seller, "entra" takes it back. A known
 * code is taken as it is, even if the operator's rule changed since it was registered; an unknown code
 * must pass the current rule and is registered on this first scan (insert … on conflict do nothing).
 * The state change itself is a conditional update on the version read, so two scans of the same basket
 * can never both apply. A lost basket charged to its seller or written off that turns up is taken back
 * from that seller like any other; the return credits the charge in full, once.
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
      const refused = await refusal(db, current, input, seller.full_name);
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
              charged_cents: null,
              closed_at: null,
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
    const credit = input.movement === 'entra' ? creditOf(before) : null;

    await insertMovement(db, {
      id: movementId,
      basket_id: before.id,
      kind: input.movement,
      seller_id: input.sellerId,
      user_id: actor.userId,
      username: actor.username,
      at,
      business_date: date,
      amount_cents: credit,
      note: null,
      prev_status: before.status,
      prev_holder_id: before.holder_id,
      prev_lent_at: before.lent_at,
      prev_lent_date: before.lent_date,
      prev_lost_at: before.lost_at,
      prev_movement_id: before.last_movement_id,
      prev_charged_cents: before.charged_cents,
      prev_closed_at: before.closed_at,
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
    const closed = before.status === 'cobrada' || before.status === 'baja';
    await platform.audit(trx, actor, {
      entity: 'bakery_basket',
      entityId: before.id,
      action: input.movement === 'sale' ? 'lend' : closed ? 'recover' : 'return',
      before: {
        code,
        status: before.status,
        holder_id: before.holder_id,
        ...(closed && { charged_cents: before.charged_cents, closed_movement_id: before.last_movement_id }),
      },
      after: {
        code,
        status: input.movement === 'sale' ? 'prestada' : 'disponible',
        holder_id: input.movement === 'sale' ? input.sellerId : null,
        seller_id: input.sellerId,
        movement_id: movementId,
        ...(credit !== null && { credited_cents: -credit }),
      },
    });
    const basket = (await findBasketByCode(db, code))!;
    const movement = (await findMovement(db, movementId))!;
    return {
      basket: presentBasket(basket, date),
      movement: presentMovement(movement),
      registered,
      previous_status: before.status,
    };
  });
  return result;
}
