import type { Actor } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { findRetentionLimit, insertRetentionLimit, updateRetentionLimit } from './layoff.repo.ts';

/** The house's own retention for a bet type (lottery, number): above it, sales may be laid off. */
export async function setRetentionLimit(
  platform: Platform,
  actor: Actor,
  input: {
    lotteryId: string | null;
    betType: string;
    number: string | null;
    maxCents: number;
    reason: string;
  },
): Promise<string> {
  const at = platform.clock.now().toISOString();
  return platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const existing = await findRetentionLimit(db, input);
    if (existing) {
      await updateRetentionLimit(db, existing.id, input.maxCents, at);
      await platform.audit(trx, actor, {
        entity: 'lottery_retention_limit',
        entityId: existing.id,
        action: 'update',
        before: { max_cents: Number(existing.max_cents) },
        after: { max_cents: input.maxCents, reason: input.reason },
      });
      return existing.id;
    }
    const row = {
      id: newId(),
      lottery_id: input.lotteryId,
      bet_type: input.betType,
      number: input.number,
      max_cents: input.maxCents,
      created_at: at,
      updated_at: at,
    };
    await insertRetentionLimit(db, row);
    await platform.audit(trx, actor, {
      entity: 'lottery_retention_limit',
      entityId: row.id,
      action: 'create',
      after: { ...row, reason: input.reason },
    });
    return row.id;
  });
}
