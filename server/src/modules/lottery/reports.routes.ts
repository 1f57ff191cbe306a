import { DayQuery, ReportExportParams, ReportParams, ReportQuery } from '@matriz/shared/api/lottery-money';
import { localDate } from '@matriz/shared/lottery/schedule';
import { renderTablePdf } from '../../platform/exports/pdf.ts';
import { renderTableXlsx } from '../../platform/exports/xlsx.ts';
import { LangQuery, requestLanguage } from '../../platform/http/language.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { buildCharts, buildLotteryReport, type ReportRequest } from './build-lottery-report.ts';

const EXPORT_ROWS = 50_000;

function toRequest(q: ReportQuery, page: number, pageSize: number): ReportRequest {
  return {
    from: q.from,
    to: q.to,
    zoneId: q.zone_id,
    bancaId: q.banca_id,
    sellerId: q.seller_id,
    lotteryId: q.lottery_id,
    drawId: q.draw_id,
    betType: q.bet_type,
    period: q.period,
    page,
    pageSize,
  };
}

export function registerReportRoutes(app: App, platform: Platform): void {
  const read = { access: 'lottery.reports.read' as const };
  const tags = ['lottery-reports'];

  app.get(
    '/lottery/reports/charts',
    { config: read, schema: { tags, querystring: DayQuery } },
    async (request) =>
      buildCharts(
        platform,
        request.auth!,
        request.query.date ?? localDate(platform.clock.now(), platform.config.timezone),
      ),
  );
  app.get(
    '/lottery/reports/:kind',
    { config: read, schema: { tags, params: ReportParams, querystring: ReportQuery } },
    async (request) => {
      const q = request.query;
      const built = await buildLotteryReport(
        platform,
        request.auth!,
        request.params.kind,
        toRequest(q, q.page, q.page_size),
        requestLanguage(request),
      );
      return {
        kind: request.params.kind,
        title: built.report.title,
        subtitle: built.report.subtitle,
        currency_symbol: built.report.currency.symbol,
        columns: built.report.columns.map((c) => ({ key: c.key, header: c.header, kind: c.kind })),
        rows: built.report.rows,
        totals: built.totals,
        total: built.totalRows,
        page: built.page,
        page_size: built.pageSize,
      };
    },
  );
  app.get(
    '/lottery/reports/:kind/export/:format',
    {
      config: read,
      schema: { tags, params: ReportExportParams, querystring: ReportQuery.extend(LangQuery) },
    },
    async (request, reply) => {
      const q = request.query;
      const built = await buildLotteryReport(
        platform,
        request.auth!,
        request.params.kind,
        toRequest(q, 1, EXPORT_ROWS),
        requestLanguage(request),
      );
      const filename = `${request.params.kind}-${q.from}-${q.to}`;
      if (request.params.format === 'pdf') {
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${filename}.pdf"`)
          .send(await renderTablePdf(built.report));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${filename}.xlsx"`)
        .send(await renderTableXlsx(built.report));
    },
  );
}
