import { type CounterClaim, mergeClaims } from '@matriz/shared/lottery/limits';
import type { CompiledQuery } from 'kysely';
import {
  type Actor,
  type AuditReservation,
  auditReservationOf,
  reserveAuditQuery,
} from '../../platform/audit/audit.ts';
import { executeAllTogether, executeTogether } from '../../platform/db/execute-together.ts';
import {
  type AnyTransaction,
  eachInSavepoint,
  GroupCommitter,
  type Outcome,
} from '../../platform/db/group-commit.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, sha256 } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { isUniqueViolation, type LotteryDb, lotteryDb } from './db.ts';
import {
  consumeCounters,
  consumeCountersQueries,
  generationOf,
  holdRulesGenerationQuery,
  readCounters,
  releaseCounters,
} from './limits.repo.ts';
import { acceptWhatFits } from './partial-acceptance.ts';
import { prepareSale, refusalOf, type SalePlan, type SaleRequest } from './prepare-sale.ts';
import { presentTicket } from './present-ticket.ts';
import { salesAggregateQueries } from './record-sales-aggregates.ts';
import { saleCatalog } from './sale-catalog.ts';
import type {
  LotteryLedgerEntriesTable,
  LotteryTicketLinesTable,
  LotteryTicketsTable,
} from './sales-tables.ts';
import { signTicket, ticketCode } from './ticket-signature.ts';
import {
  findTicketByIdempotencyKey,
  giveBackTicketSequencesQuery,
  insertTicketsQueries,
  type KeyedTicket,
  keyedTicketsOf,
  reserveTicketSequencesQuery,
  ticketsByIdempotencyKeysQuery,
} from './tickets.repo.ts';

export interface SaleExtras {
  idempotencyKey?: string;
  /** Set by sellTicket for a keyed sale: what the key was sent with. */
  requestHash?: string;
  terminalId?: string;
  sellerName?: string;
  customer?: { name?: string | null; phone?: string | null; email?: string | null };
}

export interface SoldTicket {
  code: string;
  /** True when the Idempotency-Key had already sold this ticket: nothing new was written. */
  replayed: boolean;
  /** The new ticket as the API shows it, built from what was written (absent for a replay). */
  view?: ReturnType<typeof presentTicket>;
  /** The plan as sold: partial acceptance may have cut its lines (absent for a replay). */
  plan?: SalePlan;
}

/** A planned sale handed to the sales committer. */
export interface SaleItem {
  actor: Actor;
  plan: SalePlan;
  extras: SaleExtras;
}

export type SalesCommitter = GroupCommitter<SaleItem, SoldTicket>;

/** The counters came back short: some limit would be passed. Carries which ones. */
class LimitShortfall extends Error {
  constructor(readonly missing: CounterClaim[]) {
    super('LIMIT_SHORTFALL');
  }
}

/** Limit rules, hot numbers or blocks changed after the sale was planned: it must be planned again. */
class RulesChanged extends Error {
  constructor() {
    super('RULES_CHANGED');
  }
}

/** Plans again at most this many times while the rules keep changing under a sale. */
const REPLANS = 4;

const drawOfKey = (key: string) => (key.startsWith('D|') ? '' : key.split('|')[1]);

