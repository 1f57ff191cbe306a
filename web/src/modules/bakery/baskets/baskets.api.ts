import type {
  BasketReportKind,
  BasketStatus,
  MovementKind,
  ScanMovement,
} from '@matriz/shared/api/bakery-baskets';
import type { CheckDigitKind } from '@matriz/shared/bakery/basket-code';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

export interface BasketView {
  id: string;
  code: string;
  colour: string | null;
  size: string | null;
  status: BasketStatus;
  holder_id: string | null;
  holder_name: string | null;
  lent_at: string | null;
  lent_date: string | null;
  days_out: number | null;
  lost_at: string | null;
  charged: number | null;
  closed_at: string | null;
  auto_registered: boolean;
}

export interface MovementView {
  id: string;
  basket_id: string;
  basket_code: string;
  kind: MovementKind;
  seller_id: string | null;
  seller_name: string | null;
  username: string | null;
  at: string;
  amount: number | null;
  undone: boolean;
}

export interface ScanResult {
  basket: BasketView;
  /** A return of a charged basket carries the credit, a negative amount. */
  movement: MovementView;
  registered: boolean;
  previous_status: BasketStatus;
}

export interface BasketSettings {
  code_prefix: string;
  code_length: number | null;
  check_digit: CheckDigitKind;
  lost_after_days: number;
  default_charge: number;
}

export interface ReportColumn {
  key: string;
  header: string;
  kind: 'text' | 'integer' | 'money' | 'percent';
}

export interface BasketReport {
  title: string;
  subtitle?: string;
  columns: ReportColumn[];
  rows: Record<string, string | number | null>[];
  total_columns: string[];
}

export interface OwnBaskets {
  out_count: number;
  lost_count: number;
  out: BasketView[];
  lost: BasketView[];
}

export type { BasketReportKind, ScanMovement };

export function useBasketSettings() {
  return useQuery({
    queryKey: ['bakery', 'baskets', 'settings'],
    queryFn: ({ signal }) => api.get<BasketSettings>('/bakery/baskets/settings', { signal }),
  });
}
