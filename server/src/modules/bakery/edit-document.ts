import type { Actor } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { checkDocumentDate } from './document-dates.ts';
import { type LineInput, resolveLines } from './document-lines.ts';
import {
  type DocumentRow,
  findDocument,
  replaceDocumentLines,
  updateUnusedDocument,
} from './documents.repo.ts';
import { bakeryToday } from './settings.ts';
import { presentDocument } from './views.ts';

export interface DocumentChanges {
  date?: string;
  comments?: string;
  lines?: LineInput[];
  reason: string;
}

/** The admin corrects a document only while no sale has used it; the reason goes to the audit. */
export async function editDocument(
  platform: Platform,
  actor: Actor,
  id: string,
  changes: DocumentChanges,
): Promise<DocumentRow> {
  // Only the admin edits documents, so the admin's window of dates applies.
  if (changes.date !== undefined) checkDocumentDate(changes.date, await bakeryToday(platform), true);
  await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const before = await findDocument(db, id);
    if (!before) throw notFound('bakery_document', id);
    const changed = await updateUnusedDocument(db, id, {
      ...(changes.date !== undefined && { doc_date: changes.date }),
      ...(changes.comments !== undefined && { comments: changes.comments }),
      updated_at: platform.clock.now().toISOString(),
    });
    if (!changed) throw conflict('DOCUMENT_USED', { code: before.code, status: before.status });
    if (changes.lines) await replaceDocumentLines(db, id, await resolveLines(db, id, changes.lines));
    await platform.audit(trx, actor, {
      entity: 'bakery_document',
      entityId: id,
      action: 'update',
      before: presentDocument(before),
      after: { ...presentDocument((await findDocument(db, id))!), reason: changes.reason },
    });
  });
  return (await findDocument(bakeryDb(platform.db), id))!;
}
