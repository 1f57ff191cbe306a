import type { Actor } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { findBlockedNumber, updateBlockedNumber } from './limits.repo.ts';

export async function unblockNumber(
  platform: Platform,
  actor: Actor,
  id: string,
  reason: string,
): Promise<void> {
  const before = await findBlockedNumber(lotteryDb(platform.db), id);
  if (before?.active !== 1) throw notFound('lottery_block', id);
  await platform.db.transaction().execute(async (trx) => {
    await updateBlockedNumber(lotteryDb(trx), id, {
      active: 0,
      updated_at: platform.clock.now().toISOString(),
    });
    await platform.audit(trx, actor, {
      entity: 'lottery_block',
      entityId: id,
      action: 'remove',
      before,
      after: { active: false, reason },
    });
  });
  platform.bus.publish({
    type: 'lottery.number.unblocked',
    payload: { id, number: before.number },
    audience: { permission: 'lottery.catalog.read' },
  });
}
