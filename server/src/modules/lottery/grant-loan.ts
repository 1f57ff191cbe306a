import { localDate } from '@matriz/shared/lottery/schedule';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { recordMovement } from './approve-movement.ts';
import { insertLoan } from './money.repo.ts';

export type LoanFrequency = 'day' | 'week' | 'month';

export interface LoanInstallment {
  number: number;
  due_date: string;
  amount: number;
  /** Cents of this installment covered by the repayments so far (oldest first). */
  paid: number;
}

function addPeriod(date: string, frequency: LoanFrequency, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (frequency === 'day') d.setUTCDate(d.getUTCDate() + n);
  else if (frequency === 'week') d.setUTCDate(d.getUTCDate() + 7 * n);
  else {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + n);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  }
  return d.toISOString().slice(0, 10);
}

/** Equal installments (the last one takes the rounding), repayments applied oldest first. */
export function loanSchedule(
  loan: { principal: number; installments: number; frequency: string; first_due_date: string },
  repaid: number,
): LoanInstallment[] {
  const base = Math.floor(loan.principal / loan.installments);
  let left = repaid;
  return Array.from({ length: loan.installments }, (_, i) => {
    const amount = i === loan.installments - 1 ? loan.principal - base * (loan.installments - 1) : base;
    const paid = Math.min(amount, Math.max(0, left));
    left -= paid;
    return {
      number: i + 1,
      due_date: addPeriod(loan.first_due_date, loan.frequency as LoanFrequency, i),
      amount,
      paid,
    };
  });
}

/** A loan to a banca (admin only): the loan, its disbursement movement and ledger entry, in one go. */
export async function grantLoan(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  request: {
    bancaId: string;
    principalCents: number;
    installments: number;
    frequency: LoanFrequency;
    firstDueDate?: string;
    note: string | null;
    idempotencyKey?: string;
  },
) {
  if (!auth.permissions.has('lottery.money.manage')) throw forbidden('lottery.money.manage');
  if (!(request.principalCents > 0)) throw new AppError('AMOUNT_INVALID', 422, { field: 'principal' });
  const now = platform.clock.now();
  const today = localDate(now, platform.config.timezone);
  const loanId = newId();
  const loan = {
    id: loanId,
    banca_id: request.bancaId,
    principal: request.principalCents,
    installments: request.installments,
    installment_amount: Math.floor(request.principalCents / request.installments),
    frequency: request.frequency,
    first_due_date: request.firstDueDate ?? addPeriod(today, request.frequency, 1),
    status: 'active',
    note: request.note,
    created_at: now.toISOString(),
    created_by: actor.userId!,
  };
  const movement = await recordMovement(
    platform,
    actor,
    auth,
    {
      kind: 'loan',
      bancaId: request.bancaId,
      amountCents: request.principalCents,
      note: request.note ?? `PRÉSTAMO ${request.installments} cuotas`,
      loanId,
      idempotencyKey: request.idempotencyKey,
      forceApproved: true,
    },
    (db) => insertLoan(db, loan),
  );
  return {
    loan_id: movement.replayed ? movement.loan_id : loanId,
    movement_id: movement.id,
    replayed: movement.replayed,
  };
}
