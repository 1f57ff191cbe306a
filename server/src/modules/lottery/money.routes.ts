import { IdParams } from '@matriz/shared/api/common';
import {
  CashbackComputeBody,
  CashbackSettingsBody,
  CashCloseBody,
  CloseShiftBody,
  CuadreQuery,
  DayQuery,
  LoanBody,
  MoneySettingsBody,
  MovementBody,
  MovementDecisionBody,
  MovementQuery,
  OpenShiftBody,
  PrintQuery,
  RepayBody,
} from '@matriz/shared/api/lottery-money';
import { localDate } from '@matriz/shared/lottery/schedule';
import { toCents, toMajor } from '@matriz/shared/money';
import type { FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../platform/errors.ts';
import { LangQuery, requestLanguage } from '../../platform/http/language.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { approveMovement, getMoneySettings } from './approve-movement.ts';
import { cuadreLines, renderCuadrePdf } from './build-lottery-report.ts';
import { bancaCuadre, closeCashDay } from './cash-close.ts';
import { closeShift, currentShift } from './close-shift.ts';
import { collectCash } from './collect-cash.ts';
import { computeCashback } from './compute-cashback.ts';
import { lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { grantLoan, loanSchedule } from './grant-loan.ts';
import {
  bancaLedger,
  findLoan,
  listLoans,
  listMovements,
  listShifts,
  loanRepaid,
  moneyBancaIds,
  readCashbackSettings,
  writeCashbackSettings,
  writeMoneySettingsJson,
} from './money.repo.ts';
import { openShift } from './open-shift.ts';
import { payBanca } from './pay-banca.ts';
import { repayLoan } from './repay-loan.ts';

const cents = (major: number) => toCents(major)!;

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

function presentMovement(m: Record<string, unknown>) {
  return { ...m, amount: toMajor(Number(m.amount)), idempotency_key: undefined };
}

export function registerMoneyRoutes(app: App, platform: Platform): void {
  const read = { access: 'lottery.money.read' as const };
  const collect = { access: 'lottery.money.collect' as const };
  const manage = { access: 'lottery.money.manage' as const };
  const sell = { access: 'lottery.ticket.sell' as const };
  const tags = ['lottery-money'];
  const db = () => lotteryDb(platform.db);
  const scopeOf = (request: FastifyRequest) =>
    moneyBancaIds(
      db(),
      request.auth!.userId,
      request.auth!.permissions.has('lottery.money.manage') ||
        request.auth!.permissions.has('lottery.network.manage'),
    );

  app.get('/lottery/money/settings', { config: read, schema: { tags } }, async () => {
    const s = await getMoneySettings(db());
    const cashback = await readCashbackSettings(db());
    return {
      approval_threshold: s.approval_threshold === null ? null : toMajor(s.approval_threshold),
      cashback: cashback.map((c) => ({
        banca_id: c.banca_id,
        rate: Number(c.cashback_bp) / 100,
        period: c.cashback_period,
      })),
    };
  });
  app.put(
    '/lottery/money/settings',
    { config: manage, schema: { tags, body: MoneySettingsBody } },
    async (request) => {
      const before = await getMoneySettings(db());
      const value = {
        approval_threshold:
          request.body.approval_threshold === null ? null : cents(request.body.approval_threshold),
      };
      await platform.db.transaction().execute(async (trx) => {
        await writeMoneySettingsJson(
          lotteryDb(trx),
          JSON.stringify(value),
          platform.clock.now().toISOString(),
        );
        await platform.audit(trx, request.actor, {
          entity: 'lottery_money_settings',
          action: 'update',
          before,
          after: value,
        });
      });
      return { approval_threshold: request.body.approval_threshold };
    },
  );
  app.put(
    '/lottery/money/bancas/:id/cashback',
    { config: manage, schema: { tags, params: IdParams, body: CashbackSettingsBody } },
    async (request) => {
      const row = {
        banca_id: request.params.id,
        cashback_bp: cents(request.body.rate),
        cashback_period: request.body.period,
        updated_at: platform.clock.now().toISOString(),
      };
      await platform.db.transaction().execute(async (trx) => {
        const tdb = lotteryDb(trx);
        const banca = await tdb
          .selectFrom('lottery_bancas')
          .select('code')
          .where('id', '=', row.banca_id)
          .executeTakeFirst();
        if (!banca) throw notFound('lottery_banca', row.banca_id);
        await writeCashbackSettings(tdb, row);
        await platform.audit(trx, request.actor, {
          entity: 'lottery_banca',
          entityId: row.banca_id,
          action: 'cashback',
          after: row,
        });
      });
      return { banca_id: row.banca_id, rate: request.body.rate, period: request.body.period };
    },
  );
  app.post(
    '/lottery/money/cashback/compute',
    { config: manage, schema: { tags, body: CashbackComputeBody } },
    async (request) => {
      const result = await computeCashback(platform, request.body.date, request.actor, request.body.banca_id);
      return { ...result, amount: toMajor(result.amount) };
    },
  );

  app.get(
    '/lottery/money/movements',
    { config: read, schema: { tags, querystring: MovementQuery } },
    async (request) => {
      const q = request.query;
      const result = await listMovements(db(), {
        bancaIds: await scopeOf(request),
        bancaId: q.banca_id,
        status: q.status,
        kind: q.kind,
        from: q.from,
        to: q.to,
        page: q.page,
        pageSize: q.page_size,
      });
      return {
        items: result.items.map(presentMovement),
        total: result.total,
        page: q.page,
        page_size: q.page_size,
      };
    },
  );
  for (const [path, use] of [
    ['/lottery/money/cobros', collectCash],
    ['/lottery/money/pagos', payBanca],
  ] as const) {
    app.post(path, { config: collect, schema: { tags, body: MovementBody } }, async (request, reply) => {
      const movement = await use(platform, request.actor, request.auth!, {
        bancaId: request.body.banca_id,
        amountCents: cents(request.body.amount),
        note: request.body.note,
        idempotencyKey: idempotencyKey(request),
      });
      reply.code(movement.replayed ? 200 : 201);
      return presentMovement(movement);
    });
  }
  app.post(
    '/lottery/money/movements/:id/decision',
    { config: manage, schema: { tags, params: IdParams, body: MovementDecisionBody } },
    async (request) =>
      approveMovement(platform, request.actor, request.auth!, request.params.id, request.body.decision),
  );

  app.get('/lottery/money/loans', { config: read, schema: { tags } }, async (request) => {
    const loans = await listLoans(db(), await scopeOf(request));
    return {
      items: loans.map((l) => ({
        ...l,
        principal: toMajor(Number(l.principal)),
        installment_amount: toMajor(Number(l.installment_amount)),
        repaid: toMajor(Number(l.repaid)),
        balance: toMajor(Number(l.principal) - Number(l.repaid)),
      })),
    };
  });
  app.post(
    '/lottery/money/loans',
    { config: manage, schema: { tags, body: LoanBody } },
    async (request, reply) => {
      const b = request.body;
      const result = await grantLoan(platform, request.actor, request.auth!, {
        bancaId: b.banca_id,
        principalCents: cents(b.principal),
        installments: b.installments,
        frequency: b.frequency,
        firstDueDate: b.first_due_date,
        note: b.note,
        idempotencyKey: idempotencyKey(request),
      });
      reply.code(result.replayed ? 200 : 201);
      return result;
    },
  );
  app.get(
    '/lottery/money/loans/:id',
    { config: read, schema: { tags, params: IdParams } },
    async (request) => {
      const loan = await findLoan(db(), request.params.id);
      const scope = await scopeOf(request);
      if (!loan || (scope && !scope.includes(loan.banca_id)))
        throw notFound('lottery_loan', request.params.id);
      const repaid = Number(
        (await listLoans(db(), null, loan.banca_id)).find((l) => l.id === loan.id)?.repaid ?? 0,
      );
      const schedule = loanSchedule(
        {
          principal: Number(loan.principal),
          installments: loan.installments,
          frequency: loan.frequency,
          first_due_date: loan.first_due_date,
        },
        repaid,
      );
      return {
        ...loan,
        principal: toMajor(Number(loan.principal)),
        installment_amount: toMajor(Number(loan.installment_amount)),
        repaid: toMajor(repaid),
        balance: toMajor(Number(loan.principal) - repaid),
        pending_repayments: toMajor((await loanRepaid(db(), loan.id)) - repaid),
        schedule: schedule.map((s) => ({ ...s, amount: toMajor(s.amount), paid: toMajor(s.paid) })),
      };
    },
  );
  app.post(
    '/lottery/money/loans/:id/repayments',
    { config: collect, schema: { tags, params: IdParams, body: RepayBody } },
    async (request, reply) => {
      const movement = await repayLoan(platform, request.actor, request.auth!, {
        loanId: request.params.id,
        amountCents: cents(request.body.amount),
        note: request.body.note,
        idempotencyKey: idempotencyKey(request),
      });
      reply.code(movement.replayed ? 200 : 201);
      return presentMovement(movement);
    },
  );

  const money = (figures: Record<string, number>) =>
    Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, k.endsWith('tickets') ? v : toMajor(v)]));

  app.get(
    '/lottery/money/cuadre',
    { config: read, schema: { tags, querystring: CuadreQuery } },
    async (request) => {
      const result = await bancaCuadre(platform, request.auth!, request.query.banca_id, request.query.date);
      return {
        banca: { id: result.banca.id, code: result.banca.code, name: result.banca.name },
        date: result.date,
        figures: money(result.figures as unknown as Record<string, number>),
        close: result.close
          ? {
              closed_at: result.close.closed_at,
              counted_cash: toMajor(Number(result.close.counted_cash)),
              expected_cash: toMajor(Number(result.close.expected_cash)),
              difference: toMajor(Number(result.close.difference)),
            }
          : null,
      };
    },
  );
  app.get(
    '/lottery/money/cuadre/print',
    { config: read, schema: { tags, querystring: CuadreQuery.extend(PrintQuery.shape).extend(LangQuery) } },
    async (request, reply) => {
      const result = await bancaCuadre(platform, request.auth!, request.query.banca_id, request.query.date);
      const settings = await getOperatorSettings(db(), platform.config);
      const language = requestLanguage(request);
      const closed = result.close
        ? (JSON.parse(result.close.figures_json) as typeof result.figures)
        : result.figures;
      const pdf = await renderCuadrePdf(
        {
          title: `CUADRE ${result.banca.code} ${result.banca.name} · ${result.date}`,
          lines: cuadreLines(
            closed,
            result.close ? Number(result.close.counted_cash) : null,
            settings.currency_symbol,
            language,
          ),
          footer: `${settings.name} · ${platform.clock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        },
        request.query.format,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="cuadre-${result.banca.code}-${result.date}.pdf"`)
        .send(pdf);
    },
  );
  app.post(
    '/lottery/money/cash-closes',
    { config: collect, schema: { tags, body: CashCloseBody } },
    async (request, reply) => {
      const close = await closeCashDay(platform, request.actor, request.auth!, {
        bancaId: request.body.banca_id,
        date: request.body.date,
        countedCents: cents(request.body.counted_cash),
        note: request.body.note,
      });
      reply.code(201);
      return {
        id: close.id,
        date: close.business_date,
        expected_cash: toMajor(close.expected_cash),
        counted_cash: toMajor(close.counted_cash),
        difference: toMajor(close.difference),
        figures: money(close.figures as unknown as Record<string, number>),
      };
    },
  );

  const presentShift = (s: Record<string, unknown>, figures: Record<string, number> | null) => ({
    ...s,
    opening_cash: toMajor(Number(s.opening_cash)),
    expected_cash: s.expected_cash === null ? null : toMajor(Number(s.expected_cash)),
    counted_cash: s.counted_cash === null ? null : toMajor(Number(s.counted_cash)),
    difference: s.difference === null ? null : toMajor(Number(s.difference)),
    figures_json: undefined,
    figures: figures ? money(figures) : null,
  });
  app.get('/lottery/money/shift', { config: sell, schema: { tags } }, async (request) => {
    const current = await currentShift(platform, request.auth!);
    // Today's closed shifts come along, so a seller can reprint a cuadre after a reload.
    const today = localDate(platform.clock.now(), platform.config.timezone);
    const ofToday = await listShifts(db(), null, today, request.auth!.userId);
    return {
      shift: current ? presentShift(current.shift, current.figures) : null,
      closed: ofToday
        .filter((s) => s.status === 'closed')
        .reverse()
        .map((s) => presentShift(s, s.figures_json ? JSON.parse(s.figures_json) : null)),
    };
  });
  app.post(
    '/lottery/money/shifts',
    { config: sell, schema: { tags, body: OpenShiftBody } },
    async (request, reply) => {
      const shift = await openShift(platform, request.actor, {
        bancaId: request.body.banca_id,
        openingCashCents: cents(request.body.opening_cash),
      });
      reply.code(201);
      return { shift: presentShift(shift, null) };
    },
  );
  app.post(
    '/lottery/money/shifts/close',
    { config: sell, schema: { tags, body: CloseShiftBody } },
    async (request) => {
      const closed = await closeShift(platform, request.actor, request.auth!, {
        shiftId: request.body.shift_id,
        countedCents: cents(request.body.counted_cash),
      });
      return { shift: presentShift(closed, closed.figures as unknown as Record<string, number>) };
    },
  );
  app.get(
    '/lottery/money/shifts/:id/print',
    { config: sell, schema: { tags, params: IdParams, querystring: PrintQuery.extend(LangQuery) } },
    async (request, reply) => {
      const current = await currentShift(platform, request.auth!, request.params.id);
      if (!current) throw notFound('lottery_shift', request.params.id);
      const settings = await getOperatorSettings(db(), platform.config);
      const pdf = await renderCuadrePdf(
        {
          title: `CUADRE TURNO ${current.shift.business_date} ${current.shift.opened_at.slice(11, 16)}–${(current.shift.closed_at ?? '').slice(11, 16)}`,
          lines: cuadreLines(
            current.figures,
            current.shift.counted_cash === null ? null : Number(current.shift.counted_cash),
            settings.currency_symbol,
            requestLanguage(request),
          ),
          footer: settings.name,
        },
        request.query.format,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="turno.pdf"')
        .send(pdf);
    },
  );
  app.get(
    '/lottery/money/shifts',
    { config: read, schema: { tags, querystring: DayQuery } },
    async (request) => {
      const day = request.query.date ?? localDate(platform.clock.now(), platform.config.timezone);
      const shifts = await listShifts(db(), await scopeOf(request), day);
      return {
        date: day,
        items: shifts.map((s) => presentShift(s, s.figures_json ? JSON.parse(s.figures_json) : null)),
      };
    },
  );
  app.get(
    '/lottery/money/bancas/:id/ledger',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: MovementQuery.pick({ from: true, to: true, page: true, page_size: true }),
      },
    },
    async (request) => {
      const scope = await scopeOf(request);
      if (scope && !scope.includes(request.params.id)) throw notFound('lottery_banca', request.params.id);
      const today = localDate(platform.clock.now(), platform.config.timezone);
      const q = request.query;
      const result = await bancaLedger(
        db(),
        request.params.id,
        q.from ?? today,
        q.to ?? today,
        q.page_size,
        (q.page - 1) * q.page_size,
      );
      return {
        items: result.items.map((e) => ({ ...e, amount: toMajor(Number(e.amount)) })),
        total: result.total,
        page: q.page,
        page_size: q.page_size,
      };
    },
  );
}
