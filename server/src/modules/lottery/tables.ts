import type { Generated } from 'kysely';

/** Row shapes of the lottery module's tables. Money in integer cents, rates in basis points, flags 0/1. */

export interface LotteryZonesTable {
  id: string;
  code: string;
  name: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LotteryBancasTable {
  id: string;
  code: string;
  name: string;
  owner_name: string;
  zone_id: string;
  active: number;
  /** Opening hours in the operator's zone, HH:MM; null = no restriction. */
  opens_at: string | null;
  closes_at: string | null;
  print_format: string;
  print_copies: number;
  footer_line1: string;
  footer_line2: string;
  footer_line3: string;
  show_prize_table: number;
  cancel_window_minutes: number;
  /** Risk caps; null = no cap. */
  max_cancels_per_day: number | null;
  max_cancel_amount_cents: number | null;
  max_ticket_amount_cents: number | null;
  daily_sales_limit_cents: number | null;
  credit_limit_cents: number | null;
  /** The banca stops selling when its balance falls to this (money module). */
  deactivation_balance_cents: number | null;
  accept_partial_lines: number;
  created_at: string;
  updated_at: string;
}

export interface LotteryAssignmentsTable {
  id: string;
  user_id: string;
  banca_id: string | null;
  zone_id: string | null;
  role: string;
  /** `banca:<id>` or `zone:<id>`: one assignment per user and place (NULLs defeat a plain unique index). */
  target_key: string;
  created_at: string;
}

export interface LotteryAgentsTable {
  id: string;
  code: string;
  name: string;
  phone: string | null;
  zone_id: string | null;
  commission_bp: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LotteryLotteriesTable {
  id: string;
  code: string;
  name: string;
  country: string;
  time_zone: string;
  result_format: string;
  /** Composite lotteries (Super Palé): the two lotteries whose 1st prizes make the result. */
  source_a_id: string | null;
  source_b_id: string | null;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LotterySchedulesTable {
  id: string;
  lottery_id: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Wall-clock HH:MM in the lottery's zone. */
  close_time: string;
  draw_time: string;
  created_at: string;
}

export interface LotteryDrawsTable {
  id: string;
  lottery_id: string;
  /** The date in the lottery's own zone. */
  draw_date: string;
  draw_time: string;
  /** The date of `draw_at` in the operator's zone. */
  business_date: string;
  /** ISO-8601 UTC instants; sales stop at close_at by the server clock. */
  close_at: string;
  draw_at: string;
  status: string;
  result_json: string | null;
  closed_at: string | null;
  resulted_at: string | null;
  settled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Only bet types the operator switched off have a row with active = 0. */
export interface LotteryBetTypesTable {
  code: string;
  active: number;
  updated_at: string;
}

export interface LotteryPrizeMultipliersTable {
  id: string;
  /** 'default' | 'banca' | 'lottery' | 'draw'; scope_id is '' for 'default'. */
  scope: string;
  scope_id: string;
  bet_type: string;
  prize_class: string;
  /** Hundredths: 60× = 6000. */
  multiplier: number;
  updated_at: string;
}

export interface LotteryCommissionRatesTable {
  id: string;
  /** A banca id, or '*' for every banca. */
  banca_scope: string;
  /** A lottery id, or '*' for every lottery. */
  lottery_scope: string;
  bet_type: string;
  rate_bp: number;
  updated_at: string;
}

export type LotteryTables = {
  lottery_zones: LotteryZonesTable;
  /** `version` starts at 1 (the column's default) and grows with every saved edit: see updateBancaRow. */
  lottery_bancas: LotteryBancasTable & { version: Generated<number> };
  lottery_assignments: LotteryAssignmentsTable;
  lottery_agents: LotteryAgentsTable;
  lottery_lotteries: LotteryLotteriesTable;
  lottery_schedules: LotterySchedulesTable;
  lottery_draws: LotteryDrawsTable;
  lottery_bet_types: LotteryBetTypesTable;
  lottery_prize_multipliers: LotteryPrizeMultipliersTable;
  lottery_commission_rates: LotteryCommissionRatesTable;
};
