import type { Kysely, Transaction } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { LotteryMoneyTables } from './money-tables.ts';
import type { LotteryResultsTables } from './results-tables.ts';
import type { LotteryRiskTables } from './risk-tables.ts';
import type { LotterySalesTables } from './sales-tables.ts';
import type { LotteryTables } from './tables.ts';

/** Every table of the module: network and catalog (tables.ts), sales (sales-tables.ts). */
export type AllLotteryTables = LotteryTables &
  LotterySalesTables &
  LotteryResultsTables &
  LotteryRiskTables &
  LotteryMoneyTables;

export type LotteryDb =
  | Kysely<PlatformTables & AllLotteryTables>
  | Transaction<PlatformTables & AllLotteryTables>;

const typed = new WeakMap<object, LotteryDb>();

/** The platform's connection (or transaction) typed with the lottery tables too; one per handle, not per call. */
export function lotteryDb(db: Kysely<PlatformTables> | Transaction<PlatformTables>): LotteryDb {
  let found = typed.get(db);
  if (!found) {
    found = db.withTables<AllLotteryTables>();
    typed.set(db, found);
  }
  return found;
}

/** A foreign key refused a delete: some record still points at the row. */
export function isForeignKeyViolation(error: unknown): boolean {
  return /foreign key/i.test(String((error as Error)?.message));
}

export function isUniqueViolation(error: unknown): boolean {
  return /unique|duplicate key/i.test(String((error as Error)?.message));
}
