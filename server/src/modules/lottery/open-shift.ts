import { localDate } from '@matriz/shared/lottery/schedule';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { findOpenShift, insertShift } from './money.repo.ts';
import { findBancasOfUser } from './network.repo.ts';

/** A seller opens a shift at one of their bancas, with the cash already in the drawer. */
export async function openShift(
  platform: Platform,
  actor: Actor,
  request: { bancaId?: string; openingCashCents: number },
) {
  const db = lotteryDb(platform.db);
  const sellerId = actor.userId!;
  const bancas = await findBancasOfUser(db, sellerId);
  const banca = request.bancaId
    ? bancas.find((b) => b.id === request.bancaId)
    : bancas.length === 1
      ? bancas[0]
      : null;
  if (!banca)
    throw new AppError('BANCA_REQUIRED', 422, { field: 'banca_id', bancas: bancas.map((b) => b.code) });
  if (await findOpenShift(db, sellerId)) throw new AppError('SHIFT_ALREADY_OPEN', 409, {});
  const now = platform.clock.now();
  const row = {
    id: newId(),
    banca_id: banca.id,
    seller_id: sellerId,
    business_date: localDate(now, platform.config.timezone),
    opened_at: now.toISOString(),
    opening_cash: request.openingCashCents,
    closed_at: null,
    closed_by: null,
    expected_cash: null,
    counted_cash: null,
    difference: null,
    figures_json: null,
    status: 'open',
  };
  await platform.db.transaction().execute(async (trx) => {
    await insertShift(lotteryDb(trx), row);
    await platform.audit(trx, actor, {
      entity: 'lottery_shift',
      entityId: row.id,
      action: 'open',
      after: { banca: banca.code, opening_cash: row.opening_cash },
    });
  });
  return row;
}
