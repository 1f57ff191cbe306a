import type { CommissionSchemeView, PrizeScope, PrizeTableView } from '@matriz/shared/api/lottery-catalog';
import { BET_TYPE_CODES, prizeTableKeys } from '@matriz/shared/lottery/games';
import { AppError } from '../../platform/errors.ts';
import { findLottery } from './catalog.repo.ts';
import type { LotteryDb } from './db.ts';
import { findDraw } from './draws.repo.ts';
import { findBanca } from './network.repo.ts';
import { findCommissionRows, findPrizeRows } from './prizes.repo.ts';
import { ALL, layerCommission } from './resolve-commissions.ts';
import { layerPrizes, type PrizeContext, prizeKey } from './resolve-prizes.ts';

/** The stored scope id of a prize-table scope ('' for the operator default), after checking it exists. */
export async function prizeScopeContext(
  db: LotteryDb,
  scope: PrizeScope,
  scopeId: string | null | undefined,
): Promise<{ scopeId: string; context: PrizeContext }> {
  if (scope === 'default') {
    if (scopeId) throw new AppError('PRIZE_SCOPE_ID_UNEXPECTED', 422, { field: 'scope_id' });
    return { scopeId: '', context: {} };
  }
  if (!scopeId) throw new AppError('PRIZE_SCOPE_ID_REQUIRED', 422, { field: 'scope_id', scope });
  const missing = () =>
    new AppError('NOT_FOUND', 422, { field: 'scope_id', entity: `lottery_${scope}`, id: scopeId });
  switch (scope) {
    case 'banca':
      if (!(await findBanca(db, scopeId))) throw missing();
      return { scopeId, context: { bancaId: scopeId } };
    case 'lottery':
      if (!(await findLottery(db, scopeId))) throw missing();
      return { scopeId, context: { lotteryId: scopeId } };
    case 'draw': {
      const draw = await findDraw(db, scopeId);
      if (!draw) throw missing();
      return { scopeId, context: { drawId: scopeId, lotteryId: draw.lottery_id } };
    }
  }
}

/** One scope's overrides beside the value that applies there and where it comes from. */
export async function getPrizeTable(
  db: LotteryDb,
  scope: PrizeScope,
  requestedId: string | null | undefined,
): Promise<PrizeTableView> {
  const { scopeId, context } = await prizeScopeContext(db, scope, requestedId);
  const rows = await findPrizeRows(db, [
    { scope: 'default', scopeId: '' },
    ...(context.bancaId ? [{ scope: 'banca', scopeId: context.bancaId }] : []),
    ...(context.lotteryId ? [{ scope: 'lottery', scopeId: context.lotteryId }] : []),
    ...(context.drawId ? [{ scope: 'draw', scopeId: context.drawId }] : []),
  ]);
  const effective = layerPrizes(rows, context);
  const own = new Map(
    rows
      .filter((r) => r.scope === scope && r.scope_id === scopeId)
      .map((r) => [prizeKey(r.bet_type, r.prize_class), Number(r.multiplier)]),
  );
  return {
    scope,
    scope_id: scopeId || null,
    entries: prizeTableKeys().map(({ betType, prizeClass }) => {
      const key = prizeKey(betType, prizeClass);
      const resolved = effective.get(key)!;
      const override = own.get(key);
      return {
        bet_type: betType,
        prize_class: prizeClass,
        multiplier: override === undefined ? null : override / 100,
        effective_multiplier: resolved.multiplier / 100,
        source: resolved.source,
      };
    }),
  };
}

export async function commissionScopeIds(
  db: LotteryDb,
  bancaId: string | null | undefined,
  lotteryId: string | null | undefined,
): Promise<{ bancaScope: string; lotteryScope: string }> {
  if (bancaId && !(await findBanca(db, bancaId))) {
    throw new AppError('NOT_FOUND', 422, { field: 'banca_id', entity: 'lottery_banca', id: bancaId });
  }
  if (lotteryId && !(await findLottery(db, lotteryId))) {
    throw new AppError('NOT_FOUND', 422, { field: 'lottery_id', entity: 'lottery_lottery', id: lotteryId });
  }
  return { bancaScope: bancaId || ALL, lotteryScope: lotteryId || ALL };
}

/** The rates set at one (banca, lottery) scope beside the rate that applies there. */
export async function getCommissionScheme(
  db: LotteryDb,
  bancaId: string | null | undefined,
  lotteryId: string | null | undefined,
): Promise<CommissionSchemeView> {
  const { bancaScope, lotteryScope } = await commissionScopeIds(db, bancaId, lotteryId);
  const rows = await findCommissionRows(
    db,
    [...new Set([ALL, bancaScope])],
    [...new Set([ALL, lotteryScope])],
  );
  return {
    banca_id: bancaId || null,
    lottery_id: lotteryId || null,
    entries: BET_TYPE_CODES.map((betType) => {
      const own = rows.find(
        (r) => r.bet_type === betType && r.banca_scope === bancaScope && r.lottery_scope === lotteryScope,
      );
      const resolved = layerCommission(rows, bancaId || null, lotteryId || null, betType);
      return {
        bet_type: betType,
        percent: own ? own.rate_bp / 100 : null,
        effective_percent: resolved.rateBp / 100,
        source: resolved.source,
      };
    }),
  };
}
