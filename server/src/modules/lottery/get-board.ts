import {
  BOARD_NUMBERS,
  type CombinationExposure,
  drawExposure,
  type NumberExposure,
  netRisk,
} from '@matriz/shared/lottery/exposure';
import type { BetTypeCode } from '@matriz/shared/lottery/games';
import {
  type BoardColour,
  boardColour,
  claimsForLine,
  type HotNumber,
  type LimitRule,
} from '@matriz/shared/lottery/limits';
import { toMajor } from '@matriz/shared/money';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { countDrawTickets, drawCounters, groupedDrawLines, type SalesScope } from './board.repo.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import { type DrawWithLottery, findDraw } from './draws.repo.ts';
import { findBlockedNumbers, findHotNumbers, findLimitRules } from './limits.repo.ts';
import { findBanca } from './network.repo.ts';
import { visibleBancaIds } from './ticket-scope.ts';

type Counters = Map<string, { sold: number; lim: number }>;
type BlockedRow = Awaited<ReturnType<typeof findBlockedNumbers>>[number];

/** The limit that binds a (bet type, number) of the draw: the claim with the largest share used. */
export interface BoundLimit {
  limitCents: number | null;
  usedCents: number;
  availableCents: number | null;
  /** Share used in basis points (10 000 = 100 %). */
  shareBp: number | null;
  measure: 'sales' | 'payout' | null;
  hot: boolean;
}

export interface LimitContext {
  draw: DrawWithLottery;
  rules: LimitRule[];
  hot: HotNumber[];
  blocked: BlockedRow[];
  counters: Counters;
  zoneId: string;
  bancaId: string;
}

export async function loadLimitContext(
  db: LotteryDb,
  draw: DrawWithLottery,
  limitScope: { zoneId: string; bancaId: string },
): Promise<LimitContext> {
  const [rules, hot, blocked, counters] = await Promise.all([
    findLimitRules(db, [draw.id], [draw.lottery_id]),
    findHotNumbers(db, [draw.lottery_id]),
    findBlockedNumbers(db, [draw.id], [draw.lottery_id]),
    drawCounters(db, draw.id),
  ]);
  return { draw, rules, hot, blocked, counters, ...limitScope };
}

/**
 * The number-level and hot-number limits governing one (bet type, number) in the draw. Bet-type,
 * banca, zone and global counters are shared by every number, so they do not colour one cell.
 * A counter's `sold` is used when it exists (it is what the next sale is checked against); else the
 * scope's own figure in the rule's measure.
 */
export function boundLimit(
  ctx: LimitContext,
  betType: string,
  number: string,
  fallback: { salesCents: number; payoutCents: number },
): BoundLimit {
  const claims = claimsForLine(
    {
      drawId: ctx.draw.id,
      lotteryId: ctx.draw.lottery_id,
      betType: betType as BetTypeCode,
      number,
      salesCents: fallback.salesCents,
      payoutCents: fallback.payoutCents,
    },
    { zoneId: ctx.zoneId, bancaId: ctx.bancaId, drawDate: ctx.draw.draw_date },
    ctx.rules,
    ctx.hot,
  ).filter((c) => c.level === 'number' || c.level === 'hot');
  let best: BoundLimit = {
    limitCents: null,
    usedCents: fallback.salesCents,
    availableCents: null,
    shareBp: null,
    measure: null,
    hot: false,
  };
  for (const claim of claims) {
    const counter = ctx.counters.get(claim.key);
    const used = counter ? counter.sold : claim.amountCents;
    const limit = claim.limitCents;
    const shareBp = limit > 0 ? Math.floor((used * 10_000) / limit) : Number.POSITIVE_INFINITY;
    if (best.shareBp === null || shareBp > best.shareBp) {
      best = {
        limitCents: limit,
        usedCents: used,
        availableCents: Math.max(0, limit - used),
        shareBp,
        measure: claim.key.endsWith('|payout') ? 'payout' : 'sales',
        hot: claim.level === 'hot',
      };
    }
  }
  return best;
}

export function isBlocked(ctx: LimitContext, betType: string, number: string): boolean {
  // The same match as the sale (prepare-sale): exact number, any or this bet type.
  return ctx.blocked.some((b) => b.number === number && (b.bet_type === null || b.bet_type === betType));
}

/** The directo-like bet type whose numbers the 00–99 board shows for this draw. */
export function boardBetType(draw: DrawWithLottery): string {
  return draw.result_format === 'tiempos' ? 'TIEMPOS' : 'DIRECTO';
}

export interface BoardNumber {
  number: string;
  colour: BoardColour;
  sold: NumberExposure;
  limit: BoundLimit;
  blocked: boolean;
  netRiskCents: number;
}

export interface BoardCombination {
  exposure: CombinationExposure;
  colour: BoardColour;
  limit: BoundLimit;
  blocked: boolean;
}

export interface Board {
  draw: DrawWithLottery;
  numbers: BoardNumber[];
  combinations: BoardCombination[];
  salesCents: number;
  netSalesCents: number;
  tickets: number;
}

/**
 * Board, exposure and combinations of one draw in one scope, in cents. The draw's lines are scanned
 * through `reader` (off the event loop on SQLite: a busy draw holds tens of thousands of lines).
 */
