import { applyRate, type BasisPoints, type Cents } from '../money.ts';

export const CATEGORIES = ['panaderia', 'bizcocheria'] as const;
export type Category = (typeof CATEGORIES)[number];

export const DOCUMENT_KINDS = ['PD', 'EX', 'DV'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The dearest product a bakery may sell, in major units (a large celebration cake stays below it). */
export const MAX_PRODUCT_PRICE = 1_000_000;
/** Units of one product in one document, after repeated scans of it are added up. */
export const MAX_LINE_QUANTITY = 100_000;
/**
 * The most a sale may be worth, in cents: its value times a commission rate in basis points must stay
 * a safe integer, or the commission could not be rounded exactly.
 */
export const MAX_SALE_VALUE_CENTS = Math.floor(Number.MAX_SAFE_INTEGER / 10_000);

/** The documents of a sale add up to more than MAX_SALE_VALUE_CENTS: the sale must be refused. */
export class SaleTooLargeError extends Error {
  constructor(readonly valueCents: number) {
    super(`sale value ${valueCents} cents exceeds ${MAX_SALE_VALUE_CENTS}`);
  }
}

export interface SaleProduct {
  id: string;
  code: string;
  name: string;
  category: Category;
  priceCents: Cents;
}

/** Quantities per product id of one document. */
export type Quantities = ReadonlyMap<string, number>;

export type CommissionRates = Record<Category, BasisPoints>;

export interface SaleInput {
  products: ReadonlyMap<string, SaleProduct>;
  rates: CommissionRates;
  previousReturn: Quantities;
  pedido: Quantities;
  extras: readonly Quantities[];
  dayReturn: Quantities;
}

export interface SaleLine {
  productId: string;
  code: string;
  name: string;
  category: Category;
  previousQty: number;
  pedidoQty: number;
  extrasQty: number;
  returnQty: number;
  quantity: number;
  unitPriceCents: Cents;
  commissionBp: BasisPoints;
  valueCents: Cents;
  commissionCents: Cents;
  payableCents: Cents;
}

export interface Totals {
  quantity: number;
  valueCents: Cents;
  commissionCents: Cents;
  payableCents: Cents;
}

export interface SaleComputation {
  lines: SaleLine[];
  byCategory: Record<Category, Totals>;
  total: Totals;
  /** Products whose day's return exceeds what the seller carried: the sale must be refused. */
  negative: { productId: string; code: string; name: string; quantity: number }[];
}

const emptyTotals = (): Totals => ({ quantity: 0, valueCents: 0, commissionCents: 0, payableCents: 0 });

function addTo(totals: Totals, line: SaleLine): void {
  totals.quantity += line.quantity;
  totals.valueCents += line.valueCents;
  totals.commissionCents += line.commissionCents;
  totals.payableCents += line.payableCents;
}

/**
 * Venta del día per product = devolución anterior + pedido + extras − devolución del día;
 * value = quantity × price; commission = value × the seller's rate for the category, half-up to
 * the cent on each line; payable to the bakery = value − commission. Lines sorted by code.
 * Throws SaleTooLargeError past MAX_SALE_VALUE_CENTS.
 */
export function computeSale(input: SaleInput): SaleComputation {
  const productIds = new Set<string>();
  for (const quantities of [input.previousReturn, input.pedido, input.dayReturn, ...input.extras]) {
    for (const id of quantities.keys()) productIds.add(id);
  }
  const lines: SaleLine[] = [];
  const negative: SaleComputation['negative'] = [];
  let saleValueCents = 0;
  for (const productId of productIds) {
    const product = input.products.get(productId);
    if (!product) throw new Error(`computeSale: unknown product ${productId}`);
    const previousQty = input.previousReturn.get(productId) ?? 0;
    const pedidoQty = input.pedido.get(productId) ?? 0;
    const extrasQty = input.extras.reduce((sum, extra) => sum + (extra.get(productId) ?? 0), 0);
    const returnQty = input.dayReturn.get(productId) ?? 0;
    const quantity = previousQty + pedidoQty + extrasQty - returnQty;
    if (quantity < 0) negative.push({ productId, code: product.code, name: product.name, quantity });
    const valueCents = Math.max(quantity, 0) * product.priceCents;
    saleValueCents += valueCents;
    if (saleValueCents > MAX_SALE_VALUE_CENTS) throw new SaleTooLargeError(saleValueCents);
    const commissionBp = input.rates[product.category];
    const commissionCents = applyRate(valueCents, commissionBp);
    lines.push({
      productId,
      code: product.code,
      name: product.name,
      category: product.category,
      previousQty,
      pedidoQty,
      extrasQty,
      returnQty,
      quantity,
      unitPriceCents: product.priceCents,
      commissionBp,
      valueCents,
      commissionCents,
      payableCents: valueCents - commissionCents,
    });
  }
  lines.sort((a, b) => a.code.localeCompare(b.code));
  const byCategory: Record<Category, Totals> = { panaderia: emptyTotals(), bizcocheria: emptyTotals() };
  const total = emptyTotals();
  for (const line of lines) {
    if (line.quantity < 0) continue;
    addTo(byCategory[line.category], line);
    addTo(total, line);
  }
  return { lines, byCategory, total, negative };
}

/** Adds scanned lines of one document into quantities per product (a product scanned twice sums). */
export function quantitiesOf(lines: readonly { productId: string; quantity: number }[]): Map<string, number> {
  const quantities = new Map<string, number>();
  for (const line of lines)
    quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
  return quantities;
}

export function documentCode(kind: DocumentKind, sequence: number): string {
  return `${kind}-${String(sequence).padStart(5, '0')}`;
}
