import type { DrawResult } from '@matriz/shared/lottery/games';
import { resultFields } from '@matriz/shared/lottery/result-input';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, conflict, forbidden } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { type ResultInput, resolveResultInput, updateComposites } from './publish-result.ts';
import {
  countClosedOutTickets,
  findResultDraw,
  findResultMeta,
  type ResultDrawRow,
  replaceResult,
  updateResultMeta,
} from './results.repo.ts';
import { type SettlementSummary, settleDraw } from './settle-draw.ts';

/**
 * Replaces a draw's result and re-settles it: the previous settlement is reversed (ledger, lines,
 * tickets) and the draw settled again, so the outcome equals a clean run with the right result.
 * Refused while any ticket of the draw was already paid or expired: that money cannot be undone here.
 */
export async function applyCorrection(
  platform: Platform,
  actor: Actor,
  draw: ResultDrawRow,
  result: DrawResult,
  reason: string,
): Promise<SettlementSummary> {
  const db = lotteryDb(platform.db);
  if (!draw.result_json)
    throw conflict('RESULT_NOT_FOUND', { lottery: draw.lottery_code, draw_date: draw.draw_date });
  const before = JSON.parse(draw.result_json) as DrawResult;
  if (draw.result_json === JSON.stringify(result))
    throw conflict('RESULT_UNCHANGED', { lottery: draw.lottery_code, result: resultFields(result) });
  const closedOut = await countClosedOutTickets(db, draw.id);
  if (closedOut > 0)
    throw conflict('RESULT_HAS_PAYMENTS', { lottery: draw.lottery_code, tickets: closedOut });
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const tdb = lotteryDb(trx);
    const meta = await findResultMeta(tdb, draw.id);
    if (!(await replaceResult(tdb, draw.id, draw.result_json!, JSON.stringify(result), at)))
      throw conflict('CONFLICT', { draw_id: draw.id });
    await updateResultMeta(tdb, draw.id, {
      revision: (meta?.revision ?? 1) + 1,
      previous_json: draw.result_json,
      correction_reason: reason,
      corrected_by: actor.userId,
      corrected_at: at,
      reverting: 1,
      tickets_pending: 0,
    });
    await platform.audit(trx, actor, {
      entity: 'lottery_draw',
      entityId: draw.id,
      action: 'result_correct',
      before: { result: resultFields(before), status: draw.status },
      after: { result: resultFields(result), reason },
    });
  });
  platform.bus.publish({
    type: 'lottery.anomaly',
    payload: {
      kind: 'result_corrected',
      severity: 'critical',
      draw_id: draw.id,
      lottery: draw.lottery_code,
      draw_date: draw.draw_date,
      draw_time: draw.draw_time,
      before: resultFields(before),
      after: resultFields(result),
      by: actor.username,
      reason,
    },
    audience: { permission: 'lottery.risk.read' },
  });
  const settlement = await settleDraw(platform, draw.id, actor);
  await updateComposites(platform, (await findResultDraw(db, draw.id))!);
  return settlement;
}

/** Only a superadmin (lottery.results.correct) changes a result; anyone else is refused and reported. */
export async function correctResult(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  input: ResultInput & { reason: string },
) {
  const db = lotteryDb(platform.db);
  if (!auth.permissions.has('lottery.results.correct')) {
    await platform.db.transaction().execute((trx) =>
      platform.audit(trx, actor, {
        entity: 'lottery_result',
        action: 'result_change_refused',
        after: { lottery: input.lottery, draw_date: input.draw_date, draw_time: input.draw_time ?? null },
      }),
    );
    platform.bus.publish({
      type: 'lottery.anomaly',
      payload: {
        kind: 'result_change_unauthorized',
        severity: 'high',
        lottery: input.lottery,
        draw_date: input.draw_date,
        draw_time: input.draw_time ?? null,
        by: actor.username,
        reason: input.reason,
      },
      audience: { permission: 'lottery.risk.read' },
    });
    throw forbidden('lottery.results.correct');
  }
  const resolved = await resolveResultInput(db, input);
  if ('problem' in resolved)
    throw new AppError(resolved.problem.code, resolved.problem.status, resolved.problem.details);
  const settlement = await applyCorrection(platform, actor, resolved.draw, resolved.result, input.reason);
  return { draw: (await findResultDraw(db, resolved.draw.id))!, settlement };
}
