import type { Actor } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { RECORD_KINDS, type RecordKind, updateActiveFlag } from './records.ts';

/** Deactivates or reactivates a zone, banca, agent or lottery; history stays intact. */
export async function setRecordActive(
  platform: Platform,
  actor: Actor,
  kind: RecordKind,
  id: string,
  active: boolean,
): Promise<void> {
  const { entity, find } = RECORD_KINDS[kind];
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const before = (await find(db, id)) as { active: number } | null;
    if (!before) throw notFound(entity, id);
    await updateActiveFlag(db, kind, id, active, platform.clock.now().toISOString());
    await platform.audit(trx, actor, {
      entity,
      entityId: id,
      action: active ? 'reactivate' : 'deactivate',
      before: { active: before.active === 1 },
      after: { active },
    });
  });
}
