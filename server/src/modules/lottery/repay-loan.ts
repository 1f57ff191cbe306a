import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { recordMovement } from './approve-movement.ts';
import { lotteryDb } from './db.ts';
import { findLoan, loanRepaid, setLoanStatus } from './money.repo.ts';

/** A repayment of a loan (cobrador or admin); never more than what is still owed (pending ones count). */
export async function repayLoan(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  request: { loanId: string; amountCents: number; note: string | null; idempotencyKey?: string },
) {
  const loan = await findLoan(lotteryDb(platform.db), request.loanId);
  if (!loan) throw notFound('lottery_loan', request.loanId);
  return recordMovement(
    platform,
    actor,
    auth,
    {
      kind: 'loan_repayment',
      bancaId: loan.banca_id,
      amountCents: request.amountCents,
      note: request.note,
      loanId: loan.id,
      idempotencyKey: request.idempotencyKey,
    },
    async (db) => {
      const owed = Number(loan.principal) - (await loanRepaid(db, loan.id));
      if (request.amountCents > owed)
        throw new AppError('LOAN_OVERPAID', 422, { owed: owed / 100, requested: request.amountCents / 100 });
      if (request.amountCents === owed) await setLoanStatus(db, loan.id, 'repaid');
    },
  );
}
