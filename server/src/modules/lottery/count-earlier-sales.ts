import type { BetTypeCode } from '@matriz/shared/lottery/games';
import { claimsForLine } from '@matriz/shared/lottery/limits';
import { potentialPrize } from '@matriz/shared/lottery/pricing';
import {
  addToCounters,
  type EarlierSalesFilter,
  findEarlierSaleLines,
  setTicketClaims,
} from './counter-backfill.repo.ts';
import type { LotteryDb } from './db.ts';
import { findHotNumbers, findLimitRules } from './limits.repo.ts';

const TICKETS_PER_READ = 2_000;

/**
 * A limit rule or hot number added (or widened) after sales must count them: otherwise its counter
 * starts at zero and the number is oversold by whatever was sold before. Inside the transaction that
 * saves the change, every live line on a draw still on sale is run through the rules now active; a
 * counter a ticket did not consume at sale gets the line's amount, and the ticket records it in its
 * claims so that cancelling it gives that back too. Returns how many tickets were brought in.
 */
export async function countEarlierSales(db: LotteryDb, filter: EarlierSalesFilter = {}): Promise<number> {
  const [rules, hotNumbers] = await Promise.all([findLimitRules(db, null, null), findHotNumbers(db, null)]);
  if (rules.length === 0 && hotNumbers.length === 0) return 0;
  const added = new Map<string, { draw_id: string; sold: number; lim: number }>();
  let counted = 0;
  let after = '';
  for (;;) {
    const lines = await findEarlierSaleLines(db, filter, after, TICKETS_PER_READ);
    if (lines.length === 0) break;
    const byTicket = new Map<string, typeof lines>();
    for (const line of lines) byTicket.set(line.ticket_id, [...(byTicket.get(line.ticket_id) ?? []), line]);
    for (const [ticketId, ticketLines] of byTicket) {
      const consumed = JSON.parse(ticketLines[0].claims_json) as Record<string, number>;
      const missing: Record<string, number> = {};
      for (const line of ticketLines) {
        const best = Math.max(
          0,
          ...Object.values(JSON.parse(line.prize_multipliers) as Record<string, number>),
        );
        const claims = claimsForLine(
          {
            drawId: line.draw_id,
            lotteryId: line.lottery_id,
            betType: line.bet_type as BetTypeCode,
            number: line.bet_number,
            salesCents: line.bet_amount * line.multiplier,
            payoutCents: potentialPrize(line.bet_amount, line.multiplier, best),
          },
          { zoneId: line.zone_id, bancaId: line.banca_id, drawDate: line.draw_date },
          rules,
          hotNumbers,
        );
        for (const claim of claims) {
          if (claim.key in consumed) continue;
          missing[claim.key] = (missing[claim.key] ?? 0) + claim.amountCents;
          const counter = added.get(claim.key) ?? { draw_id: line.draw_id, sold: 0, lim: claim.limitCents };
          added.set(claim.key, { ...counter, sold: counter.sold + claim.amountCents });
        }
      }
      if (Object.keys(missing).length === 0) continue;
      await setTicketClaims(db, ticketId, JSON.stringify({ ...consumed, ...missing }));
      counted += 1;
    }
    after = lines[lines.length - 1].ticket_id;
  }
  await addToCounters(
    db,
    [...added].sort(([a], [b]) => a.localeCompare(b)).map(([key, counter]) => ({ key, ...counter })),
  );
  return counted;
}
