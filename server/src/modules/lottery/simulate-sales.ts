import { createHash } from 'node:crypto';
import { DEFAULT_PRIZES, type DrawResult } from '@matriz/shared/lottery/games';
import { addDays } from '@matriz/shared/lottery/schedule';
import { applyRate } from '@matriz/shared/money';
import { systemActor } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  addBancaBalances,
  addNumberAggregates,
  addSalesAggregates,
  addTicketAggregates,
} from './aggregates.repo.ts';
import { lotteryDb } from './db.ts';
import { generateDraws } from './generate-draws.ts';
import { insertLedger } from './money.repo.ts';
import { markTicketPaid } from './payments.repo.ts';
import { publishResults } from './publish-result.ts';
import { aggregateRows, recordPaymentAggregates } from './record-sales-aggregates.ts';
import { findResultDraw } from './results.repo.ts';
import type {
  LotteryLedgerEntriesTable,
  LotteryTicketLinesTable,
  LotteryTicketsTable,
} from './sales-tables.ts';
import { signTicket } from './ticket-signature.ts';

export interface SimulationOptions {
  days: number;
  /** Bancas to sell at (existing ones first, then new ones in the first zone). */
  bancas: number;
  linesPerDay: number;
  /** The last simulated day (default: yesterday in the operator's zone). */
  lastDay: string;
  /** Write the ticket lines and ledger (true), or only tickets and aggregates (the reports benchmark). */
  full: boolean;
  /** Publish results, settle and pay 80 % of the winners (needs `full`). */
  settle: boolean;
  seed?: number;
  log?: (message: string) => void;
}

/** A small deterministic PRNG (mulberry32) so a simulation can be repeated. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RATES: Record<string, number> = { DIRECTO: 800, PALE: 1000, TRIPLETA: 1200 };
const AMOUNTS = [500, 1000, 2000, 2500, 5000, 10000, 20000];
const two = (n: number) => String(n).padStart(2, '0');

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * A month of sales in bulk (`npm run demo:simulate`, `npm run bench:reports`): the same rows the sale
 * use case writes (tickets, lines, sale/commission entries, aggregates through the same functions,
 * 1 % cancelled with their reversals), quiniela plays on every draw of each day; then, when asked,
 * results through the real publish/settle path, the aggregates' prize step and payment of most winners.
 */
