import type { Actor } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { type DrawWithLottery, findDraw, transitionDraw } from './draws.repo.ts';

/**
 * An admin stops sales of an open draw before its close time; the reason is audited. The selling
 * screens hear of it at once, since by their own clock the draw is still open.
 */
export async function closeDrawEarly(
  platform: Platform,
  actor: Actor,
  id: string,
  reason: string,
): Promise<DrawWithLottery> {
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const draw = await findDraw(db, id);
    if (!draw) throw notFound('lottery_draw', id);
    const applied =
      draw.status === 'open' &&
      (await transitionDraw(db, id, 'open', { status: 'closed', closed_at: at, updated_at: at }));
    if (!applied) throw conflict('DRAW_NOT_OPEN', { status: draw.status });
    await platform.audit(trx, actor, {
      entity: 'lottery_draw',
      entityId: id,
      action: 'close_early',
      before: { status: draw.status, close_at: draw.close_at },
      after: { status: 'closed', closed_at: at, reason },
    });
  });
  platform.bus.publish({
    type: 'lottery.draw.closed',
    payload: { draw_ids: [id], early: true },
    audience: { permission: 'lottery.catalog.read' },
  });
  return (await findDraw(lotteryDb(platform.db), id))!;
}
