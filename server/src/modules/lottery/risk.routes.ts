import { IdParams } from '@matriz/shared/api/common';
import {
  AcknowledgeBody,
  AnomalyListQuery,
  AnomalyReportQuery,
  BoardQuery,
  DashboardQuery,
  LayoffBody,
  LayoffListQuery,
  PartnerBody,
  PartnerPatch,
  RetentionBody,
  StatementQuery,
} from '@matriz/shared/api/lottery-risk';
import { percentToBasisPoints, toCents, toMajor } from '@matriz/shared/money';
import { renderTableXlsx } from '../../platform/exports/xlsx.ts';
import { LangQuery, requestLanguage } from '../../platform/http/language.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { acknowledgeAnomaly } from './acknowledge-anomaly.ts';
import { anomalyReport, listAnomalies } from './anomalies.repo.ts';
import {
  buildPartnerStatement,
  type PartnerStatement,
  partnerStatementReport,
} from './build-partner-statement.ts';
import { lotteryDb } from './db.ts';
import { exportLayoff, type LayoffRequest } from './export-layoff.ts';
import { getBoard } from './get-board.ts';
import { getDashboard } from './get-dashboard.ts';
import { importLayoff } from './import-layoff.ts';
import { listLayoffs, listPartners, listRetentionLimits } from './layoff.repo.ts';
import { savePartner } from './save-partner.ts';
import { setRetentionLimit } from './set-retention-limit.ts';
import { layoffShares } from './settle-layoffs.ts';
import { visibleBancaIds } from './ticket-scope.ts';

const tags = ['lottery-risk'];

function presentLayoff(row: Awaited<ReturnType<typeof listLayoffs>>[number]) {
  return {
    id: row.id,
    direction: row.direction,
    partner_id: row.partner_id,
    partner_code: row.partner_code,
    partner_name: row.partner_name,
    lottery_code: row.lottery_code,
    draw_id: row.draw_id,
    draw_date: row.draw_date,
    draw_time: row.draw_time,
    draw_status: row.draw_status,
    bet_type: row.bet_type,
    number: row.bet_number,
    amount: toMajor(Number(row.amount)),
    commission_bp: row.commission_bp,
    commission: toMajor(Number(row.commission_amount)),
    prize_share: toMajor(Number(row.prize_share)),
    reference: row.reference,
    created_at: row.created_at,
  };
}

function presentStatement(statement: PartnerStatement) {
  const money = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).map(([key, cents]) => [key, toMajor(cents)]));
  return {
    partner: {
      id: statement.partner.id,
      code: statement.partner.code,
      name: statement.partner.name,
      commission: statement.partner.commission_bp / 100,
    },
    from: statement.from,
    to: statement.to,
    opening_balance: toMajor(statement.opening_balance),
    lines: statement.lines.map((line) => ({
      ...line,
      charge: toMajor(line.charge),
      credit: toMajor(line.credit),
      balance: toMajor(line.balance),
    })),
    totals: money({ ...statement.totals }),
    closing_balance: toMajor(statement.closing_balance),
    /** What the partner owes the house on every entry so far (negative: the house owes the partner). */
    balance: toMajor(statement.balance),
  };
}

function layoffRequest(body: typeof LayoffBody._output): LayoffRequest {
  return {
    lottery: body.lottery,
    drawId: body.draw_id,
    number: body.number,
    betType: body.bet_type,
    amountCents: toCents(body.amount)!,
    partner: body.partner,
    commissionBp: body.commission === undefined ? undefined : percentToBasisPoints(body.commission)!,
    reference: body.reference ?? null,
  };
}

