import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import {
  aggregateMismatches,
  allAccountBalances,
  cachedBalances,
  malformedEntries,
  movementMismatches,
  prizeLedgerMismatches,
  refreshStatistics,
  ticketAggregateMismatches,
  ticketEntryMismatches,
  ticketPrizeMismatches,
} from './ledger.repo.ts';

export interface LedgerVerification {
  ok: boolean;
  /** The first discrepancy found, in words, with the rows that show it. */
  problems: { check: string; message: string; rows: unknown[] }[];
  accounts: { account: string; balance: number }[];
  totals: { debits_minus_credits: number; accounts: number };
}

const BALANCE_ACCOUNTS = /^banca:([^:]+):(cash|commission|cashback)$/;

/**
 * Proves the books (DOMAIN.md §8): every entry is a positive amount between two accounts (so debits
 * equal credits); every ticket's sale, commission, cancellation and payment entries match its
 * figures; prizes won per banca match the winning lines of settled draws; approved movements have
 * their entry; the cached balances equal the ledger; the report aggregates equal the tickets.
 */
export async function verifyLedger(platform: Platform): Promise<LedgerVerification> {
  const db = lotteryDb(platform.db);
  if (platform.engine === 'postgres') await refreshStatistics(db);
  const problems: LedgerVerification['problems'] = [];
  const add = (check: string, message: string, rows: unknown[]) => {
    if (rows.length > 0) problems.push({ check, message, rows });
  };
  add('entries', 'asientos con importe ≤ 0 o la misma cuenta al debe y al haber', await malformedEntries(db));
  add(
    'tickets',
    'tickets cuyos asientos (venta, comisión, anulación, pago) no cuadran con sus cifras',
    await ticketEntryMismatches(db),
  );
  add('prizes', 'tickets cuyo premio no es la suma de sus líneas ganadoras', await ticketPrizeMismatches(db));
  add(
    'prizes_won',
    'premios ganados en el libro ≠ líneas ganadoras de sorteos liquidados (por banca)',
    await prizeLedgerMismatches(db),
  );
  add(
    'movements',
    'cobros/pagos/préstamos aprobados sin su asiento (o con otro importe)',
    await movementMismatches(db),
  );
  const accounts = await allAccountBalances(db);
  const sum = accounts.reduce((s, a) => s + a.balance, 0);
  if (sum !== 0) add('balance', `debe − haber = ${sum} ≠ 0`, [{ sum }]);
  const ledgerBalances = new Map<string, number>();
  for (const a of accounts) {
    const match = BALANCE_ACCOUNTS.exec(a.account);
    if (match) ledgerBalances.set(match[1], (ledgerBalances.get(match[1]) ?? 0) + a.balance);
  }
  const cached = await cachedBalances(db);
  const cacheRows = [...new Set([...ledgerBalances.keys(), ...cached.keys()])]
    .filter((id) => (ledgerBalances.get(id) ?? 0) !== (cached.get(id) ?? 0))
    .slice(0, 5)
    .map((id) => ({ banca_id: id, ledger: ledgerBalances.get(id) ?? 0, cached: cached.get(id) ?? 0 }));
  add('balances', 'saldo en caché de la banca ≠ suma de sus asientos', cacheRows);
  add(
    'aggregates',
    'agregado de ventas por día y banca ≠ suma de los tickets',
    await aggregateMismatches(db),
  );
  add('aggregates_tickets', 'agregado de tickets ≠ agregado de ventas', await ticketAggregateMismatches(db));
  return {
    ok: problems.length === 0,
    problems,
    accounts,
    totals: { debits_minus_credits: sum, accounts: accounts.length },
  };
}
