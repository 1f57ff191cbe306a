import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bakery_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price_cents', 'bigint', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('panaderia', 'bizcocheria')`))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bakery_sellers')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('commission_panaderia_bp', 'integer', (c) => c.notNull())
    .addColumn('commission_bizcocheria_bp', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bakery_sales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seller_id', 'text', (c) => c.notNull().references('bakery_sellers.user_id'))
    .addColumn('sale_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('confirmada', 'anulada')`))
    .addColumn('value_cents', 'bigint', (c) => c.notNull())
    .addColumn('commission_cents', 'bigint', (c) => c.notNull())
    .addColumn('payable_cents', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('annulled_at', 'text')
    .addColumn('annul_reason', 'text')
    .execute();
  // One live sale per seller and date; an annulled one frees the slot.
  await db.schema
    .createIndex('bakery_sales_one_per_day')
    .on('bakery_sales')
    .columns(['seller_id', 'sale_date'])
    .unique()
    .where(sql.ref('status'), '=', 'confirmada')
    .execute();
  await db.schema
    .createIndex('bakery_sales_date_idx')
    .on('bakery_sales')
    .columns(['sale_date', 'seller_id'])
    .execute();

  /**
   * A pedido or extra is used once (sale_id). A devolución is used at most twice, each use its
   * own column: first as the day's return, then as the next sale's devolución anterior.
   */
  await db.schema
    .createTable('bakery_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('PD', 'EX', 'DV')`))
    .addColumn('seller_id', 'text', (c) => c.notNull().references('bakery_sellers.user_id'))
    .addColumn('doc_date', 'text', (c) => c.notNull())
    .addColumn('comments', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pendiente', 'usado', 'anulado')`))
    .addColumn('sale_id', 'text', (c) => c.references('bakery_sales.id'))
    .addColumn('used_as_return_sale_id', 'text', (c) => c.references('bakery_sales.id'))
    .addColumn('used_as_previous_sale_id', 'text', (c) => c.references('bakery_sales.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bakery_documents_seller_idx')
    .on('bakery_documents')
    .columns(['seller_id', 'status', 'doc_date'])
    .execute();

  await db.schema
    .createTable('bakery_document_lines')
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('bakery_documents.id').onDelete('cascade'),
    )
    .addColumn('product_id', 'text', (c) => c.notNull().references('bakery_products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addPrimaryKeyConstraint('bakery_document_lines_pk', ['document_id', 'product_id'])
    .execute();

  /** Price and commission rate as they were at confirmation: later catalogue changes never touch a sale. */
  await db.schema
    .createTable('bakery_sale_lines')
    .addColumn('sale_id', 'text', (c) => c.notNull().references('bakery_sales.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('bakery_products.id'))
    .addColumn('product_code', 'text', (c) => c.notNull())
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('previous_qty', 'integer', (c) => c.notNull())
    .addColumn('pedido_qty', 'integer', (c) => c.notNull())
    .addColumn('extras_qty', 'integer', (c) => c.notNull())
    .addColumn('return_qty', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 0`))
    .addColumn('unit_price_cents', 'bigint', (c) => c.notNull())
    .addColumn('commission_bp', 'integer', (c) => c.notNull())
    .addColumn('value_cents', 'bigint', (c) => c.notNull())
    .addColumn('commission_cents', 'bigint', (c) => c.notNull())
    .addColumn('payable_cents', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('bakery_sale_lines_pk', ['sale_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('bakery_calendar_overrides')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('is_business_day', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
