import type { Category } from '@matriz/shared/bakery/sale-math';
import { likeContains } from '../../platform/db/sql.ts';
import type { BakeryDb } from './bakery.repo.ts';
import type { BakeryProductsTable } from './tables.ts';

export interface ProductFilter {
  q?: string;
  category?: Category;
  active?: boolean;
}

export async function listProducts(db: BakeryDb, filter: ProductFilter = {}): Promise<BakeryProductsTable[]> {
  let query = db.selectFrom('bakery_products').selectAll();
  if (filter.q) {
    const pattern = likeContains(filter.q.toLowerCase());
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['code']), 'like', pattern), eb(eb.fn('lower', ['name']), 'like', pattern)]),
    );
  }
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
  return query.orderBy('code').execute();
}

export async function findProductById(db: BakeryDb, id: string): Promise<BakeryProductsTable | undefined> {
  return db.selectFrom('bakery_products').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProductsByCodes(db: BakeryDb, codes: string[]): Promise<BakeryProductsTable[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('bakery_products').selectAll().where('code', 'in', codes).execute();
}

export async function findProductsByIds(db: BakeryDb, ids: string[]): Promise<BakeryProductsTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('bakery_products').selectAll().where('id', 'in', ids).execute();
}

export async function insertProducts(db: BakeryDb, products: BakeryProductsTable[]): Promise<void> {
  if (products.length === 0) return;
  await db.insertInto('bakery_products').values(products).execute();
}

export async function updateProduct(
  db: BakeryDb,
  id: string,
  changes: Partial<BakeryProductsTable>,
): Promise<void> {
  await db.updateTable('bakery_products').set(changes).where('id', '=', id).execute();
}

export async function deleteProductRow(db: BakeryDb, id: string): Promise<void> {
  await db.deleteFrom('bakery_products').where('id', '=', id).execute();
}

export async function productIsReferenced(db: BakeryDb, id: string): Promise<boolean> {
  const inDocuments = await db
    .selectFrom('bakery_document_lines')
    .select('product_id')
    .where('product_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (inDocuments) return true;
  const inSales = await db
    .selectFrom('bakery_sale_lines')
    .select('product_id')
    .where('product_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return inSales !== undefined;
}
