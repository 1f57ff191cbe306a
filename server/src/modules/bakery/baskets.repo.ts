import type { BasketStatus } from '@matriz/shared/api/bakery-baskets';
import { sql } from 'kysely';
import { countAll, sumCents } from '../../platform/db/sql.ts';
import type { BakeryDb } from './bakery.repo.ts';
import type { BakeryBasketMovementsTable, BakeryBasketsTable } from './tables.ts';

export interface BasketRow extends BakeryBasketsTable {
  holder_name: string | null;
}

export interface MovementRow extends BakeryBasketMovementsTable {
  basket_code: string;
  seller_name: string | null;
}

function basketsQuery(db: BakeryDb) {
  return db
    .selectFrom('bakery_baskets as b')
    .leftJoin('users as h', 'h.id', 'b.holder_id')
    .selectAll('b')
    .select('h.full_name as holder_name');
}

function movementsQuery(db: BakeryDb) {
  return db
    .selectFrom('bakery_basket_movements as m')
    .innerJoin('bakery_baskets as b', 'b.id', 'm.basket_id')
    .leftJoin('users as s', 's.id', 'm.seller_id')
    .selectAll('m')
    .select(['b.code as basket_code', 's.full_name as seller_name']);
}

export async function findBasket(db: BakeryDb, id: string): Promise<BasketRow | undefined> {
  return basketsQuery(db).where('b.id', '=', id).executeTakeFirst();
}

export async function findBasketByCode(db: BakeryDb, code: string): Promise<BasketRow | undefined> {
  return basketsQuery(db).where('b.code', '=', code).executeTakeFirst();
}

