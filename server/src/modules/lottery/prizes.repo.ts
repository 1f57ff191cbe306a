import type { Selectable } from 'kysely';
import type { LotteryDb } from './db.ts';
import type { LotteryCommissionRatesTable, LotteryPrizeMultipliersTable } from './tables.ts';

export type PrizeRow = Selectable<LotteryPrizeMultipliersTable>;
export type CommissionRow = Selectable<LotteryCommissionRatesTable>;

export interface ScopeRef {
  scope: string;
  scopeId: string;
}

/** Every override at any of the given scopes. */
export async function findPrizeRows(db: LotteryDb, scopes: readonly ScopeRef[]): Promise<PrizeRow[]> {
  if (scopes.length === 0) return [];
  return db
    .selectFrom('lottery_prize_multipliers')
    .selectAll()
    .where((eb) =>
      eb.or(scopes.map((s) => eb.and([eb('scope', '=', s.scope), eb('scope_id', '=', s.scopeId)]))),
    )
    .execute();
}

export async function replacePrizeRows(
  db: LotteryDb,
  scope: ScopeRef,
  rows: LotteryPrizeMultipliersTable[],
): Promise<void> {
  await db
    .deleteFrom('lottery_prize_multipliers')
    .where('scope', '=', scope.scope)
    .where('scope_id', '=', scope.scopeId)
    .execute();
  await insertPrizeRows(db, rows);
}

export async function insertPrizeRows(db: LotteryDb, rows: LotteryPrizeMultipliersTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('lottery_prize_multipliers')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Rates of these bancas (and '*') for these lotteries (and '*'). */
export async function findCommissionRows(
  db: LotteryDb,
  bancaScopes: readonly string[],
  lotteryScopes: readonly string[],
): Promise<CommissionRow[]> {
  if (bancaScopes.length === 0 || lotteryScopes.length === 0) return [];
  return db
    .selectFrom('lottery_commission_rates')
    .selectAll()
    .where('banca_scope', 'in', [...bancaScopes])
    .where('lottery_scope', 'in', [...lotteryScopes])
    .execute();
}

export async function replaceCommissionRows(
  db: LotteryDb,
  bancaScope: string,
  lotteryScope: string,
  rows: LotteryCommissionRatesTable[],
): Promise<void> {
  await db
    .deleteFrom('lottery_commission_rates')
    .where('banca_scope', '=', bancaScope)
    .where('lottery_scope', '=', lotteryScope)
    .execute();
  await insertCommissionRows(db, rows);
}

export async function insertCommissionRows(
  db: LotteryDb,
  rows: LotteryCommissionRatesTable[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('lottery_commission_rates')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