/** Board, anomalies, dashboard and lay-offs (bote). */
export function registerRiskRoutes(app: App, platform: Platform): void {
  const risk = { access: 'lottery.risk.read' as const };
  const manage = { access: 'lottery.limits.manage' as const };
  const db = () => lotteryDb(platform.db);

  app.get(
    '/lottery/draws/:id/board',
    { config: risk, schema: { tags, params: IdParams, querystring: BoardQuery } },
    async (request) =>
      getBoard(platform, request.auth!, {
        drawId: request.params.id,
        zoneId: request.query.zone_id,
        bancaId: request.query.banca_id,
      }),
  );

  app.get(
    '/lottery/anomalies',
    { config: risk, schema: { tags, querystring: AnomalyListQuery } },
    async (request) => {
      const q = request.query;
      const { items, total } = await listAnomalies(db(), {
        status: q.status,
        severity: q.severity,
        kind: q.kind,
        from: q.from,
        to: q.to,
        bancaIds: await visibleBancaIds(db(), request.auth!),
        limit: q.page_size,
        offset: (q.page - 1) * q.page_size,
      });
      return {
        items: items.map((a) => ({
          id: a.id,
          kind: a.kind,
          severity: a.severity,
          entity: a.entity,
          entity_id: a.entity_id,
          banca_id: a.banca_id,
          banca_code: a.banca_code,
          banca_name: a.banca_name,
          draw_id: a.draw_id,
          details: JSON.parse(a.details_json),
          created_at: a.created_at,
          acknowledged_at: a.acknowledged_at,
          acknowledged_by: a.acknowledged_by_username ?? a.acknowledged_by,
          comment: a.comment,
        })),
        total,
        page: q.page,
        page_size: q.page_size,
      };
    },
  );
  app.get(
    '/lottery/anomalies/report',
    { config: risk, schema: { tags, querystring: AnomalyReportQuery } },
    async (request) => {
      const rows = await anomalyReport(db(), {
        status: 'all',
        from: request.query.from,
        to: request.query.to,
        bancaIds: await visibleBancaIds(db(), request.auth!),
      });
      const byKind: Record<string, { total: number; open: number }> = {};
      const bySeverity: Record<string, { total: number; open: number }> = {};
      for (const r of rows) {
        for (const [map, key] of [
          [byKind, r.kind],
          [bySeverity, r.severity],
        ] as const) {
          map[key] = { total: (map[key]?.total ?? 0) + r.total, open: (map[key]?.open ?? 0) + r.open };
        }
      }
      return {
        from: request.query.from ?? null,
        to: request.query.to ?? null,
        total: rows.reduce((s, r) => s + r.total, 0),
        open: rows.reduce((s, r) => s + r.open, 0),
        by_kind: byKind,
        by_severity: bySeverity,
        rows,
      };
    },
  );
  app.post(
    '/lottery/anomalies/:id/acknowledge',
    { config: risk, schema: { tags, params: IdParams, body: AcknowledgeBody } },
    async (request) => {
      await acknowledgeAnomaly(
        platform,
        request.actor,
        request.auth!,
        request.params.id,
        request.body.comment,
      );
      return { success: true };
    },
  );

  app.get(
    '/lottery/dashboard',
    {
      config: { access: ['lottery.risk.read', 'lottery.ticket.sell'] as const },
      schema: { tags, querystring: DashboardQuery },
    },
    async (request) => getDashboard(platform, request.auth!, request.query),
  );

  // ── lay-off of excess (bote) ───────────────────────────────────────────────────────────────
  app.get('/lottery/pots/partners', { config: risk, schema: { tags } }, async () => ({
    items: (await listPartners(db())).map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      commission: p.commission_bp / 100,
      contact: p.contact,
      active: p.active === 1,
    })),
  }));
  app.post(
    '/lottery/pots/partners',
    { config: manage, schema: { tags, body: PartnerBody } },
    async (request, reply) => {
      const b = request.body;
      const id = await savePartner(platform, request.actor, null, {
        code: b.code,
        name: b.name,
        commissionBp: percentToBasisPoints(b.commission)!,
        contact: b.contact ?? null,
        active: b.active,
      });
      return reply.status(201).send({ success: true, id });
    },
  );
  app.patch(
    '/lottery/pots/partners/:id',
    { config: manage, schema: { tags, params: IdParams, body: PartnerPatch } },
    async (request) => {
      const b = request.body;
      await savePartner(platform, request.actor, request.params.id, {
        code: b.code,
        name: b.name,
        commissionBp: b.commission === undefined ? undefined : percentToBasisPoints(b.commission)!,
        contact: b.contact,
        active: b.active,
      });
      return { success: true };
    },
  );
  app.get('/lottery/pots/retention', { config: risk, schema: { tags } }, async () => ({
    items: (await listRetentionLimits(db())).map((r) => ({
      id: r.id,
      lottery_id: r.lottery_id,
      bet_type: r.bet_type,
      number: r.number,
      max_amount: toMajor(Number(r.max_cents)),
    })),
  }));
  app.put(
    '/lottery/pots/retention',
    { config: manage, schema: { tags, body: RetentionBody } },
    async (request) => {
      const b = request.body;
      const id = await setRetentionLimit(platform, request.actor, {
        lotteryId: b.lottery_id ?? null,
        betType: b.bet_type,
        number: b.number ?? null,
        maxCents: toCents(b.max_amount)!,
        reason: b.reason,
      });
      return { success: true, id };
    },
  );
  app.get(
    '/lottery/pots',
    { config: risk, schema: { tags, querystring: LayoffListQuery } },
    async (request) => ({
      items: (
        await listLayoffs(db(), {
          drawId: request.query.draw_id,
          partnerId: request.query.partner_id,
          from: request.query.from,
          to: request.query.to,
        })
      ).map(presentLayoff),
    }),
  );
  app.post(
    '/lottery/pots/export',
    { config: manage, schema: { tags, body: LayoffBody } },
    async (request, reply) => {
      const id = await exportLayoff(platform, request.actor, layoffRequest(request.body));
      return reply.status(201).send({ success: true, id });
    },
  );
  app.post(
    '/lottery/pots/import',
    { config: manage, schema: { tags, body: LayoffBody } },
    async (request, reply) => {
      const id = await importLayoff(platform, request.actor, layoffRequest(request.body));
      return reply.status(201).send({ success: true, id });
    },
  );
  app.post(
    '/lottery/draws/:id/pots/settle',
    { config: manage, schema: { tags, params: IdParams } },
    async (request) => {
      const shares = await layoffShares(platform, request.params.id, request.actor);
      return {
        success: true,
        shares: shares.map((s) => ({
          ...s,
          amount: toMajor(s.amount),
          prize: toMajor(s.prize),
          sold: toMajor(s.sold),
          share: toMajor(s.share),
        })),
      };
    },
  );
  app.get(
    '/lottery/pots/partners/:id/statement',
    { config: risk, schema: { tags, params: IdParams, querystring: StatementQuery } },
    async (request) =>
      presentStatement(await buildPartnerStatement(platform, request.params.id, request.query)),
  );
  app.get(
    '/lottery/pots/partners/:id/statement/xlsx',
    { config: risk, schema: { tags, params: IdParams, querystring: StatementQuery.extend(LangQuery) } },
    async (request, reply) => {
      const statement = await buildPartnerStatement(platform, request.params.id, request.query);
      const report = await partnerStatementReport(platform, statement, requestLanguage(request));
      const filename = `estado-${statement.partner.code}-${statement.from}-${statement.to}`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${filename}.xlsx"`)
        .send(await renderTableXlsx(report));
    },
  );
}
