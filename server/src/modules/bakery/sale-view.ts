import type { Category, SaleComputation, SaleLine, Totals } from '@matriz/shared/bakery/sale-math';
import { toMajor } from '@matriz/shared/money';
import type { BakeryDb } from './bakery.repo.ts';
import { documentsOfSale } from './documents.repo.ts';
import { findSale, type SaleRow, saleLines } from './sales.repo.ts';
import type { BakerySaleLinesTable } from './tables.ts';
import { percentOf } from './views.ts';

function presentTotals(totals: Totals) {
  return {
    quantity: totals.quantity,
    value: toMajor(totals.valueCents),
    commission: toMajor(totals.commissionCents),
    payable: toMajor(totals.payableCents),
  };
}

function presentLine(line: SaleLine) {
  return {
    product_id: line.productId,
    product_code: line.code,
    product_name: line.name,
    category: line.category,
    previous_qty: line.previousQty,
    pedido_qty: line.pedidoQty,
    extras_qty: line.extrasQty,
    return_qty: line.returnQty,
    quantity: line.quantity,
    price: toMajor(line.unitPriceCents),
    commission_percent: percentOf(line.commissionBp),
    value: toMajor(line.valueCents),
    commission: toMajor(line.commissionCents),
    payable: toMajor(line.payableCents),
  };
}

export function presentComputation(computation: SaleComputation) {
  return {
    lines: computation.lines.map(presentLine),
    by_category: {
      panaderia: presentTotals(computation.byCategory.panaderia),
      bizcocheria: presentTotals(computation.byCategory.bizcocheria),
    },
    total: presentTotals(computation.total),
  };
}

/** Stored lines back into the computation shape, with the price and rate they were confirmed with. */
export function computationOf(lines: BakerySaleLinesTable[]): SaleComputation {
  const empty = (): Totals => ({ quantity: 0, valueCents: 0, commissionCents: 0, payableCents: 0 });
  const byCategory: Record<Category, Totals> = { panaderia: empty(), bizcocheria: empty() };
  const total = empty();
  const saleLinesOut: SaleLine[] = lines.map((l) => ({
    productId: l.product_id,
    code: l.product_code,
    name: l.product_name,
    category: l.category,
    previousQty: l.previous_qty,
    pedidoQty: l.pedido_qty,
    extrasQty: l.extras_qty,
    returnQty: l.return_qty,
    quantity: l.quantity,
    unitPriceCents: Number(l.unit_price_cents),
    commissionBp: l.commission_bp,
    valueCents: Number(l.value_cents),
    commissionCents: Number(l.commission_cents),
    payableCents: Number(l.payable_cents),
  }));
  for (const line of saleLinesOut) {
    for (const totals of [byCategory[line.category], total]) {
      totals.quantity += line.quantity;
      totals.valueCents += line.valueCents;
      totals.commissionCents += line.commissionCents;
      totals.payableCents += line.payableCents;
    }
  }
  return { lines: saleLinesOut, byCategory, total, negative: [] };
}

export function presentSaleSummary(sale: SaleRow) {
  return {
    id: sale.id,
    seller_id: sale.seller_id,
    seller_name: sale.seller_name,
    date: sale.sale_date,
    status: sale.status,
    value: toMajor(Number(sale.value_cents)),
    commission: toMajor(Number(sale.commission_cents)),
    payable: toMajor(Number(sale.payable_cents)),
    created_at: sale.created_at,
    annulled_at: sale.annulled_at,
    annul_reason: sale.annul_reason,
  };
}

export async function loadSaleDetail(db: BakeryDb, id: string, sellerId?: string) {
  const sale = await findSale(db, id, sellerId);
  if (!sale) return null;
  const documents = await documentsOfSale(db, id);
  const live = sale.status === 'confirmada';
  const codes = (match: (d: (typeof documents)[number]) => boolean) =>
    documents.filter(match).map((d) => ({ id: d.id, code: d.code }));
  return {
    ...presentSaleSummary(sale),
    // An annulled sale released its documents; the audit keeps which they were.
    documents: live
      ? {
          pedido: codes((d) => d.kind === 'PD')[0] ?? null,
          extras: codes((d) => d.kind === 'EX'),
          previous_return: codes((d) => d.used_as_previous_sale_id === id)[0] ?? null,
          return: codes((d) => d.used_as_return_sale_id === id)[0] ?? null,
        }
      : null,
    ...presentComputation(computationOf(await saleLines(db, id))),
  };
}
export type SaleDetail = NonNullable<Awaited<ReturnType<typeof loadSaleDetail>>>;
