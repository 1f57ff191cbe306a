import {
  CalendarDayParams,
  CalendarOverrideBody,
  CalendarQuery,
  LogoBody,
  OwnPanelQuery,
  PanelQuery,
  ReminderSettingsBody,
  ReportQuery,
  SettingsBody,
} from '@matriz/shared/api/bakery';
import { notFound } from '../../platform/errors.ts';
import { renderTablePdf } from '../../platform/exports/pdf.ts';
import { renderTableXlsx } from '../../platform/exports/xlsx.ts';
import { LangQuery, requestLanguage } from '../../platform/http/language.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { buildSalesReport } from './build-report.ts';
import { loadCalendar, presentCalendar } from './load-calendar.ts';
import { loadLogo, uploadLogo } from './logo.ts';
import { viewReminderSettings } from './reminder-settings.ts';
import { saveReminderSettings } from './save-reminder-settings.ts';
import { clearCalendarDay, setCalendarDay } from './set-calendar-day.ts';
import { loadSettings } from './settings.ts';
import { summarizeOwnPanel } from './summarize-own-panel.ts';
import { summarizePanel } from './summarize-panel.ts';
import { renameBakery } from './update-settings.ts';
import { sellerScope, viewerOf } from './viewer.ts';

export function registerPanelRoutes(app: App, platform: Platform): void {
  const tags = ['bakery'];
  const calendarManage = { access: 'bakery.calendar.manage' as const };

  app.get(
    '/bakery/calendar',
    {
      config: { access: ['bakery.calendar.manage', 'bakery.panel.summary', 'bakery.panel.own'] },
      schema: { tags, querystring: CalendarQuery },
    },
    async (request) =>
      presentCalendar(request.query.month, await loadCalendar(bakeryDb(platform.db), request.query.month)),
  );

  app.put(
    '/bakery/calendar/:date',
    { config: calendarManage, schema: { tags, params: CalendarDayParams, body: CalendarOverrideBody } },
    async (request) => {
      await setCalendarDay(
        platform,
        request.actor,
        request.params.date,
        request.body.is_business_day,
        request.body.reason,
      );
      return { success: true };
    },
  );

  app.delete(
    '/bakery/calendar/:date',
    { config: calendarManage, schema: { tags, params: CalendarDayParams } },
    async (request) => {
      await clearCalendarDay(platform, request.actor, request.params.date);
      return { success: true };
    },
  );

  app.get(
    '/bakery/panel/summary',
    { config: { access: 'bakery.panel.summary' }, schema: { tags, querystring: PanelQuery } },
    async (request) => {
      const q = request.query;
      return summarizePanel(platform, { month: q.month, from: q.from, to: q.to, sellerId: q.seller_id });
    },
  );

  app.get(
    '/bakery/panel/own',
    { config: { access: 'bakery.panel.own' }, schema: { tags, querystring: OwnPanelQuery } },
    async (request) => summarizeOwnPanel(platform, request.auth!.userId, request.query.month),
  );

  /** Report by product, category, seller or date; a route seller gets only their own figures. */
  app.get(
    '/bakery/reports/sales',
    {
      config: { access: ['bakery.reports.read', 'bakery.panel.own'] },
      schema: { tags, querystring: ReportQuery.extend(LangQuery) },
    },
    async (request, reply) => {
      const q = request.query;
      const viewer = viewerOf(request.auth);
      const ownOnly = !request.auth!.permissions.has('bakery.reports.read');
      const sellerId = ownOnly ? viewer.userId : sellerScope(viewer, q.seller_id);
      const language = requestLanguage(request);
      const report = await buildSalesReport(
        platform,
        { group: q.group, from: q.from, to: q.to, sellerId },
        language,
      );
      const filename = `ventas-${q.group}-${q.from}-${q.to}`;
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
      return { title: report.title, subtitle: report.subtitle, columns: report.columns, rows: report.rows };
    },
  );

  app.get('/bakery/settings', { config: { access: 'bakery.catalog.read' }, schema: { tags } }, async () => {
    const logo = await loadLogo(platform);
    return { ...(await loadSettings(platform)), has_logo: logo !== null };
  });

  app.put(
    '/bakery/settings',
    { config: { access: 'bakery.catalog.manage' }, schema: { tags, body: SettingsBody } },
    async (request) => renameBakery(platform, request.actor, request.body.name),
  );

  /** The hour (bakery zone) of the daily reminder to route sellers without today's pedido. */
  app.get(
    '/bakery/settings/reminders',
    { config: { access: 'bakery.catalog.manage' }, schema: { tags } },
    async () => viewReminderSettings(platform),
  );

  app.put(
    '/bakery/settings/reminders',
    { config: { access: 'bakery.catalog.manage' }, schema: { tags, body: ReminderSettingsBody } },
    async (request) => saveReminderSettings(platform, request.actor, request.body),
  );

  app.put(
    '/bakery/settings/logo',
    { config: { access: 'bakery.catalog.manage' }, schema: { tags, body: LogoBody } },
    async (request) =>
      uploadLogo(platform, request.actor, {
        filename: request.body.filename,
        mime: request.body.mime,
        dataBase64: request.body.data_base64,
      }),
  );

  app.get(
    '/bakery/settings/logo',
    { config: { access: 'bakery.catalog.read' }, schema: { tags } },
    async (_request, reply) => {
      const logo = await loadLogo(platform);
      if (!logo) throw notFound('bakery_logo');
      return reply.type(logo.mime).header('cache-control', 'no-cache').send(logo.bytes);
    },
  );
}
