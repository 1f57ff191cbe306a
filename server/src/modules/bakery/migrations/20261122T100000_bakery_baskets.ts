import { type Kysely, sql } from 'kysely';

const STATUSES = sql`('disponible', 'prestada', 'perdida', 'cobrada', 'baja')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bakery_baskets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('colour', 'text')
    .addColumn('size', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${STATUSES}`))
    .addColumn('holder_id', 'text', (c) => c.references('bakery_sellers.user_id'))
    .addColumn('lent_at', 'text')
    .addColumn('lent_date', 'text')
    .addColumn('lost_at', 'text')
    .addColumn('charged_cents', 'bigint')
    .addColumn('closed_at', 'text')
    .addColumn('last_movement_id', 'text')
    .addColumn('auto_registered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A lent or lost basket always has a holder; one at the bakery never does.
    .addCheckConstraint(
      'bakery_baskets_holder',
      sql`(status in ('prestada', 'perdida', 'cobrada') and holder_id is not null) or (status in ('disponible', 'baja') and holder_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('bakery_baskets_holder_idx')
    .on('bakery_baskets')
    .columns(['holder_id', 'status'])
    .execute();
  await db.schema
    .createIndex('bakery_baskets_status_idx')
    .on('bakery_baskets')
    .columns(['status', 'lent_date'])
    .execute();

  await db.schema
    .createTable('bakery_basket_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('basket_id', 'text', (c) => c.notNull().references('bakery_baskets.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('sale', 'entra', 'perdida', 'cobrada', 'baja')`),
    )
    .addColumn('seller_id', 'text', (c) => c.references('bakery_sellers.user_id'))
    .addColumn('user_id', 'text')
    .addColumn('username', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint')
    .addColumn('note', 'text')
    .addColumn('prev_status', 'text', (c) => c.notNull())
    .addColumn('prev_holder_id', 'text')
    .addColumn('prev_lent_at', 'text')
    .addColumn('prev_lent_date', 'text')
    .addColumn('prev_lost_at', 'text')
    .addColumn('prev_movement_id', 'text')
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema
    .createIndex('bakery_basket_movements_basket_idx')
    .on('bakery_basket_movements')
    .columns(['basket_id', 'at'])
    .execute();
  await db.schema
    .createIndex('bakery_basket_movements_day_idx')
    .on('bakery_basket_movements')
    .columns(['business_date', 'seller_id'])
    .execute();
  await db.schema
    .createIndex('bakery_basket_movements_user_idx')
    .on('bakery_basket_movements')
    .columns(['user_id', 'at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
