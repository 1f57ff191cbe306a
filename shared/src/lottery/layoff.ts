/**
 * Lay-off of excess ("bote", DOMAIN.md §6): sales above the house's own retention are exported to a
 * partner operator, who takes that part of the risk. When the number wins, the prize is split in
 * proportion to what each holds. Pure, integer cents, half-up, and the parts always add up.
 */
import { applyRate, type BasisPoints, type Cents } from '../money.ts';

/** partner = prize × exported ÷ sold (half-up); house = the rest, so house + partner = prize exactly. */
export function splitPrize(
  prizeCents: Cents,
  soldCents: Cents,
  exportedCents: Cents,
): { house: Cents; partner: Cents } {
  for (const [name, value] of [
    ['prizeCents', prizeCents],
    ['soldCents', soldCents],
    ['exportedCents', exportedCents],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`${name} must be cents ≥ 0: ${value}`);
  }
  if (exportedCents > soldCents) throw new RangeError('cannot export more than was sold');
  if (soldCents === 0 || prizeCents === 0 || exportedCents === 0) return { house: prizeCents, partner: 0 };
  const numerator = BigInt(prizeCents) * BigInt(exportedCents) * 2n + BigInt(soldCents);
  const partner = Number(numerator / (2n * BigInt(soldCents)));
  return { house: prizeCents - partner, partner };
}

/**
 * Several partners on the same number: each gets prize × its export ÷ sold (half-up); the house keeps
 * the remainder, so the parts add up to the prize exactly.
 */
export function splitPrizeAmong(
  prizeCents: Cents,
  soldCents: Cents,
  exports: readonly Cents[],
): { house: Cents; partners: Cents[] } {
  const total = exports.reduce((sum, e) => sum + e, 0);
  if (total > soldCents) throw new RangeError('cannot export more than was sold');
  const partners = exports.map((e) => splitPrize(prizeCents, soldCents, e).partner);
  const shared = partners.reduce((sum, p) => sum + p, 0);
  // Half-up on each part can overshoot by a cent per partner: take it back from the largest parts.
  let excess = Math.max(0, shared - prizeCents);
  const order = partners.map((p, i) => ({ p, i })).sort((a, b) => b.p - a.p);
  for (const { i } of order) {
    if (excess === 0) break;
    partners[i] -= 1;
    excess -= 1;
  }
  return { house: prizeCents - partners.reduce((sum, p) => sum + p, 0), partners };
}

/** What may still be exported: sales (plus imports) above the retention, minus what is already out. */
export function exportableCents(
  soldCents: Cents,
  importedCents: Cents,
  retentionCents: Cents,
  exportedCents: Cents,
): Cents {
  return Math.max(0, soldCents + importedCents - retentionCents - exportedCents);
}

export function layoffCommission(amountCents: Cents, commissionBp: BasisPoints): Cents {
  return applyRate(amountCents, commissionBp);
}