function ticketRows(platform: Platform, sale: SaleItem, code: string, at: string) {
  const { plan, actor, extras } = sale;
  const ticketId = newId();
  const ticket: LotteryTicketsTable = {
    id: ticketId,
    code,
    banca_id: plan.banca.id,
    zone_id: plan.banca.zone_id,
    seller_id: actor.userId!,
    business_date: plan.businessDate,
    created_at: at,
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
    signature: signTicket(platform.config.secret, code, plan.linesHash, plan.totals.grand_total),
    idempotency_key: extras.idempotencyKey ?? null,
    request_hash: extras.requestHash ?? null,
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
    claims_json: JSON.stringify(Object.fromEntries(plan.claims.map((c) => [c.key, c.amountCents]))),
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
  }));
  const entry = (kind: string, debit: string, credit: string, amount: number): LotteryLedgerEntriesTable => ({
    id: newId(),
    at,
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
  return { ticket, lines, ledger };
}

function viewOf(sale: SaleItem, rows: ReturnType<typeof ticketRows>) {
  const { plan, actor, extras } = sale;
  const banca = plan.banca;
  return presentTicket(rows.ticket, {
    lines: rows.lines,
    banca: {
      id: banca.id,
      code: banca.code,
      name: banca.name,
      owner_name: banca.owner_name,
      zone_id: banca.zone_id,
      zone_name: banca.zone_name,
      print_format: banca.print_format,
      print_copies: banca.print_copies,
      footer_line1: banca.footer_line1,
      footer_line2: banca.footer_line2,
      footer_line3: banca.footer_line3,
      show_prize_table: banca.show_prize_table,
    },
    seller: {
      id: actor.userId!,
      username: actor.username ?? '',
      full_name: extras.sellerName ?? actor.username ?? '',
    },
    draws: new Map(
      [...plan.draws.values()].map((d) => [
        d.id,
        {
          id: d.id,
          draw_date: d.draw_date,
          draw_time: d.draw_time,
          status: 'open',
          close_at: d.close_at,
          draw_at: d.draw_at,
          lottery_id: d.lottery_id,
          code: d.lottery_code,
          name: d.lottery_name,
        },
      ]),
    ),
  });
}

const idempotencyOf = (sale: SaleItem) =>
  sale.extras.idempotencyKey ? `${sale.actor.userId}|${sale.extras.idempotencyKey}` : null;

function requestHashOf(request: SaleRequest, extras: SaleExtras): string {
  return sha256(JSON.stringify([request, extras.customer ?? null, extras.terminalId ?? null]));
}

/**
 * A key already used answers with its ticket only when it comes with the same request: a
 * different one is a client reusing keys, and selling it the first ticket would hand the customer
 * plays they did not ask for. Tickets sold before request hashes were kept have none.
 */
function replayOf(code: string, firstHash: string | null, asked: SaleExtras): Outcome<SoldTicket> {
  if (firstHash !== null && firstHash !== (asked.requestHash ?? null))
    return { ok: false, error: keyReused(code) };
  return { ok: true, value: { code, replayed: true } };
}

const keyReused = (code: string) =>
  new AppError('IDEMPOTENCY_KEY_REUSED', 422, { field: 'headers.idempotency-key', ticket_code: code });

/**
 * What a batch reserves in the statement that consumes its counters, for every sale it may write:
 * the ticket numbers of each business day and the audit chain's sequence numbers.
 */
interface BatchReservation {
  days: Map<string, { last: number; count: number }>;
  audit: AuditReservation;
}

function reservationQueries(db: LotteryDb, sales: readonly SaleItem[]) {
  const perDay = new Map<string, number>();
  for (const sale of sales) perDay.set(sale.plan.businessDate, (perDay.get(sale.plan.businessDate) ?? 0) + 1);
  const queries = [
    ...[...perDay].map(([day, count]) => reserveTicketSequencesQuery(db, day, count)),
    reserveAuditQuery(db, sales.length),
  ];
  const read = (rows: unknown[][]): BatchReservation => {
    const days = new Map(
      [...perDay].map(([day, count], i) => [
        day,
        { last: Number((rows[i][0] as { value: number }).value), count },
      ]),
    );
    const head = rows[perDay.size][0] as { seq: number; hash: string };
    return { days, audit: auditReservationOf(head, sales.length) };
  };
  return { queries, read };
}

/**
 * Writes every accepted sale of a batch at once, numbered from the batch's reservation: one
 * multi-row insert per table, the aggregates, the audit rows, and the numbers not used given back,
 * all in one round trip.
 */
async function writeBatch(
  platform: Platform,
  db: LotteryDb,
  accepted: SaleItem[],
  reservation: BatchReservation,
): Promise<Map<SaleItem, SoldTicket>> {
  const at = platform.clock.now().toISOString();
  const codes = new Map<SaleItem, string>();
  const givenBack: CompiledQuery[] = [];
  for (const [day, { last, count }] of reservation.days) {
    const ofDay = accepted.filter((s) => s.plan.businessDate === day);
    for (const [i, sale] of ofDay.entries())
      codes.set(sale, ticketCode(sale.plan.prefix, day, last - count + 1 + i));
    if (ofDay.length < count) givenBack.push(giveBackTicketSequencesQuery(db, day, count - ofDay.length));
  }
  const written = accepted.map((sale) => ticketRows(platform, sale, codes.get(sale)!, at));
  const audited = accepted.map((sale, i) => {
    const row = written[i].ticket;
    return {
      actor: sale.actor,
      entry: {
        entity: 'lottery_ticket',
        entityId: row.id,
        action: 'sell',
        after: {
          code: row.code,
          banca: sale.plan.banca.code,
          lines: row.total_lines,
          grand_total: row.grand_total,
          hash: row.lines_hash,
        },
      },
    };
  });
  await executeTogether(
    db,
    [
      ...insertTicketsQueries(
        db,
        written.map((r) => r.ticket),
        written.flatMap((r) => r.lines),
        written.flatMap((r) => r.ledger),
      ),
      ...salesAggregateQueries(db, written, platform.config.timezone, at),
      ...givenBack,
      ...platform.auditQueries(db, reservation.audit, audited),
    ],
    'with the next statement',
  );
  return new Map(
    accepted.map((sale, i) => [
      sale,
      { code: written[i].ticket.code, replayed: false, view: viewOf(sale, written[i]), plan: sale.plan },
    ]),
  );
}

/**
 * Consumes what the given sales claim in ONE conditional upsert, kept only if every counter had
 * room: when one is short, what the others took is given back at once (the counters stay locked by
 * this transaction meanwhile). A counter not yet in the table is inserted without a condition, so
 * a sum already past its limit never gets that far. `alongside` statements travel in the same
 * round trip whatever the outcome, before or after the consumption; their rows come back in `rows`.
 */
async function consumeTogether(
  db: LotteryDb,
  sales: readonly SaleItem[],
  alongside: { before: readonly CompiledQuery[]; after: readonly CompiledQuery[] } = {
    before: [],
    after: [],
  },
): Promise<{ ok: boolean; rows: unknown[][] }> {
  const claims = mergeClaims(sales.flatMap((s) => s.plan.claims));
  const fits = claims.every((c) => c.amountCents <= c.limitCents);
  const consume = claims.length > 0 && fits ? consumeCountersQueries(db, drawOfKey, claims) : [];
  const results = await executeAllTogether(db, [...alongside.before, ...consume, ...alongside.after]);
  const consumed = results.splice(alongside.before.length, consume.length);
  const rows = results;
  if (!fits) return { ok: false, rows };
  const taken = new Set(consumed.flatMap((r) => r.map((row) => (row as { key: string }).key)));
  if (taken.size === claims.length) return { ok: true, rows };
  await releaseCounters(
    db,
    claims.filter((c) => taken.has(c.key)),
  );
  return { ok: false, rows };
}

/** Cuts a partially accepting banca's lines to what the counters allow; other plans pass unchanged. */
function fitted(sale: SaleItem, counters: Map<string, { sold: number; lim: number }>): SaleItem {
  if (!sale.plan.acceptPartial) return sale;
  const plan = acceptWhatFits(sale.plan, counters);
  return plan === sale.plan ? sale : { ...sale, plan };
}

/**
 * Consumes the batch's limit counters. Usually every sale fits whole: one conditional upsert for
 * all of them. When some counter is short, the counters are read and, in arrival order, each sale
 * is cut to what is left (banca accepting part of a line) or taken whole or refused, in memory,
 * and the sales that fit are consumed together; if a concurrent batch took part of a counter
 * meanwhile, every sale consumes its own counters in its own savepoint, exactly as if sold one by
 * one. The outcome carries the sale as sold (with its lines cut, when they were). The rules'
 * generation is held in the same round trip, before the counters: a sale planned under older rules
 * gives back what it took and is refused, to be planned again.
 */
async function consumeBatch(
  db: LotteryDb,
  trx: AnyTransaction,
  fresh: SaleItem[],
): Promise<{
  outcomes: Outcome<SaleItem>[];
  reservation: BatchReservation;
  sold: Map<string, KeyedTicket>;
}> {
  const pairs = fresh.flatMap((sale) =>
    sale.extras.idempotencyKey ? [{ sellerId: sale.actor.userId!, key: sale.extras.idempotencyKey }] : [],
  );
  const lookup = ticketsByIdempotencyKeysQuery(db, pairs);
  const reserve = reservationQueries(db, fresh);
  const first = await consumeTogether(db, fresh, {
    before: [holdRulesGenerationQuery(db), ...(lookup ? [lookup] : [])],
    after: reserve.queries,
  });
  const generation = generationOf(first.rows[0]);
  const sold = keyedTicketsOf(lookup ? first.rows[1] : [], pairs);
  const reservation = reserve.read(first.rows.slice(lookup ? 2 : 1));
  const setAside = fresh.filter((sale) => {
    const key = idempotencyOf(sale);
    return (key !== null && sold.has(key)) || sale.plan.rulesGeneration < generation;
  });
  const sales = setAside.length > 0 ? fresh.filter((sale) => !setAside.includes(sale)) : fresh;
  const staleOutcome = { ok: false, error: new RulesChanged() } as const;
  const inOrder = (outcomes: Outcome<SaleItem>[]) => {
    const of = new Map(sales.map((sale, i) => [sale, outcomes[i]]));
    return fresh.map((sale) => of.get(sale) ?? staleOutcome);
  };
  if (first.ok && setAside.length > 0)
    await releaseCounters(
      db,
      setAside.flatMap((sale) => sale.plan.claims),
    );
  if (first.ok)
    return { outcomes: inOrder(sales.map((sale) => ({ ok: true, value: sale }))), reservation, sold };
  const counters = await readCounters(db, [
    ...new Set(sales.flatMap((s) => s.plan.claims.map((c) => c.key))),
  ]);
  const outcomes: Outcome<SaleItem>[] = sales.map((asked) => {
    const sale = fitted(asked, counters);
    const short = (c: CounterClaim) => (counters.get(c.key)?.sold ?? 0) + c.amountCents > c.limitCents;
    const missing = sale.plan.claims.filter(short);
    if (missing.length > 0) return { ok: false, error: new LimitShortfall(missing) };
    for (const c of sale.plan.claims) {
      const counter = counters.get(c.key) ?? { sold: 0, lim: c.limitCents };
      counters.set(c.key, { ...counter, sold: counter.sold + c.amountCents });
    }
    return { ok: true, value: sale };
  });
  const fitting = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
  if ((await consumeTogether(db, fitting)).ok) return { outcomes: inOrder(outcomes), reservation, sold };
  const oneByOne = await eachInSavepoint(trx, sales, async (asked) => {
    const sale = asked.plan.acceptPartial
      ? fitted(
          asked,
          await readCounters(
            db,
            asked.plan.claims.map((c) => c.key),
          ),
        )
      : asked;
    const one = await consumeCounters(db, drawOfKey, sale.plan.claims);
    if (one.size < sale.plan.claims.length)
      throw new LimitShortfall(sale.plan.claims.filter((c) => !one.has(c.key)));
    return sale;
  });
  return { outcomes: inOrder(oneByOne), reservation, sold };
}

/**
 * One batch of sales in one transaction: an Idempotency-Key repeated within the batch answers with
 * the first sale's ticket; the others consume their limit counters (consumeBatch), which also finds
 * the keys already sold — those answer with their ticket and give back what they took — and the
 * accepted ones are written in bulk.
 */
async function runSalesBatch(platform: Platform, trx: AnyTransaction, items: SaleItem[]) {
  const db = lotteryDb(trx);
  const firstByKey = new Map<string, SaleItem>();
  const fresh: SaleItem[] = [];
  for (const sale of items) {
    const key = idempotencyOf(sale);
    if (key && firstByKey.has(key)) continue;
    if (key) firstByKey.set(key, sale);
    fresh.push(sale);
  }
  const { outcomes, reservation, sold } = await consumeBatch(db, trx, fresh);
  const decided = new Map<SaleItem, Outcome<SaleItem>>(fresh.map((sale, i) => [sale, outcomes[i]]));
  const tickets = await writeBatch(
    platform,
    db,
    outcomes.flatMap((o) => (o.ok ? [o.value] : [])),
    reservation,
  );
  return items.map((sale): Outcome<SoldTicket> => {
    const key = idempotencyOf(sale);
    const earlier = key ? sold.get(key) : undefined;
    if (earlier) return replayOf(earlier.code, earlier.request_hash, sale.extras);
    const first = key ? firstByKey.get(key)! : sale;
    const outcome = decided.get(first)!;
    if (!outcome.ok) return outcome;
    const ticket = tickets.get(outcome.value)!;
    return first === sale
      ? { ok: true, value: ticket }
      : replayOf(ticket.code, first.extras.requestHash ?? null, sale.extras);
  });
}

/**
 * Sales share transactions, one batch at a time: SQLite has one writer, and on PostgreSQL a second
 * batch in flight only waits for the first one's counter and sequence locks while both batches
 * shrink (measured slower with 2 and 3). A batch that loses a race for an Idempotency-Key to a
 * concurrent writer runs again and finds the other's ticket.
 */
export function createSalesCommitter(platform: Platform): SalesCommitter {
  return new GroupCommitter<SaleItem, SoldTicket>(platform.db, {
    maxBatch: 64,
    concurrency: 1,
    retries: 5,
    run: (trx, items) => runSalesBatch(platform, trx, items),
    retryWhen: isUniqueViolation,
  });
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
 * Sells a ticket: plans it outside any transaction (`prepareSale`), then hands it to the sales
 * committer, and answers only once the batch holding it has committed.
 */
export async function sellTicket(
  platform: Platform,
  committer: SalesCommitter,
  actor: Actor,
  request: SaleRequest,
  given: SaleExtras = {},
): Promise<SoldTicket> {
  const sellerId = actor.userId!;
  const db = lotteryDb(platform.db);
  const extras = given.idempotencyKey ? { ...given, requestHash: requestHashOf(request, given) } : given;
  for (let planned = 1; ; planned++) {
    const prepared = await prepareSale(platform, sellerId, request);
    if (!prepared.plan) {
      const replay = await replayOfEarlierSale(db, sellerId, extras);
      if (!replay) throw refusalOf(prepared.problems);
      if (!replay.ok) throw replay.error;
      return replay.value;
    }
    const asked = prepared.plan;
    try {
      const sold = await committer.submit({ actor, plan: asked, extras });
      if (sold.plan) announceSale(platform, sold.code, sold.plan);
      return sold;
    } catch (error) {
      if (error instanceof LimitShortfall) throw await limitRefusal(platform, asked, error.missing);
      if (!(error instanceof RulesChanged)) throw error;
      if (planned === REPLANS) throw new AppError('RULES_CHANGING', 409, {});
      saleCatalog(platform).invalidate();
    }
  }
}

/**
 * A retried sale that no longer plans (its draw closed meanwhile, say) still gets the ticket its
 * Idempotency-Key sold; a sale that plans finds that ticket in its batch instead.
 */
async function replayOfEarlierSale(
  db: LotteryDb,
  sellerId: string,
  extras: SaleExtras,
): Promise<Outcome<SoldTicket> | null> {
  if (!extras.idempotencyKey) return null;
  const existing = await findTicketByIdempotencyKey(db, sellerId, extras.idempotencyKey);
  return existing ? replayOf(existing.code, existing.request_hash, extras) : null;
}

function announceSale(platform: Platform, code: string, plan: SalePlan): void {
  platform.bus.publish({
    type: 'lottery.ticket.sold',
    payload: {
      code,
      banca_id: plan.banca.id,
      zone_id: plan.banca.zone_id,
      grand_total: plan.totals.grand_total / 100,
      lines_hash: plan.linesHash,
      draw_ids: [...plan.draws.keys()],
    },
    audience: { permission: 'lottery.risk.read' },
  });
}
