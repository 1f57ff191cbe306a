import type { Actor } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { isForeignKeyViolation, lotteryDb } from './db.ts';
import { RECORD_KINDS, type RecordKind } from './records.ts';

/**
 * Permanent deletion is for records never used: anything pointing at the row (bancas in a zone,
 * people assigned, results, tickets through their foreign keys) keeps it, and it can only be deactivated.
 */
export async function deleteRecord(
  platform: Platform,
  actor: Actor,
  kind: RecordKind,
  id: string,
): Promise<void> {
  const { entity, find, uses, remove } = RECORD_KINDS[kind];
  const inUse = () => conflict('RECORD_IN_USE', { entity, id });
  try {
    await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      const before = await find(db, id);
      if (!before) throw notFound(entity, id);
      if ((await uses(db, id)) > 0) throw inUse();
      await remove(db, id);
      await platform.audit(trx, actor, { entity, entityId: id, action: 'delete', before });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw inUse();
    throw error;
  }
}
