import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { findAnomaly, markAcknowledged } from './anomalies.repo.ts';
import { lotteryDb } from './db.ts';
import { canSee, visibleBancaIds } from './ticket-scope.ts';

/** A supervisor or admin acknowledges an anomaly with a comment; audited, once. */
export async function acknowledgeAnomaly(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  id: string,
  comment: string,
): Promise<void> {
  const db = lotteryDb(platform.db);
  const anomaly = await findAnomaly(db, id);
  if (!anomaly || (anomaly.banca_id && !canSee(await visibleBancaIds(db, auth), anomaly.banca_id)))
    throw notFound('lottery_anomaly', id);
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    if (!(await markAcknowledged(lotteryDb(trx), id, actor.userId!, at, comment)))
      throw new AppError('ANOMALY_ALREADY_ACKNOWLEDGED', 409, { id });
    await platform.audit(trx, actor, {
      entity: 'lottery_anomaly',
      entityId: id,
      action: 'acknowledge',
      before: { acknowledged_at: null },
      after: { acknowledged_at: at, comment, kind: anomaly.kind },
    });
  });
  platform.bus.publish({
    type: 'lottery.anomaly.acknowledged',
    payload: { id, by: actor.username, comment },
    audience: { permission: 'lottery.risk.read' },
  });
}
