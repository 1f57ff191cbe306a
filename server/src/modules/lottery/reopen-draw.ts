import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { type DrawWithLottery, findDraw, transitionDraw } from './draws.repo.ts';

/**
 * An admin reopens sales of a closed draw before its draw time, until `closeAt` (by default the
 * scheduled close, if still ahead). The reason is audited. The selling screens hear of it at once,
 * or they would keep hiding the draw until their next refresh.
 */
export async function reopenDraw(
  platform: Platform,
  actor: Actor,
  id: string,
  input: { reason: string; closeAt?: string },
): Promise<DrawWithLottery> {
  const now = platform.clock.now();
  const at = now.toISOString();
  const closeAt = await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const draw = await findDraw(db, id);
    if (!draw) throw notFound('lottery_draw', id);
    const closedByClock = draw.status === 'open' && draw.close_at <= at;
    if (draw.status !== 'closed' && !closedByClock)
      throw conflict('DRAW_NOT_CLOSED', { status: draw.status });
    if (draw.draw_at <= at) throw conflict('DRAW_ALREADY_DRAWN', { draw_at: draw.draw_at });
    const closeAt = new Date(input.closeAt ?? draw.close_at).toISOString();
    if (closeAt <= at || closeAt > draw.draw_at) {
      throw new AppError('DRAW_CLOSE_AT_INVALID', 422, {
        field: 'close_at',
        close_at: closeAt,
        draw_at: draw.draw_at,
      });
    }
    const applied = await transitionDraw(db, id, draw.status, {
      status: 'open',
      close_at: closeAt,
      closed_at: null,
      updated_at: at,
    });
    if (!applied) throw conflict('CONFLICT');
    await platform.audit(trx, actor, {
      entity: 'lottery_draw',
      entityId: id,
      action: 'reopen',
      before: { status: draw.status, close_at: draw.close_at },
      after: { status: 'open', close_at: closeAt, reason: input.reason },
    });
    return closeAt;
  });
  platform.bus.publish({
    type: 'lottery.draw.reopened',
    payload: { draw_ids: [id], close_at: closeAt },
    audience: { permission: 'lottery.catalog.read' },
  });
  return (await findDraw(lotteryDb(platform.db), id))!;
}
