import { toMajor } from '@matriz/shared/money';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { readCounters } from './limits.repo.ts';
import { prepareSale, type SaleRequest } from './prepare-sale.ts';

/**
 * What the POS asks while the seller types: every line checked as a sale would be, with the
 * amount each could still take, and the totals — nothing is written or reserved.
 */
export async function validateTicket(platform: Platform, sellerId: string, request: SaleRequest) {
  const prepared = await prepareSale(platform, sellerId, request);
  if (!prepared.plan) {
    return {
      ok: false,
      errors: prepared.problems.map((p) => ({ code: p.code, ...p.details })),
      lines: [] as unknown[],
      totals: null,
    };
  }
  const plan = prepared.plan;
  const counters = await readCounters(
    lotteryDb(platform.db),
    plan.claims.map((c) => c.key),
  );
  const pending = new Map<string, number>();
  const lines = plan.lines.map((line) => {
    let availableBet = Number.POSITIVE_INFINITY;
    let error: string | undefined;
    for (const claim of line.claims) {
      const counter = counters.get(claim.key);
      const limit = counter ? Math.min(counter.lim, claim.limitCents) : claim.limitCents;
      const left = limit - (counter?.sold ?? 0) - (pending.get(claim.key) ?? 0);
      if (claim.amountCents > 0)
        availableBet = Math.min(
          availableBet,
          Math.floor((Math.max(0, left) * line.requestedCents) / claim.amountCents),
        );
      if (claim.amountCents > left) error = 'LIMIT_EXCEEDED';
      pending.set(claim.key, (pending.get(claim.key) ?? 0) + claim.amountCents);
    }
    return {
      line: line.lineNumber,
      source_line: line.sourceLine,
      lottery_code: line.lotteryCode,
      draw_id: line.drawId,
      bet_type: line.betType,
      bet_number: line.number,
      bet_amount: toMajor(line.requestedCents),
      total: toMajor(line.priced.total_with_multiplier),
      ok: error === undefined,
      ...(error ? { error } : {}),
      available: Number.isFinite(availableBet) ? toMajor(availableBet) : null,
    };
  });
  const totals = Object.fromEntries(
    Object.entries(plan.totals).map(([k, v]) => [k, k === 'total_lines' ? v : toMajor(v)]),
  );
  return { ok: lines.every((l) => l.ok), errors: [], lines, totals };
}
