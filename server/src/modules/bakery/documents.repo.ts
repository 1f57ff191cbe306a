import type { DocumentKind } from '@matriz/shared/bakery/sale-math';
import { countAll } from '../../platform/db/sql.ts';
import type { BakeryDb } from './bakery.repo.ts';
import type { BakeryDocumentLinesTable, BakeryDocumentsTable, DocumentStatus } from './tables.ts';

export interface DocumentLineRow {
  document_id: string;
  product_id: string;
  quantity: number;
  code: string;
  name: string;
  category: 'panaderia' | 'bizcocheria';
  price_cents: number;
}

export interface DocumentRow extends BakeryDocumentsTable {
  seller_name: string;
  lines: DocumentLineRow[];
}

export interface DocumentFilter {
  /** Data scope: a route seller only ever reads their own documents. */
  sellerId?: string;
  kind?: DocumentKind;
  status?: DocumentStatus;
  from?: string;
  to?: string;
  code?: string;
  page: number;
  pageSize: number;
}

export async function insertDocument(
  db: BakeryDb,
  document: BakeryDocumentsTable,
  lines: BakeryDocumentLinesTable[],
): Promise<void> {
  await db.insertInto('bakery_documents').values(document).execute();
  await db.insertInto('bakery_document_lines').values(lines).execute();
}

export async function insertDocumentsWithLines(
  db: BakeryDb,
  documents: BakeryDocumentsTable[],
  lines: BakeryDocumentLinesTable[],
): Promise<void> {
  for (let i = 0; i < documents.length; i += 500) {
    await db
      .insertInto('bakery_documents')
      .values(documents.slice(i, i + 500))
      .execute();
  }
  for (let i = 0; i < lines.length; i += 1000) {
    await db
      .insertInto('bakery_document_lines')
      .values(lines.slice(i, i + 1000))
      .execute();
  }
}

async function linesOf(db: BakeryDb, documentIds: string[]): Promise<DocumentLineRow[]> {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('bakery_document_lines as l')
    .innerJoin('bakery_products as p', 'p.id', 'l.product_id')
    .select([
      'l.document_id',
      'l.product_id',
      'l.quantity',
      'p.code',
      'p.name',
      'p.category',
      'p.price_cents',
    ])
    .where('l.document_id', 'in', documentIds)
    .orderBy('p.code')
    .execute();
}

function documentsQuery(db: BakeryDb) {
  return db
    .selectFrom('bakery_documents as d')
    .innerJoin('users as u', 'u.id', 'd.seller_id')
    .selectAll('d')
    .select('u.full_name as seller_name');
}

async function withLines(db: BakeryDb, documents: Omit<DocumentRow, 'lines'>[]): Promise<DocumentRow[]> {
  const lines = await linesOf(
    db,
    documents.map((d) => d.id),
  );
  return documents.map((d) => ({ ...d, lines: lines.filter((l) => l.document_id === d.id) }));
}

export async function findDocument(
  db: BakeryDb,
  id: string,
  sellerId?: string,
): Promise<DocumentRow | undefined> {
  let query = documentsQuery(db).where('d.id', '=', id);
  if (sellerId) query = query.where('d.seller_id', '=', sellerId);
  const document = await query.executeTakeFirst();
  return document ? (await withLines(db, [document]))[0] : undefined;
}

export async function findDocuments(db: BakeryDb, ids: string[]): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return withLines(db, await documentsQuery(db).where('d.id', 'in', ids).execute());
}

