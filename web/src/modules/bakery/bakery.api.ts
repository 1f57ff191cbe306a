import type { Category, DocumentKind } from '@matriz/shared/bakery/sale-math';
import { formatMoney, toCents } from '@matriz/shared/money';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export interface ProductView {
  id: string;
  code: string;
  name: string;
  price: number;
  category: Category;
  active: boolean;
}

export interface SellerView {
  id: string;
  username: string;
  full_name: string;
  commission_panaderia: number;
  commission_bizcocheria: number;
  active: boolean;
}

export interface DocumentView {
  id: string;
  code: string;
  kind: DocumentKind;
  date: string;
  seller_id: string;
  seller_name: string;
  comments: string;
  status: 'pendiente' | 'usado' | 'anulado';
  sale_id: string | null;
  used_as_return_sale_id: string | null;
  used_as_previous_sale_id: string | null;
  lines: {
    product_id: string;
    product_code: string;
    product_name: string;
    category: Category;
    price: number;
    quantity: number;
  }[];
  total_quantity: number;
  created_at: string;
}

export interface Totals {
  quantity: number;
  value: number;
  commission: number;
  payable: number;
}

export interface SaleLineView {
  product_id: string;
  product_code: string;
  product_name: string;
  category: Category;
  previous_qty: number;
  pedido_qty: number;
  extras_qty: number;
  return_qty: number;
  quantity: number;
  price: number;
  commission_percent: number;
  value: number;
  commission: number;
  payable: number;
}

export interface SaleComputationView {
  lines: SaleLineView[];
  by_category: Record<Category, Totals>;
  total: Totals;
}

export interface SaleSummary {
  id: string;
  seller_id: string;
  seller_name: string;
  date: string;
  status: 'confirmada' | 'anulada';
  value: number;
  commission: number;
  payable: number;
  created_at: string;
  annulled_at: string | null;
  annul_reason: string | null;
}

type DocumentRef = { id: string; code: string };

export interface SaleView extends SaleSummary, SaleComputationView {
  /** The documents a confirmed sale used; null once annulled (they were released). */
  documents: {
    pedido: DocumentRef | null;
    extras: DocumentRef[];
    previous_return: DocumentRef | null;
    return: DocumentRef | null;
  } | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export interface SalePage extends Page<SaleSummary> {
  /** Sums of every confirmed sale the filter matches, not only this page's. */
  confirmed_totals: { value: number; commission: number; payable: number };
}

export interface Proposal {
  existing_sale_id: string | null;
  proposed: {
    pedido_id: string | null;
    extra_ids: string[];
    previous_return_id: string | null;
    return_id: string | null;
  };
  pedido_choice_required: boolean;
  candidates: {
    pedidos: DocumentView[];
    extras: DocumentView[];
    returns: DocumentView[];
    previous_return: DocumentView | null;
  };
}

export const money = (major: number) =>
  formatMoney(toCents(major.toFixed(2)) ?? 0, { symbol: '$', locale: 'es-CO' });

export function useProducts(activeOnly = false) {
  return useQuery({
    queryKey: ['bakery', 'products', activeOnly],
    queryFn: ({ signal }) =>
      api.get<{ items: ProductView[] }>('/bakery/products', {
        query: { active: activeOnly ? 'true' : undefined },
        signal,
      }),
    select: (data) => data.items,
  });
}

export function useSellers(enabled = true) {
  return useQuery({
    queryKey: ['bakery', 'sellers'],
    queryFn: ({ signal }) => api.get<{ items: SellerView[] }>('/bakery/sellers', { signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function todayInBogota(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());
}
