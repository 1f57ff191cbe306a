import type {
  AgentView,
  AssignmentView,
  BancaView,
  DrawView,
  LotteryView,
  ZoneView,
} from '@matriz/shared/api/lottery-catalog';
import type { ResultFormat } from '@matriz/shared/lottery/games';
import { effectiveDrawStatus } from '@matriz/shared/lottery/schedule';
import { toMajor } from '@matriz/shared/money';
import type { LotteryRow } from './catalog.repo.ts';
import type { DrawWithLottery } from './draws.repo.ts';
import type { AgentRow, AssignmentRow, BancaRow, ZoneRow } from './network.repo.ts';

/** Row → API shape: flags to booleans, cents to major units, basis points to percent. */
const majorOrNull = (cents: number | null) => (cents === null ? null : toMajor(Number(cents)));

export function presentZone(row: ZoneRow): ZoneView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    active: row.active === 1,
    banca_count: row.banca_count,
    active_banca_count: row.active_banca_count,
  };
}

export function presentBanca(row: BancaRow): BancaView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    owner_name: row.owner_name,
    zone_id: row.zone_id,
    zone_code: row.zone_code,
    zone_name: row.zone_name,
    active: row.active === 1,
    opens_at: row.opens_at,
    closes_at: row.closes_at,
    print_format: row.print_format as BancaView['print_format'],
    print_copies: row.print_copies,
    footer_lines: [row.footer_line1, row.footer_line2, row.footer_line3],
    show_prize_table: row.show_prize_table === 1,
    cancel_window_minutes: row.cancel_window_minutes,
    max_cancels_per_day: row.max_cancels_per_day,
    max_cancel_amount: majorOrNull(row.max_cancel_amount_cents),
    max_ticket_amount: majorOrNull(row.max_ticket_amount_cents),
    daily_sales_limit: majorOrNull(row.daily_sales_limit_cents),
    credit_limit: majorOrNull(row.credit_limit_cents),
    deactivation_balance: majorOrNull(row.deactivation_balance_cents),
    accept_partial_lines: row.accept_partial_lines === 1,
    user_count: row.user_count,
    version: row.version,
  };
}

export function presentAgent(row: AgentRow): AgentView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    phone: row.phone,
    zone_id: row.zone_id,
    zone_name: row.zone_name,
    commission_percent: row.commission_bp / 100,
    active: row.active === 1,
  };
}

export function presentAssignment(row: AssignmentRow): AssignmentView {
  return { ...row, user_active: row.user_active === 1, role: row.role as AssignmentView['role'] };
}

export function presentLottery(row: LotteryRow): LotteryView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    country: row.country,
    time_zone: row.time_zone,
    result_format: row.result_format as ResultFormat,
    source_a_id: row.source_a_id,
    source_b_id: row.source_b_id,
    sort_order: row.sort_order,
    active: row.active === 1,
    draws_per_week: row.draws_per_week,
  };
}

export function presentDraw(row: DrawWithLottery, now: Date): DrawView {
  return {
    id: row.id,
    lottery_id: row.lottery_id,
    lottery_code: row.lottery_code,
    lottery_name: row.lottery_name,
    result_format: row.result_format as ResultFormat,
    time_zone: row.time_zone,
    draw_date: row.draw_date,
    draw_time: row.draw_time,
    business_date: row.business_date,
    close_at: row.close_at,
    draw_at: row.draw_at,
    status: effectiveDrawStatus(row, now),
  };
}
