import type { BasketStatus, MovementKind } from '@matriz/shared/api/bakery-baskets';
import type { Category, DocumentKind } from '@matriz/shared/bakery/sale-math';

export type DocumentStatus = 'pendiente' | 'usado' | 'anulado';
export type SaleStatus = 'confirmada' | 'anulada';

export interface BakeryProductsTable {
  id: string;
  code: string;
  name: string;
  price_cents: number;
  category: Category;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface BakerySellersTable {
  user_id: string;
  commission_panaderia_bp: number;
  commission_bizcocheria_bp: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface BakeryDocumentsTable {
  id: string;
  code: string;
  kind: DocumentKind;
  seller_id: string;
  doc_date: string;
  comments: string;
  status: DocumentStatus;
  sale_id: string | null;
  used_as_return_sale_id: string | null;
  used_as_previous_sale_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface BakeryDocumentLinesTable {
  document_id: string;
  product_id: string;
  quantity: number;
}

export interface BakerySalesTable {
  id: string;
  seller_id: string;
  sale_date: string;
  status: SaleStatus;
  value_cents: number;
  commission_cents: number;
  payable_cents: number;
  created_by: string;
  created_at: string;
  annulled_at: string | null;
  annul_reason: string | null;
}

export interface BakerySaleLinesTable {
  sale_id: string;
  product_id: string;
  product_code: string;
  product_name: string;
  category: Category;
  previous_qty: number;
  pedido_qty: number;
  extras_qty: number;
  return_qty: number;
  quantity: number;
  unit_price_cents: number;
  commission_bp: number;
  value_cents: number;
  commission_cents: number;
  payable_cents: number;
}

export interface BakeryCalendarOverridesTable {
  day: string;
  is_business_day: number;
  reason: string;
  updated_by: string | null;
  updated_at: string;
}

/** A bread basket. `version` grows on every change: state changes are conditional on it. */
export interface BakeryBasketsTable {
  id: string;
  code: string;
  colour: string | null;
  size: string | null;
  status: BasketStatus;
  holder_id: string | null;
  lent_at: string | null;
  /** Business date (bakery zone) of the loan: the lost-basket job counts days from it. */
  lent_date: string | null;
  lost_at: string | null;
  charged_cents: number | null;
  closed_at: string | null;
  last_movement_id: string | null;
  /** 1 when the first scan registered it (the code passed the rule but was unknown). */
  auto_registered: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * One movement: who (user_id, null for the daily job), when, for which seller. The basket's state
 * before it is kept so that an undo can put it back exactly.
 */
export interface BakeryBasketMovementsTable {
  id: string;
  basket_id: string;
  kind: MovementKind;
  seller_id: string | null;
  user_id: string | null;
  username: string | null;
  at: string;
  business_date: string;
  amount_cents: number | null;
  note: string | null;
  prev_status: BasketStatus;
  prev_holder_id: string | null;
  prev_lent_at: string | null;
  prev_lent_date: string | null;
  prev_lost_at: string | null;
  prev_movement_id: string | null;
  /** Null on movements from before charged baskets could come back. */
  prev_charged_cents: number | null;
  prev_closed_at: string | null;
  undone_at: string | null;
  undone_by: string | null;
}

export type BakeryTables = {
  bakery_baskets: BakeryBasketsTable;
  bakery_basket_movements: BakeryBasketMovementsTable;
  bakery_products: BakeryProductsTable;
  bakery_sellers: BakerySellersTable;
  bakery_documents: BakeryDocumentsTable;
  bakery_document_lines: BakeryDocumentLinesTable;
  bakery_sales: BakerySalesTable;
  bakery_sale_lines: BakerySaleLinesTable;
  bakery_calendar_overrides: BakeryCalendarOverridesTable;
};