export async function listDocuments(
  db: BakeryDb,
  filter: DocumentFilter,
): Promise<{ items: DocumentRow[]; total: number }> {
  let query = documentsQuery(db);
  if (filter.sellerId) query = query.where('d.seller_id', '=', filter.sellerId);
  if (filter.kind) query = query.where('d.kind', '=', filter.kind);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  if (filter.from) query = query.where('d.doc_date', '>=', filter.from);
  if (filter.to) query = query.where('d.doc_date', '<=', filter.to);
  if (filter.code) query = query.where('d.code', '=', filter.code.toUpperCase());
  const total = await query.clearSelect().select(countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('d.doc_date', 'desc')
    .orderBy('d.code', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: await withLines(db, rows), total: Number(total.n) };
}

/** The seller's documents a sale on `date` could use: pending ones up to that date, and returns awaiting their second use. */
export async function findSaleCandidates(
  db: BakeryDb,
  sellerId: string,
  date: string,
): Promise<DocumentRow[]> {
  const rows = await documentsQuery(db)
    .where('d.seller_id', '=', sellerId)
    .where('d.doc_date', '<=', date)
    .where((eb) =>
      eb.or([
        eb('d.status', '=', 'pendiente'),
        eb.and([
          eb('d.kind', '=', 'DV'),
          eb('d.used_as_return_sale_id', 'is not', null),
          eb('d.used_as_previous_sale_id', 'is', null),
        ]),
      ]),
    )
    .orderBy('d.doc_date', 'desc')
    .orderBy('d.code', 'desc')
    .limit(200)
    .execute();
  return withLines(db, rows);
}

/** Changes a document only while nothing has used it; false when it was used or annulled meanwhile. */
export async function updateUnusedDocument(
  db: BakeryDb,
  id: string,
  changes: Partial<
    Pick<BakeryDocumentsTable, 'doc_date' | 'comments' | 'seller_id' | 'status' | 'updated_at'>
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('bakery_documents')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pendiente')
    .where('sale_id', 'is', null)
    .where('used_as_return_sale_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceDocumentLines(
  db: BakeryDb,
  id: string,
  lines: BakeryDocumentLinesTable[],
): Promise<void> {
  await db.deleteFrom('bakery_document_lines').where('document_id', '=', id).execute();
  await db.insertInto('bakery_document_lines').values(lines).execute();
}

/** Pedidos and extras: used once. Returns how many rows were still free and now belong to the sale. */
export async function markOrdersUsed(
  db: BakeryDb,
  ids: string[],
  sellerId: string,
  saleId: string,
  at: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('bakery_documents')
    .set({ status: 'usado', sale_id: saleId, updated_at: at })
    .where('id', 'in', ids)
    .where('seller_id', '=', sellerId)
    .where('kind', 'in', ['PD', 'EX'])
    .where('status', '=', 'pendiente')
    .where('sale_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** First use of a devolución: the day's return of this sale. */
export async function markReturnUsed(
  db: BakeryDb,
  id: string,
  sellerId: string,
  saleId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('bakery_documents')
    .set({ status: 'usado', used_as_return_sale_id: saleId, updated_at: at })
    .where('id', '=', id)
    .where('seller_id', '=', sellerId)
    .where('kind', '=', 'DV')
    .where('status', '=', 'pendiente')
    .where('used_as_return_sale_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Second and last use of a devolución: the devolución anterior of the next sale. */
export async function markPreviousReturnUsed(
  db: BakeryDb,
  id: string,
  sellerId: string,
  saleId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('bakery_documents')
    .set({ used_as_previous_sale_id: saleId, updated_at: at })
    .where('id', '=', id)
    .where('seller_id', '=', sellerId)
    .where('kind', '=', 'DV')
    .where('status', '=', 'usado')
    .where('used_as_return_sale_id', 'is not', null)
    .where('used_as_previous_sale_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function documentsOfSale(db: BakeryDb, saleId: string) {
  return db
    .selectFrom('bakery_documents')
    .select(['id', 'code', 'kind', 'sale_id', 'used_as_return_sale_id', 'used_as_previous_sale_id'])
    .where((eb) =>
      eb.or([
        eb('sale_id', '=', saleId),
        eb('used_as_return_sale_id', '=', saleId),
        eb('used_as_previous_sale_id', '=', saleId),
      ]),
    )
    .orderBy('code')
    .execute();
}

/** Annulling a sale: its pedido and extras become pending again. */
export async function freeOrders(db: BakeryDb, saleId: string, at: string): Promise<void> {
  await db
    .updateTable('bakery_documents')
    .set({ status: 'pendiente', sale_id: null, updated_at: at })
    .where('sale_id', '=', saleId)
    .execute();
}

/** Its day's return becomes pending again, unless a later sale already took it as devolución anterior. */
export async function freeReturn(db: BakeryDb, saleId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('bakery_documents')
    .set({ status: 'pendiente', used_as_return_sale_id: null, updated_at: at })
    .where('used_as_return_sale_id', '=', saleId)
    .where('used_as_previous_sale_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function freePreviousReturn(db: BakeryDb, saleId: string, at: string): Promise<void> {
  await db
    .updateTable('bakery_documents')
    .set({ used_as_previous_sale_id: null, updated_at: at })
    .where('used_as_previous_sale_id', '=', saleId)
    .execute();
}
