import { type CounterClaim, mergeClaims } from '@matriz/shared/lottery/limits';
import { priceTicket } from '@matriz/shared/lottery/pricing';
import { MIN_BET_CENTS, type SalePlan } from './prepare-sale.ts';

/**
 * For a banca that accepts part of a line: each line is cut to what its counters still allow
 * (claims grow in proportion to the bet), down to the minimum bet; a line that cannot take even
 * that stays whole so the sale is refused with the limit's figures. The ticket prints "FALTA x".
 */
export function acceptWhatFits(
  plan: SalePlan,
  counters: Map<string, { sold: number; lim: number }>,
): SalePlan {
  const used = new Map<string, number>();
  const available = (claim: CounterClaim) => {
    const counter = counters.get(claim.key);
    const limit = counter ? Math.min(counter.lim, claim.limitCents) : claim.limitCents;
    return limit - (counter?.sold ?? 0) - (used.get(claim.key) ?? 0);
  };
  let changed = false;
  const accepted = plan.lines.map((line) => {
    let bet = line.requestedCents;
    for (const claim of line.claims) {
      if (claim.amountCents === 0) continue;
      const fits = Math.floor((Math.max(0, available(claim)) * line.requestedCents) / claim.amountCents);
      bet = Math.min(bet, fits);
    }
    if (bet >= line.requestedCents || bet < MIN_BET_CENTS) bet = line.requestedCents;
    const scale = (claim: CounterClaim) => ({
      ...claim,
      amountCents: Math.floor((claim.amountCents * bet) / line.requestedCents),
    });
    const claims = bet === line.requestedCents ? line.claims : line.claims.map(scale);
    for (const claim of claims) used.set(claim.key, (used.get(claim.key) ?? 0) + claim.amountCents);
    if (bet !== line.requestedCents) changed = true;
    return { line, bet, claims };
  });
  if (!changed) return plan;
  const priced = priceTicket(
    accepted.map((a) => ({ betCents: a.bet, commissionBp: a.line.priced.commission_bp })),
    { discountBp: plan.discountBp, multiplier: plan.multiplier },
  );
  const lines = accepted.map((a, i) => ({ ...a.line, priced: priced.lines[i], claims: a.claims }));
  const dailyClaims = plan.claims
    .filter((c) => c.key.startsWith('D|'))
    .map((c) => ({ ...c, amountCents: priced.totals.grand_total }));
  return {
    ...plan,
    lines,
    totals: priced.totals,
    claims: mergeClaims([...lines.flatMap((l) => l.claims), ...dailyClaims]),
  };
}
