import type { Actor } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { type DocumentRow, findDocument, updateUnusedDocument } from './documents.repo.ts';

/** An erroneous document is annulled (kept for the record), only while no sale has used it. */
export async function annulDocument(
  platform: Platform,
  actor: Actor,
  id: string,
  reason: string,
): Promise<DocumentRow> {
  await platform.db.transaction().execute(async (trx) => {
    const db = bakeryDb(trx);
    const before = await findDocument(db, id);
    if (!before) throw notFound('bakery_document', id);
    const changed = await updateUnusedDocument(db, id, {
      status: 'anulado',
      updated_at: platform.clock.now().toISOString(),
    });
    if (!changed) throw conflict('DOCUMENT_USED', { code: before.code, status: before.status });
    await platform.audit(trx, actor, {
      entity: 'bakery_document',
      entityId: id,
      action: 'annul',
      before: { code: before.code, status: before.status },
      after: { code: before.code, status: 'anulado', reason },
    });
  });
  return (await findDocument(bakeryDb(platform.db), id))!;
}
