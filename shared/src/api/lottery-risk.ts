/** HTTP schemas of risk and live operations (issue 7): board, anomalies, dashboard, lay-offs. */
import { z } from 'zod';
import { BET_TYPE_CODES } from '../lottery/games.ts';
import { toCents } from '../money.ts';
import { IsoDate, Page } from './common.ts';

const twoDecimals = (value: number) => toCents(value) !== null;
const Amount = z.number().positive().max(100_000_000).refine(twoDecimals, 'máximo dos decimales');
const RefId = z.string().trim().min(1).max(64);

export const BoardQuery = z.strictObject({
  zone_id: RefId.optional(),
  banca_id: RefId.optional(),
});

export const BOARD_COLOURS = ['green', 'yellow', 'orange', 'red', 'black'] as const;

export interface BoardNumberView {
  number: string;
  colour: (typeof BOARD_COLOURS)[number];
  sold: number;
  lines: number;
  limit: number | null;
  limit_used: number;
  available: number | null;
  share: number | null;
  measure: 'sales' | 'payout' | null;
  hot: boolean;
  blocked: boolean;
  payout_if_first: number;
  combination_payout: number;
  exposure: number;
  net_risk: number;
}

export interface BoardCombinationView {
  bet_type: string;
  number: string;
  numbers: string[];
  sold: number;
  lines: number;
  payout: number;
  limit: number | null;
  available: number | null;
  share: number | null;
  colour: (typeof BOARD_COLOURS)[number];
  blocked: boolean;
}

export interface BoardView {
  draw: {
    id: string;
    lottery_id: string;
    lottery_code: string;
    lottery_name: string;
    draw_date: string;
    draw_time: string;
    close_at: string;
    status: string;
  };
  scope: { zone_id: string | null; banca_id: string | null };
  generated_at: string;
  totals: { sales: number; net_sales: number; tickets: number; max_exposure: number };
  numbers: BoardNumberView[];
  combinations: BoardCombinationView[];
  top_risk: BoardNumberView[];
  sold_out: BoardNumberView[];
}

export const ANOMALY_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ANOMALY_KINDS = [
  'late_cancellation',
  'big_ticket',
  'duplicate_ticket',
  'result_change_unauthorized',
  'result_corrected',
  'exposure_over_limit',
  'near_limit',
] as const;

export const AnomalyListQuery = Page.extend({
  status: z.enum(['open', 'acknowledged', 'all']).default('open'),
  severity: z.enum(ANOMALY_SEVERITIES).optional(),
  kind: z.string().trim().max(64).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const AnomalyReportQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const AcknowledgeBody = z.strictObject({ comment: z.string().trim().min(3).max(500) });

export interface AnomalyView {
  id: string;
  kind: string;
  severity: (typeof ANOMALY_SEVERITIES)[number];
  entity: string;
  entity_id: string;
  banca_id: string | null;
  banca_code: string | null;
  banca_name: string | null;
  draw_id: string | null;
  details: Record<string, unknown>;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  comment: string | null;
}

export const DashboardQuery = z.strictObject({
  scope: z.enum(['banca', 'zone', 'network']).optional(),
  id: RefId.optional(),
});

export interface DashboardMetric {
  today: number;
  yesterday: number;
  change: number | null;
}

export interface DashboardView {
  scope: 'banca' | 'zone' | 'network';
  id: string | null;
  name: string | null;
  business_date: string;
  server_time: string;
  metrics: {
    sales: DashboardMetric;
    tickets: DashboardMetric;
    prizes: DashboardMetric;
    balance: DashboardMetric;
  };
  sales_by_hour: { hour: number; today: number; yesterday: number }[];
  next_draws: {
    id: string;
    lottery_code: string;
    lottery_name: string;
    draw_time: string;
    close_at: string;
    seconds_left: number;
  }[];
  hot_numbers: {
    draw_id: string;
    lottery_code: string;
    draw_time: string;
    number: string;
    sold: number;
    share: number | null;
    colour: (typeof BOARD_COLOURS)[number];
  }[];
  alerts: {
    id: string;
    kind: string;
    severity: string;
    entity_id: string;
    details: Record<string, unknown>;
    created_at: string;
  }[];
}

export const PartnerBody = z.strictObject({
  code: z.string().trim().min(1).max(30),
  name: z.string().trim().min(2).max(120),
  commission: z.number().min(0).max(100).refine(twoDecimals, 'máximo dos decimales').default(0),
  contact: z.string().trim().max(200).nullable().optional(),
  active: z.boolean().optional(),
});
export const PartnerPatch = PartnerBody.partial();

export const LayoffBody = z.strictObject({
  lottery: z.string().trim().min(1).max(64).optional(),
  draw_id: RefId,
  number: z
    .string()
    .trim()
    .regex(/^[\d\s\-./,]{1,12}$/),
  bet_type: z.enum(BET_TYPE_CODES),
  amount: Amount,
  partner: RefId,
  commission: z.number().min(0).max(100).refine(twoDecimals, 'máximo dos decimales').optional(),
  reference: z.string().trim().max(120).nullable().optional(),
});

export const RetentionBody = z.strictObject({
  lottery_id: RefId.nullable().optional(),
  bet_type: z.enum(BET_TYPE_CODES),
  number: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/)
    .nullable()
    .optional(),
  max_amount: z.number().min(0).max(100_000_000_000).refine(twoDecimals, 'máximo dos decimales'),
  reason: z.string().trim().min(3).max(300),
});

export const StatementQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const LayoffListQuery = z.strictObject({
  draw_id: RefId.optional(),
  partner_id: RefId.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
