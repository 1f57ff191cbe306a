import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { cuadre } from './cash-close.ts';
import { lotteryDb } from './db.ts';
import { closeShiftRow, findOpenShift, findShift, movementTotals, sellerTicketTotals } from './money.repo.ts';

/** The live cuadre of a shift: the seller's tickets, cancellations and payouts since it opened. */
export async function shiftCuadre(
  platform: Platform,
  shift: NonNullable<Awaited<ReturnType<typeof findShift>>>,
) {
  const db = lotteryDb(platform.db);
  const until = shift.closed_at ?? new Date(platform.clock.now().getTime() + 1).toISOString();
  const [totals, movements] = await Promise.all([
    sellerTicketTotals(db, shift.seller_id, shift.banca_id, shift.opened_at, until),
    movementTotals(db, shift.banca_id, shift.opened_at, until),
  ]);
  return cuadre(totals, movements, Number(shift.opening_cash));
}

/** The seller's open shift (or, for a money admin, any shift by id), with its live cuadre. */
export async function currentShift(platform: Platform, auth: AuthContext, shiftId?: string) {
  const db = lotteryDb(platform.db);
  const shift = shiftId ? await findShift(db, shiftId) : await findOpenShift(db, auth.userId);
  if (!shift) return null;
  if (shift.seller_id !== auth.userId && !auth.permissions.has('lottery.money.manage'))
    throw notFound('lottery_shift', shiftId);
  return {
    shift,
    figures: shift.figures_json ? JSON.parse(shift.figures_json) : await shiftCuadre(platform, shift),
  };
}

/** Closes a shift with the counted cash: figures frozen, the difference recorded, no further edits. */
export async function closeShift(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  request: { shiftId?: string; countedCents: number },
) {
  const db = lotteryDb(platform.db);
  const shift = request.shiftId ? await findShift(db, request.shiftId) : await findOpenShift(db, auth.userId);
  if (!shift || (shift.seller_id !== auth.userId && !auth.permissions.has('lottery.money.manage')))
    throw notFound('lottery_shift', request.shiftId);
  if (shift.status !== 'open') throw new AppError('SHIFT_CLOSED', 409, { id: shift.id });
  const figures = await shiftCuadre(platform, shift);
  const at = platform.clock.now().toISOString();
  const values = {
    closed_at: at,
    closed_by: actor.userId!,
    expected_cash: figures.expected,
    counted_cash: request.countedCents,
    difference: request.countedCents - figures.expected,
    figures_json: JSON.stringify(figures),
  };
  await platform.db.transaction().execute(async (trx) => {
    if (!(await closeShiftRow(lotteryDb(trx), shift.id, values)))
      throw new AppError('SHIFT_CLOSED', 409, { id: shift.id });
    await platform.audit(trx, actor, {
      entity: 'lottery_shift',
      entityId: shift.id,
      action: 'close',
      after: { expected: values.expected_cash, counted: values.counted_cash, difference: values.difference },
    });
  });
  return { ...shift, ...values, status: 'closed', figures };
}
