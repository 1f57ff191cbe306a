import type { BasisPoints } from '@matriz/shared/money';
import type { LotteryDb } from './db.ts';
import { type CommissionRow, findCommissionRows } from './prizes.repo.ts';

/** '*' in a rate row means every banca or every lottery. */
export const ALL = '*';

/**
 * A banca's commission for a bet type: its rate for that lottery, else its rate for every lottery,
 * else the operator-wide rate for that lottery, else the operator-wide rate, else nothing.
 */
export type CommissionSource = 'banca_lottery' | 'banca' | 'all_lottery' | 'all' | 'none';

export interface ResolvedCommission {
  rateBp: BasisPoints;
  source: CommissionSource;
}

const LAYERS: { source: Exclude<CommissionSource, 'none'>; banca: boolean; lottery: boolean }[] = [
  { source: 'banca_lottery', banca: true, lottery: true },
  { source: 'banca', banca: true, lottery: false },
  { source: 'all_lottery', banca: false, lottery: true },
  { source: 'all', banca: false, lottery: false },
];

/** Pure: picks the most specific rate among the rows. */
export function layerCommission(
  rows: readonly CommissionRow[],
  bancaId: string | null,
  lotteryId: string | null,
  betType: string,
): ResolvedCommission {
  for (const layer of LAYERS) {
    const bancaScope = layer.banca ? bancaId : ALL;
    const lotteryScope = layer.lottery ? lotteryId : ALL;
    if (bancaScope === null || lotteryScope === null) continue;
    const row = rows.find(
      (r) => r.bet_type === betType && r.banca_scope === bancaScope && r.lottery_scope === lotteryScope,
    );
    if (row) return { rateBp: row.rate_bp, source: layer.source };
  }
  return { rateBp: 0, source: 'none' };
}

export async function resolveCommissionRate(
  db: LotteryDb,
  context: { bancaId: string; lotteryId: string | null; betType: string },
): Promise<ResolvedCommission> {
  const lotteries = context.lotteryId ? [ALL, context.lotteryId] : [ALL];
  const rows = await findCommissionRows(db, [ALL, context.bancaId], lotteries);
  return layerCommission(rows, context.bancaId, context.lotteryId, context.betType);
}

/** One query for a whole sale: `rateOf(lotteryId, betType)` for every lottery of the ticket. */
export async function resolveCommissionRates(
  db: LotteryDb,
  bancaId: string,
  lotteryIds: readonly string[],
): Promise<(lotteryId: string, betType: string) => ResolvedCommission> {
  const rows = await findCommissionRows(db, [ALL, bancaId], [ALL, ...new Set(lotteryIds)]);
  return (lotteryId, betType) => layerCommission(rows, bancaId, lotteryId, betType);
}
