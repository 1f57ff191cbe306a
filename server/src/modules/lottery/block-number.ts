import type { BetTypeCode } from '@matriz/shared/lottery/games';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { checkLimitTarget, managesWholeNetwork } from './create-limit-rule.ts';
import { isUniqueViolation, lotteryDb } from './db.ts';
import { findActiveBlock, insertBlockedNumber } from './limits.repo.ts';

/** Blocks and hot numbers hold at every banca: only an admin sets or lifts them. */
export function checkNetworkWide(auth: AuthContext): void {
  if (!managesWholeNetwork(auth)) throw new AppError('BLOCK_NEEDS_ADMIN', 403);
}

/** A blocked number refuses every sale of it (in a lottery, a draw, a bet type, or everywhere). */
export async function blockNumber(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  block: {
    number: string;
    lotteryId: string | null;
    drawId: string | null;
    betType: BetTypeCode | null;
    reason: string;
  },
): Promise<string> {
  checkNetworkWide(auth);
  const db = lotteryDb(platform.db);
  const number = (await checkLimitTarget(db, {
    lotteryId: block.lotteryId,
    drawId: block.drawId,
    betType: block.betType,
    number: block.number,
    carriedInPairs: true,
  }))!;
  const id = newId();
  const at = platform.clock.now().toISOString();
  const row = {
    id,
    number,
    lottery_id: block.lotteryId,
    draw_id: block.drawId,
    bet_type: block.betType,
    reason: block.reason,
    active: 1,
    created_at: at,
    updated_at: at,
  };
  const duplicate = () => conflict('BLOCK_DUPLICATE', { field: 'number', number });
  try {
    await platform.db.transaction().execute(async (trx) => {
      if (await findActiveBlock(lotteryDb(trx), { ...block, number })) throw duplicate();
      await insertBlockedNumber(lotteryDb(trx), row);
      await platform.audit(trx, actor, {
        entity: 'lottery_block',
        entityId: id,
        action: 'create',
        after: row,
      });
    });
  } catch (error) {
    // The same block sent twice at once: both passed the check, the unique index let one in.
    if (isUniqueViolation(error) && String(error).includes('lottery_blocks_active_unique')) throw duplicate();
    throw error;
  }
  platform.bus.publish({
    type: 'lottery.number.blocked',
    payload: row,
    audience: { permission: 'lottery.catalog.read' },
  });
  return id;
}
