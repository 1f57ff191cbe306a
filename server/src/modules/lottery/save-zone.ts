import type { Actor } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { isUniqueViolation, lotteryDb } from './db.ts';
import { findZone, insertZone, updateZoneRow, type ZoneRow } from './network.repo.ts';

const codeTaken = (code: string) => conflict('CODE_TAKEN', { field: 'code', code });

export async function createZone(
  platform: Platform,
  actor: Actor,
  input: { code: string; name: string },
): Promise<ZoneRow> {
  const id = newId();
  const at = platform.clock.now().toISOString();
  try {
    await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      await insertZone(db, {
        id,
        code: input.code,
        name: input.name,
        active: 1,
        created_at: at,
        updated_at: at,
      });
      await platform.audit(trx, actor, {
        entity: 'lottery_zone',
        entityId: id,
        action: 'create',
        after: await findZone(db, id),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
  return (await findZone(lotteryDb(platform.db), id))!;
}

export async function updateZone(
  platform: Platform,
  actor: Actor,
  id: string,
  changes: { code?: string; name?: string },
): Promise<ZoneRow> {
  try {
    await platform.db.transaction().execute(async (trx) => {
      const db = lotteryDb(trx);
      const before = await findZone(db, id);
      if (!before) throw notFound('lottery_zone', id);
      await updateZoneRow(db, id, { ...changes, updated_at: platform.clock.now().toISOString() });
      await platform.audit(trx, actor, {
        entity: 'lottery_zone',
        entityId: id,
        action: 'update',
        before,
        after: await findZone(db, id),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(changes.code ?? '');
    throw error;
  }
  return (await findZone(lotteryDb(platform.db), id))!;
}
