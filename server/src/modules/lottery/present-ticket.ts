import { BET_TYPES, type BetTypeCode } from '@matriz/shared/lottery/games';
import { toMajor } from '@matriz/shared/money';
import { notFound } from '../../platform/errors.ts';
import type { LotteryDb } from './db.ts';
import { findTicketOutcome, findTicketWinningLines } from './settlement.repo.ts';
import { qrPayload } from './ticket-signature.ts';
import { findTicketByCode, findTicketLines, type TicketRow } from './tickets.repo.ts';

const percent = (basisPoints: number) => basisPoints / 100;

/**
 * Settlement writes only the winners (ARCHITECTURE.md "Database"): a line that did not win reads as
 * `loser` once its draw is settled, `active` once the draw has closed, `pending` while it is open.
 */
export function lineStatus(stored: string, drawStatus: string, won: boolean): string {
  if (stored === 'cancelled') return stored;
  if (won) return 'winner';
  if (drawStatus === 'settled') return 'loser';
  return drawStatus === 'scheduled' || drawStatus === 'open' ? 'pending' : 'active';
}

/** What settlement decided for a stored ticket: its status and prize, and its winning lines by line id. */
export interface TicketOutcome {
  status: string;
  prize_total: number;
  winners: Map<string, { prize_class: string; prize_amount: number }>;
}

