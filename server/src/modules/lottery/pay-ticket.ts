import { toMajor } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { businessDate, localTime } from '../../platform/clock.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { findBancasOfUser } from './network.repo.ts';
import {
  findPaymentOfTicket,
  insertPayment,
  markTicketPaid,
  readPayoutSettingsJson,
} from './payments.repo.ts';
import { recordPaymentAggregates } from './record-sales-aggregates.ts';
import type { LotteryLedgerEntriesTable } from './sales-tables.ts';
import { findTicketOutcome } from './settlement.repo.ts';
import { signatureMatches } from './ticket-signature.ts';
import { findTicketByCode, type TicketRow } from './tickets.repo.ts';

export interface PayoutSettings {
  pay_any_banca: boolean;
}

export async function getPayoutSettings(db: LotteryDb): Promise<PayoutSettings> {
  const stored = await readPayoutSettingsJson(db);
  const parsed = stored ? (JSON.parse(stored) as Partial<PayoutSettings>) : {};
  return { pay_any_banca: parsed.pay_any_banca === true };
}

export type PaymentRow = NonNullable<Awaited<ReturnType<typeof findPaymentOfTicket>>>;

/** The ticket with its status and prize as read from its draws and prize row (settlement stores only winners). */
async function withOutcome(db: LotteryDb, ticket: TicketRow): Promise<TicketRow> {
  return { ...ticket, ...(await findTicketOutcome(db, ticket.id)) };
}

/** "2026-04-29 12:55" in the operator's zone, for the cashier to read; null stays null. */
function localStamp(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  return `${businessDate(at, timeZone)} ${localTime(at, timeZone)}`;
}

/**
 * Why a ticket cannot be paid now (null = it can): the refusals of DOMAIN.md §7. Instants stay ISO in
 * the details; the message shows them in the operator's zone (`*_local`).
 */
export function payRefusal(
  ticket: TicketRow,
  payment: PaymentRow | undefined,
  now: Date,
  timeZone: string,
): AppError | null {
  const code = ticket.code;
  const expired = () =>
    new AppError('TICKET_EXPIRED', 409, {
      code,
      expires_at: ticket.expires_at,
      expires_at_local: localStamp(ticket.expires_at, timeZone),
    });
  switch (ticket.status) {
    case 'paid':
      return new AppError('ALREADY_PAID', 409, {
        code,
        paid_at: ticket.paid_at,
        paid_at_local: localStamp(ticket.paid_at, timeZone),
        paid_by: payment?.paid_by_username ?? ticket.paid_by,
        paid_banca: payment?.paid_banca_code ?? null,
        amount: toMajor(Number(ticket.prize_total)),
      });
    case 'cancelled':
      return new AppError('TICKET_CANCELLED', 409, { code, cancelled_at: ticket.cancelled_at });
    case 'expired':
      return expired();
    case 'loser':
      return new AppError('TICKET_NOT_WINNER', 409, { code });
    case 'winner':
      if (Date.parse(ticket.expires_at) <= now.getTime()) return expired();
      return null;
    default:
      return new AppError('TICKET_NOT_SETTLED', 409, { code, status: ticket.status });
  }
}

/** The banca whose cash pays: the seller's own banca; another banca only if the operator allows it. */
async function payingBanca(db: LotteryDb, auth: AuthContext, ticket: TicketRow): Promise<string> {
  const own = await findBancasOfUser(db, auth.userId);
  if (own.some((b) => b.id === ticket.banca_id)) return ticket.banca_id;
  if (own.length === 0 && auth.permissions.has('lottery.network.manage')) return ticket.banca_id;
  if (own.length > 0 && (await getPayoutSettings(db)).pay_any_banca) return own[0].id;
  if (own.length === 0) throw forbidden('lottery.ticket.pay');
  const banca = await db
    .selectFrom('lottery_bancas')
    .select('code')
    .where('id', '=', ticket.banca_id)
    .executeTakeFirstOrThrow();
  throw new AppError('PAY_OTHER_BANCA', 403, { code: ticket.code, banca: banca.code });
}

export interface PaidTicket {
  code: string;
  /** True when this Idempotency-Key already paid it: the same receipt, nothing new written. */
  replayed: boolean;
}

