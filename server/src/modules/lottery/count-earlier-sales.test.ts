import { expect, it } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { lotteryDb } from './db.ts';
import { openDraw, THURSDAY_MORNING } from './lottery-test-kit.ts';
import type { SaleRequest } from './prepare-sale.ts';
import { createSalesCommitter, type SalesCommitter, sellTicket } from './sell-ticket.ts';

async function call(app: TestApp, cookie: string, method: 'POST' | 'PATCH', url: string, payload: object) {
  const response = await app.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload });
  return { status: response.statusCode, body: response.json() };
}

async function sell(app: TestApp, cookie: string, entry: string, drawId: string) {
  return call(app, cookie, 'POST', '/lottery/tickets', { entry, draw_ids: [drawId] });
}

/** Refuses what does not fit whole, so a refusal shows what is left. */
async function refusePartialLines(app: TestApp, admin: string): Promise<void> {
  const banca = await lotteryDb(app.platform.db)
    .selectFrom('lottery_bancas')
    .select('id')
    .where('code', '=', '010')
    .executeTakeFirstOrThrow();
  const patched = await call(app, admin, 'PATCH', `/lottery/bancas/${banca.id}`, {
    accept_partial_lines: false,
  });
  expect(patched.status).toBe(200);
}

/** What each limit counter of a number in a draw holds, by key. */
async function countersOf(app: TestApp, drawId: string, number: string): Promise<Record<string, number>> {
  const rows = await lotteryDb(app.platform.db)
    .selectFrom('lottery_limit_counters')
    .select(['key', 'sold'])
    .where('draw_id', '=', drawId)
    .execute();
  const prefix = `N|${drawId}|DIRECTO|${number}|`;
  return Object.fromEntries(rows.filter((r) => r.key.startsWith(prefix)).map((r) => [r.key, Number(r.sold)]));
}

async function soldOn(app: TestApp, drawId: string, number: string): Promise<number> {
  const lines = await lotteryDb(app.platform.db)
    .selectFrom('lottery_ticket_lines as l')
    .innerJoin('lottery_tickets as t', 't.id', 'l.ticket_id')
    .select('l.bet_amount')
    .where('l.draw_id', '=', drawId)
    .where('l.bet_number', '=', number)
    .where('t.status', '!=', 'cancelled')
    .execute();
  return lines.reduce((sum, line) => sum + Number(line.bet_amount), 0);
}

/**
 * Sells as juan001 with a committer that lets `meanwhile` run after the sale was planned and
 * before its batch commits: the window a rule saved during a sale falls into.
 */
async function sellWhile(app: TestApp, request: SaleRequest, meanwhile: () => Promise<unknown>) {
  const real = createSalesCommitter(app.platform);
  let ran = false;
  const committer = {
    submit: async (item: Parameters<SalesCommitter['submit']>[0]) => {
      if (!ran) {
        ran = true;
        await meanwhile();
      }
      return real.submit(item);
    },
  } as SalesCommitter;
  const seller = await lotteryDb(app.platform.db)
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'juan001')
    .executeTakeFirstOrThrow();
  return sellTicket(app.platform, committer, { userId: seller.id, username: 'juan001', ip: null }, request);
}

