import type { Category } from '@matriz/shared/bakery/sale-math';
import { toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, isUniqueViolation } from './bakery.repo.ts';
import { findProductById, findProductsByCodes, insertProducts } from './products.repo.ts';
import type { BakeryProductsTable } from './tables.ts';
import { presentProduct } from './views.ts';

export interface ProductInput {
  code: string;
  name: string;
  price: number;
  category: Category;
  active: boolean;
}

export async function createProduct(
  platform: Platform,
  actor: Actor,
  input: ProductInput,
): Promise<BakeryProductsTable> {
  const code = input.code.toUpperCase();
  const at = platform.clock.now().toISOString();
  const product: BakeryProductsTable = {
    id: newId(),
    code,
    name: input.name,
    price_cents: toCents(input.price)!,
    category: input.category,
    active: input.active ? 1 : 0,
    created_at: at,
    updated_at: at,
  };
  await platform.db
    .transaction()
    .execute(async (trx) => {
      const db = bakeryDb(trx);
      if ((await findProductsByCodes(db, [code])).length > 0) throw conflict('PRODUCT_CODE_TAKEN', { code });
      await insertProducts(db, [product]);
      await platform.audit(trx, actor, {
        entity: 'bakery_product',
        entityId: product.id,
        action: 'create',
        after: presentProduct(product),
      });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('PRODUCT_CODE_TAKEN', { code });
      throw error;
    });
  return (await findProductById(bakeryDb(platform.db), product.id))!;
}
