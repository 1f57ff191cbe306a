import { sql } from 'kysely';
import { countAll, sumCents } from '../../platform/db/sql.ts';
import type { BakeryDb } from './bakery.repo.ts';
import type { BakerySaleLinesTable, BakerySalesTable, SaleStatus } from './tables.ts';

export interface SaleRow extends BakerySalesTable {
  seller_name: string;
}

export interface SaleFilter {
  sellerId?: string;
  from?: string;
  to?: string;
  status?: SaleStatus;
  page: number;
  pageSize: number;
}

export async function insertSale(
  db: BakeryDb,
  sale: BakerySalesTable,
  lines: BakerySaleLinesTable[],
): Promise<void> {
  await db.insertInto('bakery_sales').values(sale).execute();
  if (lines.length > 0) await db.insertInto('bakery_sale_lines').values(lines).execute();
}

export async function insertSalesWithLines(
  db: BakeryDb,
  sales: BakerySalesTable[],
  lines: BakerySaleLinesTable[],
): Promise<void> {
  for (let i = 0; i < sales.length; i += 500)
    await db
      .insertInto('bakery_sales')
      .values(sales.slice(i, i + 500))
      .execute();
  for (let i = 0; i < lines.length; i += 500)
    await db
      .insertInto('bakery_sale_lines')
      .values(lines.slice(i, i + 500))
      .execute();
}

function salesQuery(db: BakeryDb) {
  return db
    .selectFrom('bakery_sales as s')
    .innerJoin('users as u', 'u.id', 's.seller_id')
    .selectAll('s')
    .select('u.full_name as seller_name');
}

export async function findSale(db: BakeryDb, id: string, sellerId?: string): Promise<SaleRow | undefined> {
  let query = salesQuery(db).where('s.id', '=', id);
  if (sellerId) query = query.where('s.seller_id', '=', sellerId);
  return query.executeTakeFirst();
}

export async function findLiveSale(
  db: BakeryDb,
  sellerId: string,
  date: string,
): Promise<SaleRow | undefined> {
  return salesQuery(db)
    .where('s.seller_id', '=', sellerId)
    .where('s.sale_date', '=', date)
    .where('s.status', '=', 'confirmada')
    .executeTakeFirst();
}

export async function saleLines(db: BakeryDb, saleId: string): Promise<BakerySaleLinesTable[]> {
  return db
    .selectFrom('bakery_sale_lines')
    .selectAll()
    .where('sale_id', '=', saleId)
    .orderBy('product_code')
    .execute();
}

export interface SaleSums {
  value_cents: number;
  commission_cents: number;
  payable_cents: number;
}

/**
 * A page of sales, newest day first, and the sums of every confirmed sale the filter matches (not only
 * this page's; annulled ones count for nothing).
 */
export async function listSales(
  db: BakeryDb,
  filter: SaleFilter,
): Promise<{ items: SaleRow[]; total: number; confirmed: SaleSums }> {
  let query = salesQuery(db);
  if (filter.sellerId) query = query.where('s.seller_id', '=', filter.sellerId);
  if (filter.from) query = query.where('s.sale_date', '>=', filter.from);
  if (filter.to) query = query.where('s.sale_date', '<=', filter.to);
  if (filter.status) query = query.where('s.status', '=', filter.status);
  const total = await query.clearSelect().select(countAll().as('n')).executeTakeFirstOrThrow();
  const sums = await query
    .clearSelect()
    .select([
      sumCents('s.value_cents').as('value_cents'),
      sumCents('s.commission_cents').as('commission_cents'),
      sumCents('s.payable_cents').as('payable_cents'),
    ])
    .where('s.status', '=', 'confirmada')
    .executeTakeFirstOrThrow();
  const items = await query
    .orderBy('s.sale_date', 'desc')
    .orderBy('u.full_name')
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    items,
    total: Number(total.n),
    confirmed: {
      value_cents: Number(sums.value_cents),
      commission_cents: Number(sums.commission_cents),
      payable_cents: Number(sums.payable_cents),
    },
  };
}

/** Confirmed → annulled exactly once; false when it was already annulled. */
export async function markSaleAnnulled(
  db: BakeryDb,
  id: string,
  reason: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('bakery_sales')
    .set({ status: 'anulada', annul_reason: reason, annulled_at: at })
    .where('id', '=', id)
    .where('status', '=', 'confirmada')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface SalesRange {
  from: string;
  to: string;
  sellerId?: string;
}

/** Confirmed sales per seller in a date range. */
export async function totalsBySeller(db: BakeryDb, range: SalesRange) {
  let query = db
    .selectFrom('bakery_sales')
    .select([
      'seller_id',
      sumCents('value_cents').as('value_cents'),
      sumCents('commission_cents').as('commission_cents'),
      sumCents('payable_cents').as('payable_cents'),
      countAll().as('sales'),
    ])
    .where('status', '=', 'confirmada')
    .where('sale_date', '>=', range.from)
    .where('sale_date', '<=', range.to);
  if (range.sellerId) query = query.where('seller_id', '=', range.sellerId);
  return query.groupBy('seller_id').execute();
}

export async function totalsByDate(db: BakeryDb, range: SalesRange) {
  let query = db
    .selectFrom('bakery_sales')
    .select([
      'sale_date',
      sumCents('value_cents').as('value_cents'),
      sumCents('commission_cents').as('commission_cents'),
      sumCents('payable_cents').as('payable_cents'),
    ])
    .where('status', '=', 'confirmada')
    .where('sale_date', '>=', range.from)
    .where('sale_date', '<=', range.to);
  if (range.sellerId) query = query.where('seller_id', '=', range.sellerId);
  return query.groupBy('sale_date').orderBy('sale_date').execute();
}

const noCategory = sql<string | null>`null`;

export type ReportGrouping = 'product' | 'category' | 'seller' | 'date';

/** Sale lines of confirmed sales, summed by the chosen key, for the reports. */
export async function reportRows(db: BakeryDb, range: SalesRange, group: ReportGrouping) {
  let query = db
    .selectFrom('bakery_sale_lines as l')
    .innerJoin('bakery_sales as s', 's.id', 'l.sale_id')
    .innerJoin('users as u', 'u.id', 's.seller_id')
    .where('s.status', '=', 'confirmada')
    .where('s.sale_date', '>=', range.from)
    .where('s.sale_date', '<=', range.to);
  if (range.sellerId) query = query.where('s.seller_id', '=', range.sellerId);
  const sums = [
    sumCents('l.quantity').as('quantity'),
    sumCents('l.value_cents').as('value_cents'),
    sumCents('l.commission_cents').as('commission_cents'),
    sumCents('l.payable_cents').as('payable_cents'),
  ] as const;
  switch (group) {
    case 'product':
      return query
        .select(['l.product_code as key', 'l.product_name as label', 'l.category as category', ...sums])
        .groupBy(['l.product_code', 'l.product_name', 'l.category'])
        .orderBy('l.product_code')
        .execute();
    case 'category':
      return query
        .select(['l.category as key', 'l.category as label', 'l.category as category', ...sums])
        .groupBy('l.category')
        .orderBy('l.category')
        .execute();
    case 'seller':
      return query
        .select(['u.username as key', 'u.full_name as label', noCategory.as('category'), ...sums])
        .groupBy(['u.username', 'u.full_name'])
        .orderBy('u.username')
        .execute();
    case 'date':
      return query
        .select(['s.sale_date as key', 's.sale_date as label', noCategory.as('category'), ...sums])
        .groupBy('s.sale_date')
        .orderBy('s.sale_date')
        .execute();
  }
}
