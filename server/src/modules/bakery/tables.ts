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

export type BakeryTables = {
  bakery_products: BakeryProductsTable;
  bakery_sellers: BakerySellersTable;
  bakery_documents: BakeryDocumentsTable;
  bakery_document_lines: BakeryDocumentLinesTable;
  bakery_sales: BakerySalesTable;
  bakery_sale_lines: BakerySaleLinesTable;
  bakery_calendar_overrides: BakeryCalendarOverridesTable;
};
