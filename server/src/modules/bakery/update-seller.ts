import { percentToBasisPoints } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { findSeller, type SellerRow, updateSeller, updateSellerName } from './sellers.repo.ts';
import { presentSeller } from './views.ts';

export interface SellerChanges {
  fullName?: string;
  commissionPanaderia?: number;
  commissionBizcocheria?: number;
  active?: boolean;
}

/** New rates apply to sales generated from now on; confirmed sales keep the rate they were made with. */
export async function editSeller(
  platform: Platform,
  actor: Actor,
  id: string,
  changes: SellerChanges,
): Promise<SellerRow> {
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const before = await findSeller(db, id);
    if (!before) throw notFound('bakery_seller', id);
    await updateSeller(db, id, {
      ...(changes.commissionPanaderia !== undefined && {
        commission_panaderia_bp: percentToBasisPoints(changes.commissionPanaderia)!,
      }),
      ...(changes.commissionBizcocheria !== undefined && {
        commission_bizcocheria_bp: percentToBasisPoints(changes.commissionBizcocheria)!,
      }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      updated_at: at,
    });
    if (changes.fullName !== undefined) await updateSellerName(db, id, changes.fullName, at);
    await platform.audit(trx, actor, {
      entity: 'bakery_seller',
      entityId: id,
      action: changes.active === false ? 'deactivate' : 'update',
      before: presentSeller(before),
      after: presentSeller((await findSeller(db, id))!),
    });
  });
  return (await findSeller(bakeryDb(platform.db), id))!;
}
