import type { BetTypeCode } from '@matriz/shared/lottery/games';
import { toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { countEarlierSales } from './count-earlier-sales.ts';
import { checkLimitScope } from './create-limit-rule.ts';
import { lotteryDb } from './db.ts';
import { findLimitRule, updateLimitRule } from './limits.repo.ts';

/**
 * Raising, lowering or switching off a limit, by whoever may set it there: the audit keeps the old
 * value, the new one and why.
 */
export async function changeLimitRule(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  id: string,
  change: { maxAmount?: number; active?: boolean; note?: string | null; reason: string },
): Promise<void> {
  const db = lotteryDb(platform.db);
  const before = await findLimitRule(db, id);
  if (!before) throw notFound('lottery_limit_rule', id);
  await checkLimitScope(db, auth, before);
  const changes = {
    ...(change.maxAmount !== undefined && { max_cents: toCents(change.maxAmount)! }),
    ...(change.active !== undefined && { active: change.active ? 1 : 0 }),
    ...(change.note !== undefined && { note: change.note }),
    updated_at: platform.clock.now().toISOString(),
  };
  await platform.db.transaction().execute(async (trx) => {
    await updateLimitRule(lotteryDb(trx), id, changes);
    // Switched back on, it must count what was sold while it was off.
    if (change.active && before.active !== 1)
      await countEarlierSales(lotteryDb(trx), {
        drawId: before.draw_id,
        lotteryId: before.lottery_id,
        betType: before.bet_type as BetTypeCode | null,
      });
    await platform.audit(trx, actor, {
      entity: 'lottery_limit_rule',
      entityId: id,
      action: 'update',
      before: { max_cents: Number(before.max_cents), active: before.active === 1, note: before.note },
      after: { ...changes, reason: change.reason },
    });
  });
}