export async function simulateSales(platform: Platform, options: SimulationOptions) {
  const log = options.log ?? (() => {});
  const random = rng(options.seed ?? 20261121);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const db = lotteryDb(platform.db);
  const tz = platform.config.timezone;
  const firstDay = addDays(options.lastDay, -(options.days - 1));
  await generateDraws(platform, firstDay, options.days);

  // Bancas and their sellers.
  let bancas = await db
    .selectFrom('lottery_bancas')
    .select(['id', 'code', 'zone_id'])
    .orderBy('code')
    .execute();
  const sellers = await db
    .selectFrom('lottery_assignments')
    .select(['user_id', 'banca_id'])
    .where('role', '=', 'vendedor')
    .execute();
  const anySeller =
    sellers[0]?.user_id ?? (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  if (bancas.length < options.bancas) {
    const template = await db
      .selectFrom('lottery_bancas')
      .selectAll()
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const at = platform.clock.now().toISOString();
    const extra = Array.from({ length: options.bancas - bancas.length }, (_, i) => ({
      ...template,
      id: newId(),
      code: `S${String(i + 1).padStart(3, '0')}`,
      name: `BANCA SIMULADA ${i + 1}`,
      credit_limit_cents: null,
      deactivation_balance_cents: null,
      daily_sales_limit_cents: null,
      created_at: at,
      updated_at: at,
    }));
    await chunked(extra, 100, (c) => db.insertInto('lottery_bancas').values(c).execute());
    bancas = await db
      .selectFrom('lottery_bancas')
      .select(['id', 'code', 'zone_id'])
      .orderBy('code')
      .execute();
  }
  bancas = bancas.slice(0, options.bancas);
  const sellerOf = new Map(sellers.filter((s) => s.banca_id).map((s) => [s.banca_id!, s.user_id]));

  const draws = await db
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
    .select(['d.id', 'd.lottery_id', 'd.business_date', 'd.close_at', 'd.draw_date', 'd.status', 'l.code'])
    .where('l.result_format', '=', 'quiniela')
    .where('d.business_date', '>=', firstDay)
    .where('d.business_date', '<=', options.lastDay)
    .execute();
  const drawsOf = new Map<string, typeof draws>();
  for (const d of draws) drawsOf.set(d.business_date, [...(drawsOf.get(d.business_date) ?? []), d]);

  let tickets = 0;
  let lines = 0;
  let total = 0;
  const started = Date.now();
  for (let day = firstDay; day <= options.lastDay; day = addDays(day, 1)) {
    const dayDraws = drawsOf.get(day) ?? [];
    if (dayDraws.length === 0) continue;
    const ticketRows: LotteryTicketsTable[] = [];
    const lineRows: LotteryTicketLinesTable[] = [];
    const ledger: LotteryLedgerEntriesTable[] = [];
    const sold: { ticket: LotteryTicketsTable; lines: LotteryTicketLinesTable[] }[] = [];
    const cancelled: typeof sold = [];
    let sequence = 0;
    for (const banca of bancas) {
      const sellerId = sellerOf.get(banca.id) ?? anySeller;
      let left = options.linesPerDay;
      while (left > 0) {
        const count = Math.min(left, 1 + Math.floor(random() * 5));
        left -= count;
        const draw = pick(dayDraws);
        const closeAt = Date.parse(draw.close_at);
        const createdAt = new Date(closeAt - (5 + Math.floor(random() * 600)) * 60_000).toISOString();
        const id = newId();
        const code = `SIM-${day.replaceAll('-', '')}-${String(++sequence).padStart(6, '0')}`;
        const ticketLines: LotteryTicketLinesTable[] = [];
        for (let i = 0; i < count; i++) {
          const r = random();
          const betType = r < 0.6 ? 'DIRECTO' : r < 0.9 ? 'PALE' : 'TRIPLETA';
          const parts = betType === 'DIRECTO' ? 1 : betType === 'PALE' ? 2 : 3;
          const numbers = new Set<string>();
          while (numbers.size < parts) numbers.add(two(Math.floor(random() * 100)));
          const bet = pick(AMOUNTS);
          const commission = applyRate(bet, RATES[betType]);
          ticketLines.push({
            id: newId(),
            ticket_id: id,
            line_number: i + 1,
            draw_id: draw.id,
            lottery_id: draw.lottery_id,
            bet_type: betType,
            bet_number: [...numbers].sort().join(''),
            typed: [...numbers].join(''),
            requested_amount: bet,
            bet_amount: bet,
            multiplier: 1,
            discount_bp: 0,
            discount_amount: 0,
            subtotal: bet,
            total: bet,
            commission_bp: RATES[betType],
            commission_amount: commission,
            net_amount: bet - commission,
            prize_multipliers: JSON.stringify(DEFAULT_PRIZES[betType as 'DIRECTO']),
            status: 'pending',
          });
        }
        const grand = ticketLines.reduce((s, l) => s + l.total, 0);
        const com = ticketLines.reduce((s, l) => s + l.commission_amount, 0);
        const hash = createHash('sha256')
          .update(
            ticketLines.map((l) => `${l.draw_id}|${l.bet_type}|${l.bet_number}|${l.bet_amount}`).join('\n'),
          )
          .digest('hex');
        const isCancelled = random() < 0.01;
        const ticket: LotteryTicketsTable = {
          id,
          code,
          banca_id: banca.id,
          zone_id: banca.zone_id,
          seller_id: sellerId,
          business_date: day,
          created_at: createdAt,
          status: isCancelled ? 'cancelled' : 'pending',
          currency: 'DOP',
          global_multiplier: 1,
          discount_bp: 0,
          total_lines: count,
          total_bet: grand,
          total_discount: 0,
          total_subtotal: grand,
          grand_total: grand,
          total_commission: com,
          total_net: grand - com,
          lines_hash: hash,
          signature: options.full ? signTicket(platform.config.secret, code, hash, grand) : 'sim',
          idempotency_key: null,
          request_hash: null,
          terminal_id: null,
          ip: null,
          customer_name: null,
          customer_phone: null,
          customer_email: null,
          earliest_draw_at: draw.close_at,
          latest_draw_at: draw.close_at,
          expires_at: new Date(closeAt + 90 * 86_400_000).toISOString(),
          cancelled_at: isCancelled ? new Date(Date.parse(createdAt) + 60_000).toISOString() : null,
          cancelled_by: isCancelled ? sellerId : null,
          cancel_reason: isCancelled ? 'simulación' : null,
          paid_at: null,
          paid_by: null,
          paid_banca_id: null,
          prize_total: 0,
          reprint_count: 0,
          claims_json: '{}',
        };
        ticketRows.push(ticket);
        lineRows.push(...ticketLines);
        sold.push({ ticket, lines: ticketLines });
        if (isCancelled) cancelled.push({ ticket, lines: ticketLines });
        if (options.full) {
          const entry = (
            kind: string,
            debit: string,
            credit: string,
            amount: number,
            at: string,
          ): LotteryLedgerEntriesTable => ({
            id: newId(),
            at,
            business_date: day,
            banca_id: banca.id,
            kind,
            ticket_id: id,
            debit_account: debit,
            credit_account: credit,
            amount,
            memo: code,
          });
          ledger.push(entry('sale', `banca:${banca.id}:cash`, 'house:sales', grand, createdAt));
          if (com > 0)
            ledger.push(
              entry('commission', 'house:commission', `banca:${banca.id}:commission`, com, createdAt),
            );
          if (isCancelled) {
            ledger.push(
              entry('sale_reversal', 'house:sales', `banca:${banca.id}:cash`, grand, ticket.cancelled_at!),
            );
            if (com > 0)
              ledger.push(
                entry(
                  'commission_reversal',
                  `banca:${banca.id}:commission`,
                  'house:commission',
                  com,
                  ticket.cancelled_at!,
                ),
              );
          }
        }
        tickets++;
        lines += count;
        total += grand;
      }
    }
    const at = platform.clock.now().toISOString();
    await platform.db.transaction().execute(async (trx) => {
      const tdb = lotteryDb(trx);
      // The reports benchmark reads tickets only through the cancelled/winner indexes: it writes just those.
      const written = options.full ? ticketRows : ticketRows.filter((x) => x.status === 'cancelled');
      await chunked(written, 500, (c) => tdb.insertInto('lottery_tickets').values(c).execute());
      if (options.full) {
        await chunked(lineRows, 1000, (c) => tdb.insertInto('lottery_ticket_lines').values(c).execute());
        await insertLedger(tdb, ledger);
      }
      // The same aggregate rows the sale batch and the cancellation write.
      const added = aggregateRows(sold, tz, false);
      const removed = aggregateRows(cancelled, tz, true);
      await addSalesAggregates(tdb, [...added.salesRows, ...removed.salesRows]);
      await addTicketAggregates(tdb, [...added.ticketRows, ...removed.ticketRows]);
      await addNumberAggregates(tdb, [...added.numberRows, ...removed.numberRows]);
      const balances = new Map(added.balances);
      for (const [k, v] of removed.balances) balances.set(k, (balances.get(k) ?? 0) + v);
      await addBancaBalances(tdb, balances, at);
    });
    log(
      `${day}: ${ticketRows.length} tickets, ${lineRows.length} jugadas (${Math.round((Date.now() - started) / 1000)} s)`,
    );
  }

  let settled = 0;
  let paid = 0;
  if (options.full && options.settle) {
    const now = platform.clock.now().getTime();
    for (const draw of draws.filter((d) => Date.parse(d.close_at) < now && d.status !== 'settled')) {
      await db
        .updateTable('lottery_draws')
        .set({ status: 'closed' })
        .where('id', '=', draw.id)
        .where('status', 'in', ['scheduled', 'open'])
        .execute();
      const row = await findResultDraw(db, draw.id);
      if (row?.status !== 'closed') continue;
      const numbers = new Set<string>();
      while (numbers.size < 3) numbers.add(two(Math.floor(random() * 100)));
      const [first, second, third] = [...numbers];
      const result: DrawResult = { format: 'quiniela', first, second, third };
      await publishResults(platform, systemActor, [{ draw: row, result }], 'api');
      settled++;
    }
    // Pay 80 % of the winners (the payment use case's rows, by the selling banca's seller).
    const winners = await db
      .selectFrom('lottery_ticket_prizes as p')
      .innerJoin('lottery_tickets as t', 't.id', 'p.ticket_id')
      .select([
        't.id',
        't.code',
        't.banca_id',
        't.seller_id',
        'p.prize_total',
        't.business_date',
        't.created_at',
      ])
      .where('p.decided', '=', 1)
      .execute();
    for (const w of winners) {
      if (random() >= 0.8) continue;
      const at = new Date(Date.parse(w.created_at) + 20 * 3_600_000).toISOString();
      await platform.db.transaction().execute(async (trx) => {
        const tdb = lotteryDb(trx);
        const amount = Number(w.prize_total);
        if (!(await markTicketPaid(tdb, w.id, w.seller_id, at, w.banca_id, amount))) return;
        await tdb
          .insertInto('lottery_payments')
          .values({
            id: newId(),
            ticket_id: w.id,
            code: w.code,
            receipt_number: `PAG-${w.code}`,
            banca_id: w.banca_id,
            paid_banca_id: w.banca_id,
            paid_by: w.seller_id,
            paid_at: at,
            amount,
            idempotency_key: null,
            ip: null,
          })
          .execute();
        await insertLedger(tdb, [
          {
            id: newId(),
            at,
            business_date: w.business_date,
            banca_id: w.banca_id,
            kind: 'prize_paid',
            ticket_id: w.id,
            debit_account: `banca:${w.banca_id}:prizes_payable`,
            credit_account: `banca:${w.banca_id}:cash`,
            amount,
            memo: `PAGO ${w.code}`,
          },
        ]);
        await recordPaymentAggregates(tdb, { paidBancaId: w.banca_id, paidBy: w.seller_id, at, amount }, tz);
      });
      paid++;
    }
  }
  return {
    tickets,
    lines,
    total,
    settled,
    paid,
    seconds: (Date.now() - started) / 1000,
    firstDay,
    lastDay: options.lastDay,
  };
}
