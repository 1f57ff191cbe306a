import type { CounterClaim } from '@matriz/shared/lottery/limits';
import type { Actor } from '../../platform/audit/audit.ts';
import type { GroupCommitter } from '../../platform/db/group-commit.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { isUniqueViolation, lotteryDb } from './db.ts';
import { consumeCounters, readCounters } from './limits.repo.ts';
import { acceptWhatFits } from './partial-acceptance.ts';
import { prepareSale, refusalOf, type SalePlan, type SaleRequest } from './prepare-sale.ts';
import type {
  LotteryLedgerEntriesTable,
  LotteryTicketLinesTable,
  LotteryTicketsTable,
} from './sales-tables.ts';
import { signTicket, ticketCode } from './ticket-signature.ts';
import { findTicketByIdempotencyKey, insertTicket, nextTicketSequence } from './tickets.repo.ts';

export interface SaleExtras {
  idempotencyKey?: string;
  terminalId?: string;
  customer?: { name?: string | null; phone?: string | null; email?: string | null };
}

export interface SoldTicket {
  code: string;
  /** True when the Idempotency-Key had already sold this ticket: nothing new was written. */
  replayed: boolean;
}

/** The counters came back short: some limit would be passed. Carries which ones. */
class LimitShortfall extends Error {
  constructor(readonly missing: CounterClaim[]) {
    super('LIMIT_SHORTFALL');
  }
}

const drawOfKey = (key: string) => (key.startsWith('D|') ? '' : key.split('|')[1]);

function ticketRows(platform: Platform, actor: Actor, plan: SalePlan, code: string, extras: SaleExtras) {
  const now = platform.clock.now().toISOString();
  const ticketId = newId();
  const signature = signTicket(platform.config.secret, code, plan.linesHash, plan.totals.grand_total);
  const ticket: LotteryTicketsTable = {
    id: ticketId,
    code,
    banca_id: plan.banca.id,
    zone_id: plan.banca.zone_id,
    seller_id: actor.userId!,
    business_date: plan.businessDate,
    created_at: now,
    status: 'pending',
    currency: plan.currency,
    global_multiplier: plan.multiplier,
    discount_bp: plan.discountBp,
    total_lines: plan.totals.total_lines,
    total_bet: plan.totals.total_bet_amount,
    total_discount: plan.totals.total_discount,
    total_subtotal: plan.totals.total_subtotal,
    grand_total: plan.totals.grand_total,
    total_commission: plan.totals.total_commission,
    total_net: plan.totals.total_net,
    lines_hash: plan.linesHash,
    signature,
    idempotency_key: extras.idempotencyKey ?? null,
    terminal_id: extras.terminalId ?? null,
    ip: actor.ip,
    customer_name: extras.customer?.name ?? null,
    customer_phone: extras.customer?.phone ?? null,
    customer_email: extras.customer?.email ?? null,
    earliest_draw_at: plan.earliestDrawAt,
    latest_draw_at: plan.latestDrawAt,
    expires_at: plan.expiresAt,
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason: null,
    paid_at: null,
    paid_by: null,
    paid_banca_id: null,
    prize_total: 0,
    reprint_count: 0,
  };
  const lines: LotteryTicketLinesTable[] = plan.lines.map((line) => ({
    id: newId(),
    ticket_id: ticketId,
    line_number: line.lineNumber,
    draw_id: line.drawId,
    lottery_id: line.lotteryId,
    bet_type: line.betType,
    bet_number: line.number,
    typed: line.typed,
    requested_amount: line.requestedCents,
    bet_amount: line.priced.bet_amount,
    multiplier: line.priced.multiplier,
    discount_bp: line.priced.discount_bp,
    discount_amount: line.priced.discount_amount,
    subtotal: line.priced.subtotal,
    total: line.priced.total_with_multiplier,
    commission_bp: line.priced.commission_bp,
    commission_amount: line.priced.commission_amount,
    net_amount: line.priced.net_amount,
    prize_multipliers: JSON.stringify(line.prizeMultipliers),
    status: 'pending',
    prize_class: null,
    prize_amount: 0,
  }));
  const entry = (kind: string, debit: string, credit: string, amount: number): LotteryLedgerEntriesTable => ({
    id: newId(),
    at: now,
    business_date: plan.businessDate,
    banca_id: plan.banca.id,
    kind,
    ticket_id: ticketId,
    debit_account: debit,
    credit_account: credit,
    amount,
    memo: code,
  });
  const bancaAccount = `banca:${plan.banca.id}`;
  const ledger = [entry('sale', `${bancaAccount}:cash`, 'house:sales', plan.totals.grand_total)];
  if (plan.totals.total_commission > 0) {
    ledger.push(
      entry('commission', 'house:commission', `${bancaAccount}:commission`, plan.totals.total_commission),
    );
  }
  const claims = plan.claims.map((c) => ({ ticket_id: ticketId, key: c.key, amount: c.amountCents }));
  return { ticket, lines, claims, ledger, signature };
}

