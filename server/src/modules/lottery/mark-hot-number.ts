import { toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { insertHotNumber } from './limits.repo.ts';

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

/** An operator-marked hot number gets its own, lower limits for directo, palé and tripleta plays. */
export async function markHotNumber(
  platform: Platform,
  actor: Actor,
  input: HotNumberInput,
): Promise<string> {
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
  await platform.db.transaction().execute(async (trx) => {
    await insertHotNumber(lotteryDb(trx), row);
    await platform.audit(trx, actor, {
      entity: 'lottery_hot_number',
      entityId: id,
      action: 'create',
      after: row,
    });
  });
  return id;
}