export async function computeBoard(
  db: LotteryDb,
  reader: LotteryDb,
  draw: DrawWithLottery,
  scope: SalesScope,
  limitScope: { zoneId: string; bancaId: string },
): Promise<Board> {
  const [groups, ctx, tickets] = await Promise.all([
    groupedDrawLines(reader, draw.id, scope),
    loadLimitContext(db, draw, limitScope),
    countDrawTickets(reader, draw.id, scope),
  ]);
  const exposure = drawExposure(groups);
  const betType = boardBetType(draw);
  const numbers = BOARD_NUMBERS.map((number) => {
    const sold = exposure.numbers.get(number) ?? {
      number,
      salesCents: 0,
      payoutIfFirstCents: 0,
      combinationPayoutCents: 0,
      exposureCents: 0,
      lines: 0,
    };
    const limit = boundLimit(ctx, betType, number, {
      salesCents: sold.salesCents,
      payoutCents: sold.payoutIfFirstCents,
    });
    const blocked = isBlocked(ctx, betType, number);
    return {
      number,
      sold,
      limit,
      blocked,
      colour: boardColour(limit.usedCents, limit.limitCents, blocked),
      netRiskCents: netRisk(sold.exposureCents, exposure.netSalesCents),
    };
  });
  const combinations = exposure.combinations.map((combination) => {
    const limit = boundLimit(ctx, combination.betType, combination.number, {
      salesCents: combination.salesCents,
      payoutCents: combination.payoutCents,
    });
    const blocked = isBlocked(ctx, combination.betType, combination.number);
    return {
      exposure: combination,
      limit,
      blocked,
      colour: boardColour(limit.usedCents, limit.limitCents, blocked),
    };
  });
  return {
    draw,
    numbers,
    combinations,
    salesCents: exposure.salesCents,
    netSalesCents: exposure.netSalesCents,
    tickets,
  };
}

export interface BoardRequest {
  drawId: string;
  zoneId?: string;
  bancaId?: string;
}

/** Resolves the scope the user asked for within the bancas they may see. */
async function resolveScope(
  db: LotteryDb,
  auth: AuthContext,
  request: { zoneId?: string; bancaId?: string },
): Promise<{ scope: SalesScope; limitScope: { zoneId: string; bancaId: string } }> {
  const visible = await visibleBancaIds(db, auth);
  if (request.bancaId) {
    const banca = await findBanca(db, request.bancaId);
    if (!banca || (visible && !visible.includes(banca.id))) throw notFound('lottery_banca', request.bancaId);
    return { scope: { bancaId: banca.id }, limitScope: { zoneId: banca.zone_id, bancaId: banca.id } };
  }
  if (request.zoneId) {
    return {
      scope: { zoneId: request.zoneId, bancaIds: visible },
      limitScope: { zoneId: request.zoneId, bancaId: '' },
    };
  }
  return { scope: { bancaIds: visible }, limitScope: { zoneId: '', bancaId: '' } };
}

const money = (cents: number | null) => (cents === null ? null : toMajor(cents));
const percent = (bp: number | null) =>
  bp === null ? null : Number.isFinite(bp) ? Math.round(bp / 10) / 10 : null;

/** GET /lottery/draws/:id/board — the pizarra, exposure, top risks and sold-out list. */
export async function getBoard(platform: Platform, auth: AuthContext, request: BoardRequest) {
  const db = lotteryDb(platform.db);
  const draw = await findDraw(db, request.drawId);
  if (!draw) throw notFound('lottery_draw', request.drawId);
  if (request.zoneId && request.bancaId) throw new AppError('SCOPE_AMBIGUOUS', 422, {});
  const { scope, limitScope } = await resolveScope(db, auth, request);
  const board = await computeBoard(db, lotteryDb(platform.database.reader), draw, scope, limitScope);
  const numbers = board.numbers.map((n) => ({
    number: n.number,
    colour: n.colour,
    sold: toMajor(n.sold.salesCents),
    lines: n.sold.lines,
    limit: money(n.limit.limitCents),
    limit_used: toMajor(n.limit.usedCents),
    available: money(n.limit.availableCents),
    share: percent(n.limit.shareBp),
    measure: n.limit.measure,
    hot: n.limit.hot,
    blocked: n.blocked,
    payout_if_first: toMajor(n.sold.payoutIfFirstCents),
    combination_payout: toMajor(n.sold.combinationPayoutCents),
    exposure: toMajor(n.sold.exposureCents),
    net_risk: toMajor(n.netRiskCents),
  }));
  const topRisk = [...board.numbers]
    .filter((n) => n.sold.exposureCents > 0)
    .sort((a, b) => b.netRiskCents - a.netRiskCents || (a.number < b.number ? -1 : 1))
    .slice(0, 10)
    .map((n) => numbers[Number(n.number)]);
  const soldOut = numbers.filter((n) => n.blocked || (n.available !== null && n.available <= 0));
  return {
    draw: {
      id: draw.id,
      lottery_id: draw.lottery_id,
      lottery_code: draw.lottery_code,
      lottery_name: draw.lottery_name,
      draw_date: draw.draw_date,
      draw_time: draw.draw_time,
      close_at: draw.close_at,
      status: draw.status,
    },
    scope: { zone_id: request.zoneId ?? null, banca_id: request.bancaId ?? null },
    generated_at: platform.clock.now().toISOString(),
    totals: {
      sales: toMajor(board.salesCents),
      net_sales: toMajor(board.netSalesCents),
      tickets: board.tickets,
      max_exposure: toMajor(Math.max(0, ...board.numbers.map((n) => n.sold.exposureCents))),
    },
    numbers,
    combinations: board.combinations.slice(0, 50).map((c) => ({
      bet_type: c.exposure.betType,
      number: c.exposure.number,
      numbers: c.exposure.numbers,
      sold: toMajor(c.exposure.salesCents),
      lines: c.exposure.lines,
      payout: toMajor(c.exposure.payoutCents),
      limit: money(c.limit.limitCents),
      available: money(c.limit.availableCents),
      share: percent(c.limit.shareBp),
      colour: c.colour,
      blocked: c.blocked,
    })),
    top_risk: topRisk,
    sold_out: soldOut,
  };
}
