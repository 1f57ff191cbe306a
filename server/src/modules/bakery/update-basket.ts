import type { Actor } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { findBasket, updateBasketLabels } from './baskets.repo.ts';
import { presentBasket } from './baskets-view.ts';

/** Colour and size are labels only: they never touch the basket's state. */
export async function updateBasket(
  platform: Platform,
  actor: Actor,
  id: string,
  changes: { colour?: string | null; size?: string | null },
) {
  const at = platform.clock.now().toISOString();
  return platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const before = await findBasket(db, id);
    if (!before) throw notFound('bakery_basket', id);
    const patch = {
      ...(changes.colour !== undefined && { colour: changes.colour || null }),
      ...(changes.size !== undefined && { size: changes.size || null }),
    };
    await updateBasketLabels(db, id, { ...patch, updated_at: at });
    await platform.audit(trx, actor, {
      entity: 'bakery_basket',
      entityId: id,
      action: 'update',
      before: { code: before.code, colour: before.colour, size: before.size },
      after: { code: before.code, ...patch },
    });
    return presentBasket((await findBasket(db, id))!);
  });
}
