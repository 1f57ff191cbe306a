/** Tables of money and reports (issue 8). Money in integer cents, rates in basis points, flags 0/1. */

/**
 * Per-day sales aggregate at the grain every report filter needs (date, banca, seller, draw, bet
 * type); zone and lottery ride along (a banca has one zone, a draw one lottery). Maintained by
 * set-based upserts in the sale batch, the cancellation and the settlement — never rebuilt by scans.
 */
export interface LotteryAggSalesTable {
  business_date: string;
  banca_id: string;
  seller_id: string;
  draw_id: string;
  bet_type: string;
  zone_id: string;
  lottery_id: string;
  lines: number;
  bet: number;
  total: number;
  commission: number;
  net: number;
  cancelled_lines: number;
  cancelled_total: number;
  cancelled_commission: number;
  winning_lines: number;
  prizes_won: number;
}

/** Per-day, per-seller, per-hour ticket counts and payouts (hours in the operator's zone). */
export interface LotteryAggTicketsTable {
  business_date: string;
  banca_id: string;
  seller_id: string;
  hour: number;
  zone_id: string;
  tickets: number;
  total: number;
  commission: number;
  cancelled_tickets: number;
  cancelled_total: number;
  cancelled_commission: number;
  paid_tickets: number;
  prizes_paid: number;
}

/** Per-day played numbers with the exposure (prize if the number comes first). */
export interface LotteryAggNumbersTable {
  business_date: string;
  lottery_id: string;
  bet_type: string;
  bet_number: string;
  lines: number;
  total: number;
  exposure: number;
}

/**
 * What each banca owes the house (its cash, net of commission and cashback): a cache of the ledger's
 * sum over `banca:<id>:cash|commission|cashback`, kept in the same transactions that write the
 * entries, read by the sale's credit check; `ledger:verify` proves it equals the ledger.
 */
export interface LotteryBancaBalancesTable {
  banca_id: string;
  balance: number;
  updated_at: string;
}

/** Cobro, pago, loan, loan repayment: pending until approved when above the threshold. */
export interface LotteryMoneyMovementsTable {
  id: string;
  kind: string;
  banca_id: string;
  zone_id: string;
  amount: number;
  status: string;
  business_date: string;
  loan_id: string | null;
  note: string | null;
  created_at: string;
  created_by: string;
  decided_at: string | null;
  decided_by: string | null;
  ledger_entry_id: string | null;
  idempotency_key: string | null;
}

export interface LotteryLoansTable {
  id: string;
  banca_id: string;
  principal: number;
  installments: number;
  installment_amount: number;
  /** 'day' | 'week' | 'month' */
  frequency: string;
  first_due_date: string;
  status: string;
  note: string | null;
  created_at: string;
  created_by: string;
}

/** Caída per banca: a % of the banca's positive net result for each period. */
export interface LotteryBancaMoneySettingsTable {
  banca_id: string;
  cashback_bp: number;
  /** 'day' | 'week' | 'month' */
  cashback_period: string;
  updated_at: string;
}

export interface LotteryCashbacksTable {
  id: string;
  banca_id: string;
  period_start: string;
  period_end: string;
  net_result: number;
  rate_bp: number;
  amount: number;
  ledger_entry_id: string | null;
  created_at: string;
  created_by: string | null;
}

/** A seller's shift at a banca (cuadre de caja per seller and shift). */
export interface LotteryShiftsTable {
  id: string;
  banca_id: string;
  seller_id: string;
  business_date: string;
  opened_at: string;
  opening_cash: number;
  closed_at: string | null;
  closed_by: string | null;
  expected_cash: number | null;
  counted_cash: number | null;
  difference: number | null;
  figures_json: string | null;
  status: string;
}

/** The banca's daily cuadre, once closed nothing of that day changes. */
export interface LotteryCashClosesTable {
  id: string;
  banca_id: string;
  business_date: string;
  expected_cash: number;
  counted_cash: number;
  difference: number;
  figures_json: string;
  closed_at: string;
  closed_by: string;
  note: string | null;
}

export type LotteryMoneyTables = {
  lottery_agg_sales: LotteryAggSalesTable;
  lottery_agg_tickets: LotteryAggTicketsTable;
  lottery_agg_numbers: LotteryAggNumbersTable;
  lottery_banca_balances: LotteryBancaBalancesTable;
  lottery_money_movements: LotteryMoneyMovementsTable;
  lottery_loans: LotteryLoansTable;
  lottery_banca_money_settings: LotteryBancaMoneySettingsTable;
  lottery_cashbacks: LotteryCashbacksTable;
  lottery_shifts: LotteryShiftsTable;
  lottery_cash_closes: LotteryCashClosesTable;
};
