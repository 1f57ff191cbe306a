import type { CommissionSchemeView, PutCommissionBody } from '@matriz/shared/api/lottery-catalog';
import { percentToBasisPoints } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { commissionScopeIds, getCommissionScheme } from './prize-tables.ts';
import { findCommissionRows, replaceCommissionRows } from './prizes.repo.ts';

/** Replaces the commission rates of one banca (or every banca) for one lottery (or every lottery). */
export async function setCommissionScheme(
  platform: Platform,
  actor: Actor,
  input: PutCommissionBody,
): Promise<CommissionSchemeView> {
  const seen = new Set<string>();
  input.entries.forEach((entry, index) => {
    if (seen.has(entry.bet_type))
      throw new AppError('DUPLICATE_ENTRY', 422, { field: `entries.${index}`, entry: entry.bet_type });
    seen.add(entry.bet_type);
  });
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const { bancaScope, lotteryScope } = await commissionScopeIds(db, input.banca_id, input.lottery_id);
    const before = (await findCommissionRows(db, [bancaScope], [lotteryScope])).map((r) => ({
      bet_type: r.bet_type,
      percent: r.rate_bp / 100,
    }));
    await replaceCommissionRows(
      db,
      bancaScope,
      lotteryScope,
      input.entries.map((e) => ({
        id: newId(),
        banca_scope: bancaScope,
        lottery_scope: lotteryScope,
        bet_type: e.bet_type,
        rate_bp: percentToBasisPoints(e.percent)!,
        updated_at: at,
      })),
    );
    await platform.audit(trx, actor, {
      entity: 'lottery_commission_scheme',
      entityId: `${bancaScope}:${lotteryScope}`,
      action: 'replace',
      before,
      after: input.entries,
    });
  });
  return getCommissionScheme(lotteryDb(platform.db), input.banca_id, input.lottery_id);
}
