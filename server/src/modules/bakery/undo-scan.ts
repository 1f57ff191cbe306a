import { SCAN_UNDO_MINUTES } from '@matriz/shared/api/bakery-baskets';
import type { Actor } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { findBasket, findMovement, lastScanOf, markMovementUndone, restoreBasketIf } from './baskets.repo.ts';
import { presentBasket, presentMovement } from './baskets-view.ts';

/**
 * Reverses the scan the user confirmed, only if it is still their very last scan, made within the
 * last few minutes, and nothing else has happened to that basket since (its latest movement is still
 * that scan). One level only: once undone, the scan before it stays. The movement stays in the
 * history, marked undone (a return's credit of a charge no longer counts); audited.
 */
export async function undoLastScan(platform: Platform, actor: Actor, userId: string, movementId: string) {
  const now = platform.clock.now();
  const at = now.toISOString();
  return platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const last = await lastScanOf(db, userId);
    if (!last) throw conflict('SCAN_NOTHING_TO_UNDO');
    if (last.id !== movementId) {
      const asked = await findMovement(db, movementId);
      throw conflict('SCAN_UNDO_NOT_LAST', { code: asked?.basket_code ?? '—', last_code: last.basket_code });
    }
    if (last.undone_at) throw conflict('SCAN_UNDO_ALREADY', { code: last.basket_code });
    if (now.getTime() - Date.parse(last.at) > SCAN_UNDO_MINUTES * 60_000) {
      throw conflict('SCAN_UNDO_EXPIRED', { code: last.basket_code, minutes: SCAN_UNDO_MINUTES });
    }
    if (!(await markMovementUndone(db, last.id, at, userId))) {
      throw conflict('SCAN_UNDO_ALREADY', { code: last.basket_code });
    }
    const restored = await restoreBasketIf(db, last.basket_id, last.id, {
      status: last.prev_status,
      holder_id: last.prev_holder_id,
      lent_at: last.prev_lent_at,
      lent_date: last.prev_lent_date,
      lost_at: last.prev_lost_at,
      charged_cents: last.prev_charged_cents,
      closed_at: last.prev_closed_at,
      last_movement_id: last.prev_movement_id,
      updated_at: at,
    });
    if (!restored) throw conflict('SCAN_UNDO_STALE', { code: last.basket_code });
    await platform.audit(trx, actor, {
      entity: 'bakery_basket',
      entityId: last.basket_id,
      action: 'undo_scan',
      before: { code: last.basket_code, movement_id: last.id, kind: last.kind, seller_id: last.seller_id },
      after: { code: last.basket_code, status: last.prev_status, holder_id: last.prev_holder_id },
    });
    return {
      movement: presentMovement((await findMovement(db, last.id))!),
      basket: presentBasket((await findBasket(db, last.basket_id))!),
    };
  });
}
