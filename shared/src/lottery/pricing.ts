/**
 * Ticket pricing (DOMAIN.md §5, spec 003 §2.3). Every figure is integer cents, every rate basis
 * points, rounded half-up at the line and then summed, so the POS total is the charged total.
 */
import { applyRate, type BasisPoints, type Cents, sumCents } from '../money.ts';

export const MAX_DISCOUNT_BP: BasisPoints = 5000;
export const MAX_COMMISSION_BP: BasisPoints = 10_000;

export interface LinePricingInput {
  betCents: Cents;
  /** The ticket's global discount, 0…5000 (0 %…50 %). */
  discountBp: BasisPoints;
  /** The ticket's global multiplier: x1, x2, x5, x10 … */
  multiplier: number;
  /** The banca's commission for this line's bet type (and lottery, if set). */
  commissionBp: BasisPoints;
}

/** Names follow spec 003's ticket line columns; amounts in cents. */
export interface PricedLine {
  bet_amount: Cents;
  discount_bp: BasisPoints;
  discount_amount: Cents;
  subtotal: Cents;
  multiplier: number;
  /** What the customer pays for this line. */
  total_with_multiplier: Cents;
  commission_bp: BasisPoints;
  commission_amount: Cents;
  net_amount: Cents;
}

export interface TicketPricingConfig {
  discountBp: BasisPoints;
  multiplier: number;
}

export interface TicketLineInput {
  betCents: Cents;
  commissionBp: BasisPoints;
}

export interface TicketTotals {
  total_lines: number;
  total_bet_amount: Cents;
  total_discount: Cents;
  total_subtotal: Cents;
  total_with_multiplier: Cents;
  total_commission: Cents;
  total_net: Cents;
  /** What the customer pays: Σ total_with_multiplier (commission is internal accounting). */
  grand_total: Cents;
}

export interface PricedTicket {
  lines: PricedLine[];
  totals: TicketTotals;
}

export function isValidMultiplier(multiplier: number): boolean {
  return Number.isSafeInteger(multiplier) && multiplier >= 1;
}

export function isValidDiscountBp(discountBp: BasisPoints): boolean {
  return Number.isSafeInteger(discountBp) && discountBp >= 0 && discountBp <= MAX_DISCOUNT_BP;
}

function requireCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer number of cents: ${value}`);
  }
}

function requireConfig(discountBp: BasisPoints, multiplier: number): void {
  if (!isValidDiscountBp(discountBp)) {
    throw new RangeError(`discountBp must be an integer from 0 to ${MAX_DISCOUNT_BP}: ${discountBp}`);
  }
  if (!isValidMultiplier(multiplier)) {
    throw new RangeError(`multiplier must be an integer ≥ 1: ${multiplier}`);
  }
}

function safeProduct(a: number, b: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new RangeError(`amount out of range: ${a} × ${b}`);
  return product;
}

/** Prices one line. Throws RangeError on rates or amounts the API should already have refused. */
export function priceLine({ betCents, discountBp, multiplier, commissionBp }: LinePricingInput): PricedLine {
  requireCents('betCents', betCents);
  requireConfig(discountBp, multiplier);
  if (!Number.isSafeInteger(commissionBp) || commissionBp < 0 || commissionBp > MAX_COMMISSION_BP) {
    throw new RangeError(`commissionBp must be an integer from 0 to ${MAX_COMMISSION_BP}: ${commissionBp}`);
  }
  const discount = applyRate(betCents, discountBp);
  const subtotal = betCents - discount;
  const total = safeProduct(subtotal, multiplier);
  const commission = applyRate(total, commissionBp);
  return {
    bet_amount: betCents,
    discount_bp: discountBp,
    discount_amount: discount,
    subtotal,
    multiplier,
    total_with_multiplier: total,
    commission_bp: commissionBp,
    commission_amount: commission,
    net_amount: total - commission,
  };
}

/** Prices every line with the ticket's discount and multiplier, then sums the rounded lines. */
export function priceTicket(lines: readonly TicketLineInput[], config: TicketPricingConfig): PricedTicket {
  requireConfig(config.discountBp, config.multiplier);
  const priced = lines.map((line) =>
    priceLine({
      betCents: line.betCents,
      discountBp: config.discountBp,
      multiplier: config.multiplier,
      commissionBp: line.commissionBp,
    }),
  );
  const total = (pick: (line: PricedLine) => Cents) => sumCents(priced.map(pick));
  const totalWithMultiplier = total((line) => line.total_with_multiplier);
  return {
    lines: priced,
    totals: {
      total_lines: priced.length,
      total_bet_amount: total((line) => line.bet_amount),
      total_discount: total((line) => line.discount_amount),
      total_subtotal: total((line) => line.subtotal),
      total_with_multiplier: totalWithMultiplier,
      total_commission: total((line) => line.commission_amount),
      total_net: total((line) => line.net_amount),
      grand_total: totalWithMultiplier,
    },
  };
}

/**
 * bet × ticket multiplier × prize multiplier, half-up to the cent. The prize multiplier is an exact
 * integer in hundredths (6000 = 60×). The discount never lowers the prize (spec 003 §2.4).
 */
export function potentialPrize(betCents: Cents, multiplier: number, prizeMultiplier: number): Cents {
  requireCents('betCents', betCents);
  if (!isValidMultiplier(multiplier))
    throw new RangeError(`multiplier must be an integer ≥ 1: ${multiplier}`);
  if (!Number.isSafeInteger(prizeMultiplier) || prizeMultiplier < 0) {
    throw new RangeError(`prizeMultiplier must be a non-negative integer in hundredths: ${prizeMultiplier}`);
  }
  // BigInt: a large bet × x10 × 20000.00 overflows 2^53 before the division by 100.
  const hundredths = BigInt(betCents) * BigInt(multiplier) * BigInt(prizeMultiplier);
  const cents = (hundredths + 50n) / 100n;
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('potential prize out of range');
  return Number(cents);
}
