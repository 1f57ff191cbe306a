import type { Actor } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { deleteProductRow, findProductById, productIsReferenced } from './products.repo.ts';
import { presentProduct } from './views.ts';

/** A product that appears in any document or sale stays for history; it can only be deactivated. */
export async function deleteProduct(platform: Platform, actor: Actor, id: string): Promise<void> {
  await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const product = await findProductById(db, id);
    if (!product) throw notFound('bakery_product', id);
    if (await productIsReferenced(db, id)) throw conflict('PRODUCT_IN_USE', { code: product.code });
    await deleteProductRow(db, id);
    await platform.audit(trx, actor, {
      entity: 'bakery_product',
      entityId: id,
      action: 'delete',
      before: presentProduct(product),
    });
  });
}
