import { toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { checkNetworkWide } from './block-number.ts';
import { countEarlierSales } from './count-earlier-sales.ts';
import { checkLimitTarget } from './create-limit-rule.ts';
import { isUniqueViolation, lotteryDb } from './db.ts';
import { findActiveHotNumber, insertHotNumber } from './limits.repo.ts';

type Amount = number | null | undefined;

export interface HotNumberInput {
  number: string;
  lotteryId: string | null;
  directo: Amount;
  pale1: Amount;
  pale2: Amount;
  tripleta1: Amount;
  tripleta2: Amount;
  tripleta3: Amount;
  reason: string;
}

const cents = (amount: Amount) => (amount === null || amount === undefined ? null : toCents(amount));

/**
 * An operator-marked hot number gets its own, lower limits for directo, palé and tripleta plays;
 * one mark per number and lottery, with at least one of those limits.
 */
export async function markHotNumber(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  input: HotNumberInput,
): Promise<string> {
  checkNetworkWide(auth);
  await checkLimitTarget(lotteryDb(platform.db), { lotteryId: input.lotteryId });
  const id = newId();
  const at = platform.clock.now().toISOString();
  const row = {
    id,
    number: input.number,
    lottery_id: input.lotteryId,
    directo_cents: cents(input.directo),
    pale1_cents: cents(input.pale1),
    pale2_cents: cents(input.pale2),
    tripleta1_cents: cents(input.tripleta1),
    tripleta2_cents: cents(input.tripleta2),
    tripleta3_cents: cents(input.tripleta3),
    reason: input.reason,
    active: 1,
    created_at: at,
    updated_at: at,
  };
  if (
    [
      row.directo_cents,
      row.pale1_cents,
      row.pale2_cents,
      row.tripleta1_cents,
      row.tripleta2_cents,
      row.tripleta3_cents,
    ].every((limit) => limit === null)
  )
    throw new AppError('HOT_NUMBER_WITHOUT_LIMITS', 422, { field: 'directo' });
  const duplicate = () => conflict('HOT_NUMBER_DUPLICATE', { field: 'number', number: input.number });
  try {
    await platform.db.transaction().execute(async (trx) => {
      if (await findActiveHotNumber(lotteryDb(trx), input.number, input.lotteryId)) throw duplicate();
      await insertHotNumber(lotteryDb(trx), row);
      await countEarlierSales(lotteryDb(trx), { lotteryId: input.lotteryId });
      await platform.audit(trx, actor, {
        entity: 'lottery_hot_number',
        entityId: id,
        action: 'create',
        after: row,
      });
    });
  } catch (error) {
    // The same mark sent twice at once: both passed the check, the unique index let one in.
    if (isUniqueViolation(error) && String(error).includes('lottery_hot_numbers_active_unique'))
      throw duplicate();
    throw error;
  }
  return id;
}