async function ticketContext(db: LotteryDb, ticket: TicketRow) {
  const [lines, banca, seller] = await Promise.all([
    findTicketLines(db, ticket.id),
    db
      .selectFrom('lottery_bancas as b')
      .innerJoin('lottery_zones as z', 'z.id', 'b.zone_id')
      .select([
        'b.id',
        'b.code',
        'b.name',
        'b.owner_name',
        'z.id as zone_id',
        'z.name as zone_name',
        'b.print_format',
        'b.print_copies',
        'b.footer_line1',
        'b.footer_line2',
        'b.footer_line3',
        'b.show_prize_table',
      ])
      .where('b.id', '=', ticket.banca_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select(['id', 'username', 'full_name'])
      .where('id', '=', ticket.seller_id)
      .executeTakeFirstOrThrow(),
  ]);
  const drawIds = [...new Set(lines.map((l) => l.draw_id))];
  const draws = await db
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_lotteries as o', 'o.id', 'd.lottery_id')
    .select([
      'd.id',
      'd.draw_date',
      'd.draw_time',
      'd.status',
      'd.close_at',
      'd.draw_at',
      'o.id as lottery_id',
      'o.code',
      'o.name',
    ])
    .where('d.id', 'in', drawIds)
    .execute();
  return { lines, banca, seller, draws: new Map(draws.map((d) => [d.id, d])) };
}

export type TicketContext = Awaited<ReturnType<typeof ticketContext>>;

/** The ticket as spec 003 §6.1 names it, amounts in major units (a sale just made has no outcome yet). */
export function presentTicket(ticket: TicketRow, context: TicketContext, outcome?: TicketOutcome) {
  const { lines, banca, seller, draws } = context;
  const lotteryIds = [...new Set(lines.map((l) => l.lottery_id))];
  return {
    ticket_id: ticket.id,
    ticket_code: ticket.code,
    barcode: ticket.code,
    qr: qrPayload(ticket.code, ticket.signature),
    status: outcome?.status ?? ticket.status,
    created_at: ticket.created_at,
    business_date: ticket.business_date,
    currency: ticket.currency,
    expires_at: ticket.expires_at,
    branch: {
      branch_id: banca.id,
      branch_code: banca.code,
      branch_name: banca.name,
      branch_owner: banca.owner_name,
      zone_id: banca.zone_id,
      zone_name: banca.zone_name,
    },
    user: {
      user_id: seller.id,
      username: seller.username,
      fullname: seller.full_name,
      ip_address: ticket.ip,
      terminal_id: ticket.terminal_id,
    },
    customer: {
      customer_name: ticket.customer_name,
      customer_phone: ticket.customer_phone,
      customer_email: ticket.customer_email,
    },
    configuration: {
      global_multiplier: ticket.global_multiplier,
      global_discount: percent(ticket.discount_bp),
    },
    lines: lines.map((line) => {
      const draw = draws.get(line.draw_id)!;
      const betType = line.bet_type as BetTypeCode;
      const won = outcome?.winners.get(line.id);
      return {
        line_id: line.id,
        line_number: line.line_number,
        lottery: {
          lottery_id: draw.lottery_id,
          lottery_code: draw.code,
          lottery_name: draw.name,
          draw_id: draw.id,
          draw_date: draw.draw_date,
          draw_time: draw.draw_time,
          draw_status: draw.status,
        },
        bet: {
          bet_number: line.bet_number,
          typed: line.typed,
          bet_type_code: betType,
          bet_type_name: BET_TYPES[betType]?.nameEs ?? betType,
        },
        amounts: {
          requested_amount: toMajor(Number(line.requested_amount)),
          missing_amount: toMajor(Number(line.requested_amount) - Number(line.bet_amount)),
          bet_amount: toMajor(Number(line.bet_amount)),
          multiplier: line.multiplier,
          discount_percentage: percent(line.discount_bp),
          discount_amount: toMajor(Number(line.discount_amount)),
          subtotal: toMajor(Number(line.subtotal)),
          total_with_multiplier: toMajor(Number(line.total)),
          commission_percentage: percent(line.commission_bp),
          commission_amount: toMajor(Number(line.commission_amount)),
          net_amount: toMajor(Number(line.net_amount)),
        },
        prize: {
          prize_multipliers: Object.fromEntries(
            Object.entries(JSON.parse(line.prize_multipliers) as Record<string, number>).map(([k, v]) => [
              k,
              v / 100,
            ]),
          ),
          prize_amount: toMajor(won?.prize_amount ?? 0),
          is_winner: won !== undefined,
          winning_class: won?.prize_class ?? null,
        },
        status: {
          line_status: lineStatus(line.status, draw.status, won !== undefined),
          is_void: line.status === 'cancelled',
        },
      };
    }),
    totals: {
      total_lines: ticket.total_lines,
      total_bet_amount: toMajor(Number(ticket.total_bet)),
      total_discount: toMajor(Number(ticket.total_discount)),
      total_subtotal: toMajor(Number(ticket.total_subtotal)),
      total_with_multiplier: toMajor(Number(ticket.grand_total)),
      total_commission: toMajor(Number(ticket.total_commission)),
      total_net: toMajor(Number(ticket.total_net)),
      grand_total: toMajor(Number(ticket.grand_total)),
      total_prize: toMajor(outcome?.prize_total ?? Number(ticket.prize_total)),
    },
    metadata: {
      lottery_ids: lotteryIds.join(','),
      total_lotteries: lotteryIds.length,
      earliest_draw_time: ticket.earliest_draw_at,
      latest_draw_time: ticket.latest_draw_at,
      hash: ticket.lines_hash,
    },
    cancellation: ticket.cancelled_at
      ? { cancelled_at: ticket.cancelled_at, cancelled_by: ticket.cancelled_by, reason: ticket.cancel_reason }
      : null,
    payment: ticket.paid_at ? { paid_at: ticket.paid_at, paid_by: ticket.paid_by } : null,
    reprint_count: ticket.reprint_count,
    print: {
      format: banca.print_format,
      copies: banca.print_copies,
      footer_lines: [banca.footer_line1, banca.footer_line2, banca.footer_line3].filter(Boolean),
      show_prize_table: banca.show_prize_table === 1,
    },
    print_url: `/api/v1/lottery/tickets/${ticket.code}/print`,
    preview_url: `/api/v1/lottery/tickets/${ticket.code}/preview`,
  };
}

export async function loadTicketView(db: LotteryDb, code: string) {
  const ticket = await findTicketByCode(db, code);
  if (!ticket) throw notFound('lottery_ticket', code);
  const [context, settled, winners] = await Promise.all([
    ticketContext(db, ticket),
    findTicketOutcome(db, ticket.id),
    findTicketWinningLines(db, ticket.id),
  ]);
  return { ticket, view: presentTicket(ticket, context, { ...settled, winners }) };
}
