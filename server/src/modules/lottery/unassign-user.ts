import type { Actor } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { deleteAssignmentRow, findAssignment } from './network.repo.ts';

/** Ends an assignment: the person no longer works at that banca or zone. Sales keep their seller and banca. */
export async function unassignUser(platform: Platform, actor: Actor, id: string): Promise<void> {
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const before = await findAssignment(db, id);
    if (!before) throw notFound('lottery_assignment', id);
    await deleteAssignmentRow(db, id);
    await platform.audit(trx, actor, {
      entity: 'lottery_assignment',
      entityId: id,
      action: 'delete',
      before,
    });
  });
}