/** What the refusal says when a counter is short: the limit, what is sold, what was asked, what is left. */
async function limitRefusal(platform: Platform, plan: SalePlan, missing: CounterClaim[]): Promise<AppError> {
  const counters = await readCounters(
    lotteryDb(platform.db),
    missing.map((c) => c.key),
  );
  const shortest = missing
    .map((claim) => {
      const counter = counters.get(claim.key);
      const limit = counter ? Math.min(counter.lim, claim.limitCents) : claim.limitCents;
      const sold = counter?.sold ?? 0;
      return { claim, limit, sold, available: Math.max(0, limit - sold) };
    })
    .sort((a, b) => a.available - b.available)[0];
  const { claim, limit, sold, available } = shortest;
  if (claim.key.startsWith('D|')) {
    return new AppError('BANCA_LIMIT', 422, {
      limit: limit / 100,
      sold: sold / 100,
      requested: claim.amountCents / 100,
      available: available / 100,
    });
  }
  const line = plan.lines.find((l) => l.claims.some((c) => c.key === claim.key)) ?? plan.lines[0];
  return new AppError('LIMIT_EXCEEDED', 422, {
    line: line.sourceLine,
    lottery: line.lotteryCode,
    number: line.number,
    bet_type: line.betType,
    level: claim.level,
    limit: limit / 100,
    sold: sold / 100,
    requested: claim.amountCents / 100,
    available: available / 100,
  });
}

/**
 * Sells a ticket: plans it outside any transaction, then commits it through the group committer —
 * ticket, lines, ledger and audit first, and last, in sorted key order, one conditional upsert of
 * every limit counter. Fewer counters back than sent rolls the sale back and reports the limit.
 */
export async function sellTicket(
  platform: Platform,
  committer: GroupCommitter,
  actor: Actor,
  request: SaleRequest,
  extras: SaleExtras = {},
): Promise<SoldTicket> {
  const sellerId = actor.userId!;
  const db = lotteryDb(platform.db);
  if (extras.idempotencyKey) {
    const existing = await findTicketByIdempotencyKey(db, sellerId, extras.idempotencyKey);
    if (existing) return { code: existing.code, replayed: true };
  }
  const prepared = await prepareSale(platform, sellerId, request);
  if (!prepared.plan) throw refusalOf(prepared.problems);
  let plan = prepared.plan;
  if (plan.acceptPartial)
    plan = acceptWhatFits(
      plan,
      await readCounters(
        db,
        plan.claims.map((c) => c.key),
      ),
    );
  const committed = plan;

  try {
    const sold = await committer.submit(async (trx) => {
      const tdb = lotteryDb(trx);
      if (extras.idempotencyKey) {
        const existing = await findTicketByIdempotencyKey(tdb, sellerId, extras.idempotencyKey);
        if (existing) return { code: existing.code, replayed: true };
      }
      const sequence = await nextTicketSequence(tdb, committed.businessDate);
      const code = ticketCode(committed.prefix, committed.businessDate, sequence);
      const rows = ticketRows(platform, actor, committed, code, extras);
      await insertTicket(tdb, rows.ticket, rows.lines, rows.claims, rows.ledger);
      await platform.audit(trx, actor, {
        entity: 'lottery_ticket',
        entityId: rows.ticket.id,
        action: 'sell',
        after: {
          code,
          banca: committed.banca.code,
          lines: rows.lines.length,
          grand_total: committed.totals.grand_total,
          hash: committed.linesHash,
        },
      });
      const consumed = await consumeCounters(tdb, drawOfKey, committed.claims);
      if (consumed.size < committed.claims.length)
        throw new LimitShortfall(committed.claims.filter((c) => !consumed.has(c.key)));
      return { code, replayed: false };
    });
    if (!sold.replayed) {
      platform.bus.publish({
        type: 'lottery.ticket.sold',
        payload: {
          code: sold.code,
          banca_id: committed.banca.id,
          zone_id: committed.banca.zone_id,
          grand_total: committed.totals.grand_total / 100,
          draw_ids: [...committed.draws.keys()],
        },
        audience: { permission: 'lottery.risk.read' },
      });
    }
    return sold;
  } catch (error) {
    if (error instanceof LimitShortfall) throw await limitRefusal(platform, committed, error.missing);
    if (extras.idempotencyKey && isUniqueViolation(error)) {
      const existing = await findTicketByIdempotencyKey(db, sellerId, extras.idempotencyKey);
      if (existing) return { code: existing.code, replayed: true };
    }
    throw error;
  }
}
