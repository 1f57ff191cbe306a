import {
  CorrectResultBody,
  DrawIdParams,
  ImportResultsBody,
  PayoutSettingsBody,
  ResultBody,
  ResultsQuery,
  UnclaimedQuery,
  WinnersQuery,
} from '@matriz/shared/api/lottery-results';
import { TicketCodeParams } from '@matriz/shared/api/lottery-tickets';
import type { DrawResult } from '@matriz/shared/lottery/games';
import { resultFields, resultText } from '@matriz/shared/lottery/result-input';
import { effectiveDrawStatus, localDate } from '@matriz/shared/lottery/schedule';
import { toMajor } from '@matriz/shared/money';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../../platform/errors.ts';
import { LangQuery } from '../../platform/http/language.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { correctResult } from './correct-result.ts';
import { lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { importResults } from './import-results.ts';
import { getPayoutSettings, payTicket } from './pay-ticket.ts';
import { findPaymentOfTicket, writePayoutSettingsJson } from './payments.repo.ts';
import { loadTicketView } from './present-ticket.ts';
import { type PublishedResult, publishResult } from './publish-result.ts';
import { presentReceipt, renderReceiptHtml } from './receipt.ts';
import {
  findLotteryByCodeOrId,
  findResultDraw,
  listDrawWinners,
  listResults,
  listUnclaimed,
  settlementTotalsOf,
} from './results.repo.ts';
import { canSee, visibleBancaIds } from './ticket-scope.ts';
import { parseScan } from './ticket-signature.ts';

/** `?format=json` for a POS that prints the receipt itself (`lang` comes with every download link). */
const ReceiptQuery = z.strictObject({ format: z.enum(['html', 'json']).optional(), ...LangQuery });

function idempotencyKey(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!/^[\x21-\x7e]{1,100}$/.test(key))
    throw new AppError('VALIDATION_ERROR', 400, {
      field: 'headers.idempotency-key',
      reason: '1–100 caracteres visibles',
    });
  return key;
}

function scanOf(scanned: string) {
  const parsed = parseScan(scanned);
  if (!parsed) throw notFound('lottery_ticket', scanned);
  return parsed;
}

function presentPublished(published: PublishedResult) {
  const { draw, result, settlement } = published;
  return {
    draw_id: draw.id,
    lottery: draw.lottery_code,
    draw_date: draw.draw_date,
    draw_time: draw.draw_time,
    result: resultFields(result),
    result_text: resultText(result),
    settlement: {
      winning_lines: settlement.winning_lines,
      prize_total: toMajor(settlement.prize_total),
    },
  };
}

