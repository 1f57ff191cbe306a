import type { Actor } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { type DocumentRow, findDocument, updateUnusedDocument } from './documents.repo.ts';
import { findSeller } from './sellers.repo.ts';

/** A document registered under the wrong seller moves to the right one, while still unused. */
export async function reassignDocument(
  platform: Platform,
  actor: Actor,
  id: string,
  sellerId: string,
  reason: string,
): Promise<DocumentRow> {
  await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const before = await findDocument(db, id);
    if (!before) throw notFound('bakery_document', id);
    const seller = await findSeller(db, sellerId);
    if (!seller) throw notFound('bakery_seller', sellerId);
    const changed = await updateUnusedDocument(db, id, {
      seller_id: sellerId,
      updated_at: platform.clock.now().toISOString(),
    });
    if (!changed) throw conflict('DOCUMENT_USED', { code: before.code, status: before.status });
    await platform.audit(trx, actor, {
      entity: 'bakery_document',
      entityId: id,
      action: 'reassign',
      before: { code: before.code, seller_id: before.seller_id, seller_name: before.seller_name },
      after: { code: before.code, seller_id: sellerId, seller_name: seller.full_name, reason },
    });
  });
  return (await findDocument(bakeryDb(platform.db), id))!;
}
