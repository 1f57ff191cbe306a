export interface LotteryTicketsTable {
  id: string;
  code: string;
  banca_id: string;
  zone_id: string;
  seller_id: string;
  business_date: string;
  created_at: string;
  /** Stored once final ('cancelled', 'paid', 'expired'), else 'pending': the rest is read (ticketStatusSql). */
  status: string;
  currency: string;
  global_multiplier: number;
  discount_bp: number;
  total_lines: number;
  total_bet: number;
  total_discount: number;
  total_subtotal: number;
  grand_total: number;
  total_commission: number;
  total_net: number;
  lines_hash: string;
  signature: string;
  idempotency_key: string | null;
  /** sha256 of the sale request the Idempotency-Key came with. */
  request_hash: string | null;
  terminal_id: string | null;
  ip: string | null;
  customer_name: string | null;
  customer_phone: string | null;
  customer_email: string | null;
  earliest_draw_at: string;
  latest_draw_at: string;
  expires_at: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  paid_at: string | null;
  paid_by: string | null;
  paid_banca_id: string | null;
  /** What was paid or expired; an unpaid prize is in lottery_ticket_prizes. */
  prize_total: number;
  reprint_count: number;
  /** What the sale consumed of each limit counter: JSON object, counter key → cents. */
  claims_json: string;
}

export interface LotteryTicketLinesTable {
  id: string;
  ticket_id: string;
  line_number: number;
  draw_id: string;
  lottery_id: string;
  bet_type: string;
  bet_number: string;
  typed: string;
  requested_amount: number;
  bet_amount: number;
  multiplier: number;
  discount_bp: number;
  discount_amount: number;
  subtotal: number;
  total: number;
  commission_bp: number;
  commission_amount: number;
  net_amount: number;
  prize_multipliers: string;
  /** 'pending' or 'cancelled': what a line won is in lottery_winning_lines (settlement never rewrites a line). */
  status: string;
  /** Always null / 0 since the outcome moved to lottery_winning_lines; the sale still fills them. */
}

export interface LotteryLimitRulesTable {
  id: string;
  level: string;
  measure: string;
  max_cents: number;
  lottery_id: string | null;
  draw_id: string | null;
  zone_id: string | null;
  banca_id: string | null;
  bet_type: string | null;
  number: string | null;
  weekday: number | null;
  starts_on: string | null;
  ends_on: string | null;
  note: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LotteryLimitCountersTable {
  key: string;
  draw_id: string;
  sold: number;
  lim: number;
}

export interface LotteryBlockedNumbersTable {
  id: string;
  lottery_id: string | null;
  draw_id: string | null;
  bet_type: string | null;
  number: string;
  reason: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LotteryHotNumbersTable {
  id: string;
  lottery_id: string | null;
  number: string;
  directo_cents: number | null;
  pale1_cents: number | null;
  pale2_cents: number | null;
  tripleta1_cents: number | null;
  tripleta2_cents: number | null;
  tripleta3_cents: number | null;
  reason: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LotteryLedgerEntriesTable {
  id: string;
  at: string;
  business_date: string;
  banca_id: string;
  kind: string;
  ticket_id: string | null;
  debit_account: string;
  credit_account: string;
  amount: number;
  memo: string | null;
}

export interface LotteryRulesGenerationTable {
  id: number;
  generation: number;
}

export type LotterySalesTables = {
  lottery_tickets: LotteryTicketsTable;
  lottery_ticket_lines: LotteryTicketLinesTable;
  lottery_limit_rules: LotteryLimitRulesTable;
  lottery_limit_counters: LotteryLimitCountersTable;
  lottery_blocked_numbers: LotteryBlockedNumbersTable;
  lottery_hot_numbers: LotteryHotNumbersTable;
  lottery_ledger_entries: LotteryLedgerEntriesTable;
  lottery_rules_generation: LotteryRulesGenerationTable;
};
