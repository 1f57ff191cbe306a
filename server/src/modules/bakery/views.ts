import { toMajor } from '@matriz/shared/money';
import type { DocumentRow } from './documents.repo.ts';
import type { SellerRow } from './sellers.repo.ts';
import type { BakeryProductsTable } from './tables.ts';

/** Database rows to API shapes: money in major units, rates as percentages, flags as booleans. */
export const percentOf = (basisPoints: number): number => basisPoints / 100;

export function presentProduct(product: BakeryProductsTable) {
  return {
    id: product.id,
    code: product.code,
    name: product.name,
    price: toMajor(Number(product.price_cents)),
    category: product.category,
    active: product.active === 1,
  };
}
export type ProductView = ReturnType<typeof presentProduct>;

export function presentSeller(seller: SellerRow) {
  return {
    id: seller.user_id,
    username: seller.username,
    full_name: seller.full_name,
    commission_panaderia: percentOf(seller.commission_panaderia_bp),
    commission_bizcocheria: percentOf(seller.commission_bizcocheria_bp),
    active: seller.active === 1 && seller.user_active === 1,
  };
}
export type SellerView = ReturnType<typeof presentSeller>;

export function presentDocument(document: DocumentRow) {
  return {
    id: document.id,
    code: document.code,
    kind: document.kind,
    date: document.doc_date,
    seller_id: document.seller_id,
    seller_name: document.seller_name,
    comments: document.comments,
    status: document.status,
    sale_id: document.sale_id,
    used_as_return_sale_id: document.used_as_return_sale_id,
    used_as_previous_sale_id: document.used_as_previous_sale_id,
    lines: document.lines.map((line) => ({
      product_id: line.product_id,
      product_code: line.code,
      product_name: line.name,
      category: line.category,
      price: toMajor(Number(line.price_cents)),
      quantity: line.quantity,
    })),
    total_quantity: document.lines.reduce((sum, line) => sum + line.quantity, 0),
    created_at: document.created_at,
  };
}
export type DocumentView = ReturnType<typeof presentDocument>;
