import { ProposalQuery, ReasonBody, SaleBody, SaleQuery } from '@matriz/shared/api/bakery';
import { IdParams } from '@matriz/shared/api/common';
import { z } from 'zod';
import { notFound } from '../../platform/errors.ts';
import { LangQuery, requestLanguage } from '../../platform/http/language.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { annulSale } from './annul-sale.ts';
import { assembleSale, type SaleRequest } from './assemble-sale.ts';
import { bakeryDb } from './bakery.repo.ts';
import { generateSale } from './generate-sale.ts';
import { proposeSale } from './propose-sale.ts';
import { renderSalePdf } from './render-sale-pdf.ts';
import { loadSaleDetail, presentComputation } from './sale-view.ts';
import { searchSales } from './search-sales.ts';
import { sellerScope, viewerOf } from './viewer.ts';

const requestOf = (body: SaleBody): SaleRequest => ({
  sellerId: body.seller_id,
  date: body.date,
  pedidoId: body.pedido_id,
  extraIds: body.extra_ids,
  previousReturnId: body.previous_return_id,
  returnId: body.return_id,
});

export function registerSaleRoutes(app: App, platform: Platform): void {
  const tags = ['bakery'];
  const generate = { access: 'bakery.sales.generate' as const };
  const readers = ['bakery.history.all', 'bakery.sales.generate', 'bakery.panel.own'] as const;

  app.get(
    '/bakery/sales/proposal',
    { config: generate, schema: { tags, querystring: ProposalQuery } },
    async (request) => proposeSale(platform, request.query.seller_id, request.query.date),
  );

  app.post(
    '/bakery/sales/preview',
    { config: generate, schema: { tags, body: SaleBody } },
    async (request) => {
      const sale = await assembleSale(bakeryDb(platform.db), requestOf(request.body));
      return presentComputation(sale.computation);
    },
  );

  app.post(
    '/bakery/sales',
    { config: generate, schema: { tags, body: SaleBody } },
    async (request, reply) => {
      const id = await generateSale(platform, request.actor, requestOf(request.body));
      return reply.status(201).send({ sale: await loadSaleDetail(bakeryDb(platform.db), id) });
    },
  );

  app.get(
    '/bakery/sales',
    { config: { access: readers }, schema: { tags, querystring: SaleQuery } },
    async (request) => {
      const q = request.query;
      return searchSales(platform, viewerOf(request.auth), {
        sellerId: q.seller_id,
        from: q.from,
        to: q.to,
        status: q.status,
        page: q.page,
        pageSize: q.page_size,
      });
    },
  );

  app.get(
    '/bakery/sales/:id',
    { config: { access: readers }, schema: { tags, params: IdParams } },
    async (request) => {
      const sale = await loadSaleDetail(
        bakeryDb(platform.db),
        request.params.id,
        sellerScope(viewerOf(request.auth)),
      );
      if (!sale) throw notFound('bakery_sale', request.params.id);
      return { sale };
    },
  );

  app.get(
    '/bakery/sales/:id/pdf',
    {
      config: { access: readers },
      schema: { tags, params: IdParams, querystring: z.strictObject(LangQuery) },
    },
    async (request, reply) => {
      const sale = await loadSaleDetail(
        bakeryDb(platform.db),
        request.params.id,
        sellerScope(viewerOf(request.auth)),
      );
      if (!sale) throw notFound('bakery_sale', request.params.id);
      const pdf = await renderSalePdf(platform, sale, requestLanguage(request));
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="venta-${sale.date}-${sale.seller_id.slice(-6)}.pdf"`,
        )
        .send(pdf);
    },
  );

  app.post(
    '/bakery/sales/:id/annul',
    { config: { access: 'bakery.sales.annul' }, schema: { tags, params: IdParams, body: ReasonBody } },
    async (request) => {
      await annulSale(platform, request.actor, request.params.id, request.body.reason);
      return { sale: await loadSaleDetail(bakeryDb(platform.db), request.params.id) };
    },
  );
}
