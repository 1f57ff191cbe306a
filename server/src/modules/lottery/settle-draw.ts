import { type BetTypeCode, type DrawResult, evaluate, isBetTypeCode } from '@matriz/shared/lottery/games';
import { toMajor } from '@matriz/shared/money';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
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
import {
  decideTickets,
  drawWinnerSummary,
  findActiveSettlement,
  findComboPrizeTables,
  findDrawBetNumbers,
  findDrawBetTypes,
  findDrawTicketIds,
  findDrawTicketPage,
  findDrawWinnerPrizes,
  findTicketLineCounts,
  insertSettlement,
  markSettlementReversed,
  markSingleDrawLosers,
  markSingleDrawWinners,
  markWinningLines,
  reopenDecidedTickets,
  revertWinningLines,
  winnerTotalsByBanca,
} from './settlement.repo.ts';

/**
 * Sizes of the steps. Each step is one short statement (its own transaction), so SQLite's single
 * writer is never held for long and a sale queued behind a step waits one step at most.
 */
export const SETTLE_CHUNKS = { lines: 1500, tickets: 2500, combos: 2000 };

/** Lets queued work (a sale) take the connection between two steps. */
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SettlementSummary {
  draw_id: string;
  winning_lines: number;
  prize_total: number;
  /** False when there was nothing to do (already settled by another run). */
  settled: boolean;
}

class AlreadySettled extends Error {}

const drawLabel = (draw: ResultDrawRow) => `${draw.lottery_code} ${draw.draw_date} ${draw.draw_time}`;

/** Pages through the draw's tickets (keyset on ticket id) and applies `step` to each page. */
async function forEachTicketPage(
  platform: Platform,
  drawId: string,
  step: (ids: string[]) => Promise<unknown>,
): Promise<void> {
  const db = lotteryDb(platform.db);
  let after = '';
  for (;;) {
    const ids = await findDrawTicketIds(db, drawId, after, SETTLE_CHUNKS.tickets);
    if (ids.length === 0) return;
    await step(ids);
    after = ids[ids.length - 1];
    await yieldTurn();
  }
}

/** A correction undoes the previous settlement: ledger reversed, winning lines and decided tickets reopened. */
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
  await forEachTicketPage(platform, draw.id, (ids) => reopenDecidedTickets(db, ids));
  while ((await revertWinningLines(db, draw.id, SETTLE_CHUNKS.lines)) > 0) await yieldTurn();
  await recordPrizeAggregates(db, draw.id);
  await updateResultMeta(db, draw.id, { reverting: 0 });
}

/** Marks every winning line of the draw, combo by combo, in short chunks; losers are implied. */
async function markWinners(platform: Platform, draw: ResultDrawRow, result: DrawResult): Promise<void> {
  const db = lotteryDb(platform.db);
  const winning: {
    betType: string;
    betNumber: string;
    evaluation: NonNullable<ReturnType<typeof evaluate>>;
  }[] = [];
  for (const betType of await findDrawBetTypes(db, draw.id)) {
    if (!isBetTypeCode(betType)) continue;
    let after = '';
    for (;;) {
      const numbers = await findDrawBetNumbers(db, draw.id, betType, after, SETTLE_CHUNKS.combos);
      for (const betNumber of numbers) {
        let evaluation: ReturnType<typeof evaluate> = null;
        try {
          evaluation = evaluate(betType as BetTypeCode, betNumber, result);
        } catch {
          // A bet type not played on this result format (cannot be sold; ignore).
        }
        if (evaluation) winning.push({ betType, betNumber, evaluation });
      }
      if (numbers.length < SETTLE_CHUNKS.combos) break;
      after = numbers[numbers.length - 1];
      await yieldTurn();
    }
  }
  for (const { betType, betNumber, evaluation } of winning) {
    const combo = { bet_type: betType, bet_number: betNumber };
    const base = {
      drawId: draw.id,
      betType: combo.bet_type,
      betNumber: combo.bet_number,
      prizeClass: evaluation.prizeClass,
      limit: SETTLE_CHUNKS.lines,
    };
    const groups: { prizeMultipliers: string | null; multiplier: number }[] =
      evaluation.resultMultiplier !== undefined
        ? [{ prizeMultipliers: null, multiplier: evaluation.resultMultiplier }]
        : (await findComboPrizeTables(db, draw.id, combo.bet_type, combo.bet_number)).map((table) => ({
            prizeMultipliers: table,
            multiplier: Number((JSON.parse(table) as Record<string, number>)[evaluation.prizeClass] ?? 0),
          }));
    for (const group of groups) {
      // A class the copied table does not pay (multiplier 0) leaves the line a loser.
      if (!(group.multiplier > 0)) continue;
      for (;;) {
        const marked = await markWinningLines(db, { ...base, ...group });
        await yieldTurn();
        if (marked < SETTLE_CHUNKS.lines) break;
      }
    }
  }
}

