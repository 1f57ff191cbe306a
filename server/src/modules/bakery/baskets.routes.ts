import {
  BasketBody,
  BasketPatch,
  BasketQuery,
  BasketReportQuery,
  BasketSettingsBody,
  ChargeBody,
  ScanBody,
  ScanUndoBody,
  WriteOffBody,
} from '@matriz/shared/api/bakery-baskets';
import { IdParams } from '@matriz/shared/api/common';
import { normalizeBasketCode } from '@matriz/shared/bakery/basket-code';
import { toCents } from '@matriz/shared/money';
import { notFound } from '../../platform/errors.ts';
import { renderTablePdf } from '../../platform/exports/pdf.ts';
import { renderTableXlsx } from '../../platform/exports/xlsx.ts';
import { LangQuery, requestLanguage } from '../../platform/http/language.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { loadBasketSettings, presentBasketSettings } from './basket-settings.ts';
import { findBasket, listBaskets, movementsOfBasket } from './baskets.repo.ts';
import { buildBasketReport } from './baskets-report.ts';
import { presentBasket, presentMovement } from './baskets-view.ts';
import { chargeBasket } from './charge-basket.ts';
import { registerBasket } from './register-basket.ts';
import { scanBasket } from './scan-basket.ts';
import { bakeryToday } from './settings.ts';
import { summarizeOwnBaskets } from './summarize-own-baskets.ts';
import { undoLastScan } from './undo-scan.ts';
import { updateBasket } from './update-basket.ts';
import { updateBasketSettings } from './update-basket-settings.ts';
import { writeOffBasket } from './write-off-basket.ts';

export function registerBasketRoutes(app: App, platform: Platform): void {
  const tags = ['bakery'];
  const scan = { access: 'bakery.baskets.scan' as const };
  const manage = { access: 'bakery.baskets.manage' as const };
  const readers = {
    access: ['bakery.baskets.scan', 'bakery.baskets.manage', 'bakery.reports.read'] as const,
  };

  app.get('/bakery/baskets/settings', { config: readers, schema: { tags } }, async () =>
    presentBasketSettings(await loadBasketSettings(platform)),
  );

  app.put(
    '/bakery/baskets/settings',
    { config: manage, schema: { tags, body: BasketSettingsBody } },
    async (request) => updateBasketSettings(platform, request.actor, request.body),
  );

  /** One scan: lend ("sale") or take back ("entra"); unknown valid codes are registered on the way. */
  app.post('/bakery/baskets/scan', { config: scan, schema: { tags, body: ScanBody } }, async (request) =>
    scanBasket(platform, request.actor, {
      code: request.body.code,
      sellerId: request.body.seller_id,
      movement: request.body.movement,
    }),
  );

  app.post(
    '/bakery/baskets/scan/undo',
    { config: scan, schema: { tags, body: ScanUndoBody } },
    async (request) => undoLastScan(platform, request.actor, request.auth!.userId, request.body.movement_id),
  );

  app.get(
    '/bakery/baskets/own',
    { config: { access: 'bakery.panel.own' }, schema: { tags } },
    async (request) => summarizeOwnBaskets(platform, request.auth!.userId),
  );

  app.get(
    '/bakery/baskets/report',
    { config: readers, schema: { tags, querystring: BasketReportQuery.extend(LangQuery) } },
    async (request, reply) => {
      const q = request.query;
      const report = await buildBasketReport(
        platform,
        { kind: q.kind, date: q.date, sellerId: q.seller_id, code: q.code },
        requestLanguage(request),
      );
      const filename =
        `canastas-${q.kind}-${q.code ? normalizeBasketCode(q.code) : (q.date ?? 'hoy')}`.replace(
          /[^A-Za-z0-9._-]/g,
          '_',
        );
      if (q.format === 'pdf') {
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${filename}.pdf"`)
          .send(await renderTablePdf(report));
      }
      if (q.format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${filename}.xlsx"`)
          .send(await renderTableXlsx(report));
      }
      return {
        title: report.title,
        subtitle: report.subtitle,
        columns: report.columns,
        rows: report.rows,
        total_columns: report.totalColumns ?? [],
      };
    },
  );

  app.get(
    '/bakery/baskets',
    { config: readers, schema: { tags, querystring: BasketQuery } },
    async (request) => {
      const q = request.query;
      const today = await bakeryToday(platform);
      const { items, total } = await listBaskets(bakeryDb(platform.db), {
        status: q.status,
        sellerId: q.seller_id,
        code: q.code ? normalizeBasketCode(q.code) : undefined,
        page: q.page,
        pageSize: q.page_size,
      });
      return {
        items: items.map((b) => presentBasket(b, today)),
        total,
        page: q.page,
        page_size: q.page_size,
      };
    },
  );

  app.post(
    '/bakery/baskets',
    { config: manage, schema: { tags, body: BasketBody } },
    async (request, reply) =>
      reply.status(201).send({ basket: await registerBasket(platform, request.actor, request.body) }),
  );

  app.get('/bakery/baskets/:id', { config: readers, schema: { tags, params: IdParams } }, async (request) => {
    const db = bakeryDb(platform.db);
    const basket = await findBasket(db, request.params.id);
    if (!basket) throw notFound('bakery_basket', request.params.id);
    return {
      basket: presentBasket(basket, await bakeryToday(platform)),
      movements: (await movementsOfBasket(db, basket.id)).map(presentMovement),
    };
  });

  app.patch(
    '/bakery/baskets/:id',
    { config: manage, schema: { tags, params: IdParams, body: BasketPatch } },
    async (request) => ({
      basket: await updateBasket(platform, request.actor, request.params.id, request.body),
    }),
  );

  app.post(
    '/bakery/baskets/:id/charge',
    { config: manage, schema: { tags, params: IdParams, body: ChargeBody } },
    async (request) =>
      chargeBasket(platform, request.actor, request.params.id, {
        amountCents:
          request.body.amount === undefined ? undefined : (toCents(request.body.amount) ?? undefined),
        note: request.body.note,
      }),
  );

  app.post(
    '/bakery/baskets/:id/write-off',
    { config: manage, schema: { tags, params: IdParams, body: WriteOffBody } },
    async (request) => writeOffBasket(platform, request.actor, request.params.id, request.body.reason),
  );
}
