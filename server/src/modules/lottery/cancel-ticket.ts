import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { releaseCounters } from './limits.repo.ts';
import { findBanca } from './network.repo.ts';
import { recordCancelAggregates } from './record-sales-aggregates.ts';
import { findTicketOutcome } from './settlement.repo.ts';
import { canSee, visibleBancaIds } from './ticket-scope.ts';
import {
  countCancellations,
  findTicketByCode,
  findTicketClaims,
  findTicketDraws,
  insertLedgerEntries,
  markTicketCancelled,
} from './tickets.repo.ts';

/**
 * Anular (DOMAIN.md §7): within the banca's window after the sale and before any of its draws
 * closes, under the banca's caps. Later, only a superadmin with a reason — audited as late and
 * raised as an anomaly. Either way the limits the sale consumed are given back and the ledger
 * entries of the sale are reversed, in one transaction; a second cancel finds nothing to do.
 */
export async function cancelTicket(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  code: string,
  reason: string,
) {
  const db = lotteryDb(platform.db);
  const ticket = await findTicketByCode(db, code);
  if (!ticket || !canSee(await visibleBancaIds(db, auth), ticket.banca_id))
    throw notFound('lottery_ticket', code);
  // Stored `pending` = not cancelled, paid or expired; once every draw closed only a late cancel by a
  // superadmin gets past the checks below.
  if (ticket.status !== 'pending')
    throw new AppError('TICKET_NOT_CANCELLABLE', 409, { code, status: ticket.status });
  const banca = (await findBanca(db, ticket.banca_id))!;
  const now = platform.clock.now();
  const draws = await findTicketDraws(db, ticket.id);
  // Once a draw has its result, nobody cancels (not even late): that would refund a known loser.
  if (draws.some((d) => d.status === 'resulted' || d.status === 'settled'))
    throw new AppError('TICKET_NOT_CANCELLABLE', 409, {
      code,
      status: (await findTicketOutcome(db, ticket.id)).status,
      draw_resulted: true,
    });
  const drawClosed = draws.some((d) => d.status !== 'open' || Date.parse(d.close_at) <= now.getTime());
  const minutes = (now.getTime() - Date.parse(ticket.created_at)) / 60_000;
  const windowPassed = minutes > banca.cancel_window_minutes;
  const late = drawClosed || windowPassed;
  if (late && !auth.permissions.has('lottery.ticket.cancel.late')) {
    if (drawClosed)
      throw new AppError('DRAW_CLOSED', 409, {
        code,
        lottery: draws.find((d) => d.status !== 'open' || Date.parse(d.close_at) <= now.getTime())
          ?.lottery_code,
      });
    throw new AppError('CANCEL_WINDOW_PASSED', 409, { code, minutes: banca.cancel_window_minutes });
  }
  if (!late) {
    if (
      banca.max_cancel_amount_cents !== null &&
      Number(ticket.grand_total) > Number(banca.max_cancel_amount_cents)
    ) {
      throw new AppError('CANCEL_AMOUNT_LIMIT', 409, {
        max: Number(banca.max_cancel_amount_cents) / 100,
        total: Number(ticket.grand_total) / 100,
      });
    }
    if (
      banca.max_cancels_per_day !== null &&
      (await countCancellations(db, banca.id, ticket.business_date)) >= banca.max_cancels_per_day
    ) {
      throw new AppError('CANCEL_LIMIT_REACHED', 409, { max: banca.max_cancels_per_day });
    }
  }

  const at = now.toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const tdb = lotteryDb(trx);
    if (!(await markTicketCancelled(tdb, ticket.id, actor.userId!, at, reason))) {
      throw new AppError('TICKET_NOT_CANCELLABLE', 409, { code, status: 'cancelled' });
    }
    const claims = await findTicketClaims(tdb, ticket.id);
    await releaseCounters(
      tdb,
      claims.map((c) => ({ key: c.key, amountCents: Number(c.amount) })),
    );
    const reversals = await tdb
      .selectFrom('lottery_ledger_entries')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .execute();
    await insertLedgerEntries(
      tdb,
      reversals.map((entry) => ({
        ...entry,
        id: newId(),
        at,
        business_date: ticket.business_date,
        kind: `${entry.kind}_reversal`,
        debit_account: entry.credit_account,
        credit_account: entry.debit_account,
        memo: `ANULADO ${code}`,
      })),
    );
    await recordCancelAggregates(tdb, ticket, platform.config.timezone, at);
    await platform.audit(trx, actor, {
      entity: 'lottery_ticket',
      entityId: ticket.id,
      action: late ? 'cancel_late' : 'cancel',
      before: { status: ticket.status },
      after: {
        status: 'cancelled',
        reason,
        minutes_after_sale: Math.round(minutes),
        draw_closed: drawClosed,
      },
    });
  });
  platform.bus.publish({
    type: 'lottery.ticket.cancelled',
    payload: { code, banca_id: ticket.banca_id, draw_ids: draws.map((d) => d.id), late },
    audience: { permission: 'lottery.risk.read' },
  });
  if (late) {
    platform.bus.publish({
      type: 'lottery.anomaly',
      payload: { kind: 'late_cancellation', severity: 'high', code, by: actor.username, reason },
      audience: { permission: 'lottery.risk.read' },
    });
  }
  return { code, late };
}