/**
 * Decides the draw's tickets page by page. A ticket whose every line plays this draw (the common
 * case) is decided by primary key alone — winner if it has a winning line here, loser otherwise;
 * a ticket that also plays other draws waits until all of them are settled (decideTickets).
 */
async function decideDrawTickets(platform: Platform, drawId: string): Promise<void> {
  const db = lotteryDb(platform.db);
  const winners = await findDrawWinnerPrizes(db, drawId);
  let after = '';
  for (;;) {
    const page = await findDrawTicketPage(db, drawId, after, SETTLE_CHUNKS.tickets);
    if (page.length === 0) return;
    const totals = new Map(
      (
        await findTicketLineCounts(
          db,
          page.map((p) => p.ticket_id),
        )
      ).map((t) => [t.id, Number(t.total_lines)]),
    );
    const won: { ticketId: string; prize: number }[] = [];
    const lost: string[] = [];
    const others: string[] = [];
    for (const { ticket_id, lines } of page) {
      if (totals.get(ticket_id) !== lines) others.push(ticket_id);
      else if (winners.has(ticket_id)) won.push({ ticketId: ticket_id, prize: winners.get(ticket_id)! });
      else lost.push(ticket_id);
    }
    await markSingleDrawLosers(db, lost);
    await markSingleDrawWinners(db, won);
    await decideTickets(db, others);
    after = page[page.length - 1].ticket_id;
    await yieldTurn();
  }
}

/** Ledger per banca (prize won), the draw flipped to settled, in one short transaction. */
async function closeSettlement(platform: Platform, draw: ResultDrawRow, actor: Actor, revision: number) {
  const at = platform.clock.now().toISOString();
  return platform.db
    .transaction()
    .execute(async (trx) => {
      const db = lotteryDb(trx);
      const totals = await winnerTotalsByBanca(db, draw.id);
      const entries: LotteryLedgerEntriesTable[] = [];
      const rows: LotterySettlementTotalsTable[] = [];
      for (const t of totals) {
        const prize = Number(t.prize);
        if (prize <= 0) continue;
        const entry: LotteryLedgerEntriesTable = {
          id: newId(),
          at,
          business_date: draw.business_date,
          banca_id: t.banca_id,
          kind: 'prize_won',
          ticket_id: null,
          debit_account: 'house:prizes',
          credit_account: `banca:${t.banca_id}:prizes_payable`,
          amount: prize,
          memo: drawLabel(draw),
        };
        entries.push(entry);
        rows.push({
          id: newId(),
          draw_id: draw.id,
          banca_id: t.banca_id,
          revision,
          winning_lines: Number(t.lines),
          prize_total: prize,
          ledger_entry_id: entry.id,
          settled_at: at,
          reversed_at: null,
        });
      }
      if (!(await markDrawSettled(db, draw.id, at))) throw new AlreadySettled();
      await insertSettlement(db, entries, rows);
      await recordPrizeAggregates(db, draw.id);
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
 * the prize multiplier copied at sale, half-up) in short chunks, books the prizes per banca and
 * flips the draw to `settled`; then decides its tickets page by page. Every step is idempotent, so
 * a run cut short is finished by the next one (the `lottery.draws.settle` job).
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
  if (draw.status === 'resulted') {
    await markWinners(platform, draw, JSON.parse(draw.result_json!) as DrawResult);
    settled = (await closeSettlement(platform, draw, actor, meta?.revision ?? 1)) !== null;
    meta = await findResultMeta(db, drawId);
  }
  if (meta?.tickets_pending === 1) {
    await decideDrawTickets(platform, drawId);
    await updateResultMeta(db, drawId, { tickets_pending: 0 });
  }
  const summary = await drawWinnerSummary(db, drawId);
  if (settled) {
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