/**
 * Pays a winning ticket's whole prize (DOMAIN.md §7): one conditional update `winner → paid`
 * (exactly one of any number of concurrent requests gets the row), the payment row, the ledger entry
 * and the audit, in one transaction. A repeat with the same Idempotency-Key by the same user gets the
 * same receipt; anyone else gets ALREADY_PAID with when and by whom.
 */
export async function payTicket(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  scan: { code: string; signature: string | null },
  idempotencyKey?: string,
): Promise<PaidTicket> {
  const db = lotteryDb(platform.db);
  const stored = await findTicketByCode(db, scan.code);
  if (!stored) throw notFound('lottery_ticket', scan.code);
  const ticket = await withOutcome(db, stored);
  if (scan.signature !== null && !signatureMatches(ticket.signature, scan.signature))
    throw new AppError('TICKET_FORGED', 422, { code: scan.code });
  const replay = async () => {
    if (!idempotencyKey) return null;
    const payment = await findPaymentOfTicket(db, ticket.id);
    return payment && payment.idempotency_key === idempotencyKey && payment.paid_by === actor.userId
      ? { code: ticket.code, replayed: true }
      : null;
  };
  if (ticket.status === 'paid') {
    const replayed = await replay();
    if (replayed) return replayed;
  }
  const now = platform.clock.now();
  const { time_zone: timeZone } = await getOperatorSettings(db, platform.config);
  const refusal = payRefusal(ticket, await findPaymentOfTicket(db, ticket.id), now, timeZone);
  if (refusal) throw refusal;
  const paidBancaId = await payingBanca(db, auth, ticket);
  const at = now.toISOString();
  const amount = Number(ticket.prize_total);
  const paid = await platform.db.transaction().execute(async (trx) => {
    const tdb = lotteryDb(trx);
    if (!(await markTicketPaid(tdb, ticket.id, actor.userId!, at, paidBancaId, amount))) return false;
    const ledger: LotteryLedgerEntriesTable = {
      id: newId(),
      at,
      business_date: ticket.business_date,
      banca_id: paidBancaId,
      kind: 'prize_paid',
      ticket_id: ticket.id,
      debit_account: `banca:${ticket.banca_id}:prizes_payable`,
      credit_account: `banca:${paidBancaId}:cash`,
      amount,
      memo: `PAGO ${ticket.code}`,
    };
    await insertPayment(
      tdb,
      {
        id: newId(),
        ticket_id: ticket.id,
        code: ticket.code,
        receipt_number: `PAG-${ticket.code}`,
        banca_id: ticket.banca_id,
        paid_banca_id: paidBancaId,
        paid_by: actor.userId!,
        paid_at: at,
        amount,
        idempotency_key: idempotencyKey ?? null,
        ip: actor.ip,
      },
      ledger,
    );
    await recordPaymentAggregates(
      tdb,
      { paidBancaId, paidBy: actor.userId!, at, amount },
      platform.config.timezone,
    );
    await platform.audit(trx, actor, {
      entity: 'lottery_ticket',
      entityId: ticket.id,
      action: 'pay',
      before: { status: 'winner' },
      after: {
        status: 'paid',
        amount,
        paid_banca_id: paidBancaId,
        other_banca: paidBancaId !== ticket.banca_id,
      },
    });
    return true;
  });
  if (!paid) {
    const replayed = await replay();
    if (replayed) return replayed;
    const fresh = await withOutcome(db, (await findTicketByCode(db, ticket.code))!);
    throw (
      payRefusal(fresh, await findPaymentOfTicket(db, ticket.id), platform.clock.now(), timeZone) ??
      new AppError('TICKET_NOT_SETTLED', 409, { code: ticket.code, status: fresh.status })
    );
  }
  platform.bus.publish({
    type: 'lottery.ticket.paid',
    payload: {
      code: ticket.code,
      banca_id: ticket.banca_id,
      paid_banca_id: paidBancaId,
      amount: toMajor(amount),
    },
    audience: { permission: 'lottery.money.read' },
  });
  return { code: ticket.code, replayed: false };
}
