import { type BetTypeCode, type DrawResult, evaluate, isBetTypeCode } from '@matriz/shared/lottery/games';
import { toMajor } from '@matriz/shared/money';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import type { Engine } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { recordPrizeAggregates } from './record-sales-aggregates.ts';
import {
  findDrawsToSettle,
  findResultDraw,
  findResultMeta,
  markDrawSettled,
  type ResultDrawRow,
  updateResultMeta,
} from './results.repo.ts';
import type { LotterySettlementTotalsTable } from './results-tables.ts';
import type { LotteryLedgerEntriesTable } from './sales-tables.ts';
import { layoffShares } from './settle-layoffs.ts';
import {
  decideWaitingPrizes,
  deleteWinningLines,
  drawWinnerSummary,
  findActiveSettlement,
  findComboPrizeTables,
  findDrawBetNumbers,
  findDrawBetTypes,
  findDrawWinnerTickets,
  findPrizeTicketIds,
  findUnsettledDrawsAt,
  findWinnerGroups,
  insertSettlement,
  insertWinningLines,
  markSettlementReversed,
  openTicketPrizes,
  reopenTicketPrizes,
  type WinnerGroup,
} from './settlement.repo.ts';

/**
 * Rows per step. Each step is one short statement (its own transaction, ≈ 20 ms on SQLite, most of it
 * the commit); on PostgreSQL nothing queues behind a step, so steps are bigger (fewer round trips; the
 * sums in one read), yet small enough for the planner to leave JIT compilation off.
 */
const CHUNKS: Record<Engine, { lines: number; tickets: number; combos: number; sums: number | null }> = {
  sqlite: { lines: 2000, tickets: 2000, combos: 2000, sums: 2000 },
  postgres: { lines: 20_000, tickets: 2000, combos: 5000, sums: null },
};

/**
 * Lets queued work take the connection between two steps. A sale needs SQLite's one connection a few
 * times (its session, its batch's transaction): a short pause lets one in flight finish instead of
 * waiting behind a step each time.
 */
const PAUSE_MS: Record<Engine, number> = { sqlite: 5, postgres: 0 };
const yieldTurn = (platform: Platform) =>
  new Promise<void>((resolve) => {
    const ms = PAUSE_MS[platform.engine];
    if (ms > 0) setTimeout(resolve, ms);
    else setImmediate(resolve);
  });

export interface SettlementSummary {
  draw_id: string;
  winning_lines: number;
  prize_total: number;
  /** False when there was nothing to do (already settled by another run). */
  settled: boolean;
}

class AlreadySettled extends Error {}

const drawLabel = (draw: ResultDrawRow) => `${draw.lottery_code} ${draw.draw_date} ${draw.draw_time}`;

/** A correction undoes the previous settlement: ledger reversed, winning lines removed, prizes reopened. */
async function revertSettlement(platform: Platform, draw: ResultDrawRow, actor: Actor): Promise<void> {
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const active = await findActiveSettlement(db, draw.id);
    const reversals: LotteryLedgerEntriesTable[] = active.map((s) => ({
      id: newId(),
      at,
      business_date: s.business_date,
      banca_id: s.banca_id,
      kind: 'prize_won_reversal',
      ticket_id: null,
      debit_account: s.credit_account,
      credit_account: s.debit_account,
      amount: Number(s.amount),
      memo: `CORRECCIÓN ${drawLabel(draw)}`,
    }));
    await insertSettlement(db, reversals, []);
    await markSettlementReversed(
      db,
      active.map((s) => s.id),
      at,
    );
    if (active.length > 0)
      await platform.audit(trx, actor, {
        entity: 'lottery_draw',
        entityId: draw.id,
        action: 'settlement_reverse',
        after: { bancas: active.length, prize_total: active.reduce((s, a) => s + Number(a.prize_total), 0) },
      });
  });
  const db = lotteryDb(platform.db);
  const chunks = CHUNKS[platform.engine];
  while ((await deleteWinningLines(db, draw.id, chunks.lines)) > 0) await yieldTurn(platform);
  for (let after = ''; ; ) {
    const ids = await findPrizeTicketIds(db, after, chunks.tickets);
    if (ids.length === 0) break;
    await reopenTicketPrizes(db, draw.id, ids);
    after = ids[ids.length - 1];
    await yieldTurn(platform);
  }
  await recordPrizeAggregates(db, draw, []);
  await updateResultMeta(db, draw.id, { reverting: 0 });
}

/**
 * What the draw's winning lines add up to per day, banca, seller and bet type (the ledger per banca,
 * the day's aggregates): in one read on PostgreSQL, a page of tickets per read on SQLite.
 */
