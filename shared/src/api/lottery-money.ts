/**
 * HTTP shapes of lottery money and reports (/api/v1/lottery/money/…, /api/v1/lottery/reports/…).
 * Amounts are major units with at most two decimals; rates are percentages.
 */
import { z } from 'zod';
import { toCents } from '../money.ts';
import { Id, IsoDate } from './common.ts';

const twoDecimals = (value: number) => toCents(value) !== null;
const PositiveAmount = z.number().positive().max(100_000_000_000).refine(twoDecimals, 'máximo dos decimales');
const Amount = z.number().min(0).max(100_000_000_000).refine(twoDecimals, 'máximo dos decimales');
const Note = z.string().trim().max(300).nullable().default(null);

export const MovementBody = z.strictObject({ banca_id: Id, amount: PositiveAmount, note: Note });
export type MovementBody = z.infer<typeof MovementBody>;

export const MovementDecisionBody = z.strictObject({ decision: z.enum(['approve', 'reject']) });

export const MovementQuery = z.strictObject({
  banca_id: Id.optional(),
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
  kind: z.enum(['cobro', 'pago', 'loan', 'loan_repayment']).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

export const LoanBody = z.strictObject({
  banca_id: Id,
  principal: PositiveAmount,
  installments: z.number().int().min(1).max(520),
  frequency: z.enum(['day', 'week', 'month']),
  first_due_date: IsoDate.optional(),
  note: Note,
});

export const RepayBody = z.strictObject({ amount: PositiveAmount, note: Note });

export const MoneySettingsBody = z.strictObject({ approval_threshold: Amount.nullable() });

export const CashbackSettingsBody = z.strictObject({
  rate: z.number().min(0).max(100).refine(twoDecimals, 'máximo dos decimales'),
  period: z.enum(['day', 'week', 'month']),
});

export const CashbackComputeBody = z.strictObject({ date: IsoDate, banca_id: Id.optional() });

export const OpenShiftBody = z.strictObject({ banca_id: Id.optional(), opening_cash: Amount.default(0) });
export const CloseShiftBody = z.strictObject({ shift_id: Id.optional(), counted_cash: Amount });

export const CuadreQuery = z.strictObject({ banca_id: Id, date: IsoDate.optional() });
export const CashCloseBody = z.strictObject({
  banca_id: Id,
  date: IsoDate,
  counted_cash: Amount,
  note: Note,
});
export const PrintQuery = z.strictObject({ format: z.enum(['80mm', 'a4']).default('80mm') });
export const DayQuery = z.strictObject({ date: IsoDate.optional() });

export const REPORT_KINDS = [
  'daily-sales',
  'sales-by-draw',
  'sales-by-seller',
  'top-numbers',
  'balances',
  'prizes',
  'cancelled',
  'unpaid',
  'reventado',
  'commissions',
  'cashback',
  'pnl',
] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

export const ReportParams = z.strictObject({ kind: ReportKind });
export const ReportExportParams = z.strictObject({ kind: ReportKind, format: z.enum(['xlsx', 'pdf']) });

export const ReportQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  zone_id: Id.optional(),
  banca_id: Id.optional(),
  seller_id: Id.optional(),
  lottery_id: Id.optional(),
  draw_id: Id.optional(),
  bet_type: z.string().max(40).optional(),
  period: z.enum(['day', 'week', 'month']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ReportColumnView = z.object({
  key: z.string(),
  header: z.string(),
  kind: z.enum(['text', 'integer', 'money', 'percent']),
});

export const ReportView = z.object({
  kind: ReportKind,
  title: z.string(),
  subtitle: z.string().optional(),
  currency_symbol: z.string(),
  columns: z.array(ReportColumnView),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  totals: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type ReportView = z.infer<typeof ReportView>;

export const ChartsView = z.object({
  date: z.string(),
  sales_per_hour: z.array(z.object({ hour: z.string(), today: z.number(), yesterday: z.number() })),
  sales_by_lottery: z.array(z.object({ lottery: z.string(), sales: z.number() })),
  prize_ratio: z.array(
    z.object({ date: z.string(), ratio: z.number(), sales: z.number(), prizes: z.number() }),
  ),
  top_numbers: z.array(
    z.object({ number: z.string(), bet_type: z.string(), sales: z.number(), exposure: z.number() }),
  ),
});
export type ChartsView = z.infer<typeof ChartsView>;