/** Registers the basket unless its code exists; true when this call created it. */
export async function insertBasketIfMissing(db: BakeryDb, basket: BakeryBasketsTable): Promise<boolean> {
  const inserted = await db
    .insertInto('bakery_baskets')
    .values(basket)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function insertBaskets(db: BakeryDb, baskets: BakeryBasketsTable[]): Promise<void> {
  for (let i = 0; i < baskets.length; i += 200)
    await db
      .insertInto('bakery_baskets')
      .values(baskets.slice(i, i + 200))
      .execute();
}

/**
 * The only way a basket's state changes: conditional on the version read and on the states the
 * change starts from. False when another transaction got there first (nothing was written).
 */
export async function updateBasketIf(
  db: BakeryDb,
  id: string,
  expected: { version: number; statuses: readonly BasketStatus[] },
  changes: Partial<Omit<BakeryBasketsTable, 'id' | 'code' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('bakery_baskets')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expected.version)
    .where('status', 'in', [...expected.statuses])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Puts a basket back as it was before `movementId`, only if that is still its latest movement. */
export async function restoreBasketIf(
  db: BakeryDb,
  id: string,
  movementId: string,
  changes: Partial<Omit<BakeryBasketsTable, 'id' | 'code' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('bakery_baskets')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('last_movement_id', '=', movementId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateBasketLabels(
  db: BakeryDb,
  id: string,
  changes: Pick<Partial<BakeryBasketsTable>, 'colour' | 'size' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('bakery_baskets').set(changes).where('id', '=', id).execute();
}

export async function insertMovement(db: BakeryDb, movement: BakeryBasketMovementsTable): Promise<void> {
  await db.insertInto('bakery_basket_movements').values(movement).execute();
}

export async function insertMovements(db: BakeryDb, movements: BakeryBasketMovementsTable[]): Promise<void> {
  for (let i = 0; i < movements.length; i += 200)
    await db
      .insertInto('bakery_basket_movements')
      .values(movements.slice(i, i + 200))
      .execute();
}

export async function findMovement(db: BakeryDb, id: string): Promise<MovementRow | undefined> {
  return movementsQuery(db).where('m.id', '=', id).executeTakeFirst();
}

/** The user's latest scan ("sale" or "entra"), undone or not: undoing never reaches further back. */
export async function lastScanOf(db: BakeryDb, userId: string): Promise<MovementRow | undefined> {
  return movementsQuery(db)
    .where('m.user_id', '=', userId)
    .where('m.kind', 'in', ['sale', 'entra'])
    .orderBy('m.at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function markMovementUndone(
  db: BakeryDb,
  id: string,
  at: string,
  userId: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('bakery_basket_movements')
    .set({ undone_at: at, undone_by: userId })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function movementsOfBasket(db: BakeryDb, basketId: string): Promise<MovementRow[]> {
  return movementsQuery(db).where('m.basket_id', '=', basketId).orderBy('m.at').orderBy('m.id').execute();
}

export interface BasketFilter {
  status?: BasketStatus;
  statuses?: readonly BasketStatus[];
  sellerId?: string;
  code?: string;
  /** Only baskets that were ever marked lost (lost, then charged or written off). */
  lostOnly?: boolean;
  page: number;
  pageSize: number;
}

export async function listBaskets(
  db: BakeryDb,
  filter: BasketFilter,
): Promise<{ items: BasketRow[]; total: number }> {
  let query = basketsQuery(db);
  if (filter.status) query = query.where('b.status', '=', filter.status);
  if (filter.statuses) query = query.where('b.status', 'in', [...filter.statuses]);
  if (filter.sellerId) query = query.where('b.holder_id', '=', filter.sellerId);
  if (filter.code) query = query.where('b.code', '=', filter.code);
  if (filter.lostOnly) query = query.where('b.lost_at', 'is not', null);
  const [{ total }] = await query.clearSelect().select(countAll().as('total')).execute();
  const items = await query
    .orderBy('h.full_name')
    .orderBy('b.lent_at')
    .orderBy('b.code')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total: Number(total) };
}

/** Lent baskets whose loan started on or before `lentOnOrBefore` (a business date). */
export async function overdueBaskets(db: BakeryDb, lentOnOrBefore: string, limit: number) {
  return db
    .selectFrom('bakery_baskets')
    .select(['id', 'code', 'holder_id', 'lent_at', 'lent_date', 'version', 'last_movement_id'])
    .where('status', '=', 'prestada')
    .where('lent_date', '<=', lentOnOrBefore)
    .orderBy('lent_date')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export interface DayRow {
  seller_id: string;
  seller_name: string;
  lent: number;
  returned: number;
  out: number;
  lost: number;
  charged_cents: number;
  /** Charges given back that day because the basket came back. */
  credited_cents: number;
}

/**
 * End of day per seller: scans of that business date (undone ones excluded), what the seller holds
 * now (out = lent, lost = overdue), what was charged to them that day and what was credited back.
 */
export async function dayTotals(db: BakeryDb, date: string, sellerId?: string): Promise<DayRow[]> {
  let day = db
    .selectFrom('bakery_basket_movements')
    .select((eb) => [
      'seller_id',
      sql<number>`cast(sum(case when kind = 'sale' then 1 else 0 end) as bigint)`.as('lent'),
      sql<number>`cast(sum(case when kind = 'entra' then 1 else 0 end) as bigint)`.as('returned'),
      sumCents(eb.case().when('kind', '=', 'cobrada').then(eb.ref('amount_cents')).else(0).end()).as(
        'charged_cents',
      ),
      sumCents(eb.case().when('kind', '=', 'entra').then(eb.ref('amount_cents')).else(0).end()).as(
        'credit_cents',
      ),
    ])
    .where('business_date', '=', date)
    .where('undone_at', 'is', null)
    .where('seller_id', 'is not', null)
    .groupBy('seller_id');
  if (sellerId) day = day.where('seller_id', '=', sellerId);
  let held = db
    .selectFrom('bakery_baskets')
    .select([
      'holder_id',
      sql<number>`cast(sum(case when status = 'prestada' then 1 else 0 end) as bigint)`.as('out'),
      sql<number>`cast(sum(case when status = 'perdida' then 1 else 0 end) as bigint)`.as('lost'),
    ])
    .where('status', 'in', ['prestada', 'perdida'])
    .groupBy('holder_id');
  if (sellerId) held = held.where('holder_id', '=', sellerId);
  const [dayRows, heldRows] = await Promise.all([day.execute(), held.execute()]);
  const ids = [...new Set([...dayRows.map((r) => r.seller_id!), ...heldRows.map((r) => r.holder_id!)])];
  if (ids.length === 0) return [];
  const names = await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', ids).execute();
  const nameOf = new Map(names.map((n) => [n.id, n.full_name]));
  const dayOf = new Map(dayRows.map((r) => [r.seller_id!, r]));
  const heldOf = new Map(heldRows.map((r) => [r.holder_id!, r]));
  return ids
    .map((id) => ({
      seller_id: id,
      seller_name: nameOf.get(id) ?? id,
      lent: Number(dayOf.get(id)?.lent ?? 0),
      returned: Number(dayOf.get(id)?.returned ?? 0),
      out: Number(heldOf.get(id)?.out ?? 0),
      lost: Number(heldOf.get(id)?.lost ?? 0),
      charged_cents: Number(dayOf.get(id)?.charged_cents ?? 0),
      credited_cents: -Number(dayOf.get(id)?.credit_cents ?? 0),
    }))
    .sort((a, b) => a.seller_name.localeCompare(b.seller_name));
}

export async function countHeld(db: BakeryDb, sellerId: string, status: BasketStatus): Promise<number> {
  const row = await db
    .selectFrom('bakery_baskets')
    .select(countAll().as('n'))
    .where('holder_id', '=', sellerId)
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
