import { SaleBody, TicketCodeParams } from '@matriz/shared/api/lottery-tickets';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LangQuery, requestLanguage } from '../../platform/http/language.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { loadTicketView } from './present-ticket.ts';
import { previewTicket } from './preview-ticket.ts';
import { loadTicketPrintModel } from './print-ticket.ts';
import { reprintTicket } from './reprint-ticket.ts';
import { saleRequestOf } from './sale-request.ts';
import { renderBarcodePng } from './ticket-barcode.ts';
import { renderTicketEscpos } from './ticket-escpos.ts';
import { renderTicketHtml } from './ticket-html.ts';
import { renderTicketPdf } from './ticket-pdf.ts';
import { asPreview, PRINT_FORMATS } from './ticket-print-model.ts';

const PrintQuery = z.strictObject({
  format: z.enum(PRINT_FORMATS).optional(),
  copies: z.coerce.number().int().min(1).max(3).optional(),
  ...LangQuery,
});
type PrintQuery = z.infer<typeof PrintQuery>;
const BarcodeQuery = z.strictObject({ type: z.enum(['code128', 'qr']).default('code128') });

/**
 * Printing (issue 5): the print page, PDF, ESC/POS, barcodes, preview before a sale, reprint. Each
 * fetch of a print format is a print (the first the original, then counted reprints); /preview
 * shows a sold ticket marked VISTA PREVIA and counts nothing.
 */
export function registerPrintRoutes(app: App, platform: Platform): void {
  const tags = ['lottery'];
  const read = { access: 'lottery.ticket.read' as const };

  app.post(
    '/lottery/tickets/preview',
    {
      config: { access: 'lottery.ticket.sell' },
      schema: { tags, body: SaleBody, querystring: PrintQuery.pick({ format: true }) },
    },
    async (request) => {
      const model = await previewTicket(
        platform,
        request.auth!.userId,
        saleRequestOf(request.body, requestLanguage(request)),
        {
          format: request.query.format,
        },
      );
      return { success: true, html: await renderTicketHtml(model), preview: model };
    },
  );

  const printSchema = { tags, params: TicketCodeParams, querystring: PrintQuery };
  const print = (request: FastifyRequest & { params: { code: string }; query: PrintQuery }) =>
    reprintTicket(platform, request.actor, request.auth!, request.params.code, request.query);

  app.get('/lottery/tickets/:code/print', { config: read, schema: printSchema }, async (request, reply) => {
    const model = await print(request);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await renderTicketHtml(model));
  });

  app.get('/lottery/tickets/:code/preview', { config: read, schema: printSchema }, async (request, reply) => {
    const model = await loadTicketPrintModel(platform, request.auth!, request.params.code, request.query);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await renderTicketHtml(asPreview(model)));
  });

  app.get('/lottery/tickets/:code/pdf', { config: read, schema: printSchema }, async (request, reply) => {
    const model = await print(request);
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="${model.code}-${model.format}.pdf"`)
      .send(await renderTicketPdf(model));
  });

  app.get('/lottery/tickets/:code/escpos', { config: read, schema: printSchema }, async (request, reply) => {
    const model = await print(request);
    if (model.format === 'A4') model.format = 'thermal_80mm';
    return reply
      .type('application/octet-stream')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${model.code}.bin"`)
      .send(renderTicketEscpos(model));
  });

  app.get(
    '/lottery/tickets/:code/barcode.png',
    { config: read, schema: { tags, params: TicketCodeParams, querystring: BarcodeQuery } },
    async (request, reply) => {
      const model = await loadTicketPrintModel(platform, request.auth!, request.params.code);
      const png = await renderBarcodePng(
        request.query.type,
        request.query.type === 'qr' ? model.qr : model.code,
      );
      return reply.type('image/png').header('cache-control', 'private, max-age=3600').send(png);
    },
  );

  app.post(
    '/lottery/tickets/:code/reprint',
    {
      config: { access: ['lottery.ticket.sell', 'lottery.ticket.read.all'] },
      schema: { tags, params: TicketCodeParams },
    },
    async (request) => {
      const model = await reprintTicket(platform, request.actor, request.auth!, request.params.code);
      const { view } = await loadTicketView(lotteryDb(platform.db), model.code);
      return { success: true, reprint_count: model.reprint, ticket: view };
    },
  );
}
