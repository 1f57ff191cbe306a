import {
  type BetTypeCode,
  DEFAULT_PRIZES,
  type Hundredths,
  prizeTableKeys,
} from '@matriz/shared/lottery/games';
import type { LotteryDb } from './db.ts';
import { findPrizeRows, type PrizeRow, type ScopeRef } from './prizes.repo.ts';

/**
 * Prize tables are layered (DOMAIN.md §3): the built-in defaults, the operator's default table,
 * then per banca, then per lottery, then per draw; for each bet type and prize class the most
 * specific layer that sets it wins.
 */
export const PRIZE_LAYERS_MOST_SPECIFIC_FIRST = ['draw', 'lottery', 'banca', 'default'] as const;
export type PrizeSource = (typeof PRIZE_LAYERS_MOST_SPECIFIC_FIRST)[number] | 'built_in';

export interface PrizeContext {
  bancaId?: string | null;
  lotteryId?: string | null;
  drawId?: string | null;
}

export interface ResolvedPrize {
  multiplier: Hundredths;
  source: PrizeSource;
}

export const prizeKey = (betType: string, prizeClass: string) => `${betType}:${prizeClass}`;

export function scopesOf(context: PrizeContext): ScopeRef[] {
  const scopes: ScopeRef[] = [{ scope: 'default', scopeId: '' }];
  if (context.bancaId) scopes.push({ scope: 'banca', scopeId: context.bancaId });
  if (context.lotteryId) scopes.push({ scope: 'lottery', scopeId: context.lotteryId });
  if (context.drawId) scopes.push({ scope: 'draw', scopeId: context.drawId });
  return scopes;
}

/** Pure: the effective multiplier of every (bet type, prize class) given the override rows of the context. */
export function layerPrizes(rows: readonly PrizeRow[], context: PrizeContext): Map<string, ResolvedPrize> {
  const idOf: Record<(typeof PRIZE_LAYERS_MOST_SPECIFIC_FIRST)[number], string | null | undefined> = {
    draw: context.drawId,
    lottery: context.lotteryId,
    banca: context.bancaId,
    default: '',
  };
  const byLayer = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (idOf[row.scope as keyof typeof idOf] !== row.scope_id) continue;
    const layer = byLayer.get(row.scope) ?? new Map<string, number>();
    byLayer.set(row.scope, layer);
    layer.set(prizeKey(row.bet_type, row.prize_class), Number(row.multiplier));
  }
  const resolved = new Map<string, ResolvedPrize>();
  for (const { betType, prizeClass } of prizeTableKeys()) {
    const key = prizeKey(betType, prizeClass);
    let found: ResolvedPrize = { multiplier: DEFAULT_PRIZES[betType][prizeClass], source: 'built_in' };
    for (const layer of PRIZE_LAYERS_MOST_SPECIFIC_FIRST) {
      const value = byLayer.get(layer)?.get(key);
      if (value !== undefined) {
        found = { multiplier: value, source: layer };
        break;
      }
    }
    resolved.set(key, found);
  }
  return resolved;
}

export async function resolvePrizeTable(
  db: LotteryDb,
  context: PrizeContext,
): Promise<Map<string, ResolvedPrize>> {
  return layerPrizes(await findPrizeRows(db, scopesOf(context)), context);
}

/**
 * The multiplier (hundredths) that applies to one prize class in a sale context; null for a class
 * the tables do not price (REVENTADO pays the multiplier announced with the result).
 */
export async function resolvePrizeMultiplier(
  db: LotteryDb,
  context: PrizeContext & { betType: BetTypeCode; prizeClass: string },
): Promise<ResolvedPrize | null> {
  return (await resolvePrizeTable(db, context)).get(prizeKey(context.betType, context.prizeClass)) ?? null;
}

/**
 * One query for a whole sale: the effective table of every draw of the ticket at its banca, to copy
 * the multipliers onto the lines. Keyed by draw id, then by `prizeKey(betType, prizeClass)`.
 */
export async function resolvePrizeTablesForSale(
  db: LotteryDb,
  bancaId: string,
  draws: readonly { id: string; lottery_id: string }[],
): Promise<Map<string, Map<string, ResolvedPrize>>> {
  const scopes = new Map<string, ScopeRef>();
  for (const draw of draws) {
    for (const scope of scopesOf({ bancaId, lotteryId: draw.lottery_id, drawId: draw.id })) {
      scopes.set(`${scope.scope}:${scope.scopeId}`, scope);
    }
  }
  const rows = await findPrizeRows(db, [...scopes.values()]);
  return new Map(
    draws.map((d) => [d.id, layerPrizes(rows, { bancaId, lotteryId: d.lottery_id, drawId: d.id })]),
  );
}