async function sumWinners(platform: Platform, drawId: string): Promise<WinnerGroup[]> {
  const db = lotteryDb(platform.db);
  const size = CHUNKS[platform.engine].sums;
  if (size === null) return findWinnerGroups(db, drawId, null);
  const winners = await findDrawWinnerTickets(db, drawId);
  const groups = new Map<string, WinnerGroup>();
  for (let i = 0; i < winners.length; i += size) {
    for (const g of await findWinnerGroups(db, drawId, winners.slice(i, i + size))) {
      const key = [g.business_date, g.banca_id, g.seller_id, g.bet_type].join('|');
      const seen = groups.get(key);
      groups.set(
        key,
        seen
          ? {
              ...seen,
              lines: Number(seen.lines) + Number(g.lines),
              prize: Number(seen.prize) + Number(g.prize),
            }
          : g,
      );
    }
    await yieldTurn(platform);
  }
  return [...groups.values()];
}

/**
 * Writes every winning line of the draw, combo by combo, in short chunks (losers are implied), then
 * the prize rows of the tickets that won, a page of tickets at a time.
 */
async function writeWinners(platform: Platform, draw: ResultDrawRow, result: DrawResult): Promise<void> {
  const db = lotteryDb(platform.db);
  const chunks = CHUNKS[platform.engine];
  const winning: {
    betType: string;
    betNumber: string;
    evaluation: NonNullable<ReturnType<typeof evaluate>>;
  }[] = [];
  for (const betType of await findDrawBetTypes(db, draw.id)) {
    if (!isBetTypeCode(betType)) continue;
    let after = '';
    for (;;) {
      const numbers = await findDrawBetNumbers(db, draw.id, betType, after, chunks.combos);
      for (const betNumber of numbers) {
        let evaluation: ReturnType<typeof evaluate> = null;
        try {
          evaluation = evaluate(betType as BetTypeCode, betNumber, result);
        } catch {
          // A bet type not played on this result format (cannot be sold; ignore).
        }
        if (evaluation) winning.push({ betType, betNumber, evaluation });
      }
      if (numbers.length < chunks.combos) break;
      after = numbers[numbers.length - 1];
      await yieldTurn(platform);
    }
  }
  for (const { betType, betNumber, evaluation } of winning) {
    const base = {
      drawId: draw.id,
      betType,
      betNumber,
      prizeClass: evaluation.prizeClass,
      limit: chunks.lines,
    };
    const groups: { prizeMultipliers: string | null; multiplier: number }[] =
      evaluation.resultMultiplier !== undefined
        ? [{ prizeMultipliers: null, multiplier: evaluation.resultMultiplier }]
        : (await findComboPrizeTables(db, draw.id, betType, betNumber)).map((table) => ({
            prizeMultipliers: table,
            multiplier: Number((JSON.parse(table) as Record<string, number>)[evaluation.prizeClass] ?? 0),
          }));
    await yieldTurn(platform);
    for (const group of groups) {
      // A class the copied table does not pay (multiplier 0) leaves the line a loser.
      if (!(group.multiplier > 0)) continue;
      for (;;) {
        const written = await insertWinningLines(db, { ...base, ...group });
        await yieldTurn(platform);
        if (written < chunks.lines) break;
      }
    }
  }
  const alongside = await findUnsettledDrawsAt(db, draw.draw_at, draw.id);
  const winners = await findDrawWinnerTickets(db, draw.id);
  for (let i = 0; i < winners.length; i += chunks.tickets) {
    await openTicketPrizes(db, draw, alongside, winners.slice(i, i + chunks.tickets));
    await yieldTurn(platform);
  }
}

