import type { BakeryDb } from './bakery.repo.ts';
import type { BakerySellersTable } from './tables.ts';

export interface SellerRow extends BakerySellersTable {
  username: string;
  full_name: string;
  user_active: number;
}

function sellersQuery(db: BakeryDb) {
  return db
    .selectFrom('bakery_sellers as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.user_id',
      's.commission_panaderia_bp',
      's.commission_bizcocheria_bp',
      's.active',
      's.created_at',
      's.updated_at',
      'u.username',
      'u.full_name',
      'u.active as user_active',
    ]);
}

export async function listSellers(
  db: BakeryDb,
  filter: { active?: boolean; sellerId?: string } = {},
): Promise<SellerRow[]> {
  let query = sellersQuery(db);
  if (filter.active !== undefined) query = query.where('s.active', '=', filter.active ? 1 : 0);
  if (filter.sellerId) query = query.where('s.user_id', '=', filter.sellerId);
  return query.orderBy('u.username').execute();
}

export async function findSeller(db: BakeryDb, userId: string): Promise<SellerRow | undefined> {
  return sellersQuery(db).where('s.user_id', '=', userId).executeTakeFirst();
}

export async function insertSellers(db: BakeryDb, sellers: BakerySellersTable[]): Promise<void> {
  if (sellers.length === 0) return;
  await db.insertInto('bakery_sellers').values(sellers).execute();
}

export async function updateSeller(
  db: BakeryDb,
  userId: string,
  changes: Partial<BakerySellersTable>,
): Promise<void> {
  await db.updateTable('bakery_sellers').set(changes).where('user_id', '=', userId).execute();
}

export async function updateSellerName(
  db: BakeryDb,
  userId: string,
  fullName: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ full_name: fullName, updated_at: at })
    .where('id', '=', userId)
    .execute();
}
