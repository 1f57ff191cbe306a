/** Tables of results, settlement and payouts (issue 6). Money in integer cents. */

/** Who entered a draw's result and how; the result itself lives in lottery_draws.result_json. */
export interface LotteryResultsTable {
  draw_id: string;
  /** 'screen' | 'api' | 'csv' | 'composite' */
  source: string;
  entered_by: string | null;
  entered_at: string;
  /** 1 for the first result, +1 per correction. */
  revision: number;
  /** The result the current one replaced, and why (corrections only). */
  previous_json: string | null;
  correction_reason: string | null;
  corrected_by: string | null;
  corrected_at: string | null;
  /** 1 while a correction still has to undo the previous settlement (resumable after a crash). */
  reverting: number;
  /** 1 from the draw's flip to `settled` until its tickets are decided (resumable after a crash); its tickets read as active meanwhile. */
  tickets_pending: number;
}

/** One row per draw and banca that won something: the ledger entry it wrote, so a correction can reverse it. */
export interface LotterySettlementTotalsTable {
  id: string;
  draw_id: string;
  banca_id: string;
  revision: number;
  winning_lines: number;
  prize_total: number;
  ledger_entry_id: string;
  settled_at: string;
  reversed_at: string | null;
}

/** A line that won: written by settlement (the line's own row is never rewritten). */
export interface LotteryWinningLinesTable {
  ticket_id: string;
  line_id: string;
  draw_id: string;
  bet_type: string;
  prize_class: string;
  /** bet × ticket multiplier × the prize multiplier copied at sale, half-up. */
  prize_amount: number;
}

/**
 * What a ticket has won and nobody has paid yet (the row goes when it is paid or expires; the ticket
 * row then keeps the amount). Undecided while another draw of the ticket can still add to it.
 */
export interface LotteryTicketPrizesTable {
  ticket_id: string;
  prize_total: number;
  /** 1 once every other draw of the ticket is settled: the ticket is a winner (spec 003 §8.4). */
  decided: number;
  /** Copied from the ticket, for the expiry job and the unclaimed list. */
  expires_at: string;
}

/** One row per paid ticket (the unique ticket_id makes a second payment impossible). */
export interface LotteryPaymentsTable {
  id: string;
  ticket_id: string;
  code: string;
  receipt_number: string;
  /** The banca that sold the ticket (its liability) and the one whose cash paid it. */
  banca_id: string;
  paid_banca_id: string;
  paid_by: string;
  paid_at: string;
  amount: number;
  idempotency_key: string | null;
  ip: string | null;
}

export type LotteryResultsTables = {
  lottery_results: LotteryResultsTable;
  lottery_settlement_totals: LotterySettlementTotalsTable;
  lottery_payments: LotteryPaymentsTable;
  lottery_winning_lines: LotteryWinningLinesTable;
  lottery_ticket_prizes: LotteryTicketPrizesTable;
};