describeEngines(
  'límites puestos después de vender',
  (t) => {
    it('una regla nueva cuenta lo ya vendido: el palé 1234 con 400 vendidos no acepta más con límite 300; anular lo devuelve', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      await refusePartialLines(app, admin);
      const drawId = await openDraw(app, 'GANAMAS');
      const first = await sell(app, juan, '1234 400', drawId);
      expect(first.status, JSON.stringify(first.body)).toBe(201);

      const rule = await call(app, admin, 'POST', '/lottery/limits', {
        level: 'number',
        bet_type: 'PALE',
        number: '1234',
        max_amount: 300,
        draw_id: drawId,
      });
      expect(rule.status, JSON.stringify(rule.body)).toBe(201);
      const refused = await sell(app, juan, '1234 100', drawId);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        details: { limit: 300, sold: 400, available: 0 },
      });

      // Cancelling the earlier ticket gives back what the rule counted for it: 300 fit again.
      const cancelled = await call(
        app,
        juan,
        'POST',
        `/lottery/tickets/${first.body.ticket.ticket_code}/cancel`,
        {
          reason: 'error del cliente',
        },
      );
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      expect((await sell(app, juan, '1234 300', drawId)).status).toBe(201);
      expect((await sell(app, juan, '1234 1', drawId)).status).toBe(422);
    });

    it('un número caliente marcado después de vender cuenta lo vendido: 56 con 300 vendidos no acepta más con límite 100', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      await refusePartialLines(app, admin);
      const drawId = await openDraw(app, 'LOTEDOM');
      expect((await sell(app, juan, '56 300', drawId)).status).toBe(201);
      const hot = await call(app, admin, 'POST', '/lottery/hot-numbers', {
        number: '56',
        directo: 100,
        reason: 'número de la suerte del día',
      });
      expect(hot.status, JSON.stringify(hot.body)).toBe(201);
      const refused = await sell(app, juan, '56 50', drawId);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        details: { sold: 300, available: 0 },
      });
      // Another number of the same draw is not touched.
      expect((await sell(app, juan, '57 50', drawId)).status).toBe(201);
    });

    it('una venta ya planeada cuando se guarda un límite se vuelve a revisar: el 48 no pasa de 100', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      await refusePartialLines(app, admin);
      const drawId = await openDraw(app, 'LOTEDOM');
      expect((await sell(app, juan, '48 60', drawId)).status).toBe(201);
      const request = { multiplier: 1, discountBp: 0, entry: '48 60', drawIds: [drawId] };
      const selling = sellWhile(app, request, async () => {
        const rule = await call(app, admin, 'POST', '/lottery/limits', {
          level: 'number',
          bet_type: 'DIRECTO',
          number: '48',
          max_amount: 100,
          draw_id: drawId,
        });
        expect(rule.status, JSON.stringify(rule.body)).toBe(201);
      });
      await expect(selling).rejects.toMatchObject({
        code: 'LIMIT_EXCEEDED',
        details: { limit: 100, sold: 60, requested: 60, available: 40 },
      });
      expect(await soldOn(app, drawId, '48')).toBe(6_000);
      expect(Object.values(await countersOf(app, drawId, '48'))).toEqual([6_000]);
    });

    it('una venta ya planeada cuando se bloquea su número no se vende', async () => {
      const app = t();
      const admin = await app.login('admin');
      const drawId = await openDraw(app, 'LOTEDOM');
      const request = { multiplier: 1, discountBp: 0, entry: '77 25', drawIds: [drawId] };
      const selling = sellWhile(app, request, async () => {
        const block = await call(app, admin, 'POST', '/lottery/blocks', {
          number: '77',
          reason: 'número sospechoso',
        });
        expect(block.status, JSON.stringify(block.body)).toBe(201);
      });
      await expect(selling).rejects.toMatchObject({ code: 'NUMBER_BLOCKED' });
      expect(await soldOn(app, drawId, '77')).toBe(0);
    });

    it('ventas en paralelo mientras se guardan límites: todo lo vendido queda contado', async () => {
      const app = t();
      const admin = await app.login('admin');
      const juan = await app.login('juan001');
      await refusePartialLines(app, admin);
      const drawId = await openDraw(app, 'LOTEDOM');
      const rules = [5_000, 4_000, 3_000].map(
        (max) => () =>
          call(app, admin, 'POST', '/lottery/limits', {
            level: 'number',
            bet_type: 'DIRECTO',
            number: '31',
            max_amount: max,
            draw_id: drawId,
          }),
      );
      const sales = Array.from({ length: 60 }, () => () => sell(app, juan, '31 50', drawId));
      const mixed = [
        ...sales.slice(0, 20),
        rules[0],
        ...sales.slice(20, 40),
        rules[1],
        ...sales.slice(40),
        rules[2],
      ];
      const answers = await Promise.all(mixed.map((run) => run()));
      expect(answers.every((a) => a.status === 201 || a.body.error?.code === 'LIMIT_EXCEEDED')).toBe(true);
      const sold = await soldOn(app, drawId, '31');
      expect(sold).toBeGreaterThan(0);
      const counters = await countersOf(app, drawId, '31');
      expect(Object.keys(counters).length).toBeGreaterThan(0);
      for (const [key, counted] of Object.entries(counters)) expect(counted, key).toBe(sold);
    });
  },
  { clock: THURSDAY_MORNING },
);