/** Ledger per banca (prize won), the draw flipped to settled, in one short transaction. */
async function closeSettlement(
  platform: Platform,
  draw: ResultDrawRow,
  actor: Actor,
  revision: number,
  groups: readonly WinnerGroup[],
) {
  const at = platform.clock.now().toISOString();
  const totals = new Map<string, { lines: number; prize: number }>();
  for (const g of groups) {
    const banca = totals.get(g.banca_id) ?? { lines: 0, prize: 0 };
    totals.set(g.banca_id, { lines: banca.lines + Number(g.lines), prize: banca.prize + Number(g.prize) });
  }
  return platform.db
    .transaction()
    .execute(async (trx) => {
      const db = lotteryDb(trx);
      const entries: LotteryLedgerEntriesTable[] = [];
      const rows: LotterySettlementTotalsTable[] = [];
      for (const [bancaId, t] of [...totals.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const prize = t.prize;
        if (prize <= 0) continue;
        const entry: LotteryLedgerEntriesTable = {
          id: newId(),
          at,
          business_date: draw.business_date,
          banca_id: bancaId,
          kind: 'prize_won',
          ticket_id: null,
          debit_account: 'house:prizes',
          credit_account: `banca:${bancaId}:prizes_payable`,
          amount: prize,
          memo: drawLabel(draw),
        };
        entries.push(entry);
        rows.push({
          id: newId(),
          draw_id: draw.id,
          banca_id: bancaId,
          revision,
          winning_lines: t.lines,
          prize_total: prize,
          ledger_entry_id: entry.id,
          settled_at: at,
          reversed_at: null,
        });
      }
      if (!(await markDrawSettled(db, draw.id, at))) throw new AlreadySettled();
      await insertSettlement(db, entries, rows);
      await updateResultMeta(db, draw.id, { tickets_pending: 1 });
      const lines = rows.reduce((s, r) => s + r.winning_lines, 0);
      const prize = rows.reduce((s, r) => s + r.prize_total, 0);
      await platform.audit(trx, actor, {
        entity: 'lottery_draw',
        entityId: draw.id,
        action: 'settle',
        after: { revision, winning_lines: lines, prize_total: prize, bancas: rows.length },
      });
      return { lines, prize };
    })
    .catch((error) => {
      if (error instanceof AlreadySettled) return null;
      throw error;
    });
}

/**
 * Settles a resulted draw (ARCHITECTURE.md "Database"): evaluates each distinct (bet type, number)
 * once with the shared game rules, writes only the winning lines (prize = bet × ticket multiplier ×
 * the prize multiplier copied at sale, half-up) and the prizes of the tickets that won, in short
 * chunks; books the prizes per banca and flips the draw to `settled`; then refreshes the day's
 * aggregates and decides the prizes that were waiting for this draw. Losing and active tickets are
 * never written: their status is read from their draws. Every step is idempotent, so a run cut
 * short is finished by the next one (the `lottery.draws.settle` job).
 */
export async function settleDraw(
  platform: Platform,
  drawId: string,
  actor: Actor = systemActor,
): Promise<SettlementSummary> {
  const db = lotteryDb(platform.db);
  let draw = await findResultDraw(db, drawId);
  if (!draw?.result_json) return { draw_id: drawId, winning_lines: 0, prize_total: 0, settled: false };
  let meta = await findResultMeta(db, drawId);
  if (meta?.reverting === 1) {
    await revertSettlement(platform, draw, actor);
    meta = await findResultMeta(db, drawId);
    draw = (await findResultDraw(db, drawId))!;
  }
  let settled = false;
  let groups: WinnerGroup[] | null = null;
  if (draw.status === 'resulted') {
    await writeWinners(platform, draw, JSON.parse(draw.result_json!) as DrawResult);
    groups = await sumWinners(platform, drawId);
    settled = (await closeSettlement(platform, draw, actor, meta?.revision ?? 1, groups)) !== null;
    meta = await findResultMeta(db, drawId);
  }
  if (meta?.tickets_pending === 1) {
    groups ??= await sumWinners(platform, drawId);
    await recordPrizeAggregates(db, draw, groups);
    await decideWaitingPrizes(db, drawId);
    await updateResultMeta(db, drawId, { tickets_pending: 0 });
  }
  const summary = await drawWinnerSummary(db, drawId);
  if (settled) {
    // What partners owe on exported numbers (and the house on imported ones) is booked with the draw.
    await layoffShares(platform, drawId, actor);
    platform.bus.publish({
      type: 'lottery.draw.settled',
      payload: {
        draw_id: drawId,
        lottery: draw.lottery_code,
        draw_date: draw.draw_date,
        draw_time: draw.draw_time,
        winning_lines: summary.lines,
        prize_total: toMajor(summary.prize),
      },
      audience: { permission: 'lottery.ticket.read' },
    });
  }
  return { draw_id: drawId, winning_lines: summary.lines, prize_total: summary.prize, settled };
}

/** The job: finishes any settlement that a crash or restart left half-way (or that nobody started). */
export async function settlePendingDraws(platform: Platform): Promise<{ settled: number }> {
  const cutoff = new Date(platform.clock.now().getTime() - 2 * 60_000).toISOString();
  const ids = await findDrawsToSettle(lotteryDb(platform.db), cutoff);
  let settled = 0;
  for (const id of ids) if ((await settleDraw(platform, id)).settled) settled++;
  return { settled };
}
