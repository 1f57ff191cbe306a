import { type DocumentKind, documentCode } from '@matriz/shared/bakery/sale-math';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, nextCounterValue } from './bakery.repo.ts';
import { checkDocumentDate } from './document-dates.ts';
import { type LineInput, resolveLines } from './document-lines.ts';
import { type DocumentRow, findDocument, insertDocument } from './documents.repo.ts';
import { findSeller } from './sellers.repo.ts';
import { bakeryToday } from './settings.ts';
import type { Viewer } from './viewer.ts';
import { presentDocument } from './views.ts';

export interface DocumentInput {
  kind: DocumentKind;
  date?: string;
  sellerId?: string;
  comments: string;
  lines: LineInput[];
}

/** A seller registers their own pedido, extra or devolución; the admin may write one for any seller. */
export async function createDocument(
  platform: Platform,
  actor: Actor,
  viewer: Viewer,
  input: DocumentInput,
): Promise<DocumentRow> {
  const sellerId = input.sellerId ?? viewer.userId;
  if (sellerId !== viewer.userId && !viewer.managesDocuments) throw forbidden('bakery.documents.manage');
  const today = await bakeryToday(platform);
  const date = input.date ?? today;
  checkDocumentDate(date, today, viewer.managesDocuments);
  const id = newId();
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const seller = await findSeller(db, sellerId);
    if (!seller) throw notFound('bakery_seller', sellerId);
    if (seller.active !== 1) throw new AppError('SELLER_INACTIVE', 422, { seller: seller.username });
    const lines = await resolveLines(db, id, input.lines);
    const code = documentCode(input.kind, await nextCounterValue(db, `bakery.document.${input.kind}`));
    await insertDocument(
      db,
      {
        id,
        code,
        kind: input.kind,
        seller_id: sellerId,
        doc_date: date,
        comments: input.comments,
        status: 'pendiente',
        sale_id: null,
        used_as_return_sale_id: null,
        used_as_previous_sale_id: null,
        created_by: viewer.userId,
        created_at: at,
        updated_at: at,
      },
      lines,
    );
    const created = (await findDocument(db, id))!;
    await platform.audit(trx, actor, {
      entity: 'bakery_document',
      entityId: id,
      action: 'create',
      after: presentDocument(created),
    });
  });
  return (await findDocument(bakeryDb(platform.db), id))!;
}
