import { CancelBody, SaleBody, TicketCodeParams, TicketListQuery } from '@matriz/shared/api/lottery-tickets';
import { toMajor } from '@matriz/shared/money';
import type { FastifyRequest } from 'fastify';

import { AppError, notFound } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { cancelTicket } from './cancel-ticket.ts';
import { lotteryDb } from './db.ts';
import { loadTicketView } from './present-ticket.ts';
import { saleRequestOf } from './sale-request.ts';
import { type SalesCommitter, sellTicket } from './sell-ticket.ts';
import { canSee, visibleBancaIds } from './ticket-scope.ts';
import { parseScan } from './ticket-signature.ts';
import { listTickets } from './tickets.repo.ts';
import { validateTicket } from './validate-ticket.ts';

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

/** A scanned QR carries a signature; a ticket whose signature does not match is refused as forged. */
function codeFromScan(scanned: string): { code: string; signature: string | null } {
  const parsed = parseScan(scanned);
  if (!parsed) throw notFound('lottery_ticket', scanned);
  return parsed;
}

export function registerTicketRoutes(app: App, platform: Platform, committer: SalesCommitter): void {
  app.post(
    '/lottery/tickets/validate',
    { config: { access: 'lottery.ticket.sell' }, schema: { tags: ['lottery'], body: SaleBody } },
    async (request) => {
      const result = await validateTicket(
        platform,
        request.auth!.userId,
        saleRequestOf(request.body, requestLanguage(request)),
      );
      return { success: result.ok, ...result };
    },
  );

  app.post(
    '/lottery/tickets',
    { config: { access: 'lottery.ticket.sell' }, schema: { tags: ['lottery'], body: SaleBody } },
    async (request, reply) => {
      const body = request.body;
      const sold = await sellTicket(
        platform,
        committer,
        request.actor,
        saleRequestOf(body, requestLanguage(request)),
        {
          idempotencyKey: idempotencyKey(request),
          sellerName: request.auth!.fullName,
          terminalId: body.terminal_id,
          customer: body.customer && {
            name: body.customer.customer_name,
            phone: body.customer.customer_phone,
            email: body.customer.customer_email,
          },
        },
      );
      const view = sold.view ?? (await loadTicketView(lotteryDb(platform.db), sold.code)).view;
      return reply.status(sold.replayed ? 200 : 201).send({
        success: true,
        ticket: view,
        replayed: sold.replayed,
        message: 'Ticket creado exitosamente',
      });
    },
  );

  app.get(
    '/lottery/tickets',
    {
      config: { access: 'lottery.ticket.read' },
      schema: { tags: ['lottery'], querystring: TicketListQuery },
    },
    async (request) => {
      const q = request.query;
      const db = lotteryDb(platform.db);
      const scope = await visibleBancaIds(db, request.auth!);
      const banca = q.banca
        ? await db
            .selectFrom('lottery_bancas')
            .select('id')
            .where((eb) => eb.or([eb('id', '=', q.banca!), eb('code', '=', q.banca!)]))
            .executeTakeFirst()
        : undefined;
      const seller = q.user
        ? await db
            .selectFrom('users')
            .select('id')
            .where((eb) => eb.or([eb('id', '=', q.user!), eb('username', '=', q.user!.toLowerCase())]))
            .executeTakeFirst()
        : undefined;
      if ((q.banca && !banca) || (q.user && !seller))
        return { items: [], total: 0, page: q.page, page_size: q.page_size };
      const { items, total } = await listTickets(db, {
        date: q.date,
        bancaId: banca?.id,
        bancaIds: scope ?? undefined,
        status: q.status,
        sellerId: seller?.id,
        drawId: q.draw,
        code: q.code,
        page: q.page,
        pageSize: q.page_size,
      });
      return {
        items: items.map((t) => ({
          ...t,
          grand_total: toMajor(Number(t.grand_total)),
          prize_total: toMajor(Number(t.prize_total)),
        })),
        total,
        page: q.page,
        page_size: q.page_size,
      };
    },
  );

  app.get(
    '/lottery/tickets/:code',
    { config: { access: 'lottery.ticket.read' }, schema: { tags: ['lottery'], params: TicketCodeParams } },
    async (request) => {
      const scanned = codeFromScan(request.params.code);
      const db = lotteryDb(platform.db);
      const { ticket, view } = await loadTicketView(db, scanned.code);
      if (!canSee(await visibleBancaIds(db, request.auth!), ticket.banca_id))
        throw notFound('lottery_ticket', scanned.code);
      if (scanned.signature !== null && scanned.signature !== ticket.signature) {
        throw new AppError('TICKET_FORGED', 422, { code: scanned.code });
      }
      return { success: true, ticket: view };
    },
  );

  app.post(
    '/lottery/tickets/:code/cancel',
    {
      config: { access: 'lottery.ticket.cancel' },
      schema: { tags: ['lottery'], params: TicketCodeParams, body: CancelBody },
    },
    async (request) => {
      const { code } = codeFromScan(request.params.code);
      const result = await cancelTicket(platform, request.actor, request.auth!, code, request.body.reason);
      const { view } = await loadTicketView(lotteryDb(platform.db), code);
      return { success: true, ticket: view, late: result.late };
    },
  );
}