export function registerResultRoutes(app: App, platform: Platform): void {
  const tags = ['lottery'];
  const db = () => lotteryDb(platform.db);

  /** Spec 002: one result, from the screen or a results feed (API token with lottery.results.publish). */
  app.post(
    '/lottery/results',
    { config: { access: 'lottery.results.publish' }, schema: { tags, body: ResultBody } },
    async (request, reply) => {
      const source = request.auth?.tokenId ? 'api' : 'screen';
      const published = await publishResult(platform, request.actor, request.body, source);
      return reply.status(201).send({ success: true, ...presentPublished(published) });
    },
  );

  /** All or nothing: per-line errors name the line and the field. */
  app.post(
    '/lottery/results/import',
    { config: { access: 'lottery.results.publish' }, schema: { tags, body: ImportResultsBody } },
    async (request, reply) => {
      const published = await importResults(platform, request.actor, request.body.csv);
      return reply
        .status(201)
        .send({ success: true, imported: published.length, results: published.map(presentPublished) });
    },
  );

  /** Superadmin only; anyone else with result rights is refused and raises an anomaly. */
  app.post(
    '/lottery/results/correct',
    {
      config: { access: ['lottery.results.publish', 'lottery.results.correct'] },
      schema: { tags, body: CorrectResultBody },
    },
    async (request) => {
      const { draw, settlement } = await correctResult(platform, request.actor, request.auth!, request.body);
      const result = JSON.parse(draw.result_json!) as DrawResult;
      return {
        success: true,
        ...presentPublished({ draw, result, settlement }),
        status: draw.status,
      };
    },
  );

  /** The day's draws with their state and result (entry screen), or a search by date and lottery. */
  app.get(
    '/lottery/results',
    { config: { access: 'lottery.catalog.read' }, schema: { tags, querystring: ResultsQuery } },
    async (request) => {
      const q = request.query;
      const now = platform.clock.now();
      const date = q.date ?? localDate(now, (await getOperatorSettings(db(), platform.config)).time_zone);
      const lottery = q.lottery ? await findLotteryByCodeOrId(db(), q.lottery) : undefined;
      if (q.lottery && !lottery) return { date, draws: [], server_time: now.toISOString() };
      const rows = await listResults(db(), {
        businessDate: date,
        lotteryId: lottery?.id,
        resultedOnly: q.resulted === 'true',
      });
      const totals = await settlementTotalsOf(
        db(),
        rows.filter((r) => r.status === 'settled').map((r) => r.id),
      );
      const draws = rows
        .filter((r) => q.resulted !== 'false' || r.result_json === null)
        .map((r) => {
          const result = r.result_json ? (JSON.parse(r.result_json) as DrawResult) : null;
          const total = totals.get(r.id);
          return {
            draw_id: r.id,
            lottery: r.lottery_code,
            lottery_name: r.lottery_name,
            result_format: r.result_format,
            draw_date: r.draw_date,
            draw_time: r.draw_time,
            business_date: r.business_date,
            close_at: r.close_at,
            draw_at: r.draw_at,
            status: effectiveDrawStatus(r, now),
            result: result ? resultFields(result) : null,
            result_text: result ? resultText(result) : null,
            source: r.source,
            revision: r.revision,
            entered_by: r.entered_by,
            entered_at: r.entered_at,
            corrected_at: r.corrected_at,
            correction_reason: r.correction_reason,
            winning_lines: total?.lines ?? 0,
            prize_total: toMajor(total?.prize ?? 0),
          };
        });
      return { date, draws, server_time: now.toISOString() };
    },
  );

  /** Winners of a draw (lines, tickets, prizes), limited to the bancas the user sees. */
  app.get(
    '/lottery/results/:drawId/winners',
    {
      config: { access: 'lottery.ticket.read' },
      schema: { tags, params: DrawIdParams, querystring: WinnersQuery },
    },
    async (request) => {
      const draw = await findResultDraw(db(), request.params.drawId);
      if (!draw) throw notFound('lottery_draw', request.params.drawId);
      const scope = await visibleBancaIds(db(), request.auth!);
      const { items, total } = await listDrawWinners(
        db(),
        draw.id,
        scope,
        request.query.page,
        request.query.page_size,
      );
      const result = draw.result_json ? (JSON.parse(draw.result_json) as DrawResult) : null;
      return {
        draw: {
          draw_id: draw.id,
          lottery: draw.lottery_code,
          lottery_name: draw.lottery_name,
          draw_date: draw.draw_date,
          draw_time: draw.draw_time,
          status: draw.status,
          result: result ? resultFields(result) : null,
          result_text: result ? resultText(result) : null,
        },
        items: items.map((w) => ({
          ...w,
          bet_amount: toMajor(Number(w.bet_amount)),
          prize_amount: toMajor(Number(w.prize_amount)),
          prize_total: toMajor(Number(w.prize_total)),
        })),
        total,
        page: request.query.page,
        page_size: request.query.page_size,
      };
    },
  );

  /** Winning tickets not collected yet, closest to expiry first. */
  app.get(
    '/lottery/prizes/unclaimed',
    { config: { access: 'lottery.ticket.read' }, schema: { tags, querystring: UnclaimedQuery } },
    async (request) => {
      const q = request.query;
      const scope = await visibleBancaIds(db(), request.auth!);
      const banca = q.banca
        ? await db()
            .selectFrom('lottery_bancas')
            .select('id')
            .where((eb) => eb.or([eb('id', '=', q.banca!), eb('code', '=', q.banca!)]))
            .executeTakeFirst()
        : undefined;
      if (q.banca && !banca)
        return { items: [], total: 0, prize_total: 0, page: q.page, page_size: q.page_size };
      const { items, total, prize } = await listUnclaimed(db(), {
        bancaIds: scope,
        bancaId: banca?.id,
        from: q.from,
        to: q.to,
        page: q.page,
        pageSize: q.page_size,
      });
      return {
        items: items.map((t) => ({
          ...t,
          prize_total: toMajor(Number(t.prize_total)),
          grand_total: toMajor(Number(t.grand_total)),
        })),
        total,
        prize_total: toMajor(prize),
        page: q.page,
        page_size: q.page_size,
      };
    },
  );

  /** PAGAR: the whole prize, once. Idempotency-Key repeats return the same receipt. */
  app.post(
    '/lottery/tickets/:code/pay',
    { config: { access: 'lottery.ticket.pay' }, schema: { tags, params: TicketCodeParams } },
    async (request) => {
      const paid = await payTicket(
        platform,
        request.actor,
        request.auth!,
        scanOf(request.params.code),
        idempotencyKey(request),
      );
      const { ticket, view } = await loadTicketView(db(), paid.code);
      const payment = (await findPaymentOfTicket(db(), ticket.id))!;
      return {
        success: true,
        replayed: paid.replayed,
        ticket: view,
        receipt: presentReceipt(payment),
        receipt_url: `/api/v1/lottery/tickets/${ticket.code}/receipt`,
      };
    },
  );

  /** The payment receipt, printable HTML (`?format=json` for the POS to print itself). */
  app.get(
    '/lottery/tickets/:code/receipt',
    {
      config: { access: 'lottery.ticket.read' },
      schema: { tags, params: TicketCodeParams, querystring: ReceiptQuery },
    },
    async (request, reply) => {
      const { code } = scanOf(request.params.code);
      const { ticket, view } = await loadTicketView(db(), code);
      if (!canSee(await visibleBancaIds(db(), request.auth!), ticket.banca_id)) {
        const payment = await findPaymentOfTicket(db(), ticket.id);
        if (payment?.paid_by !== request.auth!.userId) throw notFound('lottery_ticket', code);
      }
      const payment = await findPaymentOfTicket(db(), ticket.id);
      if (!payment) throw new AppError('TICKET_NOT_PAID', 404, { code });
      const receipt = presentReceipt(payment);
      if (request.query.format === 'json') return { success: true, receipt, ticket: view };
      const settings = await getOperatorSettings(db(), platform.config);
      return reply.type('text/html; charset=utf-8').send(
        renderReceiptHtml({
          operator: settings.name,
          symbol: settings.currency_symbol,
          timeZone: settings.time_zone,
          receipt,
          ticket: view,
          language: settings.ticket_language,
        }),
      );
    },
  );

  app.get(
    '/lottery/payout-settings',
    { config: { access: 'lottery.ticket.read' }, schema: { tags } },
    async () => getPayoutSettings(db()),
  );
  app.put(
    '/lottery/payout-settings',
    {
      config: { access: ['lottery.network.manage', 'platform.settings.manage'] },
      schema: { tags, body: PayoutSettingsBody },
    },
    async (request) => {
      const at = platform.clock.now().toISOString();
      await platform.db.transaction().execute(async (trx) => {
        const before = await getPayoutSettings(lotteryDb(trx));
        await writePayoutSettingsJson(lotteryDb(trx), JSON.stringify(request.body), at);
        await platform.audit(trx, request.actor, {
          entity: 'lottery_settings',
          entityId: 'payout',
          action: 'update',
          before,
          after: request.body,
        });
      });
      return getPayoutSettings(db());
    },
  );
}
