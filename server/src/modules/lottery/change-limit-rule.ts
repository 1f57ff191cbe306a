import { toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { findLimitRule, updateLimitRule } from './limits.repo.ts';

/** Raising, lowering or switching off a limit: the audit keeps the old value, the new one and why. */
export async function changeLimitRule(
  platform: Platform,
  actor: Actor,
  id: string,
  change: { maxAmount?: number; active?: boolean; note?: string | null; reason: string },
): Promise<void> {
  const db = lotteryDb(platform.db);
  const before = await findLimitRule(db, id);
  if (!before) throw notFound('lottery_limit_rule', id);
  const changes = {
    ...(change.maxAmount !== undefined && { max_cents: toCents(change.maxAmount)! }),
    ...(change.active !== undefined && { active: change.active ? 1 : 0 }),
    ...(change.note !== undefined && { note: change.note }),
    updated_at: platform.clock.now().toISOString(),
  };
  await platform.db.transaction().execute(async (trx) => {
    await updateLimitRule(lotteryDb(trx), id, changes);
    await platform.audit(trx, actor, {
      entity: 'lottery_limit_rule',
      entityId: id,
      action: 'update',
      before: { max_cents: Number(before.max_cents), active: before.active === 1, note: before.note },
      after: { ...changes, reason: change.reason },
    });
  });
}
