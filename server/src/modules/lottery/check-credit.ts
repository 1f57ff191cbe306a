import { readBancaBalance } from './aggregates.repo.ts';
import type { LotteryDb } from './db.ts';

interface CreditProblem {
  code: string;
  status: 422;
  details: Record<string, unknown>;
}

/**
 * The banca's credit (DOMAIN.md §8, spec 003 §4.3): what it owes the house (cached balance: sales −
 * commission − prizes paid − cobros + pagos − caída) plus this sale's net may not pass its credit
 * limit, and a banca whose own balance (−what it owes) is at or below its deactivation balance
 * sells nothing. One primary-key read; checked while planning, so concurrent sales in one batch may
 * pass the limit by at most that batch.
 */
export async function creditProblem(
  db: LotteryDb,
  banca: { id: string; credit_limit_cents: number | null; deactivation_balance_cents: number | null },
  saleNetCents: number,
): Promise<CreditProblem | null> {
  if (banca.credit_limit_cents === null && banca.deactivation_balance_cents === null) return null;
  const balance = await readBancaBalance(db, banca.id);
  if (banca.deactivation_balance_cents !== null && -balance <= Number(banca.deactivation_balance_cents)) {
    return {
      code: 'BANCA_BALANCE_LOW',
      status: 422,
      details: {
        balance: -balance / 100,
        deactivation_balance: Number(banca.deactivation_balance_cents) / 100,
      },
    };
  }
  if (banca.credit_limit_cents !== null && balance + saleNetCents > Number(banca.credit_limit_cents)) {
    return {
      code: 'CREDIT_LIMIT_EXCEEDED',
      status: 422,
      details: {
        limit: Number(banca.credit_limit_cents) / 100,
        owed: balance / 100,
        requested: saleNetCents / 100,
        available: Math.max(0, Number(banca.credit_limit_cents) - balance) / 100,
      },
    };
  }
  return null;
}
