import type { Actor } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { insertBlockedNumber } from './limits.repo.ts';

/** A blocked number refuses every sale of it (in a lottery, a draw, a bet type, or everywhere). */
export async function blockNumber(
  platform: Platform,
  actor: Actor,
  block: {
    number: string;
    lotteryId: string | null;
    drawId: string | null;
    betType: string | null;
    reason: string;
  },
): Promise<string> {
  const id = newId();
  const at = platform.clock.now().toISOString();
  const row = {
    id,
    number: block.number,
    lottery_id: block.lotteryId,
    draw_id: block.drawId,
    bet_type: block.betType,
    reason: block.reason,
    active: 1,
    created_at: at,
    updated_at: at,
  };
  await platform.db.transaction().execute(async (trx) => {
    await insertBlockedNumber(lotteryDb(trx), row);
    await platform.audit(trx, actor, { entity: 'lottery_block', entityId: id, action: 'create', after: row });
  });
  platform.bus.publish({
    type: 'lottery.number.blocked',
    payload: row,
    audience: { permission: 'lottery.catalog.read' },
  });
  return id;
}
