import type { Actor } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { findHotNumber, updateHotNumber } from './limits.repo.ts';

export async function unmarkHotNumber(
  platform: Platform,
  actor: Actor,
  id: string,
  reason: string,
): Promise<void> {
  const before = await findHotNumber(lotteryDb(platform.db), id);
  if (before?.active !== 1) throw notFound('lottery_hot_number', id);
  await platform.db.transaction().execute(async (trx) => {
    await updateHotNumber(lotteryDb(trx), id, { active: 0, updated_at: platform.clock.now().toISOString() });
    await platform.audit(trx, actor, {
      entity: 'lottery_hot_number',
      entityId: id,
      action: 'remove',
      before,
      after: { active: false, reason },
    });
  });
}
