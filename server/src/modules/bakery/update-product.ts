import { toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, isUniqueViolation } from './bakery.repo.ts';
import type { ProductInput } from './create-product.ts';
import { findProductById, updateProduct } from './products.repo.ts';
import type { BakeryProductsTable } from './tables.ts';
import { presentProduct } from './views.ts';

/** A price change applies to sales generated from now on; confirmed sales keep their own price. */
export async function editProduct(
  platform: Platform,
  actor: Actor,
  id: string,
  changes: Partial<ProductInput>,
): Promise<BakeryProductsTable> {
  const code = changes.code?.toUpperCase();
  await platform.db
    .transaction()
    .execute(async (trx) => {
      const db = bakeryDb(trx);
      const before = await findProductById(db, id);
      if (!before) throw notFound('bakery_product', id);
      await updateProduct(db, id, {
        ...(code !== undefined && { code }),
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.price !== undefined && { price_cents: toCents(changes.price)! }),
        ...(changes.category !== undefined && { category: changes.category }),
        ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
        updated_at: platform.clock.now().toISOString(),
      });
      const after = (await findProductById(db, id))!;
      await platform.audit(trx, actor, {
        entity: 'bakery_product',
        entityId: id,
        action: 'update',
        before: presentProduct(before),
        after: presentProduct(after),
      });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('PRODUCT_CODE_TAKEN', { code });
      throw error;
    });
  return (await findProductById(bakeryDb(platform.db), id))!;
}
